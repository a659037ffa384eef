// Matcher speed: compile time and scan cost at 100 / 1,000 / 10,000 synthetic entities over ~1 MB
// of text, against a scan-only baseline (one plain regex of 100 literals).
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
    runs.push({ text: p, kind: 'body' });
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

function execAll(re: RegExp, runs: RunText[]): number {
  let n = 0;
  for (const run of runs) {
    re.lastIndex = 0;
    while (re.exec(run.text)) n++;
  }
  return n;
}

const all = entities(10_000);
const runs = text(all);
const bytes = runs.reduce((s, r) => s + r.text.length, 0);
const literals = all.slice(0, 100).map((e) => e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const baseline = new RegExp(`(?<![\\p{L}\\p{N}])(?:${literals.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const baseMs = time(() => execAll(baseline, runs));
console.log(`text: ${(bytes / 1e6).toFixed(2)} MB in ${runs.length} runs; times are CPU ms (median of 5 scans)`);
console.log(`baseline (plain regex, 100 literals): scan ${baseMs.toFixed(1)} ms, ${execAll(baseline, runs)} matches`);
for (const n of [100, 1_000, 10_000]) {
  const ents = all.slice(0, n);
  let m = compileMatcher([...ents]);
  // Compile = building the trie and source + V8 compiling the regex on its first real scan.
  const compileMs = cpuMs(() => {
    // A fresh name defeats both the matcher cache and V8's regex cache (same source, same code).
    m = compileMatcher([...ents, { id: 'fresh', type: 'term', name: `Fresh ${n} ${Date.now()}`, summary: '' }]);
    execAll(new RegExp(m.regex.source, m.regex.flags), runs.slice(0, 1));
  });
  const scanMs = time(() => execAll(new RegExp(m.regex.source, m.regex.flags), runs));
  const evidence = { text: runs.map((r) => r.text).join('\n'), definitions: [] };
  const resolveMs = time(() => scanRuns(m, runs, evidence, { firstMentionOnly: false }));
  const hits = scanRuns(m, runs, evidence, { firstMentionOnly: false }).flat();
  console.log(
    `${String(n).padStart(6)} entities: compile ${compileMs.toFixed(0)} ms (${m.size} forms, ${(m.regex.source.length / 1024).toFixed(0)} KB source), ` +
      `regex scan ${scanMs.toFixed(1)} ms (${(scanMs / baseMs).toFixed(2)}× baseline), scanRuns (scan + resolve) ${resolveMs.toFixed(1)} ms, ` +
      `${hits.length} hits, ${hits.filter((h) => h.entityId).length} resolved`,
  );
}
