// The measurements, each on a fresh page of the headless browser. A page's JS state is new on every
// navigation, so the first annotation of each suite is the cold one a reader gets on a real page.
import type { CDPSession, Page } from 'playwright-core';
import type { BenchApi } from './page';
import { summarize, type CpuProfile, type ProfileSummary } from './profile';

export type Stat = { median: number; min: number; runs: number[] };
type Awaited2<T> = T extends Promise<infer U> ? U : T;
type ApiResult<K extends keyof BenchApi> = Awaited2<ReturnType<BenchApi[K]>>;

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export const stat = (runs: number[]): Stat => ({ median: median(runs), min: Math.min(...runs), runs });

const CALL_TIMEOUT_MS = 180_000;

/** Calls `window.__bench[name](...args)` in the page, failing clearly if it never returns. */
export async function call<K extends keyof BenchApi>(page: Page, name: K, ...args: Parameters<BenchApi[K]>): Promise<ApiResult<K>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${String(name)} did not return within ${CALL_TIMEOUT_MS / 1000} s`)), CALL_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      page.evaluate(
        ([n, a]) => (window as unknown as { __bench: Record<string, (...x: unknown[]) => unknown> }).__bench[n as string]!(...(a as unknown[])),
        [name, args] as const,
      ) as Promise<ApiResult<K>>,
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function open(page: Page, pageUrl: string, packUrl: string): Promise<void> {
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(() => '__bench' in window);
  await call(page, 'loadPack', packUrl);
}

/** JS heap in use after a full garbage collection, in bytes. */
export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function repeat<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

export interface SuiteOptions {
  reps: number;
  append: boolean;
  markArrayTerms: number[];
  markArrayCapMs: number;
}

export async function runSuite(page: Page, cdp: CDPSession, pageUrl: string, packUrl: string, o: SuiteOptions) {
  await open(page, pageUrl, packUrl);
  const heap0 = await heapUsed(cdp);
  const cold = await call(page, 'fullAnnotate', 'light');
  const heapAdded = (await heapUsed(cdp)) - heap0;
  await call(page, 'restore');
  const breakdown = await call(page, 'breakdown');
  const cold1 = await call(page, 'compileCold');
  const compile = { coldMs: cold1.ms, buildMs: cold1.buildMs, firstExecMs: cold1.firstExecMs, warmMs: await call(page, 'compileAgain') };

  // Warm-up, then alternate the two so a busy moment of the machine hits both alike; they are
  // cheap, so they get more runs than the rest.
  await call(page, 'baseline');
  await call(page, 'matchOnly');
  const baseline: ApiResult<'baseline'>[] = [];
  const match: ApiResult<'matchOnly'>[] = [];
  for (let i = 0; i < Math.max(7, o.reps); i++) {
    baseline.push(await call(page, 'baseline'));
    match.push(await call(page, 'matchOnly'));
  }

  const naive = await repeat(o.reps, async () => {
    await call(page, 'restore');
    return call(page, 'naiveMarkRegExp');
  });
  const full = await repeat(o.reps, async () => {
    await call(page, 'restore');
    return call(page, 'fullAnnotate', 'none');
  });
  const append = o.append ? await repeat(o.reps, () => call(page, 'appendBlock')) : [];

  const markArray: ApiResult<'markArray'>[][] = [];
  for (const terms of o.markArrayTerms) {
    const runs: ApiResult<'markArray'>[] = [];
    // Repeat only while a run is short: one capped run says enough, and keeps the bench under 5 min.
    for (let i = 0; i < o.reps; i++) {
      await call(page, 'restore');
      const r = await call(page, 'markArray', terms, o.markArrayCapMs);
      runs.push(r);
      if (r.capped || r.error || r.ms > 3000) break;
    }
    markArray.push(runs);
  }
  await call(page, 'restore');

  return {
    cold: { ...cold, heapAddedBytes: heapAdded },
    breakdown,
    compile,
    baseline: { ms: stat(baseline.map((b) => b.ms)), matches: baseline[0]!.matches, terms: baseline[0]!.terms },
    match: { ms: stat(match.map((m) => m.ms)), runsMs: stat(match.map((m) => m.runsMs)), regexMs: stat(match.map((m) => m.regexMs)), hits: match[0]!.hits, resolved: match[0]!.resolved },
    naive: { ms: stat(naive.map((n) => n.ms)), withLayout: stat(naive.map((n) => n.ms + n.layoutMs)), marks: naive[0]!.marks },
    full: {
      ms: stat(full.map((f) => f.ms)),
      withLayout: stat(full.map((f) => f.ms + f.layoutMs)),
      analyzeMs: stat(full.map((f) => f.parts.analyzeMs)),
      highlightMs: stat(full.map((f) => f.parts.highlightMs)),
      mentions: full[0]!.mentions,
      cards: full[0]!.cards,
    },
    append: append.length
      ? {
          ms: stat(append.map((a) => a.ms)),
          analyzeMs: stat(append.map((a) => a.parts.analyzeMs)),
          highlightMs: stat(append.map((a) => a.parts.highlightMs)),
          chars: append[0]!.chars,
          mentions: append[0]!.mentions,
          maxFrameGapMs: Math.max(...append.map((a) => a.maxFrameGapMs)),
          longTaskMaxMs: Math.max(0, ...append.flatMap((a) => a.longTasks ?? [])),
        }
      : null,
    markArray: markArray.map((runs) => ({
      terms: runs[0]!.terms,
      ms: stat(runs.map((r) => r.ms)),
      capped: runs.some((r) => r.capped),
      error: runs.find((r) => r.error)?.error ?? null,
      termsDone: Math.min(...runs.map((r) => r.termsDone)),
    })),
  };
}
export type SuiteResult = Awaited<ReturnType<typeof runSuite>>;

/** Long tasks on a big page: the first (cold) annotation, then a second one (matcher cached). */
export async function runLongTask(page: Page, pageUrl: string, packUrl: string) {
  await open(page, pageUrl, packUrl);
  const cold = await call(page, 'fullAnnotate', 'all');
  await call(page, 'restore');
  const warm = await call(page, 'fullAnnotate', 'all');
  await call(page, 'restore');
  const breakdown = await call(page, 'breakdown');
  const pick = (r: typeof cold) => ({
    ms: r.ms,
    firstViewportMs: r.firstViewportMs,
    longTaskMaxMs: r.longTasks?.length ? Math.max(...r.longTasks) : r.longTasks ? 0 : null,
    longTasks: r.longTasks?.length ?? null,
    firstSliceMs: r.firstSliceMs,
    maxFrameGapMs: r.maxFrameGapMs,
    maxTaskDelayMs: r.maxTaskDelayMs,
    analyzeMs: r.parts.analyzeMs,
    highlightMs: r.parts.highlightMs,
    highlightMaxMs: r.parts.highlightMaxMs,
    mentions: r.mentions,
  });
  return { cold: pick(cold), warm: pick(warm), breakdown };
}
export type LongTaskResult = Awaited<ReturnType<typeof runLongTask>>;

export type ProfiledRun = ProfileSummary & { coldSteps: Record<string, number>; annotateMs: number; firstSliceMs: number; analyzeMs: number; highlightMs: number };

/** A CPU profile of the worst case: the analysis steps cold, then one cached full pass (the worst case), summarized by function and module. */
export async function profileCold(page: Page, cdp: CDPSession, pageUrl: string, packUrl: string, bundleUrl: string, moduleOf: (line: number) => string): Promise<ProfiledRun> {
  await open(page, pageUrl, packUrl);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  // Each analysis step on its own while the matcher is still cold, then a whole pass (highlighting
  // included) with the matcher cached: one profile covers both halves.
  const coldSteps = await call(page, 'breakdown');
  await call(page, 'restore');
  const run = await call(page, 'fullAnnotate', 'none');
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.send('Profiler.disable');
  return { ...summarize(profile, bundleUrl, moduleOf), coldSteps, annotateMs: run.ms, firstSliceMs: run.firstSliceMs, analyzeMs: run.parts.analyzeMs, highlightMs: run.parts.highlightMs };
}
