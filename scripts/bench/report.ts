// Printing the benchmark: one table per page size (ratios first, milliseconds alongside), the
// long-task, incremental, mark(array), size and compile tables, and PASS/FAIL against the budgets.
import type { BundleSize } from './sizes';
import type { LongTaskResult, ProfiledRun, SuiteResult } from './suites';

export interface PageInfo {
  label: string;
  textChars: number;
  htmlBytes: number;
  planted: number;
  appendChars: number;
}

export interface Report {
  date: string;
  chromium: string;
  reps: number;
  pages: Record<string, PageInfo>;
  suites: { page: string; pack: number; result: SuiteResult }[];
  longTask: { page: string; pack: string; entities: number; result: LongTaskResult }[];
  bundles: BundleSize[];
  contentComposition: { what: string; bytes: number }[];
  profile: ProfiledRun | null;
  loadAverage: { start: number[]; end: number[]; cpus: number };
  budgets: Budget[];
  elapsedS: number;
}

export interface Budget {
  name: string;
  limit: string;
  value: string;
  pass: boolean;
}

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
/** Characters of text as KB (1,024 characters). */
const kchars = (n: number) => `${(n / 1024).toFixed(1)} K chars`;

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

export function printReport(r: Report): void {
  const out: string[] = [];
  for (const [key, info] of Object.entries(r.pages)) {
    const suites = r.suites.filter((s) => s.page === key);
    if (!suites.length) continue;
    out.push(
      `\n== ${info.label} page: ${(info.textChars / 1e6).toFixed(2)} M chars of article text, ${(info.htmlBytes / 1e6).toFixed(2)} MB HTML, ${info.planted} planted mentions (median of ${r.reps}) ==`,
    );
    out.push(
      table(
        ['pack', 'match/base', 'base', 'match', '(runs)', '(regex)', 'min m/b', 'full/naive', 'naive', 'full', 'analyze', 'highlight', '+layout f/n', 'hits', 'marks', 'cold full', '1st view', 'compile cold', 'warm'],
        suites.map(({ pack, result: s }) => [
          String(pack),
          ratio(s.match.ms.median, s.baseline.ms.median),
          ms(s.baseline.ms.median),
          ms(s.match.ms.median),
          ms(s.match.runsMs.median),
          ms(s.match.regexMs.median),
          ratio(s.match.ms.min, s.baseline.ms.min),
          ratio(s.full.ms.median, s.naive.ms.median),
          ms(s.naive.ms.median),
          ms(s.full.ms.median),
          ms(s.full.analyzeMs.median),
          ms(s.full.highlightMs.median),
          ratio(s.full.withLayout.median, s.naive.withLayout.median),
          String(s.match.resolved),
          String(s.full.mentions),
          ms(s.cold.ms),
          ms(s.cold.firstViewportMs),
          ms(s.compile.coldMs),
          ms(s.compile.warmMs),
        ]),
      ),
    );
    const big = suites[suites.length - 1]!.result.breakdown;
    const steps = Object.entries(big).filter(([k]) => !['runs', 'mentions', 'forms', 'regexKB'].includes(k));
    out.push(`analyzeArticle steps, pack ${suites[suites.length - 1]!.pack} (warm matcher): ${steps.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
  }

  const m1 = r.suites.filter((s) => s.page === '1mb');
  if (m1.length > 1) {
    const a = m1[0]!.result.match.ms.median;
    out.push(`\nmatching cost vs pack size (1 MB): ${m1.map((s) => `${s.pack}: ${ratio(s.result.match.ms.median, a)}`).join(', ')} (relative to ${m1[0]!.pack})`);
  }

  if (r.longTask.length) {
    out.push('\n== Longest task during full annotation ==');
    out.push(
      table(
        ['page / pack', 'pass', 'longtask max', 'count', 'opening slice', 'max frame gap', 'own tasks waited', 'analyze', 'highlight', 'full', '1st view'],
        r.longTask.flatMap(({ page, pack, entities, result }) =>
          (['cold', 'warm'] as const).map((k) => [
            `${r.pages[page]?.label ?? page} / ${pack} (${entities})`,
            k === 'cold' ? 'first (cold)' : 'second (cached)',
            ms(result[k].longTaskMaxMs),
            String(result[k].longTasks ?? '–'),
            ms(result[k].firstSliceMs),
            ms(result[k].maxFrameGapMs),
            ms(result[k].maxTaskDelayMs),
            ms(result[k].analyzeMs),
            ms(result[k].highlightMs),
            ms(result[k].ms),
            ms(result[k].firstViewportMs),
          ]),
        ),
      ),
    );
    for (const { pack, result } of r.longTask) {
      const steps = Object.entries(result.breakdown).filter(([k]) => !['runs', 'mentions', 'forms', 'regexKB'].includes(k));
      out.push(`  1.6 MB steps, ${pack}: ${steps.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
    }
  }

  const appends = r.suites.filter((s) => s.result.append);
  if (appends.length) {
    out.push('\n== New content: ~20 paragraphs appended after annotation (MutationObserver path, 100 ms debounce included) ==');
    out.push(
      table(
        ['page / pack', 'block', 'mentions', 'time', 'analyze', 'highlight', 'ms per KB block', 'full pass ms per KB', 'ratio', 'longtask max'],
        appends.map(({ page, pack, result: s }) => {
          const a = s.append!;
          const perKb = a.ms.median / (a.chars / 1024);
          const fullPerKb = s.full.ms.median / ((r.pages[page]?.textChars ?? 1) / 1024);
          return [
            `${r.pages[page]?.label} / ${pack}`,
            kchars(a.chars),
            String(a.mentions),
            ms(a.ms.median),
            ms(a.analyzeMs.median),
            ms(a.highlightMs.median),
            perKb.toFixed(2),
            fullPerKb.toFixed(2),
            `${(perKb / fullPerKb).toFixed(1)}×`,
            ms(a.longTaskMaxMs),
          ];
        }),
      ),
    );
  }

  const arrays = r.suites.filter((s) => s.result.markArray.length);
  if (arrays.length) {
    out.push('\n== mark.js mark(array) vs one markRegExp (same page, same pack) ==');
    out.push(
      table(
        ['page / pack', 'terms', 'mark(array)', 'ratio to markRegExp', 'markRegExp', 'runs'],
        arrays.flatMap(({ page, pack, result: s }) =>
          s.markArray.map((a) => [
            `${r.pages[page]?.label} / ${pack}`,
            String(a.terms),
            a.error
              ? `failed after ${ms(a.ms.median)} (${a.termsDone}/${a.terms} terms): ${a.error.slice(0, 60)}`
              : a.capped
                ? `> ${ms(a.ms.median)} (${a.termsDone}/${a.terms} terms)`
                : ms(a.ms.median),
            a.capped || a.error ? `> ${ratio(a.ms.median, s.naive.ms.median)}` : ratio(a.ms.median, s.naive.ms.median),
            ms(s.naive.ms.median),
            String(a.ms.runs.length),
          ]),
        ),
      ),
    );
  }

  out.push('\n== Compile (matcher build + first regex exec) ==');
  out.push(
    table(
      ['page / pack', 'forms', 'regex', 'cold', 'buildIndex', 'regex 1st exec', 'same page again', 'new page'],
      r.suites.map(({ page, pack, result: s }) => [
        `${r.pages[page]?.label} / ${pack}`,
        String(s.breakdown.forms),
        `${(s.breakdown.regexKB ?? 0).toFixed(0)} KB`,
        ms(s.compile.coldMs),
        ms(s.compile.buildMs),
        ms(s.compile.firstExecMs),
        ms(s.compile.warmMs),
        'cold again (cache is per page)',
      ]),
    ),
  );

  out.push('\n== Bundles (dist, minified) ==');
  out.push(table(['file', 'minified', 'gzip'], r.bundles.map((b) => [b.file, kb(b.bytes), kb(b.gzip)])));
  if (r.contentComposition.length) {
    out.push(`content.js is made of: ${r.contentComposition.slice(0, 8).map((c) => `${c.what} ${kb(c.bytes)}`).join(', ')}`);
  }
  const heap = r.suites.find((s) => s.page === '1mb' && s.pack === Math.max(...r.suites.map((x) => x.pack)));
  if (heap) out.push(`\nheap added by the first annotation (1 MB, ${heap.pack} entities, after GC): ${(heap.result.cold.heapAddedBytes / 1e6).toFixed(1)} MB`);

  if (r.profile) {
    const steps = Object.entries(r.profile.coldSteps).filter(([k]) => !['runs', 'mentions', 'forms', 'regexKB'].includes(k));
    out.push(`\n== CPU profile, 1.6 MB page, largest pack: analysis steps cold, then a full pass with the matcher cached (${ms(r.profile.totalMs)} sampled) ==`);
    out.push(`cold steps: ${steps.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
    out.push(`cached pass: ${ms(r.profile.annotateMs)} (opening slice ${ms(r.profile.firstSliceMs)}, analyze ${ms(r.profile.analyzeMs)}, highlightRun total ${ms(r.profile.highlightMs)})`);
    out.push(`by module: ${r.profile.modules.map((m) => `${m.module} ${ms(m.ms)}`).join(', ')}`);
    out.push(table(['function', 'module', 'self'], r.profile.functions.map((f) => [f.name, f.module, ms(f.ms)])));
  }

  out.push('\n== Budgets ==');
  for (const b of r.budgets) out.push(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value} (budget ${b.limit})`);
  const la = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
  out.push(`\nbench took ${r.elapsedS.toFixed(0)} s in Chromium ${r.chromium}; load average ${la(r.loadAverage.start)} at start, ${la(r.loadAverage.end)} at end on ${r.loadAverage.cpus} CPUs`);
  if (r.loadAverage.start[0]! > r.loadAverage.cpus) out.push('note: the machine was busy with other work; absolute times are inflated and noisy, ratios less so');
  console.log(out.join('\n'));
}

export function budgets(r: Omit<Report, 'budgets'>): Budget[] {
  const out: Budget[] = [];
  const lt = r.longTask.find((l) => l.entities >= 10_000);
  if (lt) {
    const worst = Math.max(lt.result.cold.longTaskMaxMs ?? 0, lt.result.cold.firstSliceMs);
    out.push({ name: 'longest task, 1.6 MB page, 10,000 entities, first annotation', limit: '≤ 50 ms', value: ms(worst), pass: worst <= 50 });
  }
  const m1 = r.suites.filter((s) => s.page === '1mb');
  for (const s of m1) {
    const x = s.result.match.ms.median / s.result.baseline.ms.median;
    out.push({ name: `matching vs scan-only baseline, 1 MB, ${s.pack} entities`, limit: '≤ 1.5×', value: `${x.toFixed(2)}×`, pass: x <= 1.5 });
  }
  const small = m1.find((s) => s.pack === 100);
  const large = m1.find((s) => s.pack === 10_000);
  if (small && large) {
    const x = large.result.match.ms.median / small.result.match.ms.median;
    out.push({ name: 'matching 10,000 vs 100 entities, 1 MB', limit: '≤ 2×', value: `${x.toFixed(2)}×`, pass: x <= 2 });
  }
  const content = r.bundles.find((b) => b.file === 'content.js');
  if (content) out.push({ name: 'content bundle, minified', limit: '≤ 40 KB', value: kb(content.bytes), pass: content.bytes <= 40 * 1024 });
  return out;
}
