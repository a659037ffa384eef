// The bench's arithmetic: CPU-profile attribution to source files and the PASS/FAIL budget lines.
import { describe, expect, it } from 'vitest';
import { moduleLines, summarize, type CpuProfile } from '../../scripts/bench/profile';
import { budgets, type Report } from '../../scripts/bench/report';
import type { SuiteResult } from '../../scripts/bench/suites';

describe('profile summary', () => {
  const bundle = ['(() => {', '  // node_modules/mark.js/dist/mark.js', '  var a = 1;', '  // src/core/match/trie.ts', '  function emit() {}', '})();'].join('\n');
  const moduleOf = moduleLines(bundle);

  it('maps a bundle line to the source file above it', () => {
    expect(moduleOf(0)).toBe('(bundle)');
    expect(moduleOf(2)).toBe('mark.js');
    expect(moduleOf(4)).toBe('src/core/match/trie.ts');
  });

  it('adds each sample’s time to the function that was running', () => {
    const url = 'http://127.0.0.1/bench.js';
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        { id: 2, callFrame: { functionName: 'emit', url, lineNumber: 4 } },
        { id: 3, callFrame: { functionName: 'wrap', url, lineNumber: 2 } },
      ],
      samples: [2, 2, 3, 2],
      timeDeltas: [0, 1000, 3000, 2000],
    };
    const s = summarize(profile, url, moduleOf);
    expect(s.functions[0]).toMatchObject({ name: 'emit', module: 'src/core/match/trie.ts' });
    expect(s.functions[0]!.ms).toBeCloseTo(4, 5);
    expect(s.functions[1]).toMatchObject({ name: 'wrap', module: 'mark.js' });
    expect(s.functions[1]!.ms).toBeCloseTo(2, 5);
  });
});

describe('budgets', () => {
  const suite = (pack: number, baseMs: number, matchMs: number) => ({
    page: '1mb',
    pack,
    result: { baseline: { ms: { median: baseMs, runs: [] } }, match: { ms: { median: matchMs, runs: [] } } } as unknown as SuiteResult,
  });
  const report = (matchAt10k: number, contentBytes: number): Omit<Report, 'budgets'> =>
    ({
      suites: [suite(100, 20, 25), suite(10_000, 60, matchAt10k)],
      longTask: [],
      bundles: [{ file: 'content.js', bytes: contentBytes, gzip: 0 }],
    }) as unknown as Omit<Report, 'budgets'>;

  it('passes figures within budget and fails those over it', () => {
    const ok = budgets(report(45, 30 * 1024));
    expect(ok.every((b) => b.pass)).toBe(true);
    const bad = budgets(report(100, 50 * 1024));
    const failed = bad.filter((b) => !b.pass).map((b) => b.name);
    expect(failed).toContain('matching vs scan-only baseline, 1 MB, 10000 entities');
    expect(failed).toContain('matching 10,000 vs 100 entities, 1 MB');
    expect(failed).toContain('content bundle, minified');
    expect(failed).not.toContain('matching vs scan-only baseline, 1 MB, 100 entities');
  });
});
