// `npm run bench`: how fast Backstory annotates, measured in headless Chromium as ratios to simple
// baselines (absolute ms alongside). Generates news-like pages (100 KB, 1 MB, 1.6 MB) and packs
// (100 / 1,000 / 10,000 entities, always including the bundled pack), drives the real content
// modules through scripts/bench/page.ts, prints tables and budgets, and writes artifacts/bench.json.
// A report, not a gate: exits 0 when a budget fails, 1 only when it could not measure.
//
//   npm run bench                  everything (~3–5 min)
//   npm run bench -- --quick       100 KB and 1 MB with packs 100 and 1,000 only, no profile
//   npm run bench -- --reps 5      runs per median (default 3)
//   npm run bench -- --no-build    measure dist/ as it is instead of rebuilding it
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from './lib/browser.mjs';
import { generatePage } from './bench/article';
import { syntheticEntities } from './bench/names';
import { moduleLines } from './bench/profile';
import { budgets, printReport, type PageInfo, type Report } from './bench/report';
import { startServer } from './bench/server';
import { bundleSizes, contentComposition } from './bench/sizes';
import { profileCold, runLongTask, runSuite } from './bench/suites';
import type { Pack } from '../src/core/types';

const root = resolve('.');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const noBuild = argv.includes('--no-build');
const repsArg = argv.indexOf('--reps');
const reps = repsArg >= 0 ? Math.max(3, Number(argv[repsArg + 1]) || 3) : 3;
const MARK_ARRAY_CAP_MS = 20_000;

const started = Date.now();
function log(msg: string): void {
  process.stderr.write(`bench: [${((Date.now() - started) / 1000).toFixed(0)} s] ${msg}\n`);
}

function bundledPack(): Pack {
  return JSON.parse(readFileSync(join(root, 'src/packs/korean-peninsula.json'), 'utf8')) as Pack;
}

async function pageBundle(): Promise<string> {
  // Not minified: the CPU profile names functions and maps lines back to source files.
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
  log('building dist/ (npm run build) for the bundle sizes…');
  const r = spawnSync(process.execPath, ['build.mjs'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) log(`build failed, sizes are of the dist/ already there:\n${r.stderr || r.stdout}`);
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
  const bundles = bundleSizes(join(root, 'dist'));
  const composition = await contentComposition(join(root, 'src/content/index.ts')).catch(() => []);

  const bundled = bundledPack();
  const packSizes = quick ? [100, 1_000] : [100, 1_000, 10_000];
  const synthetic = syntheticEntities(Math.max(...packSizes) - bundled.entities.length);
  const packOf = (n: number): Pack => ({ ...bundled, id: `bench-${n}`, entities: [...bundled.entities, ...synthetic.slice(0, Math.max(0, n - bundled.entities.length))] });
  // Every page names entities of the smallest pack, which every larger pack contains.
  const named = packOf(100).entities;

  const server = await startServer();
  const js = await pageBundle();
  server.put('/bench.js', js, 'text/javascript');
  server.put('/pack/bundled.json', JSON.stringify(bundled), 'application/json');
  for (const n of packSizes) server.put(`/pack/${n}.json`, JSON.stringify(packOf(n)), 'application/json');

  const pageSpecs: [string, string, number][] = [
    ['100kb', '100 KB', 100_000],
    ['1mb', '1 MB', 1_000_000],
  ];
  if (!quick) pageSpecs.push(['1.6mb', '1.6 MB', 1_600_000]);
  const pages: Record<string, PageInfo> = {};
  for (const [key, label, chars] of pageSpecs) {
    const g = generatePage({ chars, entities: named, title: `Talks stall again as envoys trade blame (${label} bench page)` });
    server.put(`/${key}.html`, g.html, 'text/html; charset=utf-8');
    pages[key] = { label, textChars: g.textChars, htmlBytes: Buffer.byteLength(g.html), planted: g.mentions, appendChars: g.appendChars };
  }

  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => log(`page error: ${e.message}`));
    const cdp = await page.context().newCDPSession(page);

    const suites: Report['suites'] = [];
    for (const key of ['100kb', '1mb']) {
      for (const n of packSizes) {
        log(`${pages[key]!.label} page, ${n}-entity pack…`);
        const result = await runSuite(page, cdp, `${server.url}/${key}.html`, `/pack/${n}.json`, {
          reps,
          append: key === '1mb',
          markArrayTerms: key === '100kb' && n <= 1_000 ? [n] : [],
          markArrayCapMs: MARK_ARRAY_CAP_MS,
        });
        suites.push({ page: key, pack: n, result });
      }
    }

    const longTask: Report['longTask'] = [];
    let profile: Report['profile'] = null;
    if (!quick) {
      const biggest = Math.max(...packSizes);
      for (const [pack, url, entities] of [
        ['bundled', '/pack/bundled.json', bundled.entities.length],
        [`${biggest}`, `/pack/${biggest}.json`, biggest],
      ] as const) {
        log(`1.6 MB page, long tasks, ${pack} pack…`);
        longTask.push({ page: '1.6mb', pack, entities, result: await runLongTask(page, `${server.url}/1.6mb.html`, url) });
      }
      log('CPU profile of the worst case…');
      profile = await profileCold(page, cdp, `${server.url}/1.6mb.html`, `/pack/${biggest}.json`, `${server.url}/bench.js`, moduleLines(js));
    }

    const partial: Omit<Report, 'budgets'> = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      reps,
      pages,
      suites,
      longTask,
      bundles,
      contentComposition: composition,
      profile,
      elapsedS: (Date.now() - t0) / 1000,
      loadAverage: { start: loadStart, end: loadavg(), cpus: availableParallelism() },
    };
    const report: Report = { ...partial, budgets: budgets(partial) };
    printReport(report);
    mkdirSync(join(root, 'artifacts'), { recursive: true });
    writeFileSync(join(root, 'artifacts/bench.json'), JSON.stringify(report, null, 2) + '\n');
    console.log('figures written to artifacts/bench.json');
    return 0;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`bench: could not measure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
