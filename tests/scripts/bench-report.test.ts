// The bench's budget lines as restated: the extension's own script work in any task ≤ 50 ms at
// every page and pack size; no animation frame over 50 ms during and after our pass, at every page
// size; rendering after our writes ≤ 50 ms up to 1 MB, reported above it beside the page's own
// longest frame while it loaded; matching ≤ 1.5× the baseline at 1,000 and 10,000 entities (reported at
// 100); the popup's own work ≤ 50 ms, the browser's opening of it reported apart; new content
// ≤ 200 ms; and a miss while the load average exceeded the cores is inconclusive, not FAIL.
import { describe, expect, it } from 'vitest';
import type { ArticleResult, PassStats } from '../../scripts/bench/passes';
import { budgets, verdict, INCONCLUSIVE, type Report } from '../../scripts/bench/report';
import type { SuiteResult } from '../../scripts/bench/suites';

const stat = (x: number) => ({ median: x, min: x, runs: [x] });

/** The longest frame as the trace saw it: a 20 ms collector pause in it, its markers busy 30 ms. */
const longest = (frames: number[]) => (frames.length ? { ms: Math.max(...frames), cpuMs: Math.max(...frames) / 2, gcMs: 20, poolMs: 30 } : null);

function pass(script: number, render = 10, doneMs = 500, longFrames: number[] = []): PassStats {
  return {
    longTaskMaxMs: stat(script + render),
    longTaskWorstMs: (script + render) * 2,
    taskCpuMs: stat(script + render),
    taskCpuWorstMs: script + render,
    taskWorstParts: { script, style: render / 2, layout: render / 2 },
    maxTaskDelayMs: stat(0),
    maxFrameGapMs: stat(16),
    longFramesWorst: longFrames.length,
    longFrameWorstMs: Math.max(0, ...longFrames),
    // Half of each frame's wall time was the page's main thread at work.
    longFramesCpuWorst: longFrames.filter((f) => f / 2 > 50).length,
    longFrameCpuWorstMs: Math.max(0, ...longFrames) / 2,
    longestFrame: longest(longFrames),
    firstViewportMs: stat(30),
    doneMs: stat(doneMs),
    mentions: 10,
    runs: [
      {
        longTaskMaxMs: script * 2,
        longTasks: 1,
        taskCpuMs: script,
        taskWallMs: script * 2,
        taskParts: { script },
        maxTaskDelayMs: 0,
        maxFrameGapMs: 16,
        longFrames: longFrames.length,
        longFrameMaxMs: Math.max(0, ...longFrames),
        longFramesCpu: longFrames.filter((f) => f / 2 > 50).length,
        longFrameCpuMaxMs: Math.max(0, ...longFrames) / 2,
        longestFrame: longest(longFrames),
        firstViewportMs: 30,
        firstMentionMs: 5,
        doneMs,
        answeredMs: doneMs,
        mentions: 10,
      },
    ],
  };
}

const IDLE = { before: [0.5, 0.5, 0.5], after: [0.8, 0.6, 0.5] };
const BUSY = { before: [1.0, 1.0, 1.0], after: [6.5, 3.0, 2.0] };

const suite = (pack: number, baseMs: number, matchMs: number, load = IDLE) => ({
  page: '1mb',
  pack,
  load,
  result: { baseline: { ms: stat(baseMs) }, match: { ms: stat(matchMs), pairRatio: matchMs / baseMs } } as unknown as SuiteResult,
});

const article = (page: string, pack: number, script: number, render: number, appendMs: number, load = IDLE, frames: number[] = []) => ({
  page,
  pack,
  load,
  result: {
    cold: pass(script, render, 500, frames),
    warm: pass(script / 2, render),
    append: { ...pass(0, 0, appendMs), chars: 5000 },
    heap: null,
    note: null,
    // The page's own load: one frame of 240 ms (its first layout).
    pageLoad: { longFrames: 1, longestMs: 240 },
  } satisfies ArticleResult,
});

interface Figures {
  matchAt100: number;
  matchAt10k: number;
  contentBytes: number;
  script: number;
  render: number;
  appendMs: number;
  popupOwnMs: number;
  /** Long animation frames in the cold pass on the 1.6 MB and dense pages. */
  frames?: number[];
  load?: typeof IDLE;
}

function report(f: Figures): Omit<Report, 'budgets'> {
  const load = f.load ?? IDLE;
  return {
    pages: {
      '100kb': { label: '100 KB', htmlBytes: 100_000 },
      '1mb': { label: '1 MB', htmlBytes: 1_000_000 },
      '1.6mb': { label: '1.6 MB', htmlBytes: 1_600_000 },
      dense: { label: 'dense 1.6 MB', htmlBytes: 1_700_000 },
    },
    suites: [suite(100, 20, f.matchAt100, load), suite(1_000, 30, 36, load), suite(10_000, 60, f.matchAt10k, load)],
    extension: [
      article('100kb', 10_000, f.script, f.render, 50, load),
      article('1mb', 100, 30, 10, 50, load),
      article('1mb', 10_000, f.script, f.render, f.appendMs, load),
      // Above 1 MB rendering inside a task is reported, not budgeted, whatever it costs; frames are.
      article('1.6mb', 10_000, 30, 400, 50, load, f.frames),
      article('dense', 10_000, 30, 400, 50, load, f.frames),
    ],
    // The popup's own work is from its script starting (scriptMs) to its cards (ms).
    popup: { first: 150, ms: stat(300 + f.popupOwnMs), scriptMs: stat(300), htmlMs: stat(10), domReadyMs: stat(20), cards: 8, load },
    bundles: [{ file: 'content.js', bytes: f.contentBytes, gzip: 0 }],
    loadAverage: { start: [0, 0, 0], end: [0, 0, 0], cpus: 2 },
  } as unknown as Omit<Report, 'budgets'>;
}

