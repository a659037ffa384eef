// Matcher speed: compile time and matching cost at 100 / 1,000 / 10,000 synthetic entities over
// ~1 MB of text, against the scan-only baseline of `npm run bench` (one flat regex of the names).
// Run: node scripts/run-ts.mjs scripts/bench-match.ts
import { compileMatcher, scanRuns } from '../src/core/match/index';
import type { EntityType, PackEntity, RunText } from '../src/core/types';

const SYL = ['ka', 'ren', 'mo', 'sil', 'tu', 'bra', 'ne', 'vok', 'li', 'dan', 'pe', 'hor', 'qui', 'zel', 'ma', 'gor', 'fi', 'str', 'an', 'wel'];

/** mulberry32: small, seedable, good enough to make 10,000 distinct names. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function word(r: () => number, n = 2 + Math.floor(r() * 2)): string {
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(r() * SYL.length)];
  return w[0]!.toUpperCase() + w.slice(1);
}

function entities(count: number): PackEntity[] {
  const r = rng(42);
  const types: EntityType[] = ['person', 'place', 'organization', 'event', 'equipment', 'term'];
  const out: PackEntity[] = [];
  for (let i = 0; i < count; i++) {
    const type = types[i % types.length]!;
    const first = word(r);
    const last = word(r);
    const name = type === 'person' ? `${first} ${last}` : type === 'organization' ? `${first} ${last} Council` : `${first} ${last}`;
    const acronym = `${first[0]}${last[0]}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26) % 26)}`;
    out.push({
      id: `e${i}`,
      type,
      name,
      aliases: type === 'organization' ? [acronym] : [`${first}-${last.toLowerCase()}`],
      short: type === 'person' ? [last] : undefined,
      summary: '',
    });
  }
  return out;
}

/** ~1 MB of prose-like filler with a mention of some entity every ~350 characters. */
function text(ents: PackEntity[], bytes = 1_000_000): RunText[] {
  const r = rng(7);
  const runs: RunText[] = [];
  let size = 0;
  const filler = 'the talks stalled again as officials in both capitals traded statements about the proposed meeting and its timing';
  while (size < bytes) {
    let p = '';
    for (let s = 0; s < 6; s++) {
      const e = ents[Math.floor(r() * Math.min(ents.length, 100))]!;
      p += `${filler.slice(0, 150 + Math.floor(r() * 150))} ${e.name} said, and ${e.short?.[0] ?? e.name} later agreed. `;
    }
    // Flat, as a run's text joined from Text nodes is (a string built with += is a rope in V8).
    runs.push({ text: [...p].join(''), kind: 'body' });
    size += p.length;
  }
  return runs;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** CPU milliseconds of this process (user + system): steadier than wall time on a shared machine. */
function cpuMs(fn: () => void): number {
  const c = process.cpuUsage();
  fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

function time(fn: () => void, reps = 5): number {
  const t: number[] = [];
  for (let i = 0; i < reps; i++) t.push(cpuMs(fn));
  return median(t);
}

function execAll(re: RegExp, texts: string[]): number {
  let n = 0;
  for (const t of texts) {
    re.lastIndex = 0;
    while (re.exec(t)) n++;
  }
  return n;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const all = entities(10_000);
const runs = text(all);
const texts = runs.map((r) => r.text);
const bytes = texts.reduce((s, t) => s + t.length, 0);
console.log(`text: ${(bytes / 1e6).toFixed(2)} MB in ${runs.length} runs; times are CPU ms (median of 5, after a warm-up)`);
const results: string[] = [];
for (const n of [100, 1_000, 10_000]) {
  const ents = all.slice(0, n);
  // The scan-only baseline of `npm run bench`: one flat regex of the pack's literal names and aliases.
  const terms = [...new Set(ents.flatMap((e) => [e.name, ...(e.aliases ?? [])]))].sort((a, b) => b.length - a.length);
  const baseline = new RegExp(`\\b(?:${terms.map(escapeRe).join('|')})\\b`, 'g');
  execAll(baseline, texts);
  const baseMs = time(() => execAll(baseline, texts));
  // Cold: a fresh name defeats the matcher cache; the first scan of one run includes any lazy set-up.
  const fresh = [...ents, { id: 'fresh', type: 'term' as const, name: `Fresh ${n} ${Date.now()}`, summary: '' }];
  let m = compileMatcher(fresh);
  const coldMs = cpuMs(() => {
    m = compileMatcher([...fresh.slice(0, -1), { ...fresh.at(-1)!, name: `Fresh ${n} ${Date.now()}b` }]);
    scanRuns(m, runs.slice(0, 1), { definitions: [] }, { firstMentionOnly: false });
  });
  // As analyzeArticle and `matchOnly()` in the page bench: no page text (joined only if needed).
  const match = () => scanRuns(m, runs, { definitions: [] }, { firstMentionOnly: false });
  match();
  const matchMs = time(match);
  const hits = match().flat();
  const regexColdMs = cpuMs(() => execAll(new RegExp(m.regex.source, m.regex.flags), texts.slice(0, 1)));
  results.push(`${n}:${matchMs}`);
  console.log(
    `${String(n).padStart(6)} entities: baseline ${baseMs.toFixed(1)} ms; matching ${matchMs.toFixed(1)} ms = ${(matchMs / baseMs).toFixed(2)}× baseline ` +
      `(${hits.length} hits, ${hits.filter((h) => h.entityId).length} resolved, ${m.size} forms); cold compile + first scan ${coldMs.toFixed(0)} ms; ` +
      `naive combined regex (built on demand) ${regexColdMs.toFixed(0)} ms to build and first exec`,
  );
}
const at = (n: number) => Number(results.find((r) => r.startsWith(`${n}:`))!.split(':')[1]);
console.log(`matching at 10,000 / at 100: ${(at(10_000) / at(100)).toFixed(2)}×`);
