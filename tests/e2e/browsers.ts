// Tests written once and run in every browser: `describeInBrowsers` hands the body a browser
// lane (Chromium through Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi), and
// both lanes start sessions of the same shape whose pages answer the same small set of calls.
// The Chromium-only files keep using harness.ts directly; this file adds to it, it replaces nothing.
//
// To run a test in both browsers, put it in tests/e2e/both/ and write it against these shapes:
//   describeInBrowsers('reading memory', (browser) => {
//     let s: BrowserSession;
//     beforeAll(async () => { s = await browser.start(); });   // one browser per lane
//     afterAll(async () => { await s?.close(); });
//     it('…', async () => { const page = await s.openDemo('/index.html'); … });
//   });
// Porting a Chromium test: `page.locator(sel).x()` becomes `page.x(sel)` (first match), the
// service worker's `sw.evaluate(fn, arg)` becomes `s.inExtension(fn, arg)` (chrome.* with
// promises in both), `readCard(s.ctx, page)` / `waitCard(s.ctx, …)` become `s.readCard(page)` /
// `waitCard(s, …)`, and `chrome-extension://…/options/options.html` is `s.openOptions()`.
// A TestPage call that is missing goes into both adapters (below and firefox/harness.ts).
// BACKSTORY_BROWSERS=firefox npx vitest run tests/e2e/both/x.test.ts runs one lane alone.
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { findChromium } from '../../scripts/lib/browser.mjs';
import { findFirefox } from '../../scripts/lib/firefox.mjs';
import { countMentionsInPage, earlierLinkPoint, readEarlier, readSourceLinks, type CardState, type EarlierItem, type SourceLink } from '../../scripts/lib/probes.mjs';
import { expandCard, readCard, startSession, waitReady, type SessionOptions } from './harness';

export type BrowserName = 'chromium' | 'firefox';

