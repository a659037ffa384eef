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

/** The id the page sees for the note on `term`: the card's, which the content script keeps. */
function noteId(annotator: Annotator, term: string): string {
  const card = annotator.visibleCards().find((c) => c.type === 'term' && c.name === term);
  if (!card) throw new Error(`no card for the note on "${term}"`);
  return card.id;
}

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
    const standoff = noteId(annotator, 'standoff');
    expect(mentions().filter(([id]) => id === standoff)).toEqual([
      [standoff, 'standoff'],
      [standoff, 'Standoff'],
    ]);
    const cards = new Map(annotator.visibleCards().map((c) => [c.id, c]));
    expect(cards.get(standoff)).toMatchObject({ type: 'term', mentionCount: 2, note: 'Nobody admits to it.' });
    expect(cards.get('yongbyon')?.note).toBe('Check the 2008 demolition.');
    expect(cards.get('choe-son-hui')?.note).toBeUndefined();
    expect(document.body.textContent).toBe(text);

    await local.setNotes([]);
    expect(mentions().some(([id]) => id === standoff)).toBe(false);
    expect(mentions().some(([id]) => id === 'yongbyon')).toBe(true);
    expect(annotator.visibleCards().find((c) => c.id === 'yongbyon')?.note).toBeUndefined();
  });

  it('updates in place: highlights the note does not touch stay the same elements, and the page comes back exactly', async () => {
    page(`${ARTICLE}<section><p>Mike Pompeo met Choe in Pyongyang; Kim Jong Un did not.</p></section>`);
    const html = document.body.innerHTML;
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await annotator.annotate();
    const before = Array.from(document.querySelectorAll('backstory-mention'));
    const untouched = before.filter((el) => !el.closest('p')?.textContent?.includes('standoff'));
    expect(untouched.map((el) => el.textContent)).toEqual(['Mike Pompeo', 'Choe', 'Pyongyang', 'Kim Jong Un']);
    // One tab stop per name, on its first mention.
    const stops = () => Array.from(document.querySelectorAll('backstory-mention[tabindex="0"]')).map((el) => el.getAttribute('data-backstory-entity'));
    expect(stops()).toEqual(['yongbyon', 'choe-son-hui', 'mike-pompeo', 'page-pyongyang', 'kim-jong-un']);

    await local.setNotes([note('a', 'standoff', 'Nobody admits to it.')]);
    const after = Array.from(document.querySelectorAll('backstory-mention'));
    // The paragraph without the term was not unwrapped and wrapped again: the same elements.
    for (const el of untouched) expect(el.isConnected, `${el.textContent} kept`).toBe(true);
    const standoff = noteId(annotator, 'standoff');
    expect(after.filter((el) => el.getAttribute('data-backstory-entity') === standoff).map((el) => el.textContent)).toEqual(['standoff', 'Standoff']);
    expect(stops()).toEqual([standoff, 'yongbyon', 'choe-son-hui', 'mike-pompeo', 'page-pyongyang', 'kim-jong-un']);
    expect(annotator.visibleCards().find((c) => c.id === standoff)?.mentionCount).toBe(2);

    await local.setNotes([]);
    expect(mentions().some(([id]) => id === standoff)).toBe(false);
    for (const el of untouched) expect(el.isConnected).toBe(true);
    expect(stops()).toEqual(['yongbyon', 'choe-son-hui', 'mike-pompeo', 'page-pyongyang', 'kim-jong-un']);
    await annotator.deactivate();
    expect(document.body.innerHTML).toBe(html);
  });

  it('a run the page rewrote just before a refresh is not wrapped at its old offsets', async () => {
    page(ARTICLE);
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await annotator.annotate();
    // A framework rewrites the Text node it keeps to the paragraph's new text; the watcher has not
    // seen it yet when the note arrives.
    const para = document.querySelector('p')!;
    const fresh = 'Breaking: analysts call the standoff at Yongbyon a test of nerves. Choe Son Hui said little.';
    (para.firstChild as Text).data = fresh;
    await local.setNotes([note('a', 'standoff', 'Nobody admits to it.')]);
    await expect.poll(() => para.querySelectorAll('backstory-mention').length, { timeout: 2_000 }).toBe(3);
    expect(para.textContent).toBe(fresh);
    // Every highlight wraps exactly its name: nothing landed on shifted text.
    expect(mentions(para)).toEqual([
      [noteId(annotator, 'standoff'), 'standoff'],
      ['yongbyon', 'Yongbyon'],
      ['choe-son-hui', 'Choe Son Hui'],
    ]);
  });

  it('takes notes given before the first pass', async () => {
    page(ARTICLE);
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await local.setNotes([note('a', 'test of nerves', 'My phrase.')]);
    expect(annotator.isActive).toBe(false);
    await annotator.annotate();
    const id = noteId(annotator, 'test of nerves');
    expect(mentions().filter(([i]) => i === id)).toEqual([[id, 'test of nerves']]);
  });

  it('a note’s highlights carry a random id, kept across refreshes: nothing in the page names the term', async () => {
    page(ARTICLE);
    const local = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = local.annotator;
    await annotator.annotate();
    await local.setNotes([note('a', 'test of nerves', 'My phrase.'), note('b', '비핵화', 'Not on this page.')]);
    const id = noteId(annotator, 'test of nerves');
    expect(id).toMatch(/^r-[0-9a-z]{18}$/);
    const html = document.documentElement.outerHTML;
    for (const leak of ['nerves', 'note-', 'test-of']) expect(html.replace(/test of nerves/g, ''), leak).not.toContain(leak);
    // The same id after the notes change (a refresh): the highlight is not redone for nothing.
    const el = document.querySelector(`[data-backstory-entity="${id}"]`);
    await local.setNotes([note('a', 'test of nerves', 'My phrase, edited.')]);
    expect(noteId(annotator, 'test of nerves')).toBe(id);
    expect(el?.isConnected).toBe(true);
    // Another page session gets other ids: a page cannot tell a reader by them.
    await annotator.deactivate();
    const again = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS });
    annotator = again.annotator;
    await again.setNotes([note('a', 'test of nerves', 'My phrase.')]);
    await annotator.annotate();
    expect(noteId(annotator, 'test of nerves')).not.toBe(id);
  });
});
