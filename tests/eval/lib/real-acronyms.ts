// Acronym definitions measured on real prose others wrote: MEDSTRACT (198 abstracts), Schwartz &
// Hearst's 1,000 abstracts and the SDU@AAAI-21 dev sentences, read from the shared data folder at
// eval time and never copied into the project (see tests/eval/README.md, "Real acronym sets").
// Each set is split by a hash of its document ids into a dev half (tune on it) and a sealed half
// (report only). Ours is the shipped extractor run as analyzeArticle runs it (sentence splitter,
// then findAcronymDefinitions); the Schwartz–Hearst baseline runs on the same sentences.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findAcronymDefinitions, splitSentences } from '../../../src/core/article';
import type { RunText } from '../../../src/core/types';
import { EVAL_DIR } from './corpus';
import { schwartzHearst } from './schwartz-hearst';
import { scoreAcronyms, type FactKindScore } from './score-facts';
import { addCounts, type Counts } from './score-mentions';

export interface Pair {
  short: string;
  long: string;
}

export interface RealDoc {
  id: string;
  runs: RunText[];
  gold: Pair[];
}

export type Half = 'dev' | 'sealed';

export interface RealSetSpec {
  name: string;
  /** Files the set needs, relative to the data folder. */
  files: string[];
  load: (dir: string) => RealDoc[];
}

/** The shared data folder: $BACKSTORY_DATA, else ../shared/data beside the repo (main checkout)
 *  or two levels up (a worktree under /work/wt). */
export function dataDir(): string | undefined {
  const repo = resolve(EVAL_DIR, '../..');
  const candidates = [process.env.BACKSTORY_DATA, join(repo, '../shared/data'), join(repo, '../../shared/data')];
  return candidates.find((d): d is string => !!d && existsSync(join(d, 'acronyms')));
}

/** FNV-1a over the document id: even → dev half, odd → sealed half. Stable across runs and
 *  machines, and independent of the order the documents come in. */
export function halfOf(id: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'dev' : 'sealed';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unxml = (s: string) =>
  s.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/giu, (m, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (ENTITIES[name] ?? m),
  );

/** BioC XML as MEDSTRACT and S&H ship it: one run per passage (the title a heading), the gold
 *  pairs from each ABBR relation's LongForm and ShortForm nodes, per document. */
export function parseBioC(xml: string): RealDoc[] {
  const docs: RealDoc[] = [];
  for (const d of xml.matchAll(/<document>([\s\S]*?)<\/document>/gu)) {
    const body = d[1] ?? '';
    const id = /<id>([\s\S]*?)<\/id>/u.exec(body)?.[1]?.trim() ?? String(docs.length);
    const runs: RunText[] = [];
    const spans = new Map<string, string>();
    const gold: Pair[] = [];
    for (const p of body.matchAll(/<passage>([\s\S]*?)<\/passage>/gu)) {
      const passage = p[1] ?? '';
      for (const a of passage.matchAll(/<annotation id="([^"]+)">([\s\S]*?)<\/annotation>/gu)) {
        spans.set(a[1]!, unxml(/<text>([\s\S]*?)<\/text>/u.exec(a[2]!)?.[1] ?? ''));
      }
      const own = passage.replace(/<annotation[\s\S]*?<\/annotation>|<relation[\s\S]*?<\/relation>/gu, '');
      const text = unxml(/<text>([\s\S]*?)<\/text>/u.exec(own)?.[1] ?? '');
      const type = /<infon key="type">([^<]*)<\/infon>/u.exec(own)?.[1];
      if (text.trim()) runs.push({ text, kind: type === 'title' ? 'heading' : 'body' });
      for (const r of passage.matchAll(/<relation[^>]*>([\s\S]*?)<\/relation>/gu)) {
        const long = /<node refid="([^"]+)" role="LongForm"\/>/u.exec(r[1]!)?.[1];
        const short = /<node refid="([^"]+)" role="ShortForm"\/>/u.exec(r[1]!)?.[1];
        if (long && short) gold.push({ short, long });
      }
    }
    const pairs = gold.flatMap((g) => {
      const short = spans.get(g.short);
      const long = spans.get(g.long);
      return short && long ? [{ short, long }] : [];
    });
    docs.push({ id, runs, gold: pairs });
  }
  return docs;
}

/** Tokens back to text: no space before closing punctuation or after an opening bracket, none
 *  around a hyphen ("well - known" → "well-known"). The same text feeds both extractors. */
export function detokenize(tokens: readonly string[]): { text: string; starts: number[]; ends: number[] } {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const glue = i === 0 || /^[.,;:!?)\]}%]$/u.test(t) || t === '-' || prev === '-' || prev === '(' || prev === '[' || t === "'s";
    if (!glue) text += ' ';
    starts.push(text.length);
    text += t;
    ends.push(text.length);
  });
  return { text, starts, ends };
}

const spansOf = (labels: readonly string[], kind: 'short' | 'long'): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== `B-${kind}`) continue;
    let j = i + 1;
    while (labels[j] === `I-${kind}`) j++;
    out.push([i, j]);
    i = j - 1;
  }
  return out;
};

