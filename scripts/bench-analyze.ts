// The pure analysis in Node, step by step, on the bench's generated page (jsdom for the runs) with
// every bundled pack (merged as the worker serves them) plus synthetic entities. Prints CPU ms per step (median of
// reps) and a digest of the whole analysis, so two trees can be compared for speed and for
// identical output. Run: node scripts/run-ts.mjs scripts/bench-analyze.ts [--chars 1600000] [--pack 10000] [--reps 5]
import { createHash } from 'node:crypto';
// @ts-expect-error -- the project has no @types/jsdom; only the constructor and its window are used.
import { JSDOM } from 'jsdom';
import { generatePage } from './bench/article';
import { syntheticEntities } from './bench/names';
import { findArticleRoot } from '../src/content/article-root';
import { collectRuns } from '../src/content/runs';
import { analyzeArticle } from '../src/core/analyze';
import { extractFacts, findAcronymDefinitions, findPageEntities, splitSentences } from '../src/core/article/index';
import { buildCards } from '../src/core/card/build';
import { recognizeNames } from '../src/core/recognize/index';
import { compileMatcher, mentionsFromHits, scanRuns } from '../src/core/match/index';
import { bundledPack } from '../tests/eval/lib/bundled-pack';
import type { Pack } from '../src/core/types';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) || fallback : fallback;
};
const chars = arg('--chars', 1_600_000);
const packSize = arg('--pack', 10_000);
const reps = arg('--reps', 5);

// Every bundled pack, merged as the worker serves them (the world packs included), then
// synthetic entities up to --pack.
const bundled = bundledPack();
const synthetic = syntheticEntities(Math.max(0, packSize - bundled.entities.length));
const pack: Pack = { ...bundled, entities: [...bundled.entities, ...synthetic] };
// 100 names spread over the bundled packs (the page names them at news density).
const step = Math.max(1, Math.floor(bundled.entities.length / 100));
const named = [...bundled.entities.filter((_e, i) => i % step === 0).slice(0, 100), ...synthetic.slice(0, Math.max(0, 100 - bundled.entities.length))];
const page = generatePage({ chars, entities: named, title: 'Talks stall again as envoys trade blame (Node bench page)' });
const dom = new JSDOM(page.html);
const doc = dom.window.document;
// The content modules use DOM globals, as in the browser.
for (const name of ['Element', 'Node', 'Text', 'NodeFilter', 'HTMLElement', 'Document'] as const) Object.assign(globalThis, { [name]: dom.window[name] });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const times: Record<string, number[]> = {};
const lap = <T>(name: string, fn: () => T): T => {
  // CPU time of this process: steadier than wall time on a machine shared with other work.
  const c = process.cpuUsage();
  const out = fn();
  const d = process.cpuUsage(c);
  (times[name] ??= []).push((d.user + d.system) / 1000);
  return out;
};

const article = findArticleRoot(doc);
const runs = collectRuns(article).map(({ text, kind }) => ({ text, kind }));
const opts = { firstMentionOnly: false, pageDate: '2019-09-05' };
// The first analysis compiles the matcher (not what this measures: bench-match.ts does).
const first = analyzeArticle(runs, pack, opts);

for (let i = 0; i < reps; i++) {
  lap('findArticleRoot (jsdom)', () => findArticleRoot(doc));
  const sentences = lap('splitSentences', () => splitSentences(runs));
  const definitions = lap('findAcronymDefinitions', () => findAcronymDefinitions(sentences));
  const defined = lap('findPageEntities', () => findPageEntities(sentences, definitions, pack.entities));
  const recognized = lap('recognizeNames', () => recognizeNames({ sentences, runKinds: runs.map((r) => r.kind), pack: pack.entities, found: defined }));
  const pageEntities = [...defined, ...recognized];
  const entities = [...pack.entities, ...pageEntities];
  const matcher = lap('compileMatcher (cached, new array)', () => compileMatcher(entities));
  const evidence = { text: runs.map((r) => r.text).join('\n'), definitions: definitions.map(({ short, long }) => ({ short, long })) };
  const hits = lap('scanRuns', () => scanRuns(matcher, runs, evidence, opts));
  const mentions = mentionsFromHits(hits);
  const facts = lap('extractFacts', () => extractFacts(sentences, mentions, entities, definitions, { pageDate: opts.pageDate, runKinds: runs.map((r) => r.kind) }));
  lap('buildCards', () =>
    buildCards({ entities, pageEntityIds: new Set(pageEntities.map((e) => e.id)), sources: pack.sources, mentions, sentences, facts, runKinds: runs.map((r) => r.kind) }),
  );
  lap('analyzeArticle (whole)', () => analyzeArticle(runs, pack, opts));
}

const { matcher: _m, ...rest } = first;
const digest = createHash('sha256').update(JSON.stringify(rest)).digest('hex').slice(0, 16);
console.log(`page ${(chars / 1e6).toFixed(1)} M chars, ${runs.length} runs, pack ${pack.entities.length} entities, ${first.mentions.length} mentions, ${first.cards.length} cards; median of ${reps}`);
for (const [name, xs] of Object.entries(times)) console.log(`${name.padEnd(36)} ${median(xs).toFixed(1).padStart(8)} ms`);
const textChars = runs.reduce((n, r) => n + r.text.length, 0);
console.log(`recognizeNames per 100 KB of text       ${((median(times.recognizeNames!) * 100_000) / textChars).toFixed(1).padStart(8)} ms (budget 30 ms)`);
console.log(`analysis digest ${digest}`);
