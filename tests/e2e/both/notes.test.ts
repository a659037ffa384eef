// The reader's notes in every browser, through the options page: a note added there highlights
// its term on an open demo page (live, no reload) and shows on its card; a note on a name the pack
// knows goes on that entity's card; editing and deleting reach the page; a broken import file is
// refused; stored notes that cannot be read are kept and reported; an open card shows a new note.
// (The note editor's frame, its Escape and the notes export, a download, are read in Chromium
// only: ../notes.test.ts.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';
import { uiString } from '../harness';

const dir = mkdtempSync(join(tmpdir(), 'backstory-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Highlights of the note on `term`: a note's id in the page is a random token (r-…), so they are
 *  found by their text. */
const noteMentions = (page: TestPage, term: string) =>
  page.evaluate((t) => [...document.querySelectorAll('[data-backstory-entity^="r-"]')].filter((el) => el.textContent?.toLowerCase() === t.toLowerCase()).length, term);

describeInBrowsers('reader notes', (browser) => {
  let s: BrowserSession;
  let page: TestPage;
  let options: TestPage;

  async function addNote(term: string, text: string): Promise<void> {
    await options.bringToFront();
    await options.fill('#notes-section form.note-add input[name="term"]', term);
    await options.fill('#notes-section form.note-add textarea[name="text"]', text);
    await options.click('#notes-section form.note-add button[type="submit"]');
    await expect.poll(() => options.texts('#notes-section .note-term'), { timeout: 5_000 }).toContain(term);
  }

  /** Clicks the `nth` action button (1: edit, 2: delete) of the note on `term` in the list. */
  async function noteAction(term: string, nth: 1 | 2): Promise<void> {
    await options.evaluate((t) => {
      for (const row of document.querySelectorAll('#notes-section .note')) row.toggleAttribute('data-test-row', row.querySelector('.note-term')?.textContent === t);
    }, term);
    await options.click(`#notes-section .note[data-test-row] .note-actions button:nth-child(${nth})`);
  }

  /** The full card of the mention `selector` matches first, opened by hovering it. */
  async function cardAt(selector: string): Promise<string> {
    // The options tab may be in front: background tabs throttle the hover timer.
    await page.bringToFront();
    await page.mouseMove(0, 0);
    await page.press('Escape');
    await waitCard(s, page, false);
    await page.hover(selector);
    return (await waitFullCard(s, page)).text;
  }

  /** The card of the note on `term` (its mention is tagged first: its id is a random token). */
  async function noteCard(term: string): Promise<string> {
    await page.evaluate((t) => {
      const hit = [...document.querySelectorAll('[data-backstory-entity^="r-"]')].find((el) => el.textContent?.toLowerCase() === t.toLowerCase());
      for (const el of document.querySelectorAll('[data-test-note]')) el.removeAttribute('data-test-note');
      hit?.setAttribute('data-test-note', '');
    }, term);
    return cardAt('[data-test-note]');
  }

  beforeAll(async () => {
    s = await browser.start();
    page = await s.openDemo('/index.html');
    options = await s.openOptions();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('shows the notes section, empty at first', async () => {
    expect(await options.isVisible('#notes-section'), 'the section is shown').toBe(true);
    await expect.poll(() => options.isVisible('#notes-section .note-empty')).toBe(true);
    expect(await options.count('#notes-section .note')).toBe(0);
  });

  it('a note added on the options page highlights its term on the open page, names nothing of it in the page, and shows on its card', async () => {
    expect(await noteMentions(page, 'test of nerves'), 'not highlighted before the note').toBe(0);
    await addNote('test of nerves', 'Whoever needs talks more blinks first — my reading.');
    await expect.poll(() => noteMentions(page, 'test of nerves'), { timeout: 10_000 }).toBe(1);
    // Pack names are still highlighted after the re-annotation.
    expect((await mentionCounts(page))['choe-son-hui'] ?? 0).toBeGreaterThan(0);
    // Nothing in the page names the note's term but the article's own text.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toMatch(/"note-|test-of-nerves/);
    const card = await noteCard('test of nerves');
    expect(card).toContain('test of nerves');
    expect(card).toContain(uiString('card_note'));
    expect(card).toContain('Whoever needs talks more blinks first — my reading.');
  });

  it('a note on a name the pack knows goes on that entity’s card, and the page is updated in place', async () => {
    await page.evaluate(() => document.querySelector('[data-backstory-entity="yongbyon"]')?.setAttribute('data-before-note', ''));
    await addNote('yongbyon', 'Compare with the 2008 cooling-tower demolition.');
    await expect.poll(async () => (await cardAt('[data-backstory-entity="yongbyon"]')).includes('Compare with the 2008 cooling-tower demolition.'), { timeout: 10_000 }).toBe(true);
    // The highlight the note does not change was not unwrapped.
    expect(await page.count('[data-before-note]')).toBe(1);
    expect(await noteMentions(page, 'yongbyon')).toBe(0);
    // The card still has the pack's background next to the note.
    expect(await cardAt('[data-backstory-entity="yongbyon"]')).toContain(uiString('card_background'));
  });

  it('editing and deleting in the list reaches the page too', async () => {
    await noteAction('test of nerves', 1);
    await options.fill('#notes-section .note-edit textarea', 'Edited in the list.');
    await options.click('#notes-section .note-edit button[type="submit"]');
    await expect.poll(async () => (await noteCard('test of nerves')).includes('Edited in the list.'), { timeout: 10_000 }).toBe(true);
    await options.bringToFront();
    await noteAction('test of nerves', 2);
    await expect.poll(() => noteMentions(page, 'test of nerves'), { timeout: 10_000 }).toBe(0);
  });

  it('a broken import file is refused with a message and changes nothing', async () => {
    await options.bringToFront();
    const before = await options.texts('#notes-section .note-term');
    const path = join(dir, `broken-${browser.name}.json`);
    writeFileSync(path, JSON.stringify({ format: 'backstory-notes', version: 1, notes: [{ term: 'Hanoi', text: '' }] }));
    await options.setInputFile('#notes-section input[type="file"]', path);
    await expect.poll(() => options.text('#notes-section .note-error'), { timeout: 5_000 }).toMatch(/^Nothing was imported: note 1: /);
    expect(await options.texts('#notes-section .note-term')).toEqual(before);
  });

  it('stored notes that cannot be read are kept and reported, the rest still listed and on the page', async () => {
    await addNote('standoff', 'A word for a stalemate nobody admits to.');
    await expect.poll(() => noteMentions(page, 'standoff'), { timeout: 10_000 }).toBe(1);
    await s.inExtension(async () => {
      const area = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
      const { notes } = (await area.get('notes')) as { notes?: { notes?: unknown[] } };
      await area.set({ notes: { version: 1, notes: [...(notes?.notes ?? []), { term: 'Hanoi summit', text: 7 }] } });
    });
    await options.bringToFront();
    await expect.poll(() => options.isVisible('#notes-section .note-notice'), { timeout: 5_000 }).toBe(true);
    expect(await options.text('#notes-section .note-notice')).toMatch(/1 stored note could not be read/);
    expect(await options.texts('#notes-section .note-term')).toEqual(expect.arrayContaining(['yongbyon', 'standoff']));
    // An unrelated edit keeps the damaged entry; only the reader's click removes it.
    await addNote('scope', 'The real quarrel.');
    expect(await options.isVisible('#notes-section .note-notice')).toBe(true);
    await options.click('#notes-section .note-notice button');
    await expect.poll(() => options.isVisible('#notes-section .note-notice'), { timeout: 5_000 }).toBe(false);
    // The open page follows the stored notes (it is annotated again after each change).
    await expect.poll(() => noteMentions(page, 'standoff'), { timeout: 5_000 }).toBe(1);
  });

  it('an open card shows a new note on its name without being opened again', async () => {
    expect(await cardAt('[data-backstory-entity="choe-son-hui"]')).not.toContain('Ask who drafts her statements.');
    await addNote('Choe Son Hui', 'Ask who drafts her statements.');
    await page.bringToFront();
    await expect.poll(async () => (await s.readCard(page)).text, { timeout: 10_000 }).toContain('Ask who drafts her statements.');
    expect((await s.readCard(page)).open, 'the card stayed open').toBe(true);
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
