// Where Backstory runs, in real Chromium: a default site switched off on the options page stays
// unannotated until the popup turns it on; the popup's page switch; the reader's added sites
// listed and removed; a bad address refused. Permission prompts cannot be answered headless, so
// granting access to a new site is not driven here (see the unit tests for the pure parts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, startSession, uiString, type Session } from './harness';

interface ScriptingApi {
  chrome: {
    scripting: {
      registerContentScripts(scripts: { id: string; matches: string[]; js: string[]; persistAcrossSessions?: boolean }[]): Promise<void>;
      getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
    };
  };
}

function fill(template: string, ...values: string[]): string {
  let i = 0;
  return template.replace(/\$[A-Z_]+\$/g, () => values[i++] ?? '');
}

describeInBrowser('sites and the page switch in Chromium', () => {
  let s: Session;
  let options: Page;

  beforeAll(async () => {
    s = await startSession();
    options = await s.ctx.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready]', { timeout: 10_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists the default news sites from the manifest, each switched on', async () => {
    expect(await options.locator('#sites-section').isVisible(), 'the section is shown').toBe(true);
    const sites = await options.$$eval('[data-site]', (els) => els.map((el) => (el as HTMLElement).dataset.site));
    expect(sites).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*', '*://*.nytimes.com/*']));
    expect(await options.locator('[data-site] input[type="checkbox"]:not(:checked)').count()).toBe(0);
    expect(await options.locator('[data-added-site]').count()).toBe(0);
    expect(await options.locator('#sites-section').innerText()).toContain(uiString('options_sites_none'));
  });

  it('leaves a switched-off site unannotated until the popup turns it on, then off again', async () => {
    await options.locator('[data-site="http://127.0.0.1/*"] input').uncheck();
    await expect.poll(() => options.locator('.sites-status').innerText()).toBe(fill(uiString('options_sites_turned_off'), '127.0.0.1'));

    const page = await s.openDemo('/index.html');
    expect(await page.locator('[data-backstory-entity]').count(), 'no highlights on a switched-off site').toBe(0);
    // The page's Text nodes, one string each: switching off must merge back every node we split.
    const textNodes = () =>
      page.evaluate(() => {
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const out: string[] = [];
        while (walk.nextNode()) out.push((walk.currentNode as Text).data);
        return out;
      });
    const text = await page.evaluate(() => document.body.textContent);
    const nodes = await textNodes();
    const tabId = await s.tabIdOf(page);
    const popup = await s.openPopup(tabId);
    expect(await popup.locator('body').innerText()).toContain(uiString('popup_off'));

    await popup.locator('[data-action="turn-on"]').click();
    await popup.waitForSelector('[data-entity]', { timeout: 10_000 });
    const counts = await mentionCounts(page);
    expect(counts['kim-jong-un'], 'names highlighted once turned on').toBeGreaterThan(0);
    expect(await popup.locator('[data-entity]').count()).toBe(Object.keys(counts).length);

    await popup.locator('[data-action="turn-off"]').click();
    await expect.poll(() => page.locator('[data-backstory-entity]').count(), { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.textContent), 'the page text is as it was').toBe(text);
    expect(await textNodes(), 'the page’s Text nodes are as they were').toEqual(nodes);
    await popup.waitForSelector('[data-action="turn-on"]', { timeout: 5_000 });
    await popup.close();

    await options.locator('[data-site="http://127.0.0.1/*"] input').check();
    const again = await s.openDemo('/index.html');
    expect(await mentionCounts(again), 'switched back on: annotated by itself again').toEqual(counts);
  }, 90_000);

  it("lists a site the reader added and removes it (script unregistered)", async () => {
    const sw = await s.worker();
    // Registered the way the extension registers a granted site (the grant itself needs a prompt).
    await sw.evaluate(() =>
      (globalThis as unknown as ScriptingApi).chrome.scripting.registerContentScripts([
        { id: 'backstory-site:example.org', matches: ['*://example.org/*'], js: ['content.js'], persistAcrossSessions: false },
      ]),
    );
    await options.reload();
    await options.waitForSelector('body[data-ready]');
    const item = options.locator('[data-added-site="example.org"]');
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole('button', { name: fill(uiString('options_sites_remove_label'), 'example.org') }).click();
    await expect.poll(() => options.locator('[data-added-site]').count(), { timeout: 5_000 }).toBe(0);
    expect(await sw.evaluate(async () => (await (globalThis as unknown as ScriptingApi).chrome.scripting.getRegisteredContentScripts()).map((x) => x.id))).toEqual([]);
    expect(await options.locator('.sites-status').innerText()).toBe(fill(uiString('options_sites_removed'), 'example.org'));
  });

  it('refuses an address that is not a site, with a message, and registers nothing', async () => {
    await options.locator('#site-input').fill('ftp://files.example.org');
    await options.locator('.site-add button[type="submit"]').click();
    await expect.poll(() => options.locator('.sites-status').innerText()).toBe(uiString('options_sites_error_scheme'));
    expect(await options.locator('#site-input').getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#site-input').inputValue(), 'what the reader typed is kept').toBe('ftp://files.example.org');
    const sw = await s.worker();
    expect(await sw.evaluate(async () => (await (globalThis as unknown as ScriptingApi).chrome.scripting.getRegisteredContentScripts()).length)).toBe(0);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
