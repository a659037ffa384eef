// Real-Chromium harness: one browser per test file, the demo site on a local port, every
// request recorded, and readers for what the page cannot see (the card's closed shadow root).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { describe, expect } from 'vitest';
import { extensionWorker, findChromium, launchWithExtension, type RecordedRequest } from '../../scripts/lib/browser.mjs';
import { serveStatic, type StaticServer } from '../../scripts/lib/demo-server.mjs';
import { countMentionsInPage, expandCard, packNames as namesInPacks, readCard, type CardState } from '../../scripts/lib/probes.mjs';

export { expandCard, readCard, type CardState };

export const ROOT = resolve(import.meta.dirname, '../..');
// Overridable so the harness itself can be tried against a stand-in build.
export const DIST = resolve(process.env.BACKSTORY_DIST ?? resolve(ROOT, 'dist'));
export const DEMO = resolve(process.env.BACKSTORY_DEMO ?? resolve(ROOT, 'demo'));

const chromiumPath = findChromium();

/**
 * `describe` when a browser is installed. Without one the file is skipped with a message saying
 * why — unless REQUIRE_BROWSER=1 (CI), where a missing browser must fail, not pass quietly.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumPath) {
    describe(name, body);
    return;
  }
  const why = `no Chromium found (set CHROMIUM_PATH or install it: sudo apt-get install chromium)`;
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
    });
    return;
  }
  console.warn(`[e2e] skipping "${name}": ${why}`);
  describe.skip(`${name} (skipped: ${why})`, body);
}

/** The tests drive the built extension; `npm test` builds it before running them. */
function requireBuild(): void {
  if (!existsSync(resolve(DIST, 'manifest.json'))) {
    throw new Error(`no built extension at ${DIST}: run \`npm run build\` first (\`npm test\` does it for you)`);
  }
}

