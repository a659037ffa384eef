// "Annotate this page" in real Chromium, on a site outside the default list: the reader clicks the
// toolbar button (which grants activeTab), then the popup's button; the background injects the real
// content script, and the popup shows the page's whole list once it says it is ready — not the
// empty or partial list of a pass still running.
import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO, describeInBrowser, mentionCounts, startSession, uiString, waitReady, type Session } from './harness';

/** Not matched by the manifest's content scripts: Backstory is not on there by default. */
const SITE = 'http://news.example';
const TYPES: Record<string, string> = { '.html': 'text/html', '.css': 'text/css' };

/** Serves the demo folder under SITE. Only this page sees it; every other request still goes
 *  through the session's rule that aborts anything not local. */
async function serveAsOtherSite(page: Page): Promise<void> {
  await page.route(`${SITE}/**`, (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/+/, '') || 'index.html';
    const file = resolve(DEMO, path);
    if (!file.startsWith(DEMO + '/')) return route.abort('blockedbyclient');
    try {
      return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
    } catch {
      return route.fulfill({ status: 404, body: '' });
    }
  });
}

/** What a click on the toolbar button does for the tab: the activeTab grant (the popup opened in
 *  a tab by the test would not give it). */
async function clickToolbarButton(s: Session, page: Page): Promise<void> {
  const browser = s.ctx.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`no tab target for ${page.url()}`);
    await cdp.send('Extensions.triggerAction', { id: s.extensionId, targetId: tab.targetId });
  } finally {
    await cdp.detach();
  }
}

describeInBrowser('"Annotate this page" in Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('injects the content script and lists every name once the popup is ready', { timeout: 60_000 }, async () => {
    const page = await s.ctx.newPage();
    await serveAsOtherSite(page);
    await page.goto(`${SITE}/index.html`);
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-backstory')), 'not on by default here').toBeNull();
    const tabId = await s.tabIdOf(page);
    await clickToolbarButton(s, page);

    const popup = await s.openPopup(tabId);
    const button = popup.locator('button.primary');
    expect(await button.innerText()).toBe(uiString('popup_annotate'));
    await button.click();
    // The popup clears data-ready while it works and sets it again once the list is rendered.
    await popup.waitForSelector('body[data-ready]', { timeout: 20_000 });
    const listed = await popup.$$eval('[data-entity]', (els) => els.map((el) => (el as HTMLElement).dataset.entity ?? ''));

    await waitReady(page);
    const counts = await mentionCounts(page);
    expect(Object.keys(counts).length, 'the injected script highlighted names').toBeGreaterThan(5);
    expect(new Set(listed)).toEqual(new Set(Object.keys(counts)));
    await popup.close();
    await page.close();
  });

  it('makes no request beyond the extension, the demo server and the page served as the other site', () => {
    // The "other site" is answered by the test itself (page.route), so its requests never leave.
    expect(s.foreignRequests().filter((r) => !r.url.startsWith(`${SITE}/`))).toEqual([]);
  });
});