/** SDU labels every short form and every long form in a sentence, without linking them (its own
 *  scorer counts spans of each kind apart). A gold pair here is each long form with the short
 *  form nearest to it in the sentence (fewest tokens between, the later one on a tie), among
 *  those starting with the long form's first letter when there are any ("2D and 3D digital twin
 *  models (DTM)" pairs DTM); every sentence of the dev split that holds a long form also
 *  holds a short form. */
export function parseSdu(json: string): RealDoc[] {
  const rows = JSON.parse(json) as { id: string; tokens: string[]; labels: string[] }[];
  return rows.map((row) => {
    const { text, starts, ends } = detokenize(row.tokens);
    const piece = ([a, b]: [number, number]) => text.slice(starts[a]!, ends[b - 1]!);
    const shorts = spansOf(row.labels, 'short');
    const gold: Pair[] = [];
    for (const l of spansOf(row.labels, 'long')) {
      let best: [number, number] | undefined;
      let bestGap = Infinity;
      const initial = piece(l).match(/[\p{L}\p{N}]/u)?.[0]?.toLowerCase();
      const same = shorts.filter((s) => piece(s).match(/[\p{L}\p{N}]/u)?.[0]?.toLowerCase() === initial);
      for (const s of same.length ? same : shorts) {
        const gap = s[0] >= l[1] ? s[0] - l[1] : l[0] - s[1];
        if (gap < bestGap || (gap === bestGap && s[0] > (best?.[0] ?? -1))) [best, bestGap] = [s, gap];
      }
      if (best) gold.push({ short: piece(best), long: piece(l) });
    }
    return { id: row.id, runs: [{ text, kind: 'body' as const }], gold };
  });
}

export const REAL_SETS: RealSetSpec[] = [
  { name: 'MEDSTRACT', files: ['medstract_bioc_gold.xml'], load: (dir) => parseBioC(readFileSync(join(dir, 'medstract_bioc_gold.xml'), 'utf8')) },
  { name: 'Schwartz & Hearst', files: ['SH_bioc_gold.xml'], load: (dir) => parseBioC(readFileSync(join(dir, 'SH_bioc_gold.xml'), 'utf8')) },
  { name: 'SDU@AAAI-21 dev', files: ['sdu-aaai21-dev.json'], load: (dir) => parseSdu(readFileSync(join(dir, 'sdu-aaai21-dev.json'), 'utf8')) },
];

export interface HalfScore {
  docs: number;
  gold: number;
  ours: Counts;
  baseline: Counts;
  /** Per document, for the dev half only: what ours missed and took wrongly. */
  errors: { id: string; misses: string[]; falseHits: string[] }[];
  /** Milliseconds spent in findAcronymDefinitions (sentences already split). */
  ms: number;
}

export interface RealSetResult {
  name: string;
  halves: Record<Half, HalfScore>;
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

export function scoreDocs(docs: readonly RealDoc[], keepErrors: boolean): HalfScore {
  const out: HalfScore = { docs: docs.length, gold: 0, ours: ZERO, baseline: ZERO, errors: [], ms: 0 };
  for (const doc of docs) {
    const sentences = splitSentences(doc.runs);
    const t0 = performance.now();
    const ours = findAcronymDefinitions(sentences);
    out.ms += performance.now() - t0;
    const gold = uniquePairs(doc.gold);
    out.gold += gold.length;
    const o: FactKindScore = scoreAcronyms(ours, gold);
    const b = scoreAcronyms(
      sentences.flatMap((s) => schwartzHearst(s.text)),
      gold,
    );
    out.ours = addCounts(out.ours, o);
    out.baseline = addCounts(out.baseline, b);
    if (keepErrors && (o.misses.length || o.falseHits.length)) out.errors.push({ id: doc.id, misses: o.misses, falseHits: o.falseHits });
  }
  return out;
}

function uniquePairs(pairs: readonly Pair[]): Pair[] {
  const seen = new Set<string>();
  return pairs.filter((p) => {
    const k = `${p.short}\u0000${p.long.toLowerCase()}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Every set whose files are present, scored per half; `missing` names what was skipped. */
export function evaluateRealSets(): { results: RealSetResult[]; missing: string[]; dir?: string } {
  const dir = dataDir();
  if (!dir) return { results: [], missing: REAL_SETS.map((s) => s.name) };
  const acr = join(dir, 'acronyms');
  const results: RealSetResult[] = [];
  const missing: string[] = [];
  for (const spec of REAL_SETS) {
    if (!spec.files.every((f) => existsSync(join(acr, f)))) {
      missing.push(spec.name);
      continue;
    }
    const docs = spec.load(acr);
    results.push({
      name: spec.name,
      halves: {
        dev: scoreDocs(docs.filter((d) => halfOf(d.id) === 'dev'), true),
        sealed: scoreDocs(docs.filter((d) => halfOf(d.id) === 'sealed'), false),
      },
    });
  }
  return { results, missing, dir };
}
