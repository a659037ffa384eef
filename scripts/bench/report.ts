// Printing the benchmark: the extension's passes per page (longest task, first viewport, whole
// pass, cold and warm), new content, the popup, heap, then the in-page microbenchmarks (matching
// vs the scan-only baseline, mark.js, compile), bundle sizes, and PASS/FAIL against the budgets.
import type { BundleSize } from './sizes';
import type { ArticleResult, PassStats, PopupResult } from './passes';
import type { SuiteResult } from './suites';
import type { MemoryBench } from './memory';
import { median } from './suites';

export interface PageInfo {
  label: string;
  textChars: number;
  htmlBytes: number;
  planted: number;
  appendChars: number;
}

/** The load average (1, 5, 15 min) before and after one block of measurements. */
export interface BlockLoad {
  before: number[];
  after: number[];
}

export interface Report {
  date: string;
  chromium: string;
  quick: boolean;
  reps: number;
  pages: Record<string, PageInfo>;
  /** The built extension in Chromium, per page and pack size. */
  extension: { page: string; pack: number; result: ArticleResult; load?: BlockLoad }[];
  popup: (PopupResult & { load?: BlockLoad }) | null;
  /** In-page microbenchmarks in a browser without the extension. */
  suites: { page: string; pack: number; result: SuiteResult; load?: BlockLoad }[];
  /** The reading memory with generated stored articles (absent when not measured). */
  memory?: (MemoryBench & { generated: number; load?: BlockLoad }) | null;
  bundles: BundleSize[];
  contentComposition: { what: string; bytes: number }[];
  loadAverage: { start: number[]; end: number[]; cpus: number };
  budgets: Budget[];
  elapsedS: number;
}

export interface Budget {
  name: string;
  limit: string;
  value: string;
  pass: boolean;
  /** The load average exceeded the core count during the block: a miss is not a verdict. */
  busy?: boolean;
  /** Reported beside the budgets, held to none. */
  reportOnly?: boolean;
}

export const INCONCLUSIVE = 'inconclusive (machine busy)';

/** What a budget line says: PASS, FAIL, or inconclusive when it missed on a busy machine. */
export function verdict(b: Budget): string {
  if (b.reportOnly) return 'INFO';
  if (b.pass) return 'PASS';
  return b.busy ? INCONCLUSIVE : 'FAIL';
}

/** True when the 1-minute load average before or after the block exceeded the core count. */
export function wasBusy(load: BlockLoad | undefined, cpus: number): boolean {
  return load !== undefined && Math.max(load.before[0] ?? 0, load.after[0] ?? 0) > cpus;
}

export const CONTENT_BUDGET_BYTES = 40_000;
export const LONG_TASK_BUDGET_MS = 50;
export const APPEND_BUDGET_MS = 200;
/** The popup's own work: from its script starting to its cards. */
export const POPUP_BUDGET_MS = 50;
/** Rendering that follows our DOM writes, on pages up to this much HTML. */
export const RENDER_BUDGET_MS = 50;
export const RENDER_BUDGET_MAX_HTML_BYTES = 1_100_000;
/** Any animation frame after our writes (the Long Animation Frames API's own threshold). */
export const LONG_FRAME_BUDGET_MS = 50;
/** The background's own time for one page's memory lookup (20 entities). */
export const MEMORY_LOOKUP_BUDGET_MS = 20;
/** Median stored size of an article as filed. */
export const MEMORY_ARTICLE_BUDGET_BYTES = 5 * 1024;

