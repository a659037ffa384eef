// `npm run bench`: how fast Backstory is, in headless Chromium, as ratios to simple baselines
// (absolute ms alongside). Generates news-like pages (100 KB, 1 MB, 1.6 MB, and a dense 1.6 MB
// one with ~3.7 times news density in names) and packs (100 /
// 1,000 / 10,000 entities, the bundled pack's included), then:
//  - loads the built extension (dist/), imports each pack through the options page's messages,
//    and times what a reader gets: long tasks from switching Backstory on until the page is
//    annotated (cold and warm), long animation frames during and after the pass beside the
//    page's own while it loaded, the first viewport, appended content, the popup, heap;
//  - in a browser without the extension, times the matcher against a scan-only baseline and the
//    naive mark.js ways (scripts/bench/page.ts).
//  - fills the reading memory with generated stored articles (10,000; --quick 2,000) and times
//    one page's lookup of 20 names in the background and as a round trip (scripts/bench/memory.ts);
//  - builds a draft pack from generated articles with `npm run pack -- build` (scripts/bench/
//    pack-build.ts): articles per second per core, against 10,000 articles in five minutes.
// Prints tables and budgets, writes artifacts/bench.json (and bench-pack-build.json). A report,
// not a gate: exits 0 when a budget fails, 1 only when it could not measure.
//
//   npm run bench                  everything (~6 min)
//   npm run bench -- --quick       100 KB and 1 MB pages, packs of 100 and 10,000 (~2 min)
//   npm run bench -- --reps 5      runs per median (default 3)
//   npm run bench -- --no-build    measure dist/ as it is instead of rebuilding it
//   npm run bench -- --memory      only the reading-memory block (npm run bench:memory)
//   npm run bench -- --frames      only the extension's passes with the 10,000-entity pack, every
//                                  page (frames, tasks, whole pass; ~2 min); --quick: 1 MB and dense
//   npm run bench -- --pages 1mb,dense   only these pages (100kb, 1mb, 1.6mb, dense)
//   npm run bench -- --pack-build [--articles N]   only the pack builder (default 10,000 articles;
//                                  the full run uses 10,000, --quick 1,000)
//   npm run bench -- --cold        only the service worker's cold start with every bundled pack and
//                                  the package sizes (scripts/bench/cold-start.ts; the full run ends with it)
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './lib/browser.mjs';
import { serveStatic } from './lib/demo-server.mjs';
import { generatePage } from './bench/article';
import { benchPackBuild, printPackBuild } from './bench/pack-build';
import { ExtensionBench } from './bench/extension';
import { syntheticEntities } from './bench/names';
import { runArticle, runPopup } from './bench/passes';
import { runMemoryBench } from './bench/memory';
import { budgets, memoryBudgets, memoryLines, printReport, verdict, type BlockLoad, type PageInfo, type Report } from './bench/report';
import { startServer, type BenchServer } from './bench/server';
import { bundleSizes, contentComposition } from './bench/sizes';
import { measureColdStart, packageSizes } from './bench/cold-start';
import { runSuite } from './bench/suites';
import { parsePackJson } from '../src/core/pack/schema';
import type { Pack } from '../src/core/types';
import { bundledPackFiles } from '../tests/eval/lib/bundled-pack';

const root = resolve('.');
const dist = join(root, 'dist');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const noBuild = argv.includes('--no-build');
const packBuildOnly = argv.includes('--pack-build');
const memoryOnly = argv.includes('--memory');
const coldOnly = argv.includes('--cold');
const framesOnly = argv.includes('--frames');
const pagesArg = argv.indexOf('--pages');
const onlyPages = pagesArg >= 0 ? (argv[pagesArg + 1] ?? '').split(',').filter(Boolean) : null;
/** Generated articles the memory block stores: the issue's 10,000; fewer when quick. */
const MEMORY_ARTICLES = quick ? 2_000 : 10_000;
const articlesArg = argv.indexOf('--articles');
const packArticles = articlesArg >= 0 ? Math.max(1, Number(argv[articlesArg + 1]) || 10_000) : quick ? 1_000 : 10_000;
const repsArg = argv.indexOf('--reps');
const reps = repsArg >= 0 ? Math.max(3, Number(argv[repsArg + 1]) || 3) : 3;
const MARK_ARRAY_CAP_MS = quick ? 3_000 : 10_000;
const IMPORTED_ID = 'bench-pack';

