// In-page microbenchmarks of `npm run bench`, run in a browser WITHOUT the extension: bundled into
// the generated page, they time the core matcher and the content script's run collection directly
// (`baseline`, `matchOnly`), the naive mark.js ways, and the matcher's compile cost, and expose
// `window.__bench` for the Node side. The pack comes in as data. Nothing here builds the content
// script's Annotator: the extension itself is measured by scripts/bench/extension.ts.
import Mark from 'mark.js';
import { findArticleRoot, type ArticleRoot } from '../../src/content/article-root';
import { MENTION_TAG } from '../../src/shared/dom-kinds';
import { collectRuns } from '../../src/content/runs';
import { extractFacts, findAcronymDefinitions, findPageEntities, splitSentences } from '../../src/core/article/index';
import { recognizeNames } from '../../src/core/recognize/index';
import { buildCards } from '../../src/core/card/build';
import { compileMatcher, mentionsFromHits, scanRuns, type Matcher } from '../../src/core/match/index';
import type { Pack, PackEntity } from '../../src/core/types';

const ARTICLE_ID = 'bench-article';

let pack: Pack | null = null;
let entities: PackEntity[] = [];
let matcher: Matcher | null = null;
let pristine: Element | null = null;

function need<T>(x: T | null, what: string): T {
  if (x === null) throw new Error(`bench: ${what} first`);
  return x;
}

/** Style and layout of the whole page, as the browser must do before the next frame. */
function layout(): number {
  const t0 = performance.now();
  void document.documentElement.getBoundingClientRect();
  void (document.body as HTMLElement).offsetHeight;
  return performance.now() - t0;
}

