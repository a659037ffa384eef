// The reader's notes, pure side: what a note may hold, edits, what corrupt storage yields, and
// export/import with merge by term.
import { describe, expect, it } from 'vitest';
import {
  NOTE_TEXT_MAX,
  NOTES_MAX,
  checkDraft,
  deleteNote,
  editNote,
  exportNotes,
  mergeNotes,
  parseNotesFile,
  readStoredNotes,
  toStored,
  upsertNote,
  type Note,
} from '../../src/core/notes';

const T1 = '2026-03-01T10:00:00.000Z';
const T2 = '2026-03-02T10:00:00.000Z';
const T3 = '2026-03-03T10:00:00.000Z';

function note(id: string, term: string, text: string, updated = T1): Note {
  return { id, term, text, created: T1, updated };
}

describe('note drafts', () => {
  it('trims the term and text and folds whitespace in the term', () => {
    expect(checkDraft({ term: '  test \n of   nerves ', text: '  my words \r\n second line ' })).toEqual({
      ok: true,
      value: { term: 'test of nerves', text: 'my words \n second line' },
    });
  });

  it('refuses empty, oversized and markup-looking input with a reason', () => {
    const cases: [unknown, RegExp][] = [
      [{ term: '   ', text: 'x' }, /term is empty/],
      [{ term: 'Yongbyon', text: '  ' }, /note is empty/],
      [{ term: '...', text: 'x' }, /letter or digit/],
      [{ term: '<b>x</b>', text: 'x' }, /< or >/],
      [{ term: 'x'.repeat(121), text: 'x' }, /longer than 120/],
      [{ term: 'Yongbyon', text: 'y'.repeat(NOTE_TEXT_MAX + 1) }, /longer than 2000/],
      [{ term: 3, text: 'x' }, /term must be text/],
    ];
    for (const [draft, reason] of cases) {
      const r = checkDraft(draft);
      expect(r.ok, JSON.stringify(draft)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(reason);
    }
  });
});

describe('editing notes', () => {
  const ctx = { now: T2, idSeed: 'abc123' };

  it('adds a note, and a second note on the same term (any case) replaces its text', () => {
    const one = upsertNote([], { term: 'Yongbyon', text: 'first' }, ctx);
    expect(one.ok && one.value.map((n) => [n.term, n.text])).toEqual([['Yongbyon', 'first']]);
    if (!one.ok) return;
    const two = upsertNote(one.value, { term: 'YONGBYON ', text: 'second' }, { now: T3, idSeed: 'zzz' });
    expect(two.ok && two.value.map((n) => [n.id, n.text, n.created, n.updated])).toEqual([[one.value[0]!.id, 'second', T2, T3]]);
  });

  it('edits a note by id, refusing a term another note has; deletes by id', () => {
    const notes = [note('a', 'Yongbyon', 'site'), note('b', 'test of nerves', 'phrase')];
    const clash = editNote(notes, 'b', { term: 'yongbyon', text: 'x' }, T2);
    expect(clash).toEqual({ ok: false, error: 'there is already a note for “Yongbyon”' });
    const ok = editNote(notes, 'b', { term: 'war of nerves', text: 'changed' }, T2);
    expect(ok.ok && ok.value[1]).toEqual({ id: 'b', term: 'war of nerves', text: 'changed', created: T1, updated: T2 });
    expect(editNote(notes, 'gone', { term: 'x', text: 'y' }, T2).ok).toBe(false);
    expect(deleteNote(notes, 'a').map((n) => n.id)).toEqual(['b']);
  });

  it(`stops at ${NOTES_MAX} notes with a message`, () => {
    const many = Array.from({ length: NOTES_MAX }, (_, i) => note(`n${i}`, `term ${i}`, 'x'));
    const r = upsertNote(many, { term: 'one more', text: 'x' }, ctx);
    expect(r.ok).toBe(false);
  });
});

describe('reading stored notes', () => {
  it('keeps every readable note and hands back the unreadable entries untouched, with reasons', () => {
    const bad1 = { id: 'x', term: '', text: 'lost term', created: T1, updated: T1 };
    const bad2 = 'just a string';
    const dup = note('c', 'yongbyon', 'same term again');
    const stored = readStoredNotes({ version: 1, notes: [note('a', 'Yongbyon', 'site'), bad1, note('b', 'Hanoi', 'city'), bad2, dup] });
    expect(stored.notes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(stored.unreadable).toEqual([bad1, bad2, dup]);
    expect(stored.problems).toHaveLength(3);
    expect(stored.problems[0]).toMatch(/^entry 2: term/);
    // Writing back carries the unreadable entries along, so nothing is lost by a later edit.
    expect(readStoredNotes(toStored(stored.notes, stored.unreadable)).unreadable).toEqual([bad1, bad2, dup]);
  });

  it('keeps a record that is not a list at all as one unreadable entry', () => {
    expect(readStoredNotes(undefined)).toEqual({ notes: [], unreadable: [], problems: [] });
    const r = readStoredNotes('garbage');
    expect(r.notes).toEqual([]);
    expect(r.unreadable).toEqual(['garbage']);
  });
});

describe('export and import', () => {
  const mine = [note('a', 'Yongbyon', 'old text', T1), note('b', 'Hanoi', 'same', T1)];

  it('round-trips an export', () => {
    const file = exportNotes(mine, T2);
    expect(parseNotesFile(file)).toEqual({ ok: true, value: mine });
  });

  it('refuses broken files whole, saying why', () => {
    const cases: [string, RegExp][] = [
      ['{not json', /not JSON/],
      ['[]', /not a Backstory notes export/],
      [JSON.stringify({ format: 'something-else', notes: [] }), /not a Backstory notes export/],
      [JSON.stringify({ format: 'backstory-notes', version: 99, notes: [] }), /newer version/],
      [JSON.stringify({ format: 'backstory-notes', version: 1, notes: [mine[0], { ...mine[1], text: '' }] }), /^note 2: text: the note is empty/],
    ];
    for (const [text, reason] of cases) {
      const r = parseNotesFile(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error).toMatch(reason);
    }
  });

  it('merges by term: adds new terms, takes newer text, keeps what is newer here, and counts each', () => {
    const incoming = [
      note('a', 'yongbyon', 'newer text', T3),
      note('b', 'HANOI', 'same', T3),
      note('q', 'Panmunjom', 'new one', T2),
      note('a', 'Stockholm', 'id collides with mine', T2),
    ];
    const r = mergeNotes(mine, incoming, 'seed');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([r.value.added, r.value.updated, r.value.unchanged]).toEqual([2, 1, 1]);
    expect(r.value.notes.map((n) => [n.term, n.text])).toEqual([
      ['yongbyon', 'newer text'],
      ['Hanoi', 'same'],
      ['Panmunjom', 'new one'],
      ['Stockholm', 'id collides with mine'],
    ]);
    expect(new Set(r.value.notes.map((n) => n.id)).size).toBe(4);
    // An older copy of a note does not overwrite a later edit.
    const older = mergeNotes(r.value.notes, [note('z', 'Yongbyon', 'stale', T1)], 'x');
    expect(older.ok && older.value.notes[0]!.text).toBe('newer text');
  });
});