const ms = (x: number | null | undefined) => (x === null || x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`);
/** "2 over 50 ms, longest 74 ms", or "none over 50 ms". */
const frameCell = (count: number, longest: number) => (count === 0 ? `none over ${LONG_FRAME_BUDGET_MS} ms` : `${count} over ${LONG_FRAME_BUDGET_MS} ms, longest ${ms(longest)}`);
/** The long frames by the wall clock, what the page's main thread spent in them, and what else
 *  the trace saw in the longest: the garbage collector's pauses on the main thread, and the CPU its
 *  concurrent markers (the page process's pool threads) took meanwhile. */
const framesValue = (p: PassStats) => {
  if (p.longFramesWorst === 0 || p.longFramesCpuWorst === null || p.longFramesCpuWorst === undefined) return frameCell(p.longFramesWorst, p.longFrameWorstMs);
  const f = p.longestFrame;
  const inLongest = f ? `; in the longest: ${ms(f.gcMs)} of garbage-collection pause, ${ms(f.poolMs)} of CPU on the page's pool threads` : '';
  return `${frameCell(p.longFramesWorst, p.longFrameWorstMs)} (in thread CPU time: ${p.longFramesCpuWorst} over ${LONG_FRAME_BUDGET_MS} ms, most ${ms(p.longFrameCpuWorstMs)}${inLongest})`;
};
const ownFrame = (load: ArticleResult['pageLoad']) => (!load ? '–' : load.longFrames === 0 ? `under ${LONG_FRAME_BUDGET_MS} ms` : ms(load.longestMs));
const ratio = (a: number | null | undefined, b: number | null | undefined) => (a !== null && a !== undefined && b ? `${(a / b).toFixed(2)}×` : '–');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
/** Characters of text as KB (1,024 characters). */
const kchars = (n: number) => `${(n / 1024).toFixed(1)} K chars`;

/** mark.js errors quote the whole regex it built: keep the kind and the reason. */
function shortError(e: string): string {
  if (e.length <= 60) return e;
  return `${e.slice(0, e.indexOf(':') + 1)} … ${e.slice(e.lastIndexOf(':') + 1).trim()}`.slice(0, 80);
}

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

const passCells = (p: PassStats) => [ms(p.taskCpuMs?.median), ms(p.taskCpuWorstMs), ms(p.longTaskMaxMs.median), ms(p.longTaskWorstMs), ms(p.maxTaskDelayMs.median), ms(p.maxFrameGapMs.median), ms(p.firstViewportMs?.median), ms(p.doneMs.median)];