function article(): ArticleRoot {
  return findArticleRoot(document);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const api = {
  async loadPack(url: string): Promise<{ entities: number }> {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`bench: ${url} answered ${res.status}`);
    pack = (await res.json()) as Pack;
    pristine = document.getElementById(ARTICLE_ID)?.cloneNode(true) as Element | null;
    if (!pristine) throw new Error(`bench: the page has no #${ARTICLE_ID}`);
    return { entities: pack.entities.length };
  },

  /** Puts a never-annotated copy of the article back. */
  restore(): void {
    const live = document.getElementById(ARTICLE_ID);
    live?.replaceWith(need(pristine, 'loadPack').cloneNode(true));
    document.documentElement.removeAttribute('data-backstory');
    layout();
  },

  /** Each step of `analyzeArticle` timed on its own, on the runs of the current page. The first call
   *  in a page compiles the matcher cold (the cache lives in the page's module state). */
  breakdown(): Record<string, number> {
    const p = need(pack, 'loadPack');
    const ms: Record<string, number> = {};
    let t = performance.now();
    const lap = (name: string) => {
      const now = performance.now();
      ms[name] = now - t;
      t = now;
    };
    const a = article();
    lap('findArticleRoot');
    const runs = collectRuns(a);
    lap('collectRuns');
    const sentences = splitSentences(runs);
    lap('splitSentences');
    const definitions = findAcronymDefinitions(sentences);
    lap('findAcronymDefinitions');
    const defined = findPageEntities(sentences, definitions, p.entities);
    lap('findPageEntities');
    // The recognizer indexes a pack's names once per pack (the worker keeps it while the pack is
    // the same; the cold-start row counts it): built here untimed, so the row is per article.
    recognizeNames({ sentences: [], runKinds: [], pack: p.entities, found: [] });
    t = performance.now();
    const recognized = recognizeNames({ sentences, runKinds: runs.map((r) => r.kind), pack: p.entities, found: defined });
    lap('recognizeNames');
    const pageEntities = [...defined, ...recognized];
    entities = [...p.entities, ...pageEntities];
    matcher = compileMatcher(entities);
    lap('compileMatcher');
    // Irregexp compiles a regex on its first exec; that cost belongs to compiling too.
    new RegExp(matcher.regex.source, matcher.regex.flags).exec('warm up Kim');
    // Near zero unless V8 dropped the compiled regex (its cache is cleared after a few GCs).
    lap('regexRecompile');
    const evidence = { definitions: definitions.map(({ short, long }) => ({ short, long })) };
    const hits = scanRuns(matcher, runs, evidence, { firstMentionOnly: false });
    lap('scanRuns');
    const mentions = mentionsFromHits(hits);
    const facts = extractFacts(sentences, mentions, entities, definitions, { pageDate: '2019-09-05' });
    lap('extractFacts');
    buildCards({ entities, pageEntityIds: new Set(pageEntities.map((e) => e.id)), sources: p.sources, mentions, sentences, facts });
    lap('buildCards');
    ms.runs = runs.length;
    ms.textChars = runs.reduce((n, r) => n + r.text.length, 0);
    ms.mentions = mentions.length;
    ms.forms = matcher.size;
    ms.regexKB = matcher.regex.source.length / 1024;
    return ms;
  },

  /** A full compile as on a new page: the same entities under new ids miss the content cache. */
  compileCold(): { ms: number; buildMs: number; firstExecMs: number } {
    const copy = entities.map((e) => ({ ...e, id: `${e.id}~cold${performance.now()}` }));
    const t0 = performance.now();
    const m = compileMatcher(copy);
    const t1 = performance.now();
    // Irregexp compiles on first use, separately for one-byte and two-byte strings ("Chŏng"), and
    // V8 caches by source: a wrapping group makes the source new, as on a fresh page.
    const fresh = new RegExp(`(?:${m.regex.source})`, m.regex.flags);
    fresh.exec('warm up Kim');
    fresh.lastIndex = 0;
    fresh.exec('warm up Ch\u014Fng');
    const t2 = performance.now();
    return { ms: t2 - t0, buildMs: t1 - t0, firstExecMs: t2 - t1 };
  },

  /** A second compile of the same entities (a fresh array, as analyze makes on every pass). */
  compileAgain(): number {
    const t0 = performance.now();
    compileMatcher([...entities]);
    return performance.now() - t0;
  },

  /** Scan-only baseline: TreeWalker over the article's text nodes and one flat regex of the
   *  literal names and aliases the matcher was compiled with (the pack's and, since `breakdown`,
   *  the page's own: recognised names are matched too); no DOM writes. */
  baseline(): { ms: number; matches: number; terms: number } {
    const known = entities.length ? entities : need(pack, 'loadPack').entities;
    const terms = [...new Set(known.flatMap((e) => [e.name, ...(e.aliases ?? [])]))].sort((a, b) => b.length - a.length);
    const re = new RegExp(`\\b(?:${terms.map(escapeRe).join('|')})\\b`, 'g');
    const root = article().root;
    const t0 = performance.now();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let matches = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n as Text).data;
      re.lastIndex = 0;
      while (re.exec(text)) matches++;
    }
    return { ms: performance.now() - t0, matches, terms: terms.length };
  },

  /** Backstory's matching alone: runs collection and `scanRuns` with the compiled matcher. */
  matchOnly(): { ms: number; runsMs: number; regexMs: number; hits: number; resolved: number } {
    const m = need(matcher, 'breakdown');
    const a = article();
    const t0 = performance.now();
    const runs = collectRuns(a);
    const t1 = performance.now();
    // As analyzeArticle passes it: no page text, which the matcher joins only if it needs it.
    const evidence = { definitions: [] };
    const hits = scanRuns(m, runs, evidence, { firstMentionOnly: false }).flat();
    const ms = performance.now() - t0;
    // Not part of `ms`: the combined regex alone over the same runs, to split scanRuns' cost
    // between the regex and the resolver.
    const re = new RegExp(m.regex.source, m.regex.flags);
    const t2 = performance.now();
    for (const run of runs) {
      re.lastIndex = 0;
      while (re.exec(run.text));
    }
    const regexMs = performance.now() - t2;
    return { ms, runsMs: t1 - t0, regexMs, hits: hits.length, resolved: hits.filter((h) => h.entityId).length };
  },

  /** The naive way: one mark.js markRegExp call of the combined regex over the article root. */
  naiveMarkRegExp(): { ms: number; layoutMs: number; marks: number } {
    const m = need(matcher, 'breakdown');
    const root = article().root;
    let marks = 0;
    const t0 = performance.now();
    new Mark(root as HTMLElement).markRegExp(new RegExp(m.regex.source, m.regex.flags), { element: MENTION_TAG, each: () => void marks++ });
    const ms = performance.now() - t0;
    return { ms, layoutMs: layout(), marks };
  },

  /** mark.js `mark(array)` with the first `count` entity names; stops once `capMs` has passed. */
  markArray(count: number, capMs: number): { ms: number; capped: boolean; termsDone: number; terms: number; marks: number; error?: string } {
    const p = need(pack, 'loadPack');
    const terms = p.entities.slice(0, count).map((e) => e.name);
    const root = article().root;
    const seen = new Set<string>();
    const stop = new Error('cap');
    let marks = 0;
    const t0 = performance.now();
    const check = (kw: string) => {
      seen.add(kw);
      if (performance.now() - t0 > capMs) throw stop;
    };
    let capped = false;
    try {
      new Mark(root as HTMLElement).mark(terms, {
        element: MENTION_TAG,
        separateWordSearch: false,
        filter: (_n: Text, kw: string) => (check(kw), true),
        noMatch: (kw: string) => check(kw),
        each: () => void marks++,
      } as Mark.MarkOptions);
    } catch (err) {
      // mark.js can also fail on its own (its per-term regexes have overflowed the stack here).
      if (err !== stop) return { ms: performance.now() - t0, capped: false, termsDone: seen.size, terms: terms.length, marks, error: String(err) };
      capped = true;
    }
    return { ms: performance.now() - t0, capped, termsDone: seen.size, terms: terms.length, marks };
  },
};

export type BenchApi = typeof api;
(window as unknown as { __bench: BenchApi }).__bench = api;
