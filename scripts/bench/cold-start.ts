// The service worker's cold start with every bundled pack: the worker is stopped (DevTools closes
// its target, as Chrome does to an idle worker), then a page is opened; the figure is the time from
// the page's DOMContentLoaded to its first highlight, against the same page with the worker
// already running. The difference is what starting the worker (loading the packs included) costs
// the reader. Also the extension's size on disk: dist/ in all, the background bundle, the packs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { ExtensionBench } from './extension';

export interface ColdStartFigures {
  /** ms from DOMContentLoaded to the first highlight, worker stopped before the page opened. */
  coldMs: number[];
  /** The same with the worker running (and its packs loaded). */
  warmMs: number[];
  /** ms from stopping the worker to the new worker's first answer to a message (no page involved). */
  workerAnswerMs: number[];
}

/** Records, in the page, when the first highlight appears (ms on the page's clock). */
function firstHitProbe(): void {
  const w = window as unknown as { __firstHit?: number };
  new MutationObserver((_m, obs) => {
    if (document.querySelector('[data-backstory-entity]')) {
      w.__firstHit = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-backstory-entity'] });
}

async function stopWorker(bench: ExtensionBench): Promise<void> {
  const page = await bench.ctx.newPage();
  try {
    const cdp = await bench.ctx.newCDPSession(page);
    const running = async () =>
      (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${bench.extensionId}/`));
    for (const t of await running()) await cdp.send('Target.closeTarget', { targetId: t.targetId });
    for (let i = 0; i < 50 && (await running()).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    if ((await running()).length > 0) throw new Error('the service worker did not stop');
    await cdp.detach();
  } finally {
    await page.close();
  }
}

async function timeToFirstHit(bench: ExtensionBench, url: string): Promise<number> {
  const page: Page = await bench.ctx.newPage();
  try {
    await page.addInitScript(firstHitProbe);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as unknown as { __firstHit?: number }).__firstHit !== undefined, undefined, { timeout: 60_000, polling: 50 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return (window as unknown as { __firstHit: number }).__firstHit - nav.domContentLoadedEventStart;
    });
  } finally {
    await page.close();
  }
}

export async function measureColdStart(bench: ExtensionBench, url: string, reps: number): Promise<ColdStartFigures> {
  const out: ColdStartFigures = { coldMs: [], warmMs: [], workerAnswerMs: [] };
  // Once unmeasured: the first page of a fresh browser pays for its own process start.
  await timeToFirstHit(bench, url);
  for (let i = 0; i < reps; i++) {
    await stopWorker(bench);
    const t = performance.now();
    await bench.send({ type: 'backstory:list-packs' });
    out.workerAnswerMs.push(performance.now() - t);
    await stopWorker(bench);
    out.coldMs.push(await timeToFirstHit(bench, url));
    out.warmMs.push(await timeToFirstHit(bench, url));
  }
  return out;
}

export interface PackageSizes {
  distBytes: number;
  /** dist/ zipped as a store would (deflate of each file; gzip -9 as the stand-in). */
  distGzip: number;
  backgroundBytes: number;
  backgroundGzip: number;
  /** The bundled packs as the build validated them (src/packs/*.json), per file. */
  packs: { file: string; bytes: number; gzip: number; entities: number }[];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

export function packageSizes(root: string, dist: string): PackageSizes {
  let distBytes = 0;
  let distGzip = 0;
  for (const f of files(dist)) {
    const buf = readFileSync(f);
    distBytes += buf.length;
    distGzip += gzipSync(buf, { level: 9 }).length;
  }
  const bg = readFileSync(join(dist, 'background.js'));
  const packDir = join(root, 'src/packs');
  const packs = existsSync(packDir)
    ? readdirSync(packDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => {
          const buf = readFileSync(join(packDir, f));
          const entities = (JSON.parse(buf.toString('utf8')) as { entities?: unknown[] }).entities?.length ?? 0;
          return { file: relative(root, join(packDir, f)), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, entities };
        })
    : [];
  return { distBytes, distGzip, backgroundBytes: bg.length, backgroundGzip: gzipSync(bg, { level: 9 }).length, packs };
}
