// The reader's notes where only Chromium can look: inside the note editor the context menu opens
// (an extension frame, which WebDriver BiDi does not list in Firefox), its Escape, and the notes
// export (a download). Everything else about notes runs in both browsers: both/notes.test.ts.
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startSession, waitCard, waitFullCard, type Session } from './harness';

async function openOptions(s: Session): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  return page;
}

/** The note editor's own document, framed in `page` (its address is per session). */
async function editorFrame(page: Page): Promise<Frame> {
  let frame: Frame | undefined;
  await expect.poll(() => (frame = page.frames().find((f) => !f.isDetached() && f.url().endsWith('/note-editor/editor.html'))) !== undefined, { timeout: 5_000 }).toBe(true);
  await frame!.waitForSelector('body[data-ready]', { state: 'attached', timeout: 5_000 });
  return frame!;
}

/** Highlights of the note on `term`: a note's id in the page is a random token (r-…), so they are
 *  found by their text. */
function noteMentions(page: Page, term: string) {
  return page.locator('[data-backstory-entity^="r-"]', { hasText: new RegExp(`^${term}$`, 'i') });
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

describeInBrowser('reader notes: the editor frame and the export, in Chromium', () => {
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
    expect(file.notes.map((n) => n.term).sort()).toEqual(['standoff']);
    await options.locator('#notes-section input[type="file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: readFileSync(path) });
    await expect.poll(() => options.locator('#notes-section .note-status').innerText(), { timeout: 5_000 }).toBe('Imported: 0 added, 0 updated, 1 unchanged.');
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
