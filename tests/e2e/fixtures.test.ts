// The news-page fixtures in real Chromium, where their scripts run: live updates, lazy paragraphs,
// web components, iframes, dialog and full screen, a client-side router, a framework re-render,
// a page over 1 MB, and an extension reload under an open page. The page's text, links, buttons
// and forms behave as they did without Backstory.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGES_DIR, bigPage, expected, fixtureNames } from '../dom/page-fixtures';
import { describeInBrowser, mentionCounts, startSession, waitCard, waitSettled, type Session } from './harness';

interface Action {
  click?: string;
  call?: string;
  scrollTo?: number;
}

declare global {
  interface Window {
    __textAtLoad?: string;
    [key: string]: unknown;
  }
}

/** Records the body's text before the content script runs (it runs at document_idle). */
const recordText = (p: Page) => p.addInitScript(() => addEventListener('DOMContentLoaded', () => (window.__textAtLoad = document.body.textContent ?? '')));

async function act(page: Page, action: Action | undefined): Promise<void> {
  if (action?.click) await page.click(action.click);
  if (action?.call) await page.evaluate((fn) => (window[fn] as () => void)(), action.call);
  if (action?.scrollTo !== undefined) await page.evaluate((y) => scrollTo(0, y), action.scrollTo);
}

const inside = (page: Page, selectors: string[]) =>
  page.evaluate((sels) => sels.flatMap((s) => [...document.querySelectorAll(s)].filter((r) => r.querySelector('[data-backstory-entity]')).map((r) => `${s}: ${r.textContent?.slice(0, 50)}`)), selectors);

