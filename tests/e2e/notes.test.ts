// The reader's notes in real Chromium: a note added on the options page highlights its term on an
// open demo page (live, no reload) and shows on its card; a note on a name the pack knows goes on
// that entity's card; the editor the context menu opens (an extension frame) saves a note from the keyboard.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, readCard, startSession, uiString, waitCard, waitFullCard, type Session } from './harness';

async function openOptions(s: Session): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  return page;
}

async function addNoteInOptions(options: Page, term: string, text: string): Promise<void> {
  const form = options.locator('#notes-section form.note-add');
  await form.locator('input[name="term"]').fill(term);
  await form.locator('textarea[name="text"]').fill(text);
  await form.locator('button[type="submit"]').click();
  await expect.poll(() => options.locator('#notes-section .note-term').allInnerTexts(), { timeout: 5_000 }).toContain(term);
}

/** The note editor's own document, framed in `page` (its address is per session). */
async function editorFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => !f.isDetached() && f.url().endsWith('/note-editor/editor.html'))) !== undefined, { timeout: 5_000 }).toBe(true);
  await frame!.waitForSelector('body[data-ready]', { state: 'attached', timeout: 5_000 });
  return frame!;
}

async function mentionCount(page: Page, id: string): Promise<number> {
  return (await mentionCounts(page))[id] ?? 0;
}

/** Highlights of the note on `term`: a note's id in the page is a random token (r-…), so they are
 *  found by their text. */
function noteMentions(page: Page, term: string) {
  return page.locator('[data-backstory-entity^="r-"]', { hasText: new RegExp(`^${term}$`, 'i') });
}

async function cardFor(s: Session, page: Page, id: string): Promise<string> {
  return cardAt(s, page, page.locator(`[data-backstory-entity="${id}"]`));
}

async function noteCard(s: Session, page: Page, term: string): Promise<string> {
  return cardAt(s, page, noteMentions(page, term));
}

async function cardAt(s: Session, page: Page, mention: ReturnType<Page['locator']>): Promise<string> {
  // The options tab may be in front: background tabs throttle the hover timer.
  await page.bringToFront();
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await waitCard(s.ctx, page, false);
  await mention.first().hover({ timeout: 5_000 });
  return (await waitFullCard(s.ctx, page)).text;
}