const started = Date.now();
function log(msg: string): void {
  process.stderr.write(`bench: [${((Date.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);
}

function bundledPack(): Pack {
  return JSON.parse(readFileSync(join(root, 'src/packs/korean-peninsula.json'), 'utf8')) as Pack;
}

async function pageBundle(): Promise<string> {
  const r = await build({
    entryPoints: [join(root, 'scripts/bench/page.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

function buildDist(): void {
  if (noBuild) return;
  log('building dist/ (npm run build)…');
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) log(`build failed, measuring the dist/ already there:\n${r.stderr || r.stdout}`);
}

function popupPath(): string {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { action?: { default_popup?: string } };
  return (manifest.action?.default_popup ?? 'popup/popup.html').replace(/^\//, '');
}

/** Names per character on the dense page: over 15,000 mentions in 1.6 M characters. */
const DENSE_DENSITY = 0.0105;
const PAGE_SPECS: [string, string, number, number?][] = [
  ['100kb', '100 KB', 100_000],
  ['1mb', '1 MB', 1_000_000],
  ['1.6mb', '1.6 MB', 1_600_000],
  ['dense', 'dense 1.6 MB', 1_600_000, DENSE_DENSITY],
];

function chosenPages(): typeof PAGE_SPECS {
  if (onlyPages) return PAGE_SPECS.filter(([key]) => onlyPages.includes(key));
  if (quick) return PAGE_SPECS.filter(([key]) => (framesOnly ? ['1mb', 'dense'] : ['100kb', '1mb']).includes(key));
  return PAGE_SPECS;
}

/** In-page microbenchmarks, in a browser without the extension. */
async function microPhase(executablePath: string, server: BenchServer, packSizes: number[], pageKeys: string[]): Promise<Report['suites']> {
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const suites: Report['suites'] = [];
    const smallest = Math.min(...packSizes);
    const largest = Math.max(...packSizes);
    for (const key of pageKeys) {
      for (const n of packSizes) {
        log(`in-page: ${key} page, ${n}-entity pack…`);
        // mark(array) once with 100 names and once with 1,000 (taken from the largest pack).
        const markArrayTerms = key !== '100kb' ? [] : n === smallest ? [100] : n === largest ? [1_000] : [];
        const result = await runSuite(page, `${server.url}/m/${key}.html`, `/pack/${n}.json`, { reps, markArrayTerms, markArrayCapMs: MARK_ARRAY_CAP_MS });
        suites.push({ page: key, pack: n, result });
      }
    }
    return suites;
  } finally {
    await browser?.close().catch(() => undefined);
  }
}

/** Logs the load average as a block of measurements starts; the returned function logs it again
 *  as the block ends and gives both (a budget missed while the machine was busy is inconclusive). */
function startBlock(what: string): () => BlockLoad {
  const before = loadavg();
  const la = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
  log(`${what}… (load average ${la(before)} on ${availableParallelism()} CPUs)`);
  return () => {
    const after = loadavg();
    log(`  done (load average ${la(after)})`);
    return { before, after };
  };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const loadStart = loadavg();
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('bench: no Chromium found (set CHROMIUM_PATH, or apt-get install chromium)');
    return 1;
  }
  buildDist();
  if (!existsSync(join(dist, 'manifest.json'))) {
    console.error('bench: no built extension in dist/ (npm run build)');
    return 1;
  }
  const bundles = bundleSizes(dist);
  const composition = await contentComposition(join(root, 'src/content/index.ts')).catch(() => []);

  const bundled = bundledPack();
  const packSizes = framesOnly ? [10_000] : quick ? [100, 10_000] : [100, 1_000, 10_000];
  const pageSpecs = chosenPages();
  const synthetic = syntheticEntities(Math.max(...packSizes) - bundled.entities.length);
  const extra = (n: number) => synthetic.slice(0, Math.max(0, n - bundled.entities.length));
  // In-page: one pack of n entities. In the extension: the bundled pack stays on, as for a reader,
  // and an imported pack brings the total to n.
  const packOf = (n: number): Pack => ({ ...bundled, id: `bench-${n}`, entities: [...bundled.entities, ...extra(n)] });
  const importedOf = (n: number): Pack => ({ format: 2, id: IMPORTED_ID, version: 1, title: `Bench names (${n})`, language: 'en', asOf: '2019-09-30', sources: [], entities: extra(n) });
  for (const n of packSizes) {
    const check = parsePackJson(JSON.stringify(importedOf(n)));
    if (!check.ok) throw new Error(`the ${n}-entity bench pack does not validate: ${check.errors.slice(0, 3).join('; ')}`);
  }
  // Every page names entities of the smallest pack, which every larger pack contains.
  const named = packOf(100).entities;

  const server = await startServer();
  const demo = await serveStatic(join(root, 'demo'));
  let bench: ExtensionBench | null = null;
  try {
    server.put('/bench.js', await pageBundle(), 'text/javascript');
    for (const n of packSizes) server.put(`/pack/${n}.json`, JSON.stringify(packOf(n)), 'application/json');
    const pages: Record<string, PageInfo> = {};
    for (const [key, label, chars, density] of pageSpecs) {
      const spec = { chars, entities: named, title: `Talks stall again as envoys trade blame (${label} bench page)`, ...(density ? { density } : {}) };
      // The same article twice: with the in-page bench script, and without any script of its own.
      const g = generatePage(spec);
      server.put(`/m/${key}.html`, g.html, 'text/html; charset=utf-8');
      const plain = generatePage({ ...spec, script: null });
      server.put(`/x/${key}.html`, plain.html, 'text/html; charset=utf-8');
      pages[key] = { label, textChars: g.textChars, htmlBytes: Buffer.byteLength(plain.html), planted: g.mentions, appendChars: g.appendChars };
    }

    let block: () => BlockLoad;
    let suites: Report['suites'] = [];
    const microPages = ['100kb', '1mb'].filter((k) => pageSpecs.some(([key]) => key === k));
    if (!framesOnly && microPages.length) {
      block = startBlock('in-page matching');
      const micro = await microPhase(executablePath, server, packSizes, microPages);
      const microLoad = block();
      suites = micro.map((s) => ({ ...s, load: microLoad }));
    }

    log('launching Chromium with the extension…');
    bench = await ExtensionBench.launch(dist, executablePath);
    let popup: Report['popup'] = null;
    if (!framesOnly) {
      log('popup on the demo page…');
      block = startBlock('popup');
      popup = { ...(await runPopup(bench, `${demo.origin}/index.html`, popupPath(), Math.max(5, reps))), load: block() };
    }
    await bench.setSiteOff(true);
    const extension: Report['extension'] = [];
    const biggest = Math.max(...packSizes);
    const smallest = Math.min(...packSizes);
    for (const n of packSizes) {
      for (const [key, label] of pageSpecs) {
        block = startBlock(`extension: ${label} page, ${n}-entity pack`);
        // The budgets look at the smallest and largest packs; the middle size gets one run of each
        // kind, which keeps the full bench near 6 minutes on a busy two-CPU machine.
        const result = await runArticle(bench, `${server.url}/x/${key}.html`, importedOf(n), {
          // A cold pass needs a new tab and a new pack version; the budget case gets two.
          coldReps: !quick && key === '1mb' && n === biggest ? 2 : 1,
          reps: n === biggest || n === smallest ? reps : 1,
          heap: !framesOnly && key === '1mb' && n === biggest,
        });
        extension.push({ page: key, pack: n, result, load: block() });
      }
    }

    await bench.setSiteOff(false);
    const memory = framesOnly ? null : await memoryPhase(bench, demo.origin);

    const partial: Omit<Report, 'budgets'> = {
      date: new Date().toISOString(),
      chromium: bench.ctx.browser()?.version() ?? '?',
      quick,
      reps,
      pages,
      extension,
      popup,
      memory,
      suites,
      bundles,
      contentComposition: composition,
      elapsedS: (Date.now() - t0) / 1000,
      loadAverage: { start: loadStart, end: loadavg(), cpus: availableParallelism() },
    };
    const report: Report = { ...partial, budgets: budgets(partial) };
    printReport(report);
    mkdirSync(join(root, 'artifacts'), { recursive: true });
    const out = framesOnly ? 'artifacts/bench-frames.json' : 'artifacts/bench.json';
    writeFileSync(join(root, out), JSON.stringify(report, null, 2) + '\n');
    console.log(`figures written to ${out}`);
    return 0;
  } finally {
    await bench?.close().catch(() => undefined);
    await server.close();
    await demo.close();
  }
}

/** The reading memory with MEMORY_ARTICLES generated articles, read on the demo pages first (the
 *  site must be on). Leaves the memory empty again. */
async function memoryPhase(bench: ExtensionBench, demoOrigin: string): Promise<NonNullable<Report['memory']>> {
  const block = startBlock(`reading memory: ${MEMORY_ARTICLES} generated articles`);
  const demoUrls = ['hanoi-aftermath.html', 'panmunjom-meeting.html', 'index.html'].map((p) => `${demoOrigin}/${p}`);
  const m = await runMemoryBench(bench.ctx, bench.control, demoUrls, MEMORY_ARTICLES, reps, log);
  const load = block();
  await bench.send({ type: 'backstory:memory-forget', scope: 'all' });
  return { ...m, generated: MEMORY_ARTICLES, load };
}

/** `--memory`: the memory block alone, in its own browser (no pages, packs or pack builder). */
async function memoryOnlyMain(): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('bench: no Chromium found (set CHROMIUM_PATH, or apt-get install chromium)');
    return 1;
  }
  buildDist();
  const demo = await serveStatic(join(root, 'demo'));
  const bench = await ExtensionBench.launch(dist, executablePath);
  try {
    const memory = await memoryPhase(bench, demo.origin);
    const lines = memoryLines(memory);
    lines.push('\n== Budgets ==');
    for (const b of memoryBudgets(memory, availableParallelism())) lines.push(`${verdict(b)}  ${b.name}: ${b.value} (${b.reportOnly ? b.limit : `budget ${b.limit}`})`);
    console.log(lines.join('\n'));
    mkdirSync(join(root, 'artifacts'), { recursive: true });
    writeFileSync(join(root, 'artifacts/bench-memory.json'), JSON.stringify({ date: new Date().toISOString(), ...memory }, null, 2) + '\n');
    console.log('figures written to artifacts/bench-memory.json');
    return 0;
  } finally {
    await bench.close().catch(() => undefined);
    await demo.close();
  }
}

/** The pack builder's throughput, after the browser has closed (it uses every core). */
async function packBuildPhase(): Promise<number> {
  log(`pack builder: ${packArticles} generated articles…`);
  const result = await benchPackBuild(packArticles, availableParallelism(), log);
  printPackBuild(result);
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  writeFileSync(join(root, 'artifacts/bench-pack-build.json'), JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2) + '\n');
  console.log('figures written to artifacts/bench-pack-build.json');
  return 0;
}

/** The worker's cold start with every bundled pack on, and the package sizes (budget: the first
 *  page's first highlight within 300 ms of its DOMContentLoaded, worker stopped before). */
async function coldPhase(): Promise<number> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error('bench: no Chromium found (set CHROMIUM_PATH, or apt-get install chromium)');
    return 1;
  }
  if (coldOnly) buildDist();
  const packs = bundledPackFiles(join(root, 'src/packs'));
  // A short article (about 20,000 characters) naming entities from every bundled pack.
  const named = packs.flatMap((p) => p.entities.filter((_e, i) => i % Math.max(1, Math.floor(p.entities.length / 20)) === 0));
  const page = generatePage({ chars: 20_000, entities: named, title: 'Leaders meet as the summit opens (cold-start bench page)', script: null });
  const server = await startServer();
  server.put('/cold.html', page.html, 'text/html; charset=utf-8');
  const block = startBlock(`cold start: ${packs.length} bundled packs, ${packs.reduce((n, p) => n + p.entities.length, 0)} entities`);
  const bench = await ExtensionBench.launch(dist, executablePath);
  try {
    const cold = await measureColdStart(bench, `${server.url}/cold.html`, Math.max(5, reps));
    const load = block();
    const sizes = packageSizes(root, dist);
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    const lines = ['\n== Service worker cold start (every bundled pack on) =='];
    lines.push(`first highlight after DOMContentLoaded, worker stopped before: median ${med(cold.coldMs).toFixed(0)} ms (${cold.coldMs.map((x) => x.toFixed(0)).join(', ')})`);
    lines.push(`the same, worker running:                                    median ${med(cold.warmMs).toFixed(0)} ms (${cold.warmMs.map((x) => x.toFixed(0)).join(', ')})`);
    lines.push(`a stopped worker's first answer to a message (round trip):   median ${med(cold.workerAnswerMs).toFixed(0)} ms`);
    lines.push('\n== Package size ==');
    lines.push(`dist/ total ${kib(sizes.distBytes)} (gzip ${kib(sizes.distGzip)}); background.js ${kib(sizes.backgroundBytes)} (gzip ${kib(sizes.backgroundGzip)})`);
    for (const p of sizes.packs) lines.push(`  ${p.file.padEnd(36)} ${String(p.entities).padStart(6)} entities  ${kib(p.bytes).padStart(9)} (gzip ${kib(p.gzip)})`);
    const busy = load.before[0]! > availableParallelism() || load.after[0]! > availableParallelism();
    const ok = med(cold.coldMs) <= 300;
    lines.push(`\n${ok ? 'ok  ' : busy ? 'inconclusive (machine busy)' : 'FAIL'}  cold start to the first page's hits: ${med(cold.coldMs).toFixed(0)} ms (budget 300 ms)`);
    console.log(lines.join('\n'));
    mkdirSync(join(root, 'artifacts'), { recursive: true });
    writeFileSync(join(root, 'artifacts/bench-cold.json'), JSON.stringify({ date: new Date().toISOString(), cold, sizes, load }, null, 2) + '\n');
    console.log('figures written to artifacts/bench-cold.json');
    return 0;
  } finally {
    await bench.close().catch(() => undefined);
    await server.close();
  }
}

(coldOnly
  ? coldPhase()
  : memoryOnly
    ? memoryOnlyMain()
    : packBuildOnly
      ? packBuildPhase()
      : main()
          .then(async (code) => (code === 0 && !framesOnly ? packBuildPhase() : code))
          .then(async (code) => (code === 0 && !framesOnly ? coldPhase() : code))
).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench: could not measure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
