// The pack builder's throughput (`npm run pack -- build`) on generated articles: writes a folder
// of news-length pages (scripts/bench/pack-articles.ts), builds a draft pack from it on every
// core, and reports articles per second per worker thread, with the budget of 10,000 articles
// in five minutes on two cores. A report, not a gate.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPack } from '../pack/build';
import { ARTICLE_CHARS, writeArticles } from './pack-articles';

export interface PackBuildBench {
  articles: number;
  htmlBytes: number;
  threads: number;
  /** Pool start to last result, and the whole build (listing, merging, validating). */
  analyseS: number;
  totalS: number;
  articlesPerS: number;
  articlesPerSPerThread: number;
  /** Articles per second of CPU time (all threads): the rate of one core that does nothing else. */
  articlesPerCpuS: number;
  /** Time for 10,000 articles at the measured rate, and on `threads` otherwise idle cores; the
   *  budget is five minutes. */
  projected10kS: number;
  projected10kIdleS: number;
  budgetS: number;
  entities: number;
  facts: number;
  conflicts: number;
  validates: boolean;
  validationErrors: string[];
  loadAverage: { start: number[]; end: number[] };
}

export async function benchPackBuild(articles: number, threads = availableParallelism(), log: (s: string) => void = () => {}): Promise<PackBuildBench> {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-pack-bench-'));
  try {
    log(`pack build: writing ${articles} generated articles (~${ARTICLE_CHARS} characters of text each)…`);
    const generated = writeArticles(dir, articles);
    const loadStart = loadavg();
    log(`pack build: building a draft pack on ${threads} threads…`);
    const r = await buildPack([dir], { threads, id: 'bench-draft', progress: process.stderr.isTTY ? 'auto' : 'quiet' });
    const analyseS = r.analyseMs / 1000;
    const rate = r.report.articles / analyseS;
    return {
      articles: r.report.articles,
      htmlBytes: generated.bytes,
      threads: r.threads,
      analyseS,
      totalS: r.totalMs / 1000,
      articlesPerS: rate,
      articlesPerSPerThread: rate / r.threads,
      articlesPerCpuS: r.report.articles / (r.analyseCpuMs / 1000),
      projected10kS: 10_000 / rate,
      projected10kIdleS: 10_000 / ((r.report.articles / (r.analyseCpuMs / 1000)) * r.threads),
      budgetS: 300,
      entities: r.report.entities,
      facts: r.report.facts,
      conflicts: r.report.conflicts.length,
      validates: r.errors.length === 0,
      validationErrors: r.errors.slice(0, 5),
      loadAverage: { start: loadStart, end: loadavg() },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printPackBuild(b: PackBuildBench): void {
  const ok = b.projected10kS <= b.budgetS;
  console.log('\nPack builder (npm run pack -- build) on generated articles');
  console.log(`  ${b.articles} articles, ${(b.htmlBytes / 1e6).toFixed(1)} MB of HTML, ${b.threads} worker threads`);
  console.log(`  analysed in ${b.analyseS.toFixed(1)} s (whole build ${b.totalS.toFixed(1)} s): ${b.articlesPerS.toFixed(1)} articles/s, ${b.articlesPerSPerThread.toFixed(1)} per thread (core)`);
  console.log(`  CPU time: ${b.articlesPerCpuS.toFixed(1)} articles per CPU-second (one core doing nothing else)`);
  console.log(`  10,000 articles at the measured rate: ${b.projected10kS.toFixed(0)} s (budget ${b.budgetS} s) ${ok ? 'ok' : 'OVER BUDGET'}; on ${b.threads} idle cores: ${b.projected10kIdleS.toFixed(0)} s`);
  console.log(`  draft: ${b.entities} entities, ${b.facts} facts, ${b.conflicts} conflicts; ${b.validates ? 'validates' : `does not validate: ${b.validationErrors.join('; ')}`}`);
  console.log(`  load average ${b.loadAverage.start.map((x) => x.toFixed(1)).join(' ')} → ${b.loadAverage.end.map((x) => x.toFixed(1)).join(' ')} (other work on the machine slows this)`);
}