/** A tab, whichever browser shows it. Selectors are CSS; calls on a selector use its first match. */
export interface TestPage {
  /** Runs `fn` in the page's own world (for an extension page: with the extension's APIs). */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  url(): string;
  /** Waits until `selector` is in the DOM (or, with `gone`, until it is not). */
  waitFor(selector: string, options?: { timeout?: number; gone?: boolean }): Promise<void>;
  count(selector: string): Promise<number>;
  /** innerText of the first match ('' when there is none). */
  text(selector: string): Promise<string>;
  /** innerText of every match. */
  texts(selector: string): Promise<string[]>;
  isVisible(selector: string): Promise<boolean>;
  /** A real mouse click, `offset` from the element's top-left corner (default: its centre). */
  click(selector: string, offset?: { x: number; y: number }): Promise<void>;
  /** Scrolls the element into view and moves the mouse over it. */
  hover(selector: string): Promise<void>;
  /** Clicks a checkbox or radio until its state is `checked`. */
  setChecked(selector: string, checked: boolean): Promise<void>;
  /** Replaces a field's value by typing. */
  fill(selector: string, value: string): Promise<void>;
  /** Chooses a file in an `<input type=file>`, as the reader's file picker would. */
  setInputFile(selector: string, path: string): Promise<void>;
  /** Runs a classic script's source in the page's own world, past the page's CSP (an extension
   *  page allows no inline script): for a test library such as axe. */
  runScript(source: string): Promise<void>;
  /** Answers the next dialog the page opens (confirm, alert): OK when `accept`, else Cancel. */
  answerNextDialog(accept: boolean): void;
  /** A key as Playwright names it, modifiers joined with '+' ("Escape", "Control+Enter"). */
  press(key: string): Promise<void>;
  /** Types text into whatever has focus. */
  type(text: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  bringToFront(): Promise<void>;
  /** Whether a frame of the page whose address ends with `urlEnd` has focus on a text field
   *  (the note editor's frame, once the reader can type into it); null where the driver cannot
   *  see such a frame (Firefox over BiDi). */
  frameFieldFocused(urlEnd: string): Promise<boolean | null>;
  close(): Promise<void>;
}

export type { EarlierItem, SourceLink };

export interface OpenOptions {
  /** Runs in the page's own world before any of its scripts (a hostile page's set-up). Passed as
   *  source: it must not use anything from the test's scope. */
  initScript?: () => void;
}

export interface BrowserSession {
  browser: BrowserName;
  /** The demo (or fixture) server, "http://127.0.0.1:<port>". */
  origin: string;
  /** Warnings, errors and uncaught exceptions from the extension and the demo pages. */
  log(): string[];
  /** Opens a site page ("/index.html") in a new tab and waits for the first annotation pass. */
  openDemo(path: string, options?: OpenOptions): Promise<TestPage>;
  tabIdOf(page: TestPage): Promise<number>;
  /** The popup for a tab, opened in its own tab, once rendered. */
  openPopup(tabId: number): Promise<TestPage>;
  /** The options page, once rendered. */
  openOptions(): Promise<TestPage>;
  /** Stops the background (Chromium's service worker, Firefox's event page) and starts it again,
   *  as the browser does when it has been idle: what it kept only in memory is gone. */
  restartBackground(): Promise<void>;
  /** Runs `fn` where the extension's APIs are (`chrome.*` with promises, in both browsers). */
  inExtension<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  /** The card as a reader sees it, read through its closed shadow root. */
  readCard(page: TestPage): Promise<CardState>;
  /** The open card's "Earlier in your reading" items (`[data-earlier]`), each with its link's href. */
  readEarlier(page: TestPage): Promise<EarlierItem[]>;
  /** The open card's links from pack facts to their sources (`a.bs-source-link`). */
  readSourceLinks(page: TestPage): Promise<SourceLink[]>;
  /** Clicks the open card's first earlier-reading link with the mouse, as a reader would, and
   *  returns the tab it opens, once Backstory is ready there. */
  openEarlier(page: TestPage): Promise<TestPage>;
  /** Presses the hover card's "N more" (the full card in place of the glance); whether it had one. */
  expandCard(page: TestPage): Promise<boolean>;
  /** Whether any request has been recorded at all (so that an empty foreign list means something). */
  sawDemoRequests(): boolean;
  /** URLs requested beyond the extension and the demo server. */
  foreignRequests(): string[];
  close(): Promise<void>;
}

export interface BrowserLane {
  name: BrowserName;
  /** "Chromium" / "Firefox", for messages. */
  label: string;
  start(options?: SessionOptions): Promise<BrowserSession>;
}

const LABEL: Record<BrowserName, string> = { chromium: 'Chromium', firefox: 'Firefox' };
const INSTALL: Record<BrowserName, string> = {
  chromium: 'no Chromium found (set CHROMIUM_PATH or install it: sudo apt-get install chromium)',
  firefox: 'no Firefox found (set FIREFOX_PATH or install it: sudo apt-get install firefox-esr)',
};

/** Which lanes this run asks for: BACKSTORY_BROWSERS=firefox (or chromium) runs one of them alone. */
function wanted(): BrowserName[] {
  const asked = (process.env.BACKSTORY_BROWSERS ?? 'chromium,firefox').split(',').map((s) => s.trim());
  return (['chromium', 'firefox'] as const).filter((b) => asked.includes(b));
}

/**
 * One `describe` per browser, "<name> in Chromium" and "<name> in Firefox", each with the same
 * body. A missing browser skips its lane with a message, or fails it under REQUIRE_BROWSER=1.
 * Each lane should start one session (one browser) in `beforeAll` and close it in `afterAll`:
 * the lanes of a file then run one after the other, never two browsers at once.
 */
export function describeInBrowsers(name: string, body: (lane: BrowserLane) => void): void {
  for (const browser of wanted()) {
    const title = `${name} in ${LABEL[browser]}`;
    const found = browser === 'chromium' ? findChromium() : findFirefox();
    const lane: BrowserLane = { name: browser, label: LABEL[browser], start: (options) => startIn(browser, options) };
    if (found) {
      describe(title, () => body(lane));
      continue;
    }
    if (process.env.REQUIRE_BROWSER === '1') {
      describe(title, () => {
        throw new Error(`REQUIRE_BROWSER=1 but ${INSTALL[browser]}`);
      });
      continue;
    }
    console.warn(`[e2e] skipping "${title}": ${INSTALL[browser]}`);
    describe.skip(`${title} (skipped: ${INSTALL[browser]})`, () => body(lane));
  }
}

async function startIn(browser: BrowserName, options?: SessionOptions): Promise<BrowserSession> {
  if (browser === 'chromium') return startChromium(options);
  // Loaded only when a Firefox lane runs.
  const { startFirefoxSession } = await import('./firefox/harness');
  return startFirefoxSession(options);
}

/** Ids of the entities highlighted on the page, with how many mentions each has. */
export function mentionCounts(page: TestPage): Promise<Record<string, number>> {
  return page.evaluate(countMentionsInPage);
}

/** Polls the card until it is open (or closed) and returns its state. */
export async function waitCard(s: BrowserSession, page: TestPage, open: boolean, timeout = 5_000): Promise<CardState> {
  let state: CardState = { open: !open, text: '' };
  await expect
    .poll(async () => (state = await s.readCard(page)).open, { timeout, interval: 100, message: `card should be ${open ? 'open' : 'closed'}` })
    .toBe(open);
  return state;
}

/** Waits for the card, opens its full form ("N more") and returns what the full card says. */
export async function waitFullCard(s: BrowserSession, page: TestPage, timeout = 5_000): Promise<CardState> {
  await waitCard(s, page, true, timeout);
  await s.expandCard(page);
  return s.readCard(page);
}

// ---------------------------------------------------------------------------------------------
// Chromium: the existing Playwright harness, seen through the shared shape.

const pages = new WeakMap<TestPage, Page>();

function wrapPlaywright(page: Page): TestPage {
  const wrapped: TestPage = {
    evaluate: (fn, arg) => page.evaluate(fn as (a: unknown) => never, arg),
    url: () => page.url(),
    async waitFor(selector, { timeout = 10_000, gone = false } = {}) {
      await page.waitForSelector(selector, { state: gone ? 'detached' : 'attached', timeout });
    },
    count: (selector) => page.locator(selector).count(),
    async text(selector) {
      const first = page.locator(selector).first();
      return (await first.count()) ? first.innerText() : '';
    },
    texts: (selector) => page.locator(selector).allInnerTexts(),
    isVisible: (selector) => page.locator(selector).first().isVisible(),
    click: (selector, offset) => page.locator(selector).first().click({ position: offset, timeout: 5_000 }),
    hover: (selector) => page.locator(selector).first().hover({ timeout: 5_000 }),
    setChecked: (selector, checked) => page.locator(selector).first().setChecked(checked),
    fill: (selector, value) => page.locator(selector).first().fill(value),
    setInputFile: (selector, path) => page.locator(selector).first().setInputFiles(path),
    answerNextDialog: (accept) => void page.once('dialog', (d) => void (accept ? d.accept() : d.dismiss())),
    async runScript(source) {
      // addScriptTag would insert an inline <script>; DevTools evaluates outside the CSP.
      const cdp = await page.context().newCDPSession(page);
      try {
        const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: `${source};void 0` });
        if (exceptionDetails) throw new Error(`the script failed: ${exceptionDetails.text}`);
      } finally {
        await cdp.detach();
      }
    },
    press: (key) => page.keyboard.press(key),
    type: (text) => page.keyboard.type(text),
    mouseMove: (x, y) => page.mouse.move(x, y),
    bringToFront: () => page.bringToFront(),
    async frameFieldFocused(urlEnd) {
      const frame = page.frames().find((f) => !f.isDetached() && f.url().endsWith(urlEnd));
      return frame ? frame.evaluate(() => document.hasFocus() && /^(textarea|input)$/.test(document.activeElement?.localName ?? '')).catch(() => false) : false;
    },
    close: () => page.close(),
  };
  pages.set(wrapped, page);
  return wrapped;
}

