// The drawing half of Backstory (ui.js: mark.js for the highlights, the card, the note editor) is
// not part of the content script: in real Chromium, a page with nothing to show never runs it, a
// page with names runs it once, after the content script, and the first hover of a fresh page
// opens a card. What runs is read from the DevTools protocol
// (every script the renderer parses, content-script worlds included), so it is what the page paid for.
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, startSession, waitCard, waitSettled, type Session } from './harness';

interface Timeline {
  /** 'ready' when <html data-backstory="ready"> appeared, then the file name of each parsed extension script, in order. */
  events: string[];
  cdp: CDPSession;
}

/** Records, in the renderer's own order, when the page was annotated and which of our scripts ran. */
async function watch(s: Session, page: Page): Promise<Timeline> {
  const timeline: Timeline = { events: [], cdp: await s.ctx.newCDPSession(page) };
  timeline.cdp.on('Debugger.scriptParsed', (e: { url: string }) => {
    if (e.url.startsWith('chrome-extension://')) timeline.events.push(e.url.replace(/^.*\//, ''));
  });
  timeline.cdp.on('Runtime.bindingCalled', (e: { name: string }) => {
    if (e.name === '__backstoryTestReady') timeline.events.push('ready');
  });
  await timeline.cdp.send('Runtime.enable');
  await timeline.cdp.send('Debugger.enable');
  await timeline.cdp.send('Runtime.addBinding', { name: '__backstoryTestReady' });
  await page.addInitScript(() => {
    const report = (): boolean => {
      if (document.documentElement?.getAttribute('data-backstory') !== 'ready') return false;
      (window as unknown as { __backstoryTestReady(s: string): void }).__backstoryTestReady('ready');
      return true;
    };
    const seen = new MutationObserver(() => report() && seen.disconnect());
    // Runs before <html> exists: watch the whole document for the attribute.
    seen.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-backstory'] });
  });
  return timeline;
}

const uiRuns = (t: Timeline) => t.events.filter((e) => e === 'ui.js').length;

describeInBrowser('the card UI loads only when needed (Chromium)', () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a page with names runs ui.js once, after content.js and before it is annotated; its first hover opens a card', async () => {
    let timeline!: Timeline;
    const page = await s.openDemo('/index.html', async (p) => (timeline = await watch(s, p)));
    expect(timeline.events, 'the content script ran').toContain('content.js');
    await page.locator('[data-backstory-entity="choe-son-hui"]').first().hover({ timeout: 5_000 });
    const card = await waitCard(s.ctx, page, true);
    expect(card.text).toContain('Choe Son Hui');
    const { events } = timeline;
    // The highlights need mark.js, which comes with ui.js: loaded once the worker found names.
    expect(events.indexOf('ui.js'), `scripts run: ${events.join(', ')}`).toBeGreaterThan(events.indexOf('content.js'));
    expect(events.indexOf('ui.js')).toBeLessThan(events.indexOf('ready'));
    // Another hover and a keyboard open reuse what is loaded.
    await page.mouse.move(0, 0);
    await waitCard(s.ctx, page, false);
    await page.locator('[data-backstory-entity="kim-jong-un"]').first().hover({ timeout: 5_000 });
    await waitCard(s.ctx, page, true);
    expect(uiRuns(timeline), 'ui.js ran once').toBe(1);
    await timeline.cdp.detach();
    await page.close();
  });

  it('a page with no names never runs ui.js; the note editor loads it when asked for', async () => {
    let timeline!: Timeline;
    const page = await s.openDemo('/plain.html', async (p) => (timeline = await watch(s, p)));
    expect(await mentionCounts(page)).toEqual({});
    // Anything that could still load ui.js (a pass, an update) has finished by then.
    await waitSettled(page);
    expect(uiRuns(timeline), `scripts run: ${timeline.events.join(', ')}`).toBe(0);
    expect(await page.evaluate(() => document.querySelector('[data-backstory-card]'))).toBeNull();

    const tabId = await s.tabIdOf(page);
    const sw = await s.worker();
    await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'backstory:open-note-editor', term: 'garden' }), tabId);
    expect(await page.evaluate(() => document.querySelector('[data-backstory-note-editor]')?.shadowRoot === null)).toBe(true);
    expect(uiRuns(timeline)).toBe(1);
    // The editor is the extension's own page in a frame: Escape there, once it has focus.
    let editor: Frame | undefined;
    await expect.poll(() => (editor = page.frames().find((f) => !f.isDetached() && f.url().endsWith('/note-editor/editor.html'))) !== undefined).toBe(true);
    await editor!.waitForSelector('body[data-ready]', { state: 'attached' });
    await expect.poll(() => editor!.evaluate(() => document.hasFocus())).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-backstory-note-editor]'))).toBeNull();
    await timeline.cdp.detach();
    await page.close();
  });

  it('loading ui.js made no request outside the extension and the demo site', () => {
    expect(s.requests.some((r) => r.url.endsWith('/ui.js')), 'the import is recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