describeInBrowser('news-page fixtures in Chromium', () => {
  let s: Session;
  const toggle = async (page: Page): Promise<void> => {
    const tabId = await s.tabIdOf(page);
    const sw = await s.worker();
    await sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'backstory:toggle' }), tabId);
  };

  beforeAll(async () => {
    s = await startSession({ siteRoot: PAGES_DIR });
  });
  afterAll(async () => {
    await s?.close();
  });

  it.each(fixtureNames())('%s: expected highlights, none in chrome, text the same on, off and on again', async (name) => {
    const exp = expected(name);
    const highlights = exp.chromium?.highlights ?? exp.highlights;
    const page = await s.openDemo(`/${name}.html`, recordText);
    const chromium = exp.chromium as (typeof exp.chromium & { action?: Action }) | undefined;
    await act(page, chromium?.action);
    if (chromium?.waitFor) await page.waitForSelector('html[data-fixture-done]', { state: 'attached', timeout: 5_000 });
    await expect.poll(() => mentionCounts(page), { timeout: 15_000, message: `${name} highlights; page log: ${s.pageLog.join(' | ')}` }).toEqual(highlights);
    await waitSettled(page);
    expect(await inside(page, exp.notHighlighted)).toEqual([]);
    expect(await page.locator('[data-backstory-entity] [data-backstory-entity]').count(), 'nothing wrapped twice').toBe(0);
    const on = await page.evaluate(() => document.body.textContent);
    if (!chromium) expect(on).toBe(await page.evaluate(() => window.__textAtLoad));
    await toggle(page);
    await expect.poll(() => page.locator('[data-backstory-entity]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).toBe(on);
    await toggle(page);
    await waitSettled(page);
    expect(await mentionCounts(page)).toEqual(highlights);
    await page.close();
  });

  it('a click on a highlighted name inside a link follows the link; buttons and forms still work', async () => {
    const page = await s.openDemo('/forms-and-code.html');
    await page.locator('#link-kim [data-backstory-entity]').first().click();
    expect(new URL(page.url()).hash).toBe('#profile-kim');
    // The name split by <b> inside the second link: its second piece.
    await page.locator('#link-choe [data-backstory-entity]').last().click();
    expect(new URL(page.url()).hash).toBe('#profile-choe');
    expect(await page.inputValue('#q')).toBe('Kim Jong Un');
    await page.fill('#q', 'Mike Pompeo');
    await page.click('#signup button');
    await page.waitForURL(/#subscribed$/);
    expect(page.url()).toContain('email=reader%40example.test');
    await page.close();
  });

  it('open shadow roots and iframes are left alone, their controls intact', async () => {
    const page = await s.openDemo('/shadow-components.html');
    await page.waitForSelector('html[data-fixture-done]', { state: 'attached' });
    const shadow = await page.evaluate(() => {
      const root = (sel: string) => document.querySelector(sel)!.shadowRoot!;
      return {
        marksInShadow: ['fact-box', 'share-bar', 'search-field', 'story-quote'].map((s) => root(s).querySelectorAll('*').length && root(s).querySelectorAll('backstory-mention').length),
        input: (root('search-field').querySelector('input') as HTMLInputElement).value,
        textarea: (root('search-field').querySelector('textarea') as HTMLTextAreaElement).value,
        slotted: document.querySelector('story-quote [data-backstory-entity]')?.textContent,
      };
    });
    expect(shadow).toEqual({ marksInShadow: [0, 0, 0, 0], input: 'Kim Jong Un', textarea: 'Choe Son Hui', slotted: 'Moon Jae-in' });
    await page.close();

    const framed = await s.openDemo('/iframe-srcdoc.html');
    const frame = framed.frameLocator('#player');
    expect(await frame.locator('[data-backstory-entity]').count()).toBe(0);
    await frame.locator('#inner').click();
    // Fragment navigation inside the frame settles a moment after the click.
    await expect.poll(() => frame.locator('body').evaluate(() => location.hash)).toBe('#inner-top');
    await framed.close();
  });

  it('a modal dialog and a full-screen figure: nothing marked in the dialog, the card opens in full screen', async () => {
    const page = await s.openDemo('/dialog-fullscreen.html');
    await page.click('#open-dialog');
    expect(await page.evaluate(() => (document.getElementById('about') as HTMLDialogElement).open)).toBe(true);
    expect(await page.locator('dialog [data-backstory-entity]').count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.click('#full');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id ?? '')).toBe('gallery');
    await page.locator('#gallery [data-backstory-entity="kim-jong-un"]').hover();
    const card = await waitCard(s.ctx, page, true);
    expect(card.text).toContain('Kim Jong Un');
    expect(await page.evaluate(() => !!document.fullscreenElement?.querySelector('[data-backstory-card]'))).toBe(true);
    await page.close();
  });

  it('a page over 1 MB is annotated completely and its text left as it was', async () => {
    const { html, copies } = bigPage();
    const page = await s.openDemo('/big.html', async (p) => {
      await recordText(p);
      await p.route('**/big.html', (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    });
    const once = expected('mega-menu').highlights;
    const counts = await mentionCounts(page);
    expect(html.length).toBeGreaterThan(1_000_000);
    expect(counts['yongbyon']).toBe(once['yongbyon']! * copies);
    expect(counts['kim-jong-un']).toBe(once['kim-jong-un']! * copies);
    expect(await page.evaluate(() => document.body.textContent === window.__textAtLoad)).toBe(true);
    await page.close();
  }, 60_000);

  it('makes no request beyond the extension and the fixture server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });

  // Last: it reloads the extension, which ends this session's service worker.
  it('an extension reload while a page is open leaves no errors in its console', async () => {
    const page = await s.openDemo('/rerender.html');
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message} ${e.stack ?? ''}`));
    const text = await page.evaluate(() => document.body.textContent);
    const sw = await s.worker();
    // The worker's end is the extension's unload, which also cuts the content script off.
    const unloaded = new Promise((r) => sw.once('close', r));
    // The reload ends the worker mid-call, so the evaluation itself may fail.
    await sw.evaluate(() => (chrome as unknown as { runtime: { reload(): void } }).runtime.reload()).catch(() => undefined);
    await unloaded;
    // The orphaned content script meets the reader's hover and keys, then new content.
    await page.locator('#second [data-backstory-entity]').first().hover({ timeout: 2_000 });
    await page.keyboard.press('Tab');
    await page.evaluate(() => (window.__rerender as () => void)());
    // It put the page back as it was, then left it alone.
    await expect.poll(() => page.locator('[data-backstory-entity]').count(), { timeout: 5_000 }).toBe(0);
    await waitSettled(page);
    expect(await page.locator('[data-backstory-entity]').count()).toBe(0);
    expect(await page.evaluate(() => document.body.textContent)).not.toBe(text); // the page's own re-render
    expect(await page.evaluate(() => document.getElementById('lead')?.textContent)).toBe('Mike Pompeo said on Tuesday that talks would resume within weeks, without naming a place.');
    // Loading the page again must not raise errors either (whether the reloaded extension comes
    // back under this test launcher is not what is tested here).
    await page.reload({ waitUntil: 'load' });
    expect(problems).toEqual([]);
    await page.close();
  });
});