function playwrightPage(page: TestPage): Page {
  const p = pages.get(page);
  if (!p) throw new Error('not a Chromium page');
  return p;
}

async function startChromium(options?: SessionOptions): Promise<BrowserSession> {
  const s = await startSession(options);
  return {
    browser: 'chromium',
    origin: s.server.origin,
    log: () => s.pageLog,
    openDemo: async (path, opts) => wrapPlaywright(await s.openDemo(path, opts?.initScript ? (p) => p.addInitScript(opts.initScript!) : undefined)),
    tabIdOf: (page) => s.tabIdOf(playwrightPage(page)),
    openPopup: async (tabId) => wrapPlaywright(await s.openPopup(tabId)),
    async openOptions() {
      const page = await s.ctx.newPage();
      await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
      await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
      return wrapPlaywright(page);
    },
    inExtension: async (fn, arg) => (await s.worker()).evaluate(fn as (a: unknown) => never, arg),
    async restartBackground() {
      // DevTools closes the worker's target: the worker stops, and the next event starts another.
      const page = await s.ctx.newPage();
      try {
        const cdp = await s.ctx.newCDPSession(page);
        const running = async () =>
          (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${s.extensionId}/`));
        const [worker] = await running();
        if (!worker) throw new Error('the service worker is not running');
        await cdp.send('Target.closeTarget', { targetId: worker.targetId });
        await expect.poll(async () => (await running()).some((t) => t.targetId === worker.targetId), { timeout: 5_000, message: 'the worker stopped' }).toBe(false);
        await cdp.detach();
      } finally {
        await page.close();
      }
    },
    readCard: (page) => readCard(s.ctx, playwrightPage(page)),
    readEarlier: (page) => readEarlier(s.ctx, playwrightPage(page)),
    readSourceLinks: (page) => readSourceLinks(s.ctx, playwrightPage(page)),
    async openEarlier(page) {
      const p = playwrightPage(page);
      const at = await earlierLinkPoint(s.ctx, p);
      if (!at) throw new Error('the card shows no earlier item with a link');
      const opened = s.ctx.waitForEvent('page', { timeout: 10_000 });
      await p.mouse.click(at.x, at.y);
      const tab = await opened;
      await waitReady(tab);
      return wrapPlaywright(tab);
    },
    expandCard: (page) => expandCard(s.ctx, playwrightPage(page)),
    sawDemoRequests: () => s.requests.some((r) => r.url.startsWith(s.server.origin)),
    foreignRequests: () => s.foreignRequests().map((r) => r.url),
    close: () => s.close(),
  };
}