export interface Session {
  ctx: BrowserContext;
  extensionId: string;
  server: StaticServer;
  requests: RecordedRequest[];
  /** Warnings, errors and uncaught exceptions from the demo pages, to explain a failure. */
  pageLog: string[];
  /** Opens a demo page ("/index.html") in a new tab and waits for the first annotation pass;
   *  `beforeLoad` may prepare the page (e.g. `page.addInitScript`) before it loads. */
  openDemo(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page>;
  /** The browser's id for the tab showing `page`. */
  tabIdOf(page: Page): Promise<number>;
  /** Opens the popup for a tab (in its own tab) and waits until it has rendered. */
  openPopup(tabId: number): Promise<Page>;
  /** The extension's service worker (looked up each time: MV3 stops and restarts it). */
  worker(): Promise<Worker>;
  /** Requests to anything but this extension and the demo server. */
  foreignRequests(): RecordedRequest[];
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Profile folder to use (and keep); default: a fresh temporary profile. */
  userDataDir?: string;
  /** Folder to serve instead of the demo site (e.g. tests/fixtures/pages). */
  siteRoot?: string;
  /** The unpacked extension to load instead of dist/ (e.g. a release zip's contents). */
  dist?: string;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  if (!chromiumPath) throw new Error('no Chromium');
  if (!options.dist) requireBuild();
  const server = await serveStatic(options.siteRoot ?? DEMO);
  let launched: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
  try {
    launched = await launchWithExtension({ dist: options.dist ?? DIST, executablePath: chromiumPath, userDataDir: options.userDataDir });
    await workerAnswers(launched.ctx, launched.extensionId);
  } catch (err) {
    await launched?.ctx.close();
    await server.close();
    throw err;
  }
  const { ctx, extensionId, requests } = launched;
  const popupPath = popupPage();

  const session: Session = {
    ctx,
    extensionId,
    server,
    requests,
    pageLog: [],
    async openDemo(path, beforeLoad) {
      const page = await ctx.newPage();
      page.on('console', (m) => {
        if (m.type() === 'warning' || m.type() === 'error') session.pageLog.push(`${path} ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => session.pageLog.push(`${path} uncaught: ${e.message}`));
      await beforeLoad?.(page);
      await page.goto(server.origin + path);
      try {
        await waitReady(page);
      } catch (err) {
        const log = session.pageLog.join('\n  ') || '(nothing logged)';
        throw new Error(`${path}: the content script never set data-backstory="ready"; page log:\n  ${log}`, { cause: err });
      }
      return page;
    },
    async tabIdOf(page) {
      // Without the "tabs" permission the worker cannot see tab URLs: bring the page to the
      // front and ask for the active tab instead.
      await page.bringToFront();
      const sw = await session.worker();
      const id = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
      if (id < 0) throw new Error(`no tab found for ${page.url()}`);
      return id;
    },
    async openPopup(tabId) {
      const popup = await ctx.newPage();
      await popup.goto(`chrome-extension://${extensionId}/${popupPath}?tabId=${tabId}`);
      await popup.waitForSelector('body[data-ready]', { timeout: 10_000 });
      return popup;
    },
    worker() {
      return extensionWorker(ctx, extensionId);
    },
    foreignRequests() {
      // Any chrome-extension:// URL is this extension (the only one loaded): ui.js is fetched
      // through a per-session dynamic id (use_dynamic_url), not the extension id.
      return requests.filter((r) => !r.url.startsWith('chrome-extension://') && !r.url.startsWith(server.origin + '/'));
    },
    async close() {
      await ctx.close();
      await server.close();
    },
  };
  return session;

  function popupPage(): string {
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8')) as { action?: { default_popup?: unknown } };
    const popup = manifest.action?.default_popup;
    if (typeof popup !== 'string') throw new Error('dist/manifest.json has no action.default_popup');
    return popup.replace(/^\//, '');
  }
}

/**
 * Waits until the service worker answers, so the first demo page does not race a worker that a
 * loaded machine is still starting. Requests the worker makes while it starts, before Playwright
 * listens, are not recorded here: the build refuses any bundle that names a network API
 * (fetch, XMLHttpRequest, WebSocket, sendBeacon…; only the worker's read of its own pack files
 * through runtime.getURL is let through), which covers that window. (Forcing a worker
 * restart to observe it made whole files fail: a worker closed through DevTools sometimes did not
 * come back for over 30 s.)
 */
async function workerAnswers(ctx: BrowserContext, extensionId: string, timeout = 30_000): Promise<void> {
  const page = await ctx.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/manifest.json`);
    const deadline = Date.now() + timeout;
    for (;;) {
      const answered = await page.evaluate(() =>
        // Asked from an extension page, as the options page asks: content scripts may not.
        chrome.runtime.sendMessage({ type: 'backstory:list-packs' }).then(
          (r: unknown) => typeof r === 'object' && r !== null && 'packs' in r,
          () => false,
        ),
      );
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`the extension's service worker did not answer within ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await page.close();
  }
}

/**
 * Runs `fn(arg)` in the extension's content-script world of `page` (its isolated world, found
 * through the DevTools protocol), to try what a content script steered by a hostile page could do.
 * `fn` is sent as source text: it may use only its argument and the content script's globals.
 */
export async function inContentScript<A, R>(s: Session, page: Page, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const cdp = await s.ctx.newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; isDefault?: boolean; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameTree.frame.id && c.origin.includes(s.extensionId));
    if (!world) throw new Error(`no content-script world in ${page.url()} (contexts: ${contexts.map((c) => `${c.auxData?.type}@${c.origin}`).join(', ')})`);
    const res = (await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value?: R }; exceptionDetails?: { exception?: { description?: string }; text?: string } };
    if (res.exceptionDetails) throw new Error(`in the content script: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
    return res.result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Waits for the content script's first pass (`<html data-backstory="ready">`). */
export async function waitReady(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout });
}

/** Waits until the content script has nothing left to do: its pass finished and no update
 *  running or waiting out the watcher's debounce (`data-backstory-busy` gone). A check that
 *  something did NOT happen goes after this, not after a sleep. */
export async function waitSettled(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('html[data-backstory="ready"]:not([data-backstory-busy])', { state: 'attached', timeout });
}

/** Ids of the entities highlighted on the page, with how many mentions each has. */
export function mentionCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(countMentionsInPage);
}

/** Polls the card until it is open (or closed) and returns its state. */
export async function waitCard(ctx: BrowserContext, page: Page, open: boolean, timeout = 5_000): Promise<CardState> {
  let state: CardState = { open: !open, text: '' };
  await expect
    .poll(async () => (state = await readCard(ctx, page)).open, { timeout, interval: 100, message: `card should be ${open ? 'open' : 'closed'}` })
    .toBe(open);
  return state;
}

/**
 * Waits for the card, opens its full form ("N more": the hover card starts as a glance) and
 * returns what the full card says.
 */
export async function waitFullCard(ctx: BrowserContext, page: Page, timeout = 5_000): Promise<CardState> {
  await waitCard(ctx, page, true, timeout);
  await expandCard(ctx, page);
  return readCard(ctx, page);
}

/** Display names of the bundled pack's entities, from the pack files the build bundles. */
export function packNames(): Map<string, string> {
  return namesInPacks(ROOT);
}

/** An English UI string as the extension shows it (from dist/_locales/en), placeholders left in. */
export function uiString(key: string): string {
  const messages = JSON.parse(readFileSync(resolve(DIST, '_locales/en/messages.json'), 'utf8')) as Record<string, { message?: string }>;
  const message = messages[key]?.message;
  if (!message) throw new Error(`no English UI string "${key}" in dist/_locales/en/messages.json`);
  return message;
}