const good: Figures = { matchAt100: 60, matchAt10k: 45, contentBytes: 39_000, script: 40, render: 30, appendMs: 150, popupOwnMs: 30 };
const bad: Figures = { matchAt100: 60, matchAt10k: 100, contentBytes: 40_001, script: 120, render: 90, appendMs: 400, popupOwnMs: 70, frames: [74, 90] };

describe('budgets', () => {
  it('passes figures within budget, at every page and pack size', () => {
    const b = budgets(report(good));
    expect(b.filter((x) => verdict(x) !== 'PASS' && verdict(x) !== 'INFO')).toEqual([]);
    const names = b.map((x) => x.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'script work of Backstory in one task, 100 KB page, 10000 entities, cold pass (worst of 1, traced)',
        'script work of Backstory in one task, 1 MB page, 100 entities, warm pass (worst of 1, traced)',
        'new content annotated, 1 MB page, 10000 entities (median)',
        "popup's own work on the demo, script start to cards (median)",
        "long animation frames during and after Backstory's pass, dense 1.6 MB page, 10000 entities, warm pass (worst of 1)",
      ]),
    );
  });

  it('reports without a budget: matching at 100 entities, rendering above 1 MB next to the page\'s own layout, the popup\'s opening', () => {
    const b = budgets(report({ ...good, matchAt100: 200 }));
    const info = b.filter((x) => verdict(x) === 'INFO');
    expect(info.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'matching vs scan-only baseline, 1 MB, 100 entities (median of paired runs)',
        "rendering after Backstory's writes, 1.6 MB page, 10000 entities, cold pass (style + layout + paint in the worst task)",
        'popup page opened by the browser, to its script starting (median)',
      ]),
    );
    expect(info.find((x) => x.name.startsWith("rendering after Backstory's writes, 1.6 MB"))?.value).toBe("400 ms; the page's own longest frame while loading 240 ms");
    expect(b.filter((x) => verdict(x) === 'FAIL')).toEqual([]);
  });

  it('fails each figure over its budget', () => {
    const failed = budgets(report(bad))
      .filter((b) => verdict(b) === 'FAIL')
      .map((b) => b.name);
    expect(failed).toEqual(
      expect.arrayContaining([
        'matching vs scan-only baseline, 1 MB, 10000 entities (median of paired runs)',
        'content bundle, minified',
        'script work of Backstory in one task, 1 MB page, 10000 entities, cold pass (worst of 1, traced)',
        'script work of Backstory in one task, 100 KB page, 10000 entities, cold pass (worst of 1, traced)',
        'script work of Backstory in one task, 1 MB page, 10000 entities, warm pass (worst of 1, traced)',
        "rendering after Backstory's writes, 1 MB page, 10000 entities, cold pass (style + layout + paint in the worst task)",
        'new content annotated, 1 MB page, 10000 entities (median)',
        "popup's own work on the demo, script start to cards (median)",
        "long animation frames during and after Backstory's pass, 1.6 MB page, 10000 entities, cold pass (worst of 1)",
        "long animation frames during and after Backstory's pass, dense 1.6 MB page, 10000 entities, cold pass (worst of 1)",
      ]),
    );
    expect(budgets(report(bad)).find((b) => b.name.startsWith("long animation frames during and after Backstory's pass, dense 1.6 MB page, 10000 entities, cold"))?.value).toBe(
      "2 over 50 ms, longest 90 ms (in thread CPU time: 0 over 50 ms, most 45 ms; in the longest: 20 ms of garbage-collection pause, 30 ms of CPU on the page's pool threads)",
    );
    expect(failed).not.toContain('matching vs scan-only baseline, 1 MB, 1000 entities (median of paired runs)');
  });

  it('a miss while the load average exceeded the core count reads "inconclusive (machine busy)", not FAIL', () => {
    const b = budgets(report({ ...bad, load: BUSY }));
    const lines = b.filter((x) => x.name !== 'content bundle, minified');
    expect(lines.filter((x) => verdict(x) === 'FAIL')).toEqual([]);
    expect(lines.filter((x) => verdict(x) === INCONCLUSIVE).length).toBeGreaterThan(5);
    // A size is no timing: it fails whatever the load.
    expect(verdict(b.find((x) => x.name === 'content bundle, minified')!)).toBe('FAIL');
    // Within budget on a busy machine is still a pass.
    expect(budgets(report({ ...good, load: BUSY })).filter((x) => verdict(x) === INCONCLUSIVE)).toEqual([]);
  });
});
