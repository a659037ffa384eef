// The extension measurements: for one generated page and one imported pack, cold passes (a pack
// version the extension has not seen, on a new tab loaded with Backstory switched off for the site),
// warm passes (off and on again with the toggle), and appended blocks; for the demo, the popup.
import type { Page } from 'playwright-core';
import type { Pack } from '../../src/core/types';
import type { ExtensionBench, HeapFigures, Pass } from './extension';
import type { FrameCost } from './trace';
import { stat, type Stat } from './suites';

export interface PassFigures {
  /** Longest long task as the page's PerformanceObserver saw it, wall time (0 when none). */
  longTaskMaxMs: number;
  longTasks: number;
  /** Longest main-thread task by thread CPU time, from the trace (null without one). */
  taskCpuMs: number | null;
  taskWallMs: number | null;
  /** What the longest task's time went to (script, style, layout, paint, gc). */
  taskParts: Record<string, number> | null;
  maxTaskDelayMs: number;
  maxFrameGapMs: number;
  /** Long animation frames (over 50 ms) from the toggle until the page had been quiet a while
   *  after the pass, and the longest of them (0 when none). */
  longFrames: number;
  longFrameMaxMs: number;
  /** Of those frames, how many used over 50 ms of the main thread's CPU time, and the most one
   *  used (null without a trace): on a busy machine the wall clock also counts waiting for a CPU. */
  longFramesCpu: number | null;
  longFrameCpuMaxMs: number | null;
  /** The longest frame and what the trace saw in it (null when there was none, or no trace). */
  longestFrame: (FrameCost & { ms: number }) | null;
  firstViewportMs: number | null;
  firstMentionMs: number | null;
  doneMs: number;
  answeredMs: number | null;
  mentions: number;
}

function longest(p: Pass): PassFigures['longestFrame'] {
  if (!p.longFrameCosts?.length) return null;
  const i = p.longFrames.indexOf(Math.max(...p.longFrames));
  return { ms: p.longFrames[i]!, ...p.longFrameCosts[i]! };
}

function figures(p: Pass): PassFigures {
  return {
    longTaskMaxMs: Math.max(0, ...p.longTasks),
    longTasks: p.longTasks.length,
    taskCpuMs: p.tasks?.longestCpuMs ?? null,
    taskWallMs: p.tasks?.longestWallMs ?? null,
    taskParts: p.tasks?.longestParts ?? null,
    maxTaskDelayMs: p.maxTaskDelayMs,
    maxFrameGapMs: p.maxFrameGapMs,
    longFrames: p.longFrames.length,
    longFrameMaxMs: Math.max(0, ...p.longFrames),
    longFramesCpu: p.longFrameCosts ? p.longFrameCosts.filter((c) => c.cpuMs > 50).length : null,
    longFrameCpuMaxMs: p.longFrameCosts ? Math.max(0, ...p.longFrameCosts.map((c) => c.cpuMs)) : null,
    longestFrame: longest(p),
    firstViewportMs: p.viewportMs,
    firstMentionMs: p.firstMentionMs,
    doneMs: p.doneMs,
    answeredMs: p.answeredMs,
    mentions: p.mentions,
  };
}

export interface PassStats {
  longTaskMaxMs: Stat;
  /** The worst run: a budget on the longest task is about the worst the reader may get. */
  longTaskWorstMs: number;
  /** Longest task by CPU time: median over runs, and the worst run (null when no run was traced). */
  taskCpuMs: Stat | null;
  taskCpuWorstMs: number | null;
  /** The worst run's longest task, split by kind of work. */
  taskWorstParts: Record<string, number> | null;
  maxTaskDelayMs: Stat;
  maxFrameGapMs: Stat;
  /** Long animation frames of the worst run (most of them) and the longest in any run. */
  longFramesWorst: number;
  longFrameWorstMs: number;
  /** The same in thread CPU time (null when no run was traced). */
  longFramesCpuWorst: number | null;
  longFrameCpuWorstMs: number | null;
  /** The longest frame of any run, with what the trace saw in it (null without one). */
  longestFrame: PassFigures['longestFrame'];
  firstViewportMs: Stat | null;
  doneMs: Stat;
  mentions: number;
  runs: PassFigures[];
}

const worstOf = (xs: (number | null)[]): number | null => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length ? Math.max(...known) : null;
};

function stats(runs: PassFigures[]): PassStats {
  const views = runs.map((r) => r.firstViewportMs).filter((x): x is number => x !== null);
  const cpu = runs.map((r) => r.taskCpuMs).filter((x): x is number => x !== null);
  return {
    longTaskMaxMs: stat(runs.map((r) => r.longTaskMaxMs)),
    longTaskWorstMs: Math.max(...runs.map((r) => r.longTaskMaxMs)),
    taskCpuMs: cpu.length ? stat(cpu) : null,
    taskCpuWorstMs: cpu.length ? Math.max(...cpu) : null,
    taskWorstParts: runs.reduce<PassFigures | null>((w, r) => (r.taskCpuMs !== null && (w === null || r.taskCpuMs > (w.taskCpuMs ?? -1)) ? r : w), null)?.taskParts ?? null,
    maxTaskDelayMs: stat(runs.map((r) => r.maxTaskDelayMs)),
    maxFrameGapMs: stat(runs.map((r) => r.maxFrameGapMs)),
    longFramesWorst: Math.max(...runs.map((r) => r.longFrames)),
    longFrameWorstMs: Math.max(...runs.map((r) => r.longFrameMaxMs)),
    longFramesCpuWorst: worstOf(runs.map((r) => r.longFramesCpu)),
    longFrameCpuWorstMs: worstOf(runs.map((r) => r.longFrameCpuMaxMs)),
    longestFrame: runs.reduce<PassFigures['longestFrame']>((w, r) => (r.longestFrame && (!w || r.longestFrame.ms > w.ms) ? r.longestFrame : w), null),
    firstViewportMs: views.length ? stat(views) : null,
    doneMs: stat(runs.map((r) => r.doneMs)),
    mentions: Math.min(...runs.map((r) => r.mentions)),
    runs,
  };
}