describeInBrowser('reader notes in Chromium', () => {
  let s: Session;
  let page: Page;
  let options: Page;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
    options = await openOptions(s);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows the notes section, empty at first', async () => {
    expect(await options.locator('#notes-section').isVisible(), 'the section is shown').toBe(true);
    await expect.poll(() => options.locator('#notes-section .note-empty').isVisible()).toBe(true);
    expect(await options.locator('#notes-section .note').count()).toBe(0);
  });

  it('a note added on the options page highlights its term on the open page and shows on its card', async () => {
    expect(await noteMentions(page, 'test of nerves').count(), 'not highlighted before the note').toBe(0);
    await addNoteInOptions(options, 'test of nerves', 'Whoever needs talks more blinks first — my reading.');
    await expect.poll(() => noteMentions(page, 'test of nerves').count(), { timeout: 10_000 }).toBe(1);
    // Pack names are still highlighted after the re-annotation.
    expect(await mentionCount(page, 'choe-son-hui')).toBeGreaterThan(0);
    // Nothing in the page names the note's term but the article's own text.
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toMatch(/"note-|test-of-nerves/);
    const card = await noteCard(s, page, 'test of nerves');
    expect(card).toContain('test of nerves');
    expect(card).toContain(uiString('card_note'));
    expect(card).toContain('Whoever needs talks more blinks first — my reading.');
  });

  it('a note on a name the pack knows goes on that entity’s card', async () => {
    await page.evaluate(() => document.querySelector('[data-backstory-entity="yongbyon"]')?.setAttribute('data-before-note', ''));
    await addNoteInOptions(options, 'yongbyon', 'Compare with the 2008 cooling-tower demolition.');
    await expect
      .poll(async () => (await cardFor(s, page, 'yongbyon')).includes('Compare with the 2008 cooling-tower demolition.'), { timeout: 10_000 })
      .toBe(true);
    // The page was updated in place: the highlight the note does not change was not unwrapped.
    expect(await page.locator('[data-before-note]').count()).toBe(1);
    expect(await noteMentions(page, 'yongbyon').count()).toBe(0);
    // The card still has the pack's background next to the note.
    expect(await cardFor(s, page, 'yongbyon')).toContain(uiString('card_background'));
  });

  it('editing and deleting in the list reaches the page too', async () => {
    const row = options.locator('#notes-section .note', { hasText: 'test of nerves' });
    await row.getByRole('button', { name: /Edit/ }).click();
    await options.locator('#notes-section .note-edit textarea').fill('Edited in the list.');
    await options.locator('#notes-section .note-edit button[type="submit"]').click();
    await expect.poll(async () => (await noteCard(s, page, 'test of nerves')).includes('Edited in the list.'), { timeout: 10_000 }).toBe(true);
    await options.locator('#notes-section .note', { hasText: 'test of nerves' }).getByRole('button', { name: /Delete/ }).click();
    await expect.poll(() => noteMentions(page, 'test of nerves').count(), { timeout: 10_000 }).toBe(0);
  });

  it('the editor opens as an extension frame in a closed root, keeps keys from the page, and saves with Ctrl+Enter', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => {
      const w = window as unknown as { keysSeen: string[] };
      w.keysSeen = [];
      // Capture phase on window: the first listener any event meets in the page.
      for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput']) addEventListener(type, (e) => w.keysSeen.push(type + ':' + ((e as KeyboardEvent).key ?? (e as InputEvent).data)), true);
    });
    const tabId = await s.tabIdOf(page);
    const sw = await s.worker();
    // What the context menu's click does (menus cannot be clicked headless).
    await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'backstory:open-note-editor', term: ' standoff ' }), tabId);
    const probe = await page.evaluate(() => {
      const host = document.querySelector('[data-backstory-note-editor]');
      return { found: host !== null, closed: host?.shadowRoot === null, frames: document.querySelectorAll('iframe').length };
    });
    expect(probe).toEqual({ found: true, closed: true, frames: 0 });
    const editor = await editorFrame(page);
    expect(await editor.locator('input[name="term"]').inputValue({ timeout: 5_000 })).toBe('standoff');
    // Focus moved into the frame's note field by itself.
    await expect.poll(() => editor.evaluate(() => document.hasFocus() && document.activeElement?.localName)).toBe('textarea');
    await page.keyboard.type('A word for a stalemate nobody admits to.');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteMentions(page, 'standoff').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-backstory-note-editor]'))).toBeNull();
    // Only the release of Ctrl+Enter, after the editor closed and focus came back, is the page's to see.
    const seen = await page.evaluate(() => (window as unknown as { keysSeen: string[] }).keysSeen);
    expect(seen.filter((k) => k !== 'keyup:Control' && k !== 'keyup:Enter'), 'keys typed into the note reached the page').toEqual([]);
    expect(await noteCard(s, page, 'standoff')).toContain('A word for a stalemate nobody admits to.');
    // The options list follows.
    await expect.poll(() => options.locator('#notes-section .note-term').allInnerTexts(), { timeout: 5_000 }).toContain('standoff');
  });

  it('Escape in the editor cancels and gives focus back to the page', async () => {
    await page.bringToFront();
    await page.evaluate(() => {
      const b = document.createElement('button');
      b.id = 'before-editor';
      b.textContent = 'focus me';
      document.body.prepend(b);
      b.focus();
    });
    const tabId = await s.tabIdOf(page);
    await (await s.worker()).evaluate((id) => chrome.tabs.sendMessage(id, { type: 'backstory:open-note-editor', term: 'standoff' }), tabId);
    const editor = await editorFrame(page);
    // The note kept for the term is there to edit.
    expect(await editor.locator('textarea').inputValue({ timeout: 5_000 })).toBe('A word for a stalemate nobody admits to.');
    await expect.poll(() => editor.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-backstory-note-editor]'))).toBeNull();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('before-editor');
    await page.evaluate(() => document.getElementById('before-editor')?.remove());
  });

  it('exports every note as a file the import takes back', async () => {
    const [download] = await Promise.all([options.waitForEvent('download', { timeout: 10_000 }), options.locator('#notes-section .note-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^backstory-notes-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const file = JSON.parse(readFileSync(path, 'utf8')) as { format: string; notes: { term: string; text: string }[] };
    expect(file.format).toBe('backstory-notes');
    expect(file.notes.map((n) => n.term).sort()).toEqual(['standoff', 'yongbyon']);
    await options.locator('#notes-section input[type="file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: readFileSync(path) });
    await expect.poll(() => options.locator('#notes-section .note-status').innerText(), { timeout: 5_000 }).toBe('Imported: 0 added, 0 updated, 2 unchanged.');
  });

  it('a broken import file is refused with a message and changes nothing', async () => {
    const before = await options.locator('#notes-section .note-term').allInnerTexts();
    await options.locator('#notes-section input[type="file"]').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'backstory-notes', version: 1, notes: [{ term: 'Hanoi', text: '' }] })),
    });
    await expect.poll(() => options.locator('#notes-section .note-error').innerText(), { timeout: 5_000 }).toMatch(/^Nothing was imported: note 1: /);
    expect(await options.locator('#notes-section .note-term').allInnerTexts()).toEqual(before);
  });

  it('stored notes that cannot be read are kept and reported, the rest still listed and on the page', async () => {
    const sw = await s.worker();
    await sw.evaluate(async () => {
      const area = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, { notes: unknown[] }>>; set(v: object): Promise<void> } } } }).chrome.storage.local;
      const { notes } = await area.get('notes');
      await area.set({ notes: { version: 1, notes: [...(notes?.notes ?? []), { term: 'Hanoi summit', text: 7 }] } });
    });
    const notice = options.locator('#notes-section .note-notice');
    await expect.poll(() => notice.isVisible(), { timeout: 5_000 }).toBe(true);
    expect(await notice.innerText()).toMatch(/1 stored note could not be read/);
    expect(await options.locator('#notes-section .note-term').allInnerTexts()).toEqual(expect.arrayContaining(['yongbyon', 'standoff']));
    // An unrelated edit keeps the damaged entry; only the reader's click removes it.
    await addNoteInOptions(options, 'scope', 'The real quarrel.');
    expect(await notice.isVisible()).toBe(true);
    await notice.getByRole('button').click();
    await expect.poll(() => notice.isVisible(), { timeout: 5_000 }).toBe(false);
    // The open page follows the stored notes (it is annotated again after each change).
    await expect.poll(() => noteMentions(page, 'standoff').count(), { timeout: 5_000 }).toBe(1);
  });

  it('an open card shows a new note on its name without being opened again', async () => {
    expect(await cardFor(s, page, 'choe-son-hui')).not.toContain('Ask who drafts her statements.');
    await addNoteInOptions(options, 'Choe Son Hui', 'Ask who drafts her statements.');
    await page.bringToFront();
    await expect.poll(async () => (await readCard(s.ctx, page)).text, { timeout: 10_000 }).toContain('Ask who drafts her statements.');
    expect((await readCard(s.ctx, page)).open, 'the card stayed open').toBe(true);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
