// Notes in the pure pipeline: a note's term is found on the page like a pack name, and its text
// reaches the right card.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analyze';
import { applyNotes, noteSlug } from '../../src/core/notes-pack';
import type { Note } from '../../src/core/notes';
import type { Pack, RunText } from '../../src/core/types';
import { PEOPLE } from './article-fixture';

const PACK: Pack = { id: 'p', version: 1, title: 'Test pack', language: 'en', sources: [], entities: PEOPLE };
const T = '2026-03-01T10:00:00.000Z';
const note = (id: string, term: string, text: string): Note => ({ id, term, text, created: T, updated: T });

function analyze(paragraphs: string[], notes: Note[]) {
  const runs: RunText[] = paragraphs.map((text) => ({ text, kind: 'body' }));
  const applied = applyNotes(PACK, notes);
  return analyzeArticle(runs, applied.pack, { firstMentionOnly: false, notes: applied.notes });
}

describe('notes in the pipeline', () => {
  it('makes a term the pack lacks an entity of its own, matched word-bounded in any case', () => {
    const a = analyze(
      ['Analysts call it a Test of Nerves. The test of nerves goes on.', 'Nobody has a testof nerves or a test of nervesless calm.'],
      [note('a', 'test of nerves', 'My own phrase for the standoff.')],
    );
    const found = a.mentions.filter((m) => m.entityId === 'note-test-of-nerves').map((m) => m.surface);
    expect(found).toEqual(['Test of Nerves', 'test of nerves']);
    const card = a.cards.find((c) => c.id === 'note-test-of-nerves');
    expect(card).toMatchObject({ name: 'test of nerves', type: 'term', mentionCount: 2, note: 'My own phrase for the standoff.' });
  });

  it('puts a note on a pack name (or alias) on that entity’s card instead', () => {
    const a = analyze(['Choe Son Hui spoke. Later the KCNA repeated it.'], [note('a', 'choe son hui', 'Ask about her April promotion.'), note('b', 'KCNA', 'State outlet.')]);
    expect(a.cards.find((c) => c.id === 'choe-son-hui')?.note).toBe('Ask about her April promotion.');
    expect(a.cards.find((c) => c.id === 'kcna')?.note).toBe('State outlet.');
    expect(a.cards.some((c) => c.id.startsWith('note-'))).toBe(false);
  });

  it('leaves the pack untouched without notes and gives stable, distinct ids', () => {
    expect(applyNotes(PACK, []).pack).toBe(PACK);
    expect(noteSlug('Sŏn’s “new path”!')).toBe('son-s-new-path');
    expect(noteSlug('비핵화')).toMatch(/^h[0-9a-z]+$/);
    expect(noteSlug('비핵화')).toBe(noteSlug(' 비핵화 '));
    const { pack } = applyNotes(PACK, [note('a', 'new path', 'x'), note('b', 'new-path!', 'y')]);
    expect(pack.entities.slice(-2).map((e) => e.id)).toEqual(['note-new-path', 'note-new-path-2']);
  });
});