export interface ArticleOptions {
  /** Cold passes (each on a new tab, after a new pack version) and warm / appended ones. */
  coldReps: number;
  reps: number;
  heap: boolean;
}

export interface ArticleResult {
  cold: PassStats;
  warm: PassStats;
  append: (PassStats & { chars: number }) | null;
  heap: HeapFigures | null;
  /** Set when the page was annotated on load although its site was switched off. */
  note: string | null;
  /** The page's own long animation frames while it loaded (Backstory switched off for the site,
   *  so nothing was wrapped), on the same tabs as the cold passes: what frames after our writes
   *  are set beside. Null where the browser has no Long Animation Frames API. */
  pageLoad: PageLoadFrames | null;
}

export interface PageLoadFrames {
  /** Most long frames of one load, and the longest frame of any load (0 when none over 50 ms). */
  longFrames: number;
  longestMs: number;
}

let packVersion = 1;

/** Imports `pack` under a version the extension has not seen, so any cache keyed by it starts cold. */
async function freshPack(bench: ExtensionBench, pack: Pack): Promise<void> {
  await bench.importPack({ ...pack, version: ++packVersion });
}

async function openUnannotated(bench: ExtensionBench, url: string): Promise<{ page: Page; tabId: number; note: string | null }> {
  const { page, tabId } = await bench.openArticle(url);
  if ((await page.evaluate(() => (window as unknown as { __bs: { count(): number } }).__bs.count())) === 0) return { page, tabId, note: null };
  // The site switch did not hold the page back: measure from a switched-off page all the same.
  await bench.switchOff(page, tabId);
  return { page, tabId, note: 'the page was annotated on load although its site was switched off: "cold" is a second pass on the page' };
}

export async function runArticle(bench: ExtensionBench, url: string, pack: Pack, o: ArticleOptions): Promise<ArticleResult> {
  const cold: PassFigures[] = [];
  const warm: PassFigures[] = [];
  const append: PassFigures[] = [];
  let appendChars = 0;
  let heap: HeapFigures | null = null;
  let note: string | null = null;
  const loads: number[][] = [];
  for (let c = 0; c < o.coldReps; c++) {
    await freshPack(bench, pack);
    const opened = await openUnannotated(bench, url);
    const { page, tabId } = opened;
    note ??= opened.note;
    const loadFrames = await page.evaluate(() => (window as unknown as { __bs: { loadFrames(): number[] | null } }).__bs.loadFrames());
    if (loadFrames) loads.push(loadFrames);
    try {
      const measureHeap = o.heap && c === 0;
      const cdp = measureHeap ? await bench.ctx.newCDPSession(page) : null;
      const before = cdp ? { page: await bench.pageHeap(cdp), worker: await bench.workerHeap() } : null;
      await page.bringToFront();
      cold.push(figures(await bench.pass(page, tabId, 'toggle')));
      if (cdp && before) {
        heap = { pageBefore: before.page, pageAfter: await bench.pageHeap(cdp), workerBefore: before.worker, workerAfter: await bench.workerHeap() };
        await cdp.detach();
      }
      // Warm passes and appended blocks on the last cold page only.
      if (c < o.coldReps - 1) continue;
      await page.bringToFront();
      for (let i = 0; i < o.reps; i++) {
        await bench.switchOff(page, tabId);
        warm.push(figures(await bench.pass(page, tabId, 'toggle')));
      }
      for (let i = 0; i < o.reps; i++) {
        await page.waitForTimeout(300);
        const p = await bench.pass(page, tabId, 'append');
        appendChars = p.scopeChars;
        append.push(figures(p));
      }
    } finally {
      await page.close();
    }
  }
  return { cold: stats(cold), warm: stats(warm), append: append.length ? { ...stats(append), chars: appendChars } : null, heap, note, pageLoad: loads.length ? { longFrames: Math.max(...loads.map((l) => l.length)), longestMs: Math.max(0, ...loads.flat()) } : null };
}

export interface PopupResult {
  first: number;
  ms: Stat;
  /** When the popup's HTML had arrived and when its document was ready (DOMContentLoaded ended), same runs. */
  htmlMs: Stat;
  domReadyMs: Stat;
  /** When the popup's script started (its `backstory:popup-start` mark). */
  scriptMs: Stat;
  cards: number;
}

/** The popup on the demo page: opened `reps` times; the first open (cold) is reported apart. */
export async function runPopup(bench: ExtensionBench, demoUrl: string, popupPath: string, reps: number): Promise<PopupResult> {
  const { page, tabId } = await bench.openArticle(demoUrl);
  try {
    const runs: { ms: number; htmlMs: number; domReadyMs: number; scriptMs: number; cards: number }[] = [];
    for (let i = 0; i < reps + 1; i++) {
      runs.push(await bench.popupReadyMs(tabId, popupPath));
      await page.bringToFront();
    }
    const [first, ...rest] = runs;
    return { first: first!.ms, ms: stat(rest.map((r) => r.ms)), htmlMs: stat(rest.map((r) => r.htmlMs)), domReadyMs: stat(rest.map((r) => r.domReadyMs)), scriptMs: stat(rest.map((r) => r.scriptMs)), cards: first!.cards };
  } finally {
    await page.close();
  }
}
