// `npm run pack -- check FILE [PAGE] [--date YYYY-MM-DD]`: validates a pack file exactly as the
// build and the options page do, names each problem with its place, and, given a saved page or a
// text file, shows what the pack would highlight there (the extension's own core, no browser).
import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../../src/core/analyze';
import { isPartialIsoDate } from '../../src/core/pack/fields';
import { parsePackJson, placeholderProblems } from '../../src/core/pack/schema';
import type { Pack, RunText } from '../../src/core/types';
import { articleFileKind } from './article-input';
import type { CommandIO, PackCommand } from './command';
import { htmlMeta, htmlRuns } from './extract';
import { readHtml } from './html-file';
import { placeOf, valuePlaces } from './locate';

export interface PageText {
  runs: RunText[];
  /** The article's date (YYYY-MM-DD) as the extension would read it, when the page gives one. */
  pageDate?: string;
}

/** "1 fact", "3 facts". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface Report {
  /** 0: the pack validates; 1: it does not. */
  code: number;
  lines: string[];
}

/** Validation of a pack file's text, as report lines. `pack` is set when it validates. */
export function checkPackText(text: string, label: string): Report & { pack?: Pack } {
  const parsed = parsePackJson(text);
  if (!parsed.ok) {
    const places = valuePlaces(text);
    const lines = [`${label}: does not validate (${count(parsed.errors.length, 'problem')})`];
    for (const e of parsed.errors) {
      const at = placeOf(e, text, places);
      lines.push(`  ${at ? `${at}: ` : ''}${e}`);
    }
    return { code: 1, lines };
  }
  const pack = parsed.pack;
  const facts = pack.entities.reduce((n, e) => n + (e.facts?.length ?? 0), 0);
  const lines = [
    `${label}: valid pack "${pack.id}" version ${pack.version} (format ${pack.format}, as of ${pack.asOf}, ${pack.license ? `licence ${pack.license}${pack.credit ? `, credit "${pack.credit}"` : ''}` : 'licence not stated'}): ` +
      `${pack.entities.length === 1 ? '1 entity' : `${pack.entities.length} entities`}, ${count(facts, 'fact')}, ${count(pack.sources.length, 'source')}`,
  ];
  const warnings = [...placeholderProblems(pack)];
  const cited = new Set(pack.entities.flatMap((e) => (e.facts ?? []).map((f) => f.source)));
  pack.sources.forEach((s, i) => {
    if (!cited.has(s.id)) warnings.push(`sources[${i}]: '${s.id}' is not cited by any fact`);
  });
  if (warnings.length > 0) {
    const places = valuePlaces(text);
    lines.push('Warnings (the pack imports, but the build refuses placeholders in a bundled pack):');
    for (const w of warnings) {
      const at = placeOf(w, text, places);
      lines.push(`  ${at ? `${at}: ` : ''}${w}`);
    }
  }
  return { code: 0, lines, pack };
}

const quote = (s: string) => JSON.stringify(s);

/** What the pack would highlight on a page, grouped per name in order of first mention. */
export function highlightReport(pack: Pack, page: PageText, label: string): string[] {
  const analysis = analyzeArticle(page.runs, pack, { firstMentionOnly: false, ...(page.pageDate ? { pageDate: page.pageDate } : {}) });
  const surfaces = new Map<string, Map<string, number>>();
  for (const m of analysis.mentions) {
    const forms = surfaces.get(m.entityId) ?? new Map<string, number>();
    forms.set(m.surface, (forms.get(m.surface) ?? 0) + 1);
    surfaces.set(m.entityId, forms);
  }
  const dated = page.pageDate ? `page date ${page.pageDate}` : 'no page date: no fact is shown as "Later:"';
  const lines = [`${label}: ${count(analysis.cards.length, 'name')} highlighted (${count(page.runs.length, 'run')} of text, ${dated})`];
  for (const card of analysis.cards) {
    const forms = [...(surfaces.get(card.id) ?? new Map<string, number>())].map(([s, n]) => (n > 1 ? `${quote(s)} ×${n}` : quote(s)));
    const origin = card.pageOnly ? ', from the page itself, not the pack' : '';
    const later = card.later?.length ? `; ${count(card.later.length, 'fact')} after the page date, under "Later:"` : '';
    lines.push(`  ${card.name} (${card.id}, ${card.type}${origin}): ${forms.join(', ')}${later}`);
  }
  const held = new Map<string, number>();
  for (const hit of analysis.hits.flat()) if (hit.entityId === null) held.set(hit.surface, (held.get(hit.surface) ?? 0) + 1);
  if (held.size > 0) {
    lines.push('Matched a pack form but not highlighted (a short form before the full name, an ambiguous alias without its context, or a name two entries share):');
    lines.push(`  ${[...held].map(([s, n]) => (n > 1 ? `${quote(s)} ×${n}` : quote(s))).join(', ')}`);
  }
  return lines;
}

