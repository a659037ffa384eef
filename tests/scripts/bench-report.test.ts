// The bench's PASS/FAIL lines: a figure within its budget passes, one over it fails, and the
// long-task budget looks at the worst run's CPU time on the big pages, smallest and largest pack.
import { describe, expect, it } from 'vitest';
import type { ArticleResult, PassStats } from '../../scripts/bench/passes';
import { budgets, type Report } from '../../scripts/bench/report';
import type { SuiteResult } from '../../scripts/bench/suites';

const stat = (x: number) => ({ median: x, min: x, runs: [x] });

function pass(longTask: number, doneMs = 500): PassStats {
  return {
    longTaskMaxMs: stat(longTask),
    longTaskWorstMs: longTask * 2,
    taskCpuMs: stat(longTask),
    taskCpuWorstMs: longTask,
    taskWorstParts: { script: longTask },
    maxTaskDelayMs: stat(0),
    maxFrameGapMs: stat(16),
    firstViewportMs: stat(30),
    doneMs: stat(doneMs),
    mentions: 10,
    runs: [{ longTaskMaxMs: longTask * 2, longTasks: 1, taskCpuMs: longTask, taskWallMs: longTask * 2, taskParts: { script: longTask }, maxTaskDelayMs: 0, maxFrameGapMs: 16, firstViewportMs: 30, firstMentionMs: 5, doneMs, answeredMs: doneMs, mentions: 10 }],
  };
}

const suite = (pack: number, baseMs: number, matchMs: number) => ({
  page: '1mb',
  pack,
  result: { baseline: { ms: stat(baseMs) }, match: { ms: stat(matchMs), pairRatio: matchMs / baseMs } } as unknown as SuiteResult,
});

const article = (page: string, pack: number, longTask: number, appendMs: number) => ({
  page,
  pack,
  result: { cold: pass(longTask), warm: pass(longTask / 2), append: { ...pass(0, appendMs), chars: 5000 }, heap: null, note: null } satisfies ArticleResult,
});

interface Figures {
  matchAt10k: number;
  contentBytes: number;
  longTask: number;
  appendMs: number;
  popupMs: number;
}

function report(f: Figures): Omit<Report, 'budgets'> {
  return {
    pages: { '100kb': { label: '100 KB' }, '1mb': { label: '1 MB' } },
    suites: [suite(100, 20, 25), suite(10_000, 60, f.matchAt10k)],
    // The small page is not held to the long-task budget; the middle pack size neither.
    extension: [article('100kb', 10_000, 500, 50), article('1mb', 100, 30, 50), article('1mb', 1_000, 500, 50), article('1mb', 10_000, f.longTask, f.appendMs)],
    popup: { first: 150, ms: stat(f.popupMs), htmlMs: stat(10), domReadyMs: stat(20), cards: 8 },
    bundles: [{ file: 'content.js', bytes: f.contentBytes, gzip: 0 }],
  } as unknown as Omit<Report, 'budgets'>;
}

describe('budgets', () => {
  const good: Figures = { matchAt10k: 45, contentBytes: 39_000, longTask: 40, appendMs: 150, popupMs: 60 };

  it('passes figures within budget', () => {
    const b = budgets(report(good));
    expect(b.filter((x) => !x.pass)).toEqual([]);
    expect(b.map((x) => x.name)).toEqual(
      expect.arrayContaining([
        'longest task caused by Backstory, 1 MB page, 10000 entities, cold pass (worst of 1, CPU time)',
        'new content annotated, 1 MB page, 10000 entities (median)',
        'popup cards rendered on the demo (median)',
      ]),
    );
    expect(b.some((x) => x.name.includes('100 KB page') || x.name.includes(' 1000 entities'))).toBe(false);
    expect(b.some((x) => x.name === 'longest task caused by Backstory, 1 MB page, 100 entities, cold pass (worst of 1, CPU time)')).toBe(true);
  });

  it('fails each figure over its budget', () => {
    const failed = budgets(report({ matchAt10k: 100, contentBytes: 40_001, longTask: 120, appendMs: 400, popupMs: 140 }))
      .filter((b) => !b.pass)
      .map((b) => b.name);
    expect(failed).toEqual(
      expect.arrayContaining([
        'matching vs scan-only baseline, 1 MB, 10000 entities (median of paired runs)',
        'matching 10,000 vs 100 entities, 1 MB',
        'content bundle, minified',
        'longest task caused by Backstory, 1 MB page, 10000 entities, cold pass (worst of 1, CPU time)',
        'longest task caused by Backstory, 1 MB page, 10000 entities, warm pass (worst of 1, CPU time)',
        'new content annotated, 1 MB page, 10000 entities (median)',
        'popup cards rendered on the demo (median)',
      ]),
    );
    expect(failed).not.toContain('matching vs scan-only baseline, 1 MB, 100 entities');
  });
});
