// `npm run pack -- build DIR… [-o out.json]`: a draft knowledge pack from a folder of saved
// articles. Articles are analysed on every core (a piscina pool of worker threads running the
// extension's own extraction), merged by the reading memory's entity keys, validated with the
// pack schema and written with a report of what to check (conflicting roles, incomplete sources).
import { build } from 'esbuild';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { slug } from '../../src/core/article/text';
import * as L from '../../src/core/pack/limits';
import { parsePackJson } from '../../src/core/pack/schema';
import type { Pack } from '../../src/core/types';
import type { CommandIO, PackCommand } from './command';
import { collectInputs, isWebUrl, type ArticleInput, type InputProblem } from './article-input';
import type { BatchResult } from './build-worker';
import type { ArticleFinding } from './extract';
import { mergeFindings, type MergeReport } from './merge';
import { progress } from './progress';

export interface BuildOptions {
  id?: string;
  title?: string;
  baseUrl?: string;
  /** Worker threads; default: every core. */
  threads?: number;
  /** Articles per task sent to a worker. */
  batch?: number;
  progress?: 'auto' | 'quiet';
  cwd?: string;
}

export interface BuildResult {
  pack: Pack;
  /** The pack file as written. */
  text: string;
  report: MergeReport;
  /** Inputs that could not be read or analysed. */
  problems: InputProblem[];
  /** The schema's verdict on the pack: empty when it validates. */
  errors: string[];
  threads: number;
  /** Time spent analysing (pool start to last result), and in all. */
  analyseMs: number;
  totalMs: number;
  /** CPU time of the whole process (every thread) while analysing: what the articles cost on
   *  cores that do nothing else. */
  analyseCpuMs: number;
}

function projectRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** The worker runs as JavaScript: bundled like `scripts/run-ts.mjs` bundles a script, one file per
 *  process so concurrent builds never read each other's half-written file. */
async function bundleWorker(root: string): Promise<string> {
  const outfile = join(root, '.cache', `pack-build-worker-${process.pid}-${Date.now()}.mjs`);
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'scripts/pack/build-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Articles a worker analyses before it is replaced: jsdom keeps every document a window parsed
 *  (about 0.75 MB each, measured), so a worker is retired before its heap grows past a few
 *  hundred MB. */
const ARTICLES_PER_WORKER = 400;

/** Analyses `inputs` on a pool of `threads` workers; `onDone` hears the running count. Runs in
 *  rounds of ARTICLES_PER_WORKER per thread, each round on a fresh pool. */
export async function analyseAll(inputs: ArticleInput[], threads: number, batch: number, onDone: (done: number) => void): Promise<BatchResult> {
  const root = projectRoot();
  const filename = await bundleWorker(root);
  const out: BatchResult = { findings: [], failures: [] };
  let done = 0;
  const round = threads * ARTICLES_PER_WORKER;
  try {
    for (let start = 0; start < inputs.length; start += round) {
      const slice = inputs.slice(start, start + round);
      const pool = new Piscina({ filename, minThreads: Math.min(threads, Math.ceil(slice.length / batch)), maxThreads: threads, idleTimeout: 1_000 });
      try {
        const tasks: Promise<void>[] = [];
        for (let i = 0; i < slice.length; i += batch) {
          const part = slice.slice(i, i + batch);
          tasks.push(
            (pool.run(part) as Promise<BatchResult>).then((r) => {
              out.findings.push(...r.findings);
              out.failures.push(...r.failures);
              done += part.length;
              onDone(done);
            }),
          );
        }
        await Promise.all(tasks);
      } finally {
        await pool.destroy();
      }
    }
  } finally {
    rmSync(filename, { force: true });
  }
  return out;
}

export const packText = (pack: Pack) => `${JSON.stringify(pack, null, 2)}\n`;

export async function buildPack(paths: string[], options: BuildOptions = {}): Promise<BuildResult> {
  const started = Date.now();
  const { inputs, problems } = collectInputs(paths, { cwd: options.cwd, baseUrl: options.baseUrl });
  const threads = Math.max(1, options.threads ?? availableParallelism());
  // Small batches keep every worker busy to the end; large ones cut messaging. ~1/8 of a
  // worker's share, 1 to 50 articles.
  const batch = options.batch ?? Math.max(1, Math.min(50, Math.ceil(inputs.length / threads / 8)));
  const bar = progress(inputs.length, 'pack build', options.progress ?? 'auto');
  const t0 = Date.now();
  const cpu0 = process.cpuUsage();
  let analysed: BatchResult = { findings: [], failures: [] };
  try {
    if (inputs.length > 0) analysed = await analyseAll(inputs, threads, batch, (n) => bar.tick(n));
  } finally {
    bar.stop();
  }
  const analyseMs = Date.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  for (const f of analysed.failures) problems.push({ where: f.where, message: `could not be analysed (${f.message}): skipped` });
  const title = options.title ?? `Draft pack from ${analysed.findings.length} article${analysed.findings.length === 1 ? '' : 's'}`;
  const { pack, report } = mergeFindings(analysed.findings as ArticleFinding[], { id: options.id ?? 'draft-pack', title });
  // Checked as the file that is written, so the size limit an import applies counts too.
  const text = packText(pack);
  const verdict = parsePackJson(text);
  const errors = verdict.ok ? [] : verdict.errors;
  if (!verdict.ok && (pack.sources.length > L.MAX_SOURCES || Buffer.byteLength(text) > L.MAX_PACK_BYTES)) {
    errors.push(`a pack holds at most ${L.MAX_SOURCES} sources and ${L.MAX_PACK_BYTES / 1024 / 1024} MB: build from fewer articles at a time (one folder per topic or period)`);
  }
  return { pack, text, report, problems, errors, threads, analyseMs, analyseCpuMs: (cpu.user + cpu.system) / 1000, totalMs: Date.now() - started };
}

const USAGE = `usage: npm run pack -- build DIR|FILE… [options]

Analyses saved articles (.html pages, .txt files, .jsonl files of {url, title, outlet, date, text})
with the extension's own extraction and writes a draft pack of the people introduced with a title
and the acronyms defined, each fact citing its article.

  -o, --out FILE       where to write the pack (default: draft-pack.json)
  --report FILE        where to write the full report (default: the pack's name + .report.json)
  --id ID              the pack's id (default: from the output file's name)
  --title TEXT         the pack's title
  --base-url URL       address of the folders given, for pages that state none of their own
                       (DIR/a.html becomes URL/a.html)
  --threads N          worker threads (default: every core, here ${availableParallelism()})
  --quiet              no progress bar or lines`;

interface Args {
  paths: string[];
  out: string;
  report?: string;
  options: BuildOptions;
}

export function parseArgs(argv: string[]): Args | string {
  const paths: string[] = [];
  let out = 'draft-pack.json';
  let report: string | undefined;
  const options: BuildOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '-o' || a === '--out') out = value();
      else if (a === '--report') report = value();
      else if (a === '--id') options.id = value();
      else if (a === '--title') options.title = value();
      else if (a === '--base-url') {
        const url = value();
        if (!isWebUrl(url)) return `--base-url must be an http:// or https:// address (got ${url})`;
        options.baseUrl = url;
      } else if (a === '--threads') {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) return `--threads must be a whole number of at least 1`;
        options.threads = n;
      } else if (a === '--quiet') options.progress = 'quiet';
      else if (a === '-h' || a === '--help') return USAGE;
      else if (a.startsWith('-')) return `unknown option ${a}\n\n${USAGE}`;
      else paths.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (paths.length === 0) return `name at least one folder or file of articles\n\n${USAGE}`;
  options.id ??= slug(out.replace(/^.*[\\/]/, '').replace(/\.json$/i, '')).slice(0, 80).replace(/-+$/, '') || 'draft-pack';
  return { paths, out, report, options };
}