/** A text file split into paragraphs at blank lines, with "# " lines as headings, as
 *  docs/PACKS.md describes it. Not yet the builder's reading of a text article (`textRuns` in
 *  extract.ts: "Title:"/"Date:" header lines, one run per line when there are no blank lines, no
 *  "# " headings): the tests and docs still state this one. */
export function readTextPage(text: string): PageText {
  const runs: RunText[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const para = block.replace(/\s*\n\s*/g, ' ').trim();
    if (!para) continue;
    const heading = /^#+\s+(.*)$/.exec(para);
    runs.push(heading ? { text: heading[1]!, kind: 'heading' } : { text: para, kind: 'body' });
  }
  return { runs };
}

/** A page as `pack build` reads it: an HTML page decoded in its declared encoding, its article
 *  runs and its date read by the builder's own code. `date` overrides the page's date. Any file
 *  the builder would not read as a page is read as text. */
export function readPage(path: string, date?: string): PageText {
  let page: PageText;
  if (articleFileKind(path) === 'html') {
    const doc = readHtml(path);
    const found = htmlMeta(doc).date;
    page = { runs: htmlRuns(doc), ...(found ? { pageDate: found } : {}) };
  } else page = readTextPage(readFileSync(path, 'utf8'));
  return date ? { ...page, pageDate: date } : page;
}

export const command: PackCommand = {
  usage: 'check FILE [PAGE.html|TEXT.txt] [--date YYYY-MM-DD]',
  summary: 'validates a pack file, naming each problem and its line; with a page or text file, lists what the pack would highlight there',
  async run(args: string[], io: CommandIO): Promise<number> {
    const files: string[] = [];
    let date: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--date') date = args[++i];
      else if (a.startsWith('--date=')) date = a.slice('--date='.length);
      else if (a.startsWith('-')) {
        io.err(`unknown option ${a}`);
        return 2;
      } else files.push(a);
    }
    if (files.length < 1 || files.length > 2) {
      io.err(`usage: npm run pack -- ${this.usage}`);
      return 2;
    }
    if (date !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(date) && isPartialIsoDate(date))) {
      io.err(`--date ${date ?? ''}: use a full date such as 2019-09-03`);
      return 2;
    }
    const [packPath, pagePath] = files as [string, string | undefined];
    if (pagePath !== undefined && !articleFileKind(pagePath)) {
      // As the builder skips it; read as text, markup would pass for the article.
      io.err(`${pagePath}: not a page the pack builder reads: give a saved page (.html, .htm, .xhtml) or a text file (.txt, .text)`);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(packPath, 'utf8');
    } catch (e) {
      io.err(`${packPath}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return 2;
    }
    const report = checkPackText(text, packPath);
    report.lines.forEach((l) => io.out(l));
    if (!report.pack || !pagePath) return report.code;
    let page: PageText;
    try {
      page = readPage(pagePath, date);
    } catch (e) {
      io.err(`${pagePath}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      return 2;
    }
    io.out('');
    highlightReport(report.pack, page, pagePath).forEach((l) => io.out(l));
    return report.code;
  },
};
