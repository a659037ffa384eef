// The in-page microbenchmarks (scripts/bench/page.ts), each suite on a fresh page of a browser
// without the extension: scan-only baseline, Backstory's matching, the naive mark.js ways, compile.
import type { Page } from 'playwright-core';
import type { BenchApi } from './page';

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

async function repeat<T>(n: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn());
  return out;
}

export interface SuiteOptions {
  reps: number;
  markArrayTerms: number[];
  markArrayCapMs: number;
}

export async function runSuite(page: Page, pageUrl: string, packUrl: string, o: SuiteOptions) {
  await open(page, pageUrl, packUrl);
  const breakdown = await call(page, 'breakdown');
  const cold1 = await call(page, 'compileCold');
  const compile = { coldMs: cold1.ms, buildMs: cold1.buildMs, firstExecMs: cold1.firstExecMs, warmMs: await call(page, 'compileAgain') };

  // Warm-up, then alternate the two so a busy moment of the machine hits both alike; they are
  // cheap, so they get more runs than the rest. The baseline is mostly native code (TreeWalker,
  // irregexp) and is fast from its first run; the matcher is JavaScript that V8 optimises only
  // after a few calls, as it will have been in a worker that has annotated a few pages. Both
  // get the same five warm-up runs, so the ratio compares steady states.
  for (let i = 0; i < 5; i++) {
    await call(page, 'baseline');
    await call(page, 'matchOnly');
  }
  // Each matching run is timed right after a baseline run, and the budget takes the median of
  // these pairs' ratios: this machine's speed drifts by half within a minute, and a slow spell
  // then slows both runs of a pair alike (the ratio of the two medians is shown beside it).
  const baseline: ApiResult<'baseline'>[] = [];
  const match: ApiResult<'matchOnly'>[] = [];
  for (let i = 0; i < Math.max(15, o.reps); i++) {
    baseline.push(await call(page, 'baseline'));
    match.push(await call(page, 'matchOnly'));
  }

  const naive = await repeat(o.reps, async () => {
    await call(page, 'restore');
    return call(page, 'naiveMarkRegExp');
  });
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
    breakdown,
    compile,
    baseline: { ms: stat(baseline.map((b) => b.ms)), matches: baseline[0]!.matches, terms: baseline[0]!.terms },
    match: { ms: stat(match.map((m) => m.ms)), pairRatio: median(match.map((m, i) => m.ms / baseline[i]!.ms)), runsMs: stat(match.map((m) => m.runsMs)), regexMs: stat(match.map((m) => m.regexMs)), hits: match[0]!.hits, resolved: match[0]!.resolved },
    naive: { ms: stat(naive.map((n) => n.ms)), withLayout: stat(naive.map((n) => n.ms + n.layoutMs)), marks: naive[0]!.marks },
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
