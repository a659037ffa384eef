// Driving the built extension (dist/) in headless Chromium the way a reader does, through its public
// surface only: packs go in through the options page's messages, Backstory is switched on and off
// for a tab with `backstory:toggle`, and progress is read from the DOM contract
// (`data-backstory-entity`, `data-backstory="ready"`, the popup's `body[data-ready]`). Nothing here
// knows how the extension analyses or highlights, so the figures stay comparable across rewrites.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { extensionWorker, launchWithExtension } from '../lib/browser.mjs';
import type { Pack } from '../../src/core/types';
import { installProbes, installReadyProbe, type Progress, type ProbeApi, type Stretch } from './main-world';
import { frameCosts, keepTrace, taskFigures, TRACE_CATEGORIES, type FrameCost, type TaskFigures } from './trace';

/** A page may stay quiet this long between two slices; longer means the pass is over. */
const QUIET_MS = 400;
const PASS_TIMEOUT_MS = 90_000;
/** Where the generated pages are served: a host the content script runs on. */
export const SITE_PATTERN = 'http://127.0.0.1/*';

type Bs = { __bs: ProbeApi };

export interface Pass extends Stretch {
  /** When the `backstory:toggle` answer reached Node, ms from arming (null for appended blocks). */
  answeredMs: number | null;
  /** The pass is over at its last mention or at `ready` set again, whichever is later, as seen in
   *  the page; the toggle's answer (which crosses processes) only when the page showed neither. */
  doneMs: number;
  /** The page's main-thread tasks from a trace of the stretch (null when tracing failed). */
  tasks: TaskFigures | null;
  /** What went on inside each long animation frame, from the same trace (null without one). */
  longFrameCosts: FrameCost[] | null;
}

export interface HeapFigures {
  pageBefore: number;
  pageAfter: number;
  workerBefore: number | null;
  workerAfter: number | null;
}

export class ExtensionBench {
  private constructor(
    readonly ctx: BrowserContext,
    readonly extensionId: string,
    /** An extension page kept open to send messages from, as the options page would. */
    readonly control: Page,
  ) {}

  static async launch(dist: string, executablePath: string): Promise<ExtensionBench> {
    const { ctx, extensionId } = await launchWithExtension({ dist, executablePath });
    try {
      const control = await ctx.newPage();
      await control.goto(`chrome-extension://${extensionId}/manifest.json`);
      const bench = new ExtensionBench(ctx, extensionId, control);
      await bench.untilWorkerAnswers();
      return bench;
    } catch (err) {
      await ctx.close();
      throw err;
    }
  }

  close(): Promise<void> {
    return this.ctx.close();
  }

