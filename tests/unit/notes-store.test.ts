// The notes store over a stand-in browser.storage.local: edits, corrupt storage kept and
// reported, import that changes nothing when the file is broken.
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { listeners, store } from './fake-storage';

vi.mock('webextension-polyfill', async () => (await import('./fake-storage')).polyfill);

const notesStore = await import('../../src/shared/notes-store');
const { NOTES_KEY, discardUnreadableNotes, exportAllNotes, importNotes, loadNotes, onNotesChanged, removeNote, saveNote, updateNote } = notesStore;

beforeEach(() => {
  store.clear();
  listeners.clear();
});

describe('notes store', () => {
  it('adds, edits and deletes notes, telling listeners each time', async () => {
    const seen: string[][] = [];
    onNotesChanged((s) => seen.push(s.notes.map((n) => `${n.term}=${n.text}`)));
    const [added] = await saveNote(' Yongbyon ', 'The reactor site.');
    await updateNote(added!.id, 'Yongbyon complex', 'Edited.');
    await saveNote('test of nerves', 'A phrase.');
    await removeNote(added!.id);
    expect(seen).toEqual([['Yongbyon=The reactor site.'], ['Yongbyon complex=Edited.'], ['Yongbyon complex=Edited.', 'test of nerves=A phrase.'], ['test of nerves=A phrase.']]);
    await expect(saveNote('', 'x')).rejects.toThrow(/term is empty/);
  });

  it('keeps unreadable entries through later edits until the reader discards them', async () => {
    const good = { id: 'a', term: 'Hanoi', text: 'City.', created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
    const broken = { id: 'b', term: 'Hanoi summit', text: 42 };
    store.set(NOTES_KEY, { version: 1, notes: [good, broken] });
    const loaded = await loadNotes();
    expect(loaded.notes.map((n) => n.term)).toEqual(['Hanoi']);
    expect(loaded.problems).toEqual(['entry 2: text: the note must be text']);
    await saveNote('Yongbyon', 'Site.');
    expect((store.get(NOTES_KEY) as { notes: unknown[] }).notes).toContainEqual(broken);
    // What can be read is exportable.
    expect(JSON.parse(await exportAllNotes()).notes.map((n: { term: string }) => n.term)).toEqual(['Hanoi', 'Yongbyon']);
    await discardUnreadableNotes();
    expect((await loadNotes()).unreadable).toEqual([]);
    expect((await loadNotes()).notes).toHaveLength(2);
  });

  it('imports a file by merging, and leaves storage as it was when the file is broken', async () => {
    await saveNote('Hanoi', 'Mine.');
    const before = structuredClone(store.get(NOTES_KEY));
    await expect(importNotes('{"format":"backstory-notes","version":1,"notes":[{"term":"x"}]}')).rejects.toThrow(/^note 1: /);
    await expect(importNotes('not json')).rejects.toThrow(/not JSON/);
    expect(store.get(NOTES_KEY)).toEqual(before);
    const other = JSON.parse(await exportAllNotes());
    other.notes[0].text = 'Theirs, newer.';
    other.notes[0].updated = '2999-01-01T00:00:00.000Z';
    other.notes.push({ ...other.notes[0], id: 'other', term: 'Panmunjom', text: 'New.' });
    const r = await importNotes(JSON.stringify(other));
    expect([r.added, r.updated, r.unchanged]).toEqual([1, 1, 0]);
    expect((await loadNotes()).notes.map((n) => n.text)).toEqual(['Theirs, newer.', 'New.']);
  });
});