function printSummary(r: BuildResult, out: string, reportFile: string, log: (line: string) => void): void {
  const { report } = r;
  const seconds = r.analyseMs / 1000;
  const rate = report.articles / Math.max(seconds, 0.001);
  log(`${report.articles} articles → ${report.entities} entities, ${report.facts} facts citing ${report.cited} articles`);
  log(`analysed in ${seconds.toFixed(1)} s on ${r.threads} thread${r.threads === 1 ? '' : 's'}: ${rate.toFixed(1)} articles/s, ${(rate / r.threads).toFixed(1)} per thread`);
  for (const p of r.problems.slice(0, 20)) log(`  ${p.where}: ${p.message}`);
  if (r.problems.length > 20) log(`  … and ${r.problems.length - 20} more (see the report)`);
  if (report.conflicts.length) {
    log(`${report.conflicts.length} conflict${report.conflicts.length === 1 ? '' : 's'} (two roles for one name in one month):`);
    for (const c of report.conflicts.slice(0, 10)) {
      log(`  ${c.name} (${c.entity}), ${c.month}: ${c.roles.map((x) => `"${x.text}" [${x.cited.map((k) => k.source).join(', ')}]`).join(' vs ')}`);
    }
    if (report.conflicts.length > 10) log(`  … and ${report.conflicts.length - 10} more (see the report)`);
  }
  if (report.incomplete.length) log(`${report.incomplete.length} cited article(s) lack a url, outlet or date (see the report): their facts cannot be checked`);
  if (report.dropped.length) log(`${report.dropped.length} entit${report.dropped.length === 1 ? 'y has' : 'ies have'} more facts than a pack holds: the oldest were left out`);
  if (report.unfiled.length) log(`${report.unfiled.length} one-word name(s) left out: a single word cannot tell two people apart`);
  if (r.errors.length) {
    log(`the draft does NOT validate as a pack (written anyway, to fix by hand):`);
    for (const e of r.errors) log(`  ${e}`);
  } else log(`the draft validates as a pack`);
  log(`wrote ${out} and ${reportFile}`);
}

/** `npm run pack -- build …` (dispatched by scripts/pack/cli.ts). */
export const command: PackCommand = {
  usage: 'build DIR|FILE… [-o FILE] [--base-url URL]',
  summary: 'draft a pack from saved articles (.html, .txt, .jsonl): titled people, defined acronyms, cited facts, conflicts',
  async run(argv: string[], io: CommandIO): Promise<number> {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      const help = args.startsWith('usage:');
      for (const line of args.split('\n')) (help ? io.out : io.err)(line);
      return help ? 0 : 2;
    }
    const result = await buildPack(args.paths, args.options);
    if (result.report.articles === 0) {
      for (const p of result.problems) io.err(`${p.where}: ${p.message}`);
      io.err('pack build: no article could be read; nothing written');
      return 1;
    }
    const out = resolve(args.out);
    const reportFile = resolve(args.report ?? out.replace(/\.json$/i, '') + '.report.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, result.text);
    writeFileSync(reportFile, `${JSON.stringify({ problems: result.problems, validation: result.errors, ...result.report }, null, 2)}\n`);
    printSummary(result, args.out, args.report ?? reportFile, io.out);
    return result.errors.length ? 1 : 0;
  },
};
