// @vitest-environment jsdom
// Notes reaching an annotated page: a new note's term is highlighted at once (no reload), a note on
// a pack name lands on that card, and removing the note takes its highlights away again.
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import type { Note } from '../../src/core/notes';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { mentions, PACK, page } from './fixtures';
import { localAnnotator } from './local-analyzer';

const T = '2026-03-01T10:00:00.000Z';
const note = (id: string, term: string, text: string): Note => ({ id, term, text, created: T, updated: T });
const ARTICLE = `<article><h1>Talks stall</h1>
  <p>Analysts call the standoff at Yongbyon a test of nerves. Choe Son Hui said little.</p>
  <p>The Standoff goes on, and nobody mentions the standoffish tone.</p></article>`;

describe('Annotator with reader notes', () => {
  let annotator: Annotator;
  afterEach(() => annotator.deactivate());

  it('highlights a new note term on an annotated page and puts pack-name notes on their cards', async () => {
    page(ARTICLE);
    const text = document.body.textContent;
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await annotator.annotate();
    expect(mentions().some(([id]) => id.startsWith('note-'))).toBe(false);

    await local.setNotes([note('a', 'standoff', 'Nobody admits to it.'), note('b', 'YONGBYON', 'Check the 2008 demolition.')]);
    expect(mentions().filter(([id]) => id === 'note-standoff')).toEqual([
      ['note-standoff', 'standoff'],
      ['note-standoff', 'Standoff'],
    ]);
    const cards = new Map(annotator.visibleCards().map((c) => [c.id, c]));
    expect(cards.get('note-standoff')).toMatchObject({ type: 'term', mentionCount: 2, note: 'Nobody admits to it.' });
    expect(cards.get('yongbyon')?.note).toBe('Check the 2008 demolition.');
    expect(cards.get('choe-son-hui')?.note).toBeUndefined();
    expect(document.body.textContent).toBe(text);

    await local.setNotes([]);
    expect(mentions().some(([id]) => id.startsWith('note-'))).toBe(false);
    expect(mentions().some(([id]) => id === 'yongbyon')).toBe(true);
    expect(annotator.visibleCards().find((c) => c.id === 'yongbyon')?.note).toBeUndefined();
  });

  it('takes notes given before the first pass', async () => {
    page(ARTICLE);
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await local.setNotes([note('a', 'test of nerves', 'My phrase.')]);
    expect(annotator.isActive).toBe(false);
    await annotator.annotate();
    expect(mentions().filter(([id]) => id === 'note-test-of-nerves')).toEqual([['note-test-of-nerves', 'test of nerves']]);
  });
});