  private async untilWorkerAnswers(timeout = 30_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const r = await this.send<{ packs?: unknown[] }>({ type: 'backstory:list-packs' }).catch(() => undefined);
      if (Array.isArray(r?.packs)) return;
      if (Date.now() > deadline) throw new Error(`the extension's service worker did not answer within ${timeout} ms`);
      await new Promise((res) => setTimeout(res, 200));
    }
  }

  /** A runtime message from the extension page, answered by the background. */
  send<T>(msg: object): Promise<T> {
    return this.control.evaluate((m) => chrome.runtime.sendMessage(m), msg) as Promise<T>;
  }

  /** Imports (or replaces) a pack as the options page does, and makes sure it is switched on. */
  async importPack(pack: Pack): Promise<void> {
    const text = JSON.stringify(pack);
    const r = await this.send<{ ok: boolean; errors?: string[] }>({ type: 'backstory:import-pack', text });
    if (!r?.ok) throw new Error(`the extension refused pack ${pack.id}: ${(r?.errors ?? ['no answer']).slice(0, 3).join('; ')}`);
    const on = await this.send<{ ok: boolean; error?: string }>({ type: 'backstory:set-pack-enabled', id: pack.id, enabled: true });
    if (!on?.ok) throw new Error(`could not switch pack ${pack.id} on: ${on?.error ?? 'no answer'}`);
  }

  /** The reader's "switch Backstory off on this site": pages load unannotated and wait for the toggle. */
  async setSiteOff(off: boolean): Promise<void> {
    await this.control.evaluate(
      ([pattern, o]) =>
        (globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } }).chrome.storage.local.set({
          sites: { disabled: o ? [pattern] : [] },
        }),
      [SITE_PATTERN, off] as const,
    );
  }

  /** `backstory:toggle` to a tab, as the keyboard command sends it; resolves with the tab's answer. */
  toggle(tabId: number, active: boolean): Promise<{ active?: boolean } | undefined> {
    return this.control.evaluate(([id, a]) => chrome.tabs.sendMessage(id, { type: 'backstory:toggle', active: a }), [tabId, active] as const) as Promise<
      { active?: boolean } | undefined
    >;
  }

  /** Opens `url` in a new tab with the main-world probes, waits for the content script's `ready`. */
  async openArticle(url: string): Promise<{ page: Page; tabId: number }> {
    const page = await this.ctx.newPage();
    await page.addInitScript(installProbes);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 60_000 });
    return { page, tabId: await this.tabIdOf(page) };
  }

  /** The tab's id: bring it to the front and ask for the active tab (no "tabs" permission needed),
   *  then check with the page itself that it is the one. */
  async tabIdOf(page: Page): Promise<number> {
    await page.bringToFront();
    const id = await this.control.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    if (id < 0) throw new Error(`no tab found for ${page.url()}`);
    const cards = (await this.control.evaluate((t) => chrome.tabs.sendMessage(t, { type: 'backstory:get-cards' }), id)) as { url?: string } | undefined;
    if (cards?.url !== undefined && cards.url !== page.url()) throw new Error(`tab ${id} shows ${cards.url}, not ${page.url()}`);
    return id;
  }

  /** Switches Backstory off on the tab and waits until every highlight is gone and the page is still. */
  async switchOff(page: Page, tabId: number): Promise<void> {
    await this.toggle(tabId, false);
    await page.waitForFunction(() => (window as unknown as Bs).__bs.count() === 0, undefined, { timeout: 30_000, polling: 100 });
    await page.waitForTimeout(300);
  }

  /**
   * One measured pass: arm the probes, then switch Backstory on (`toggle`) or append a block (the
   * extension's own watcher must find it), and wait until the page has been quiet for a while with
   * `data-backstory="ready"` set. Ends at the last mention added or `ready` set, as the page saw it.
   * The whole stretch is traced for the page's main-thread tasks and their CPU time.
   */
  async pass(page: Page, tabId: number, how: 'toggle' | 'append'): Promise<Pass> {
    const browser = this.ctx.browser();
    const tracing = browser
      ? await browser.startTracing(undefined, { categories: TRACE_CATEGORIES }).then(
          () => true,
          () => false,
        )
      : false;
    await page.evaluate((a) => (window as unknown as Bs).__bs.arm(a), how === 'append');
    const sent = Date.now();
    let answeredMs: number | null = null;
    let answerError: unknown = null;
    const answered =
      how === 'toggle'
        ? this.toggle(tabId, true).then(
            () => void (answeredMs = Date.now() - sent),
            (err: unknown) => void (answerError = err),
          )
        : Promise.resolve();
    let trace: Buffer | null = null;
    try {
      const deadline = Date.now() + PASS_TIMEOUT_MS;
      let p: Progress;
      for (;;) {
        await page.waitForTimeout(100);
        p = await page.evaluate(() => (window as unknown as Bs).__bs.progress());
        if (answerError) throw new Error(`backstory:toggle failed: ${String(answerError)}`);
        const answerIn = how === 'append' || answeredMs !== null;
        // Nothing wrapped yet: keep waiting (up to the deadline) unless the answer says it is over.
        if (answerIn && p.ready && p.quietMs >= QUIET_MS && (p.mentions > 0 || Date.now() - sent > 5_000)) break;
        if (Date.now() > deadline) throw new Error(`a ${how} pass did not finish within ${PASS_TIMEOUT_MS / 1000} s (${p.mentions} mentions so far)`);
      }
      await answered;
      await page.evaluate(() => (window as unknown as Bs).__bs.end());
      // Stopped before collecting: reading the mentions' positions lays the page out, which is the probe's work.
      if (tracing && browser) trace = await browser.stopTracing().catch(() => null);
    } finally {
      if (tracing && browser && !trace) await browser.stopTracing().catch(() => null);
    }
    const s = await page.evaluate(() => (window as unknown as Bs).__bs.collect());
    const events: unknown = trace ? JSON.parse(trace.toString('utf8')) : null;
    const tasks = events ? taskFigures(events) : null;
    const longFrameCosts = events ? frameCosts(events, s.longFrameSpans) : null;
    if (trace) keepTrace(process.env.BENCH_TRACE_DIR, trace, s.longFrameSpans);
    const inPage = Math.max(s.lastMentionMs ?? -1, s.readyMs ?? -1);
    return { ...s, answeredMs, doneMs: inPage >= 0 ? inPage : (answeredMs ?? s.elapsedMs), tasks, longFrameCosts };
  }

  /** JS heap in use after a full GC: the page's isolate (its own scripts and the content script). */
  async pageHeap(cdp: CDPSession): Promise<number> {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  }

  /** The same for the service worker, through a browser-level DevTools session; null if unreachable. */
  async workerHeap(): Promise<number | null> {
    const browser = this.ctx.browser();
    if (!browser) return null;
    await extensionWorker(this.ctx, this.extensionId); // wakes it if MV3 stopped it
    const s = await browser.newBrowserCDPSession();
    try {
      const { targetInfos } = await s.send('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${this.extensionId}/`));
      if (!sw) return null;
      // A flat session's commands cannot be sent through Playwright's CDPSession; the older
      // message-passing form can.
      const { sessionId } = await s.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
      let next = 0;
      const waiting = new Map<number, (m: { result?: { usedSize?: number } }) => void>();
      s.on('Target.receivedMessageFromTarget', (e) => {
        const m = JSON.parse(e.message) as { id?: number; result?: { usedSize?: number } };
        if (m.id !== undefined) waiting.get(m.id)?.(m);
      });
      const call = (method: string) =>
        new Promise<{ result?: { usedSize?: number } }>((resolve, reject) => {
          const id = ++next;
          waiting.set(id, resolve);
          setTimeout(() => reject(new Error(`${method}: no answer from the worker`)), 15_000);
          void s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
        });
      await call('HeapProfiler.collectGarbage');
      const used = (await call('Runtime.getHeapUsage')).result?.usedSize;
      await s.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      return used ?? null;
    } finally {
      await s.detach().catch(() => undefined);
    }
  }

  /** Opens the popup for `tabId` and returns when its cards rendered, in ms from opening it. */
  async popupReadyMs(tabId: number, popupPath: string): Promise<{ ms: number; htmlMs: number; domReadyMs: number; scriptMs: number; cards: number }> {
    const popup = await this.ctx.newPage();
    try {
      await popup.addInitScript(installReadyProbe);
      await popup.goto(`chrome-extension://${this.extensionId}/${popupPath}?tabId=${tabId}`);
      await popup.waitForSelector('body[data-ready]', { timeout: 15_000 });
      return await popup.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return {
          ms: (window as unknown as { __readyAt: number | null }).__readyAt ?? performance.now(),
          htmlMs: nav?.responseEnd ?? 0,
          domReadyMs: nav?.domContentLoadedEventEnd ?? 0,
          // The popup marks when its script starts; before that is the browser opening a page.
          scriptMs: performance.getEntriesByName('backstory:popup-start')[0]?.startTime ?? 0,
          cards: document.querySelectorAll('[data-entity]').length,
        };
      });
    } finally {
      await popup.close();
    }
  }
}
