// Real-Chromium harness: one browser per test file, the demo site on a local port, every
// request recorded, and readers for what the page cannot see (the card's closed shadow root).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { describe, expect } from 'vitest';
import { extensionWorker, findChromium, launchWithExtension, type RecordedRequest } from '../../scripts/lib/browser.mjs';
import { serveStatic, type StaticServer } from '../../scripts/lib/demo-server.mjs';

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

/** `npm test` builds first; a lone `npx vitest run tests/e2e/…` builds here, once, under a lock. */
function ensureBuilt(): void {
  if (existsSync(resolve(DIST, 'manifest.json'))) return;
  const lock = resolve(ROOT, '.cache/e2e-build.lock');
  mkdirSync(resolve(ROOT, '.cache'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than the deadline is a crash leftover.
      if (existsSync(resolve(DIST, 'manifest.json'))) return;
      if (Date.now() > deadline || Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      spawnSync('sleep', ['0.5']);
    }
  }
  try {
    if (existsSync(resolve(DIST, 'manifest.json'))) return;
    const r = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node build.mjs failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Session {
  ctx: BrowserContext;
  extensionId: string;
  server: StaticServer;
  requests: RecordedRequest[];
  /** Opens a demo page ("/index.html") in a new tab and waits for the first annotation pass. */
  openDemo(path: string): Promise<Page>;
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

export async function startSession(): Promise<Session> {
  if (!chromiumPath) throw new Error('no Chromium');
  ensureBuilt();
  const server = await serveStatic(DEMO);
  let launched;
  try {
    launched = await launchWithExtension({ dist: DIST, executablePath: chromiumPath });
  } catch (err) {
    await server.close();
    throw err;
  }
  const { ctx, extensionId, requests } = launched;
  const popupPath = await popupPage();

  const session: Session = {
    ctx,
    extensionId,
    server,
    requests,
    async openDemo(path) {
      const page = await ctx.newPage();
      await page.goto(server.origin + path);
      await waitReady(page);
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
      return requests.filter((r) => !r.url.startsWith(`chrome-extension://${extensionId}/`) && !r.url.startsWith(server.origin + '/'));
    },
    async close() {
      await ctx.close();
      await server.close();
    },
  };
  return session;

  async function popupPage(): Promise<string> {
    const manifest = JSON.parse(await import('node:fs/promises').then((fs) => fs.readFile(resolve(DIST, 'manifest.json'), 'utf8')));
    const popup: unknown = manifest?.action?.default_popup;
    if (typeof popup !== 'string') throw new Error('dist/manifest.json has no action.default_popup');
    return popup.replace(/^\//, '');
  }
}

/** Waits for the content script's first pass (`<html data-backstory="ready">`). */
export async function waitReady(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout });
}

/** Ids of the entities highlighted on the page, with how many mentions each has. */
export async function mentionCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (const el of document.querySelectorAll<HTMLElement>('[data-backstory-entity]')) {
      const id = el.dataset.backstoryEntity ?? '';
      // A mention split by inline tags is several elements; a piece whose preceding text
      // belongs to a piece with the same id continues that mention.
      const first = el.firstChild;
      if (!first) continue;
      walker.currentNode = first;
      const prev = walker.previousNode()?.parentElement?.closest<HTMLElement>('[data-backstory-entity]');
      if (prev && prev !== el && prev.dataset.backstoryEntity === id) continue;
      counts[id] = (counts[id] ?? 0) + 1;
    }
    return counts;
  });
}

export interface CardState {
  /** Whether a card host exists and some of its content is rendered and visible. */
  open: boolean;
  /** All text in the card (style sheets left out), whitespace collapsed. */
  text: string;
}

/**
 * Reads the card through the DevTools protocol, which sees into closed shadow roots;
 * page scripts (and Playwright locators) cannot.
 */
export async function readCard(ctx: BrowserContext, page: Page): Promise<CardState> {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, (n) => (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-backstory-card'));
    if (!host) return { open: false, text: '' };
    const parts: string[] = [];
    collectText(host, parts);
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    const open = text !== '' && (await anyContentVisible(cdp, host));
    return { open, text };
  } finally {
    await cdp.detach();
  }
}

type DomNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
};

function findNode(node: DomNode, test: (n: DomNode) => boolean): DomNode | null {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return null;
}

function collectText(node: DomNode, out: string[]): void {
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return;
  if (node.nodeType === 3) out.push(node.nodeValue);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collectText(child, out);
}

async function anyContentVisible(cdp: CDPSession, host: DomNode): Promise<boolean> {
  const shadow = host.shadowRoots?.[0];
  const target = shadow ?? host;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: target.backendNodeId });
  if (!object.objectId) return false;
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    returnByValue: true,
    functionDeclaration: `function () {
      const els = [...this.querySelectorAll('*')].filter((e) => !/^(STYLE|SCRIPT|LINK)$/.test(e.tagName));
      return els.some((e) => {
        if (!e.textContent.trim()) return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      });
    }`,
  });
  return result.value === true;
}

/** Polls the card until it is open (or closed) and returns its state. */
export async function waitCard(ctx: BrowserContext, page: Page, open: boolean, timeout = 5_000): Promise<CardState> {
  let state: CardState = { open: !open, text: '' };
  await expect
    .poll(async () => (state = await readCard(ctx, page)).open, { timeout, interval: 100, message: `card should be ${open ? 'open' : 'closed'}` })
    .toBe(open);
  return state;
}
