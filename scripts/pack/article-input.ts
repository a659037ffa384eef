// What the builder reads: saved HTML pages, plain-text articles and JSON Lines files of
// {url, title, outlet, date, text}. Listing and parsing happen here, in the main thread; HTML is
// read and parsed by the workers. A broken line or file is reported with its place and skipped,
// never silently dropped.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface ArticleMeta {
  url?: string;
  title?: string;
  outlet?: string;
  /** ISO date, "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date?: string;
}

/** One article to analyse. `where` names it in messages ("dir/a.html", "feed.jsonl:12"). */
export type ArticleInput =
  | { kind: 'html'; index: number; where: string; path: string; meta: ArticleMeta }
  | { kind: 'text'; index: number; where: string; text: string; meta: ArticleMeta };

export interface InputProblem {
  where: string;
  message: string;
}

const HTML = new Set(['.html', '.htm', '.xhtml']);
const TEXT = new Set(['.txt', '.text']);
const LINES = new Set(['.jsonl', '.ndjson']);

/** What the builder reads a single article file as, by its name: a saved page, a text article,
 *  or (undefined) neither. */
export function articleFileKind(path: string): 'html' | 'text' | undefined {
  const ext = extname(path).toLowerCase();
  return HTML.has(ext) ? 'html' : TEXT.has(ext) ? 'text' : undefined;
}

/** "2019-09-03T10:00:00Z" → "2019-09-03"; "2019-09" and "2019" stay; anything else is undefined. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return undefined;
  if (d !== undefined) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    if (Number(d) < 1 || Number(d) > days) return undefined;
  }
  return [y, mo, d].filter((p) => p !== undefined).join('-');
}

export function isWebUrl(s: unknown): s is string {
  if (typeof s !== 'string' || !/^https?:\/\//i.test(s)) return false;
  try {
    return Boolean(new URL(s).host);
  } catch {
    return false;
  }
}

/** Each file under the given folders (or the files themselves), sorted so a build is repeatable,
 *  with the folder it was found in. */
function listFiles(paths: string[], problems: InputProblem[]): { file: string; top: string }[] {
  const out: { file: string; top: string }[] = [];
  let top = '';
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      problems.push({ where: p, message: 'no such file or folder' });
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith('.')) walk(join(p, name));
    } else out.push({ file: p, top });
  };
  for (const p of paths) {
    top = statSync(p, { throwIfNoEntry: false })?.isDirectory() ? p : dirname(p);
    walk(p);
  }
  return out;
}

const HEADER = /^(title|url|outlet|publisher|date)\s*:\s*(.*?)\s*$/i;

/** A text article may start with "Title: …", "URL: …", "Outlet: …", "Date: …" lines. */
export function readTextArticle(content: string): { meta: ArticleMeta; text: string } {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const meta: ArticleMeta = {};
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER.exec(lines[i]!);
    if (!m) break;
    const key = m[1]!.toLowerCase();
    const value = m[2]!;
    if (key === 'title') meta.title = value;
    else if (key === 'url') meta.url = value;
    else if (key === 'outlet' || key === 'publisher') meta.outlet = value;
    else meta.date = value;
  }
  return { meta, text: lines.slice(i).join('\n') };
}

function checkMeta(meta: ArticleMeta, where: string, problems: InputProblem[]): ArticleMeta {
  const out: ArticleMeta = { ...meta };
  if (meta.date !== undefined) {
    out.date = isoDate(meta.date);
    if (!out.date) problems.push({ where, message: `date ${JSON.stringify(meta.date)} is not a date (use YYYY-MM-DD): the article is used without one` });
  }
  if (meta.url !== undefined && !isWebUrl(meta.url)) {
    problems.push({ where, message: `url ${JSON.stringify(meta.url)} is not an http(s) address: the article is used without one` });
    delete out.url;
  }
  for (const k of ['title', 'outlet'] as const) {
    const v = out[k];
    if (v !== undefined) {
      const clean = v.replace(/\s+/g, ' ').trim();
      if (clean) out[k] = clean;
      else delete out[k];
    }
  }
  return out;
}

function readLines(path: string, where: string, push: (text: string, meta: ArticleMeta, at: string) => void, problems: InputProblem[]): void {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const at = `${where}:${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      problems.push({ where: at, message: `not valid JSON (${(e as Error).message}): line skipped` });
      return;
    }
    if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
      problems.push({ where: at, message: 'must be an object {url, title, outlet, date, text}: line skipped' });
      return;
    }
    const r = rec as Record<string, unknown>;
    if (typeof r.text !== 'string' || !r.text.trim()) {
      problems.push({ where: at, message: 'has no "text": line skipped' });
      return;
    }
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    push(r.text, { url: str(r.url), title: str(r.title), outlet: str(r.outlet) ?? str(r.publisher), date: str(r.date) }, at);
  });
}

export interface CollectOptions {
  cwd?: string;
  /** Address of the folders given, for saved pages that name none of their own: a page at
   *  DIR/world/a.html gets `${baseUrl}world/a.html`. */
  baseUrl?: string;
}

/** Every article under `paths`, in a stable order, and what could not be read. */
export function collectInputs(paths: string[], options: CollectOptions = {}): { inputs: ArticleInput[]; problems: InputProblem[] } {
  const cwd = options.cwd ?? process.cwd();
  const base = options.baseUrl === undefined ? undefined : options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const problems: InputProblem[] = [];
  const inputs: ArticleInput[] = [];
  for (const { file, top } of listFiles(paths.map((p) => resolve(cwd, p)), problems)) {
    // Named as the user would: relative to where they ran the command, when it is below it.
    const rel = relative(cwd, file);
    const where = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
    const ext = extname(file).toLowerCase();
    try {
      if (HTML.has(ext)) {
        const url = base === undefined ? undefined : new URL(relative(top, file).split(sep).map(encodeURIComponent).join('/'), base).href;
        inputs.push({ kind: 'html', index: inputs.length, where, path: file, meta: url ? { url } : {} });
      } else if (TEXT.has(ext)) {
        const { meta, text } = readTextArticle(readFileSync(file, 'utf8'));
        if (!text.trim()) problems.push({ where, message: 'no text: skipped' });
        else inputs.push({ kind: 'text', index: inputs.length, where, text, meta: checkMeta(meta, where, problems) });
      } else if (LINES.has(ext)) {
        readLines(file, where, (text, meta, at) => inputs.push({ kind: 'text', index: inputs.length, where: at, text, meta: checkMeta(meta, at, problems) }), problems);
      } else {
        problems.push({ where, message: `not an article file (.html, .txt or .jsonl): skipped` });
      }
    } catch (e) {
      problems.push({ where, message: `could not be read (${(e as Error).message}): skipped` });
    }
  }
  return { inputs, problems };
}
