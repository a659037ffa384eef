// The names dev set in `npm run eval`: CoNLL-2003 dev (Reuters 1996, CoNLL++ corrections), read
// from the shared data folder when it is there, run through the shipped analyzeArticle with every
// bundled pack merged as the worker merges them, and through compromise beside it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeArticle } from '../../../src/core/analyze';
import { findAcronymDefinitions, findPageEntities, splitSentences } from '../../../src/core/article/index';
import { recognizeNames } from '../../../src/core/recognize/index';
import type { Pack } from '../../../src/core/types';
import { bundledPack } from './bundled-pack';
import { EVAL_DIR } from './corpus';
import { compromiseSpans } from './names-compromise';
import { parseConll } from './names-conll';
import { emptyScore, ratio, scoreDoc, SCORED_TYPES, typeName, type NamesScore, type Span } from './names-score';

export { bundledPack };

const FILE = 'names/conllpp-dev.txt';

/** The data folder: $BACKSTORY_DATA, else ../shared/data beside the repo (or beside the worktrees). */
export function namesDevPath(): string | undefined {
  const root = resolve(EVAL_DIR, '../..');
  const candidates = [process.env.BACKSTORY_DATA, resolve(root, '../shared/data'), resolve(root, '../../shared/data')];
  for (const dir of candidates) if (dir && existsSync(join(dir, FILE))) return join(dir, FILE);
  return undefined;
}


export interface NamesResult {
  ours: NamesScore;
  compromise: NamesScore;
  /** Documents in the file and those scored (prose). */
  documents: number;
  prose: number;
  /** Milliseconds of analyzeArticle over the scored documents, and of recognizeNames alone (a first and a second pass). */
  oursMs: number;
  recognizeMs: number[];
  /** Characters of text in the scored documents. */
  chars: number;
}

export function evaluateNames(path: string, pack: Pack = bundledPack(), withCompromise = true): NamesResult {
  const docs = parseConll(readFileSync(path, 'utf8'));
  const prose = docs.filter((d) => d.prose);
  const ours = emptyScore();
  const compromise = emptyScore();
  let oursMs = 0;
  // The pack's index is built once per pack (the worker keeps it): not per page.
  recognizeNames({ sentences: [], runKinds: [], pack: pack.entities, found: [] });
  // Recognition alone, twice over the set: the first pass pays for compiling the code and its
  // regexes (a fresh worker), the second is a warm worker's steady cost.
  const prepared = prose.map((doc) => {
    const sentences = splitSentences(doc.runs);
    return { sentences, runKinds: doc.runs.map((r) => r.kind), found: findPageEntities(sentences, findAcronymDefinitions(sentences), pack.entities) };
  });
  const chars = prose.reduce((n, d) => n + d.runs.reduce((m, r) => m + r.text.length, 0), 0);
  const recognizeMs: number[] = [];
  for (let pass = 0; pass < 2; pass++) {
    const r0 = performance.now();
    for (const p of prepared) recognizeNames({ ...p, pack: pack.entities });
    recognizeMs.push(performance.now() - r0);
  }
  for (const doc of prose) {
    const t0 = performance.now();
    const analysis = analyzeArticle(doc.runs, pack, { firstMentionOnly: false });
    oursMs += performance.now() - t0;
    const spans: Span[] = analysis.mentions.map((m) => ({ run: m.run, start: m.start, end: m.end }));
    scoreDoc(doc, spans, ours);
    if (withCompromise) scoreDoc(doc, compromiseSpans(doc.runs), compromise);
  }
  return { ours, compromise, documents: docs.length, prose: prose.length, oursMs, recognizeMs, chars };
}

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

export function printNames(r: NamesResult, verbose: boolean): void {
  console.log(`\n=== names dev set (CoNLL-2003 dev, CoNLL++; ${r.prose} prose documents of ${r.documents}) ===`);
  console.log('A gold mention counts as found when one highlight covers all of it; headline and dateline are not scored;');
  console.log('a highlight is right when it overlaps a gold name of any type (MISC included).');
  console.log(`\n                 ours     compromise`);
  for (const t of SCORED_TYPES) {
    console.log(`  ${typeName(t).padEnd(14)} ${pct(ratio(r.ours.mentions[t]))}   ${pct(ratio(r.compromise.mentions[t]))}   (${r.ours.mentions[t].total} mentions)`);
  }
  console.log(`  ${'all mentions'.padEnd(14)} ${pct(ratio(r.ours.mentions.ALL))}   ${pct(ratio(r.compromise.mentions.ALL))}   (${r.ours.mentions.ALL.total})`);
  console.log(`  ${'entities'.padEnd(14)} ${pct(ratio(r.ours.entities))}   ${pct(ratio(r.compromise.entities))}   (${r.ours.entities.total})`);
  const p = (s: NamesScore) => pct(s.highlights.total ? s.highlights.right / s.highlights.total : 1);
  console.log(`  ${'precision'.padEnd(14)} ${p(r.ours)}   ${p(r.compromise)}   (${r.ours.highlights.total} vs ${r.compromise.highlights.total} highlights)`);
  const per100 = (ms: number) => ((ms * 100_000) / r.chars).toFixed(1);
  console.log(`  recognition: ${per100(r.recognizeMs[1] ?? 0)} ms per 100 KB of text warm, ${per100(r.recognizeMs[0] ?? 0)} ms on a first pass (wall time over ${(r.chars / 1000).toFixed(0)} KB; budget 30 ms)`);
  if (!verbose) return;
  console.log(`\nnames: missed by ours (${r.ours.missed.length})`);
  for (const m of r.ours.missed) console.log(`  ${m.doc} ${m.gold.type} ${m.context}`);
  console.log(`\nnames: wrong highlights by ours (${r.ours.wrong.length})`);
  for (const w of r.ours.wrong) console.log(`  ${w.doc} ${w.context}`);
}