export function printReport(r: Report): void {
  const out: string[] = [];
  const micro = (page: string, pack: number) => r.suites.find((s) => s.page === page && s.pack === pack)?.result;

  out.push('\n== The extension (dist/) in Chromium: switched on with backstory:toggle on a page loaded with its site off ==');
  out.push('cold = first pass after importing a new pack version, on a new tab; warm = off and on again (median of the runs).');
  out.push("task CPU = the page main thread's longest task from the toggle to the end of the pass, in thread CPU time (trace); longtask = the same");
  out.push('in wall time as PerformanceObserver reports it (inflated when the machine is busy); task wait = longest lateness of a 4 ms timer;');
  out.push('frame gap = longest time between two frames; 1st view = last mention in the first viewport wrapped; whole pass = last mention wrapped.');
  for (const [key, info] of Object.entries(r.pages)) {
    const rows = r.extension.filter((e) => e.page === key);
    if (!rows.length) continue;
    out.push(`\n-- ${info.label} page: ${(info.textChars / 1e6).toFixed(2)} M chars of text, ${(info.htmlBytes / 1e6).toFixed(2)} MB HTML, ${info.planted} planted mentions --`);
    out.push(
      table(
        ['pack', 'pass', 'task CPU', 'worst', 'longtask', 'worst', 'task wait', 'frame gap', '1st view', 'whole pass', 'vs markRegExp', 'mentions', 'runs'],
        rows.flatMap(({ pack, result }) => {
          const naive = micro(key, pack)?.naive.withLayout.median;
          return (['cold', 'warm'] as const).map((k) => [
            String(pack),
            k,
            ...passCells(result[k]),
            ratio(result[k].doneMs.median, naive),
            String(result[k].mentions),
            String(result[k].runs.length),
          ]);
        }),
      ),
    );
    for (const { pack, result } of rows) {
      for (const k of ['cold', 'warm'] as const) {
        const parts = result[k].taskWorstParts;
        if (!parts || !result[k].taskCpuWorstMs || result[k].taskCpuWorstMs! < LONG_TASK_BUDGET_MS) continue;
        const split = Object.entries(parts).sort((a, b) => b[1] - a[1]).map(([what, t]) => `${what} ${ms(t)}`);
        out.push(`  ${pack}, ${k}: longest task ${ms(result[k].taskCpuWorstMs)} CPU; inside it (wall): ${split.join(', ') || 'nothing the trace names'}`);
      }
      if (result.note) out.push(`  note (${pack}): ${result.note}`);
    }
  }
  const framed = r.extension.filter((e) => e.result.pageLoad);
  if (framed.length) {
    out.push('\n== Animation frames (Long Animation Frames API): over 50 ms, and the longest ==');
    out.push("page load = the page's own frames while it loaded with Backstory off for the site (most of one load, longest of any), on the");
    out.push('same tabs; cold / warm = from switching Backstory on until the page had been quiet 400 ms after the pass (worst run);');
    out.push("cpu = of those frames, how many took over 50 ms of the page's main-thread CPU time (trace), and the most one took.");
    const cpu = (p: PassStats) => (p.longFramesCpuWorst === null || p.longFramesCpuWorst === undefined ? '–' : `${p.longFramesCpuWorst} / ${ms(p.longFrameCpuWorstMs)}`);
    out.push(
      table(
        ['page / pack', 'page load', 'longest', 'cold pass', 'longest', 'cpu', 'warm pass', 'longest', 'cpu', 'whole pass cold', 'warm', 'mentions'],
        framed.map(({ page, pack, result: x }) => [
          `${r.pages[page]?.label ?? page} / ${pack}`,
          String(x.pageLoad!.longFrames),
          x.pageLoad!.longFrames ? ms(x.pageLoad!.longestMs) : '–',
          String(x.cold.longFramesWorst),
          x.cold.longFramesWorst ? ms(x.cold.longFrameWorstMs) : '–',
          cpu(x.cold),
          String(x.warm.longFramesWorst),
          x.warm.longFramesWorst ? ms(x.warm.longFrameWorstMs) : '–',
          cpu(x.warm),
          ms(x.cold.doneMs.median),
          ms(x.warm.doneMs.median),
          String(x.warm.mentions),
        ]),
      ),
    );
  }
  out.push("('vs markRegExp': the whole pass over one mark.js markRegExp call with layout, same page and pack, measured in-page below;");
  out.push(" 'message in': receiving a message from another process, such as the background's reply, decoded before its listener runs.)");

  const appends = r.extension.filter((e) => e.result.append);
  if (appends.length) {
    out.push("\n== New content: ~20 paragraphs appended after annotation, until the extension's watcher wrapped their mentions ==");
    out.push(
      table(
        ['page / pack', 'block', 'mentions', 'time', 'task CPU', 'longtask', 'frame gap', 'ms per KB', 'whole pass ms per KB', 'ratio'],
        appends.map(({ page, pack, result }) => {
          const a = result.append!;
          const perKb = a.doneMs.median / (a.chars / 1024 || 1);
          const fullPerKb = result.warm.doneMs.median / ((r.pages[page]?.textChars ?? 1) / 1024);
          return [
            `${r.pages[page]?.label} / ${pack}`,
            kchars(a.chars),
            String(a.mentions),
            ms(a.doneMs.median),
            ms(a.taskCpuWorstMs),
            ms(a.longTaskWorstMs),
            ms(a.maxFrameGapMs.median),
            perKb.toFixed(2),
            fullPerKb.toFixed(2),
            `${(perKb / fullPerKb).toFixed(1)}×`,
          ];
        }),
      ),
    );
    out.push("(time includes the extension's own debounce; 'ratio' is the block's time per KB over the warm whole pass's.)");
  }

  if (r.popup) {
    out.push(`\n== Popup on demo/index.html: cards rendered (body[data-ready]) ${ms(r.popup.ms.median)} after opening (median of ${r.popup.ms.runs.length}; first open ${ms(r.popup.first)}), ${r.popup.cards} cards ==`);
    out.push(`popup document, from opening (medians): HTML received ${ms(r.popup.htmlMs.median)}, popup.js started ${ms(r.popup.scriptMs.median)}, DOMContentLoaded ${ms(r.popup.domReadyMs.median)}, cards ${ms(r.popup.ms.median)}`);
    out.push(`the popup's own work, from its script starting to its cards: ${ms(median(r.popup.ms.runs.map((t, i) => t - (r.popup!.scriptMs.runs[i] ?? 0))))} (before it, the browser opening an extension page)`);
  }

  const heaps = r.extension.filter((e) => e.result.heap);
  for (const { page, pack, result } of heaps) {
    const h = result.heap!;
    const worker = h.workerBefore !== null && h.workerAfter !== null ? `${mb(h.workerAfter - h.workerBefore)} (${mb(h.workerAfter)} in all)` : 'not measured';
    out.push(`\nheap added by the first pass (${r.pages[page]?.label} page, ${pack} entities, after GC): page ${mb(h.pageAfter - h.pageBefore)} (content script included); service worker ${worker}`);
  }

  for (const [key, info] of Object.entries(r.pages)) {
    const suites = r.suites.filter((s) => s.page === key);
    if (!suites.length) continue;
    out.push(`\n== In-page microbenchmarks (no extension), ${info.label} page (median of ${r.reps}+) ==`);
    out.push(
      table(
        ['pack', 'match/base', 'of medians', 'base', 'match', '(runs)', '(regex)', 'min m/b', 'markRegExp', '+layout', 'hits', 'marks', 'compile cold', 'warm'],
        suites.map(({ pack, result: s }) => [
          String(pack),
          `${s.match.pairRatio.toFixed(2)}×`,
          ratio(s.match.ms.median, s.baseline.ms.median),
          ms(s.baseline.ms.median),
          ms(s.match.ms.median),
          ms(s.match.runsMs.median),
          ms(s.match.regexMs.median),
          ratio(s.match.ms.min, s.baseline.ms.min),
          ms(s.naive.ms.median),
          ms(s.naive.withLayout.median),
          String(s.match.resolved),
          String(s.naive.marks),
          ms(s.compile.coldMs),
          ms(s.compile.warmMs),
        ]),
      ),
    );
    const big = suites[suites.length - 1]!;
    const steps = Object.entries(big.result.breakdown).filter(([k]) => !['runs', 'mentions', 'forms', 'regexKB', 'textChars'].includes(k));
    out.push(`analysis steps in-page, pack ${big.pack}: ${steps.map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
    out.push(`('match/base': median of the ratios of runs timed back to back; 'of medians': median match over median baseline; 'min m/b': fastest over fastest.)`);
  }
  const m1 = r.suites.filter((s) => s.page === '1mb');
  if (m1.length > 1) {
    const a = m1[0]!.result.match.ms.median;
    out.push(`matching cost vs pack size (1 MB): ${m1.map((s) => `${s.pack}: ${ratio(s.result.match.ms.median, a)}`).join(', ')} (relative to ${m1[0]!.pack})`);
  }

  const arrays = r.suites.filter((s) => s.result.markArray.length);
  if (arrays.length) {
    out.push('\n== mark.js mark(array) vs one markRegExp (same page, in-page, capped) ==');
    out.push(
      table(
        ['page / pack', 'terms', 'mark(array)', 'ratio to markRegExp', 'markRegExp', 'runs'],
        arrays.flatMap(({ page, pack, result: s }) =>
          s.markArray.map((a) => [
            `${r.pages[page]?.label} / ${pack}`,
            String(a.terms),
            a.error
              ? `failed after ${ms(a.ms.median)} (${a.termsDone}/${a.terms} terms): ${shortError(a.error)}`
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

  out.push('\n== Compile (matcher build + first regex exec, in-page) ==');
  out.push(
    table(
      ['page / pack', 'forms', 'regex', 'cold', 'buildIndex', 'regex 1st exec', 'again'],
      r.suites.map(({ page, pack, result: s }) => [
        `${r.pages[page]?.label} / ${pack}`,
        String(s.breakdown.forms),
        `${(s.breakdown.regexKB ?? 0).toFixed(0)} KB`,
        ms(s.compile.coldMs),
        ms(s.compile.buildMs),
        ms(s.compile.firstExecMs),
        ms(s.compile.warmMs),
      ]),
    ),
  );

  if (r.memory) out.push(...memoryLines(r.memory));

  out.push('\n== Bundles (dist, minified) ==');
  out.push(table(['file', 'bytes', 'minified', 'gzip'], r.bundles.map((b) => [b.file, String(b.bytes), kb(b.bytes), kb(b.gzip)])));
  const ui = r.bundles.find((b) => /(^|\/)ui\.js$/.test(b.file));
  const content = r.bundles.find((b) => b.file === 'content.js');
  if (ui && content) out.push(`content script loaded on every page: ${content.bytes} bytes; ui.js (injected when first needed): ${ui.bytes} bytes`);
  if (r.contentComposition.length) {
    out.push(`content.js is made of: ${r.contentComposition.slice(0, 8).map((c) => `${c.what} ${kb(c.bytes)}`).join(', ')}`);
  }

  out.push('\n== Budgets ==');
  for (const b of r.budgets) out.push(`${verdict(b)}  ${b.name}: ${b.value} (${b.reportOnly ? b.limit : `budget ${b.limit}`})`);
  const la = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
  out.push(`\nbench took ${r.elapsedS.toFixed(0)} s in Chromium ${r.chromium}; load average ${la(r.loadAverage.start)} at start, ${la(r.loadAverage.end)} at end on ${r.loadAverage.cpus} CPUs`);
  if (Math.max(r.loadAverage.start[0]!, r.loadAverage.end[0]!) > r.loadAverage.cpus) out.push('note: the machine was busy with other work; absolute times are inflated and noisy, ratios less so');
  console.log(out.join('\n'));
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** The memory block's table: what is stored, and how long one page's lookup takes. */
export function memoryLines(m: NonNullable<Report['memory']>): string[] {
  const out = [`\n== Reading memory: ${m.generated} generated articles imported, ${m.articles} kept under the caps (${m.entities} names, ${mb(m.storedBytes)} of facts) ==`];
  const g = m.generatedArticleBytes;
  const d = m.demoArticleBytes;
  out.push(`stored size per article: generated median ${kb(pct(g, 0.5))}, p90 ${kb(pct(g, 0.9))}; the demo articles as filed ${d.map(kb).join(' / ')} (median ${kb(pct(d, 0.5))}, p90 ${kb(pct(d, 0.9))})`);
  out.push(`lookup of 20 names (${m.itemsFound} items found), median of ${m.backgroundRuns.length - 1} after a first one: in the background ${ms(m.background20Ms)}; round trip from an extension page ${ms(m.lookup20Ms)}`);
  out.push(`  background runs: ${m.backgroundRuns.map(ms).join(', ')}; round trips: ${m.lookupRuns.map(ms).join(', ')}`);
  out.push(`card opened by focus on the demo page, to its host showing (median): ${ms(median(m.cardOpenEmpty))} with the demo articles only, ${ms(median(m.cardOpenFull))} with the ${m.generated} generated ones too`);
  out.push(`filing one more article into the full memory (round trip, median): ${ms(median(m.fileOneRuns))}; runs: ${m.fileOneRuns.map(ms).join(', ')}`);
  if (m.originUsage !== null) out.push(`the extension's storage on disk (navigator.storage.estimate): ${mb(m.originUsage)} for ${mb(m.storedBytes)} of facts`);
  return out;
}

/** The memory's budget lines (also printed by `npm run bench:memory` alone). */
export function memoryBudgets(m: NonNullable<Report['memory']>, cpus: number): Budget[] {
  const busy = wasBusy(m.load, cpus);
  const g = m.generatedArticleBytes;
  const d = m.demoArticleBytes;
  return [
    { name: `memory lookup, 20 entities, ${m.generated} articles (background, median)`, limit: `≤ ${MEMORY_LOOKUP_BUDGET_MS} ms`, value: ms(m.background20Ms), pass: m.background20Ms <= MEMORY_LOOKUP_BUDGET_MS, busy },
    { name: 'memory lookup, the same, from an extension page (message round trip included, median)', limit: 'no budget', value: ms(m.lookup20Ms), pass: true, reportOnly: true },
    { name: `card opens with ${m.generated} articles stored vs the demo's alone (median by focus)`, limit: 'no budget: the card shows before its earlier items are asked for', value: `${ms(median(m.cardOpenFull))} vs ${ms(median(m.cardOpenEmpty))}`, pass: true, reportOnly: true },
    { name: `filing one more article with ${m.generated} stored (round trip, median)`, limit: 'no budget: the background files it after the page has its highlights', value: ms(median(m.fileOneRuns)), pass: true, reportOnly: true },
    { name: 'stored size per demo article as filed (median)', limit: `≤ ${kb(MEMORY_ARTICLE_BUDGET_BYTES)}`, value: kb(pct(d, 0.5)), pass: pct(d, 0.5) <= MEMORY_ARTICLE_BUDGET_BYTES },
    { name: 'stored size per generated article (median / p90)', limit: 'no budget', value: `${kb(pct(g, 0.5))} / ${kb(pct(g, 0.9))}`, pass: true, reportOnly: true },
    { name: `articles kept of ${m.generated} imported (caps: 20,000 articles, 50 MB)`, limit: `all ${m.generated}`, value: String(m.articles), pass: m.articles >= m.generated },
  ];
}

const RENDER_PARTS = ['style', 'layout', 'paint'];
const sum = (parts: Record<string, number> | undefined, keys: string[]) => keys.reduce((n, k) => n + (parts?.[k] ?? 0), 0);

/** CPU for recognising names (src/core/recognize) per 100 KB of article text. */
const RECOGNITION_BUDGET_MS = 30;

export function budgets(r: Omit<Report, 'budgets'>): Budget[] {
  const out: Budget[] = [];
  const cpus = r.loadAverage?.cpus ?? 1;
  for (const e of r.extension) {
    const page = r.pages[e.page];
    const busy = wasBusy(e.load, cpus);
    for (const k of ['cold', 'warm'] as const) {
      const p = e.result[k];
      // What the reader sees: frames that took over 50 ms from the toggle until the page was quiet
      // after the pass (nothing else runs on these pages then), at every page size.
      if (e.result.pageLoad) {
        out.push({
          name: `long animation frames during and after Backstory's pass, ${page?.label} page, ${e.pack} entities, ${k} pass (worst of ${p.runs.length})`,
          limit: `none over ${LONG_FRAME_BUDGET_MS} ms`,
          value: framesValue(p),
          pass: p.longFramesWorst === 0,
          busy,
        });
      }
      // The extension's own script work in the worst task (thread CPU time when traced; wall time
      // otherwise, which on a shared machine also counts waiting for a CPU).
      const traced = p.taskWorstParts !== null && p.taskWorstParts !== undefined;
      const script = traced ? (p.taskWorstParts!['script'] ?? 0) : p.longTaskWorstMs;
      out.push({
        name: `script work of Backstory in one task, ${page?.label} page, ${e.pack} entities, ${k} pass (worst of ${p.runs.length}, ${traced ? 'traced' : 'wall time'})`,
        limit: `≤ ${LONG_TASK_BUDGET_MS} ms`,
        value: ms(script),
        pass: script <= LONG_TASK_BUDGET_MS,
        busy,
      });
      if (!traced) continue;
      const render = sum(p.taskWorstParts!, RENDER_PARTS);
      const name = `rendering after Backstory's writes, ${page?.label} page, ${e.pack} entities, ${k} pass (style + layout + paint in the worst task)`;
      if ((page?.htmlBytes ?? 0) <= RENDER_BUDGET_MAX_HTML_BYTES) {
        out.push({ name, limit: `≤ ${RENDER_BUDGET_MS} ms`, value: ms(render), pass: render <= RENDER_BUDGET_MS, busy });
      } else {
        out.push({ name, limit: 'no budget above 1 MB', value: `${ms(render)}; the page's own longest frame while loading ${ownFrame(e.result.pageLoad)}`, pass: true, reportOnly: true });
      }
    }
  }
  for (const s of r.suites) {
    const x = s.result.match.pairRatio;
    const name = `matching vs scan-only baseline, ${r.pages[s.page]?.label ?? s.page}, ${s.pack} entities (median of paired runs)`;
    // At 100 entities the fixed costs dominate the ratio: reported, not held to the budget.
    if (s.pack < 1_000) out.push({ name, limit: 'no budget at 100 entities', value: `${x.toFixed(2)}×`, pass: true, reportOnly: true });
    else out.push({ name, limit: '≤ 1.5×', value: `${x.toFixed(2)}×`, pass: x <= 1.5, busy: wasBusy(s.load, cpus) });
  }
  for (const s of r.suites) {
    // Recognition is the same pure code in the worker; timed here on the page's own runs.
    const b = s.result.breakdown;
    if (b?.recognizeNames === undefined || !b.textChars) continue;
    const per100 = (b.recognizeNames * 100_000) / b.textChars;
    const name = `name recognition per 100 KB of article text, ${r.pages[s.page]?.label ?? s.page}, ${s.pack} entities`;
    out.push({ name, limit: `≤ ${RECOGNITION_BUDGET_MS} ms`, value: ms(per100), pass: per100 <= RECOGNITION_BUDGET_MS, busy: wasBusy(s.load, cpus) });
  }
  const biggest = Math.max(0, ...r.extension.map((e) => e.pack));
  for (const e of r.extension) {
    const a = e.result.append;
    if (!a || e.page !== '1mb' || e.pack !== biggest) continue;
    out.push({ name: `new content annotated, 1 MB page, ${e.pack} entities (median)`, limit: `≤ ${APPEND_BUDGET_MS} ms`, value: ms(a.doneMs.median), pass: a.doneMs.median <= APPEND_BUDGET_MS, busy: wasBusy(e.load, cpus) });
  }
  if (r.popup) {
    const p = r.popup;
    // From the popup's script starting to its cards, per run; the browser's own opening of an
    // extension page comes before and is reported apart.
    const own = median(p.ms.runs.map((x, i) => x - (p.scriptMs?.runs[i] ?? 0)));
    out.push({ name: "popup's own work on the demo, script start to cards (median)", limit: `≤ ${POPUP_BUDGET_MS} ms`, value: ms(own), pass: own <= POPUP_BUDGET_MS, busy: wasBusy(p.load, cpus) });
    out.push({ name: 'popup page opened by the browser, to its script starting (median)', limit: 'no budget', value: ms(p.scriptMs?.median), pass: true, reportOnly: true });
  }
  if (r.memory) out.push(...memoryBudgets(r.memory, cpus));
  const content = r.bundles.find((b) => b.file === 'content.js');
  if (content) out.push({ name: 'content bundle, minified', limit: `≤ ${CONTENT_BUDGET_BYTES} bytes`, value: `${content.bytes} bytes`, pass: content.bytes <= CONTENT_BUDGET_BYTES });
  return out;
}
