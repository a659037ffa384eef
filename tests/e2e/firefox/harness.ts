// Real-Firefox harness, the counterpart of ../harness.ts: Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi, the built extension installed as a temporary add-on with a
// pinned moz-extension:// host, the demo site on a local port, every request recorded, and the
// card read through its closed shadow root. Recipe and pitfalls: ../shared/docs/FIREFOX-TESTS.md.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { closeFirefox, earlierLinkPointInFirefox, findFirefox, launchFirefoxWithExtension, openExtensionPage, expandCardInFirefox, readCardInFirefox, readEarlierInFirefox, readSourceLinksInFirefox, type FirefoxLaunch } from '../../../scripts/lib/firefox.mjs';
import { serveStatic } from '../../../scripts/lib/demo-server.mjs';
import type { BrowserSession, TestPage } from '../browsers';
import { DEMO, DIST, type SessionOptions } from '../harness';

/** Where the pinned UUID of a kept profile is remembered, so a restart reinstalls at the same host. */
const UUID_FILE = 'backstory-test-uuid';

function manifestPage(key: 'popup' | 'options'): string {
  const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8')) as { action?: { default_popup?: string }; options_ui?: { page?: string } };
  const page = key === 'popup' ? manifest.action?.default_popup : manifest.options_ui?.page;
  if (typeof page !== 'string') throw new Error(`dist/manifest.json names no ${key} page`);
  return page.replace(/^\//, '');
}

/** The UUID to pin: the one a kept profile was first started with, else a fresh one. */
function uuidFor(profileDir: string | undefined): string {
  if (!profileDir) return randomUUID();
  const file = join(profileDir, UUID_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const uuid = randomUUID();
  writeFileSync(file, uuid);
  return uuid;
}

function wrapPuppeteer(page: Page): TestPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg) as never,
    url: () => page.url(),
    async waitFor(selector, { timeout = 10_000, gone = false } = {}) {
      if (gone) await page.waitForFunction((sel: string) => document.querySelector(sel) === null, { timeout, polling: 100 }, selector);
      else await page.waitForSelector(selector, { timeout });
    },
    count: (selector) => page.evaluate((sel: string) => document.querySelectorAll(sel).length, selector),
    text: (selector) => page.evaluate((sel: string) => document.querySelector<HTMLElement>(sel)?.innerText ?? '', selector),
    texts: (selector) => page.evaluate((sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((el) => el.innerText), selector),
    isVisible: (selector) =>
      page.evaluate((sel: string) => document.querySelector(sel)?.checkVisibility({ opacityProperty: true, visibilityProperty: true }) ?? false, selector),
    click: (selector, offset) => page.click(selector, offset ? { offset } : {}),
    hover: (selector) => page.hover(selector),
    async setChecked(selector, checked) {
      const now = await page.evaluate((sel: string) => (document.querySelector(sel) as HTMLInputElement | null)?.checked, selector);
      if (now === undefined) throw new Error(`no checkbox or radio ${selector}`);
      if (now !== checked) await page.click(selector);
    },
    async fill(selector, value) {
      // Select what is there so the typing replaces it, as Playwright's fill does.
      await page.focus(selector);
      await page.evaluate((sel: string) => (document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement).select(), selector);
      if (value === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(value);
    },
    async setInputFile(selector, path) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no file input ${selector}`);
      await (input as unknown as { uploadFile(...paths: string[]): Promise<void> }).uploadFile(path);
    },
    answerNextDialog: (accept) => void page.once('dialog', (d) => void (accept ? d.accept() : d.dismiss())),
    async runScript(source) {
      // A string goes to WebDriver BiDi's script.evaluate, which the page's CSP does not govern.
      await page.evaluate(`${source};void 0`);
    },
    async press(key) {
      // "Control+Enter" as Playwright writes it: hold the modifiers, press the key, let go.
      const keys = key.split('+') as never[];
      const main = keys.pop()!;
      for (const k of keys) await page.keyboard.down(k);
      await page.keyboard.press(main);
      for (const k of keys.reverse()) await page.keyboard.up(k);
    },
    type: (text) => page.keyboard.type(text),
    mouseMove: (x, y) => page.mouse.move(x, y),
    bringToFront: () => page.bringToFront(),
    async frameFieldFocused(urlEnd) {
      const frame = page.frames().find((f) => !f.detached && f.url().endsWith(urlEnd));
      // WebDriver BiDi does not list an extension's frame inside a web page: Firefox cannot tell
      // (null). Its keys reach the frame once the page has focused the frame's element.
      return frame ? frame.evaluate(() => /^(textarea|input)$/.test(document.activeElement?.localName ?? '')).catch(() => false) : null;
    },
    close: () => page.close(),
  };
}

export async function startFirefoxSession(options: SessionOptions = {}): Promise<BrowserSession> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error('no Firefox');
  const dist = options.dist ?? DIST;
  if (!existsSync(resolve(dist, 'manifest.json'))) throw new Error(`no built extension at ${dist}: run \`npm run build\` first`);
  const server = await serveStatic(options.siteRoot ?? DEMO);
  let ff: FirefoxLaunch;
  try {
    ff = await launchFirefoxWithExtension({
      dist,
      executablePath,
      profileDir: options.userDataDir,
      uuid: uuidFor(options.userDataDir),
      // The demo tab is hidden while a test drives the popup in a tab of its own, and Firefox drops
      // smooth scrolling in hidden tabs; with reduced motion the extension scrolls at once.
      prefs: { 'ui.prefersReducedMotion': 1 },
    });
  } catch (err) {
    await server.close();
    throw err;
  }
  const { browser, base } = ff;
  const popupPath = manifestPage('popup');
  const optionsPath = manifestPage('options');
  const pageLog: string[] = [];
  const real = new WeakMap<TestPage, Page>();
  const wrap = (page: Page): TestPage => {
    const t = wrapPuppeteer(page);
    real.set(t, page);
    return t;
  };
  // An extension tab kept open to call the extension's APIs from (Firefox has no service worker
  // to evaluate in: the background is an event page, which BiDi cannot reach).
  let helper: Page | undefined;
  const extensionTab = async (): Promise<Page> => (helper ??= await openExtensionPage(browser, `${base}/${popupPath}`));
  let closingAt = Infinity;

  const session: BrowserSession = {
    browser: 'firefox',
    origin: server.origin,
    log: () => [...pageLog, ...ff.lines.filter((l) => l.at < closingAt).map((l) => `${l.stream}: ${l.line}`)],
    async openDemo(path, opts) {
      const page = await browser.newPage();
      if (opts?.initScript) await page.evaluateOnNewDocument(opts.initScript);
      page.on('console', (m) => {
        if (m.type() === 'warn' || m.type() === 'error') pageLog.push(`${path} ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => pageLog.push(`${path} uncaught: ${e instanceof Error ? e.message : String(e)}`));
      await page.goto(server.origin + path);
      try {
        await page.waitForSelector('html[data-backstory="ready"]', { timeout: 20_000 });
      } catch (err) {
        throw new Error(`${path}: the content script never set data-backstory="ready"; log:\n  ${session.log().join('\n  ') || '(nothing logged)'}`, { cause: err });
      }
      return wrap(page);
    },
    async tabIdOf(page) {
      // The tab whose content script reports this page's URL; of several such tabs, the one in
      // front. (Open the helper tab first: opening it would take the front itself.)
      const tab = await extensionTab();
      await page.bringToFront();
      const url = page.url();
      const id = await tab.evaluate(async (want: string) => {
        const hits: { id: number; active: boolean }[] = [];
        for (const t of await chrome.tabs.query({})) {
          const answer = (await chrome.tabs.sendMessage(t.id!, { type: 'backstory:get-cards' }).catch(() => null)) as { url?: string } | null;
          if (answer?.url === want) hits.push({ id: t.id!, active: t.active === true });
        }
        return (hits.find((h) => h.active) ?? (hits.length === 1 ? hits[0] : undefined))?.id ?? -1;
      }, url);
      if (id < 0) throw new Error(`no tab (or no single front tab) found for ${url}`);
      return id;
    },
    async openPopup(tabId) {
      return wrap(await openExtensionPage(browser, `${base}/${popupPath}?tabId=${tabId}`));
    },
    async openOptions() {
      return wrap(await openExtensionPage(browser, `${base}/${optionsPath}`));
    },
    async restartBackground() {
      // The event page is a window of the extension: loading it again runs the background afresh.
      // Done once that window is a new document, fully loaded (its listeners are then in place).
      type Bg = { performance: { timeOrigin: number }; document: { readyState: string }; location: { reload(): void } };
      type Api = { browser: { runtime: { getBackgroundPage(): Promise<Bg> } } };
      const tab = await extensionTab();
      const was = await tab.evaluate(async () => {
        const bg = await (globalThis as unknown as Api).browser.runtime.getBackgroundPage();
        const origin = bg.performance.timeOrigin;
        bg.location.reload();
        return origin;
      });
      await tab.waitForFunction(
        async (old: number) => {
          const bg = await (globalThis as unknown as Api).browser.runtime.getBackgroundPage().catch(() => null);
          return !!bg && bg.performance.timeOrigin !== old && bg.document.readyState === 'complete';
        },
        { timeout: 10_000, polling: 200 },
        was,
      );
    },
    async inExtension(fn, arg) {
      return (await extensionTab()).evaluate(fn as (a: unknown) => never, arg) as never;
    },
    readCard(page) {
      const p = real.get(page);
      if (!p) throw new Error('not a page of this Firefox session');
      return readCardInFirefox(browser, p);
    },
    readEarlier(page) {
      const p = real.get(page);
      if (!p) throw new Error('not a page of this Firefox session');
      return readEarlierInFirefox(browser, p);
    },
    readSourceLinks(page) {
      const p = real.get(page);
      if (!p) throw new Error('not a page of this Firefox session');
      return readSourceLinksInFirefox(browser, p);
    },
    async openEarlier(page) {
      const p = real.get(page);
      if (!p) throw new Error('not a page of this Firefox session');
      const at = await earlierLinkPointInFirefox(browser, p);
      if (!at) throw new Error('the card shows no earlier item with a link');
      const before = new Set(browser.targets());
      const opened = browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 10_000 });
      await p.mouse.click(at.x, at.y);
      const tab = await (await opened).page();
      if (!tab) throw new Error('the link opened no tab');
      await tab.waitForSelector('html[data-backstory="ready"]', { timeout: 20_000 });
      return wrap(tab);
    },
    expandCard(page) {
      const p = real.get(page);
      if (!p) throw new Error('not a page of this Firefox session');
      return expandCardInFirefox(browser, p);
    },
    sawDemoRequests: () => ff.requests.some((u) => u.startsWith(server.origin + '/')),
    foreignRequests: () => ff.requests.filter((u) => !u.startsWith(server.origin + '/') && !/^(moz-extension|about|data|blob):/.test(u)),
    async close() {
      // Lines printed while Firefox shuts down are not the extension's doing (it cuts off scripts
      // in dying windows); keep them out of the log.
      closingAt = ff.since();
      await closeFirefox(browser);
      await server.close();
    },
  };
  return session;
}
