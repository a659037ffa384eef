// The matcher: a trie over every folded surface form of every entity, walked where a name may
// start in the page text (scan.ts), and a resolver that decides each match (longest form, short names,
// acronym evidence, first mention).
import type { EntityType, Hit, Mention, PackEntity, RunText } from '../types';
import { EntityListCache } from './cache';
import { buildIndex, extendIndex, type CompiledIndex } from './compile';
import { SurfaceLookup } from './lookup';
import { PageResolver, namedInFull, type RawMatch } from './resolver';
import { findMatches } from './scan';

export interface MatchOptions {
  firstMentionOnly: boolean;
  /** Entity types to highlight; mentions of other types are resolved but `hidden`. All when absent. */
  types?: readonly EntityType[];
}

/** Page-wide evidence the resolver may consult. */
export interface PageEvidence {
  /** All run texts joined with "\n"; when absent, joined from the runs if the resolver needs it. */
  text?: string;
  /** Acronym definitions found in the text: short form → expansion. */
  definitions: { short: string; long: string }[];
}

export interface Matcher {
  /** One combined, global, case-sensitive, unicode regex over every surface form, for naive
   *  comparisons: `scanRuns` does not use it, and it is built (0.3–0.8 s at 10,000 entities with
   *  its first exec) only when first read. Shared: users reset `lastIndex` before a scan. */
  readonly regex: RegExp;
  /** Number of distinct surface forms compiled in. */
  size: number;
}

const FLAGS = 'gu';
const indexes = new WeakMap<Matcher, CompiledIndex>();
/** One per index, kept across scans: what a surface stands for does not depend on the page. */
const lookups = new WeakMap<CompiledIndex, SurfaceLookup>();
const byArray = new WeakMap<readonly PackEntity[], Matcher>();
/** Content-keyed: analyze builds a fresh array (pack + page entities) on every pass. */
const byContent = new EntityListCache<Matcher>(8);

/** Compiles (or reuses) the matcher for these entities. Entity arrays are treated as immutable: the
 *  same array, or an array with the same content, gets the same Matcher back. */
export function compileMatcher(entities: PackEntity[]): Matcher {
  const same = byArray.get(entities);
  if (same) return same;
  const matcher = byContent.get(entities, () => made(buildIndex(entities)));
  byArray.set(entities, matcher);
  return matcher;
}

/** The matcher of `base` (a pack, compiled once) plus `extra` (one page's own names): the same
 *  matcher `compileMatcher([...base, ...extra])` gives, built on top of the pack's. */
export function compileMatcherWith(base: PackEntity[], extra: PackEntity[]): Matcher {
  const packMatcher = compileMatcher(base);
  if (extra.length === 0) return packMatcher;
  return byContent.get([...base, ...extra], () => made(extendIndex(indexes.get(packMatcher)!, extra)));
}

function made(index: CompiledIndex): Matcher {
  let regex: RegExp | null = null;
  const matcher: Matcher = {
    get regex() {
      return (regex ??= new RegExp(index.source(), FLAGS));
    },
    size: index.size,
  };
  indexes.set(matcher, index);
  return matcher;
}

/** Raw matches per run (kind and text) for one matcher: a page that grows is scanned only where
 *  it is new. The resolver's decisions still cover the whole page each time. */
export type ScanMemo = Map<string, RawMatch[]>;

/** Finds and decides every mention in the runs, in document order. At each position where a name
 *  may start (not after a letter, digit or mark), the longest form ending on a word boundary
 *  whose case fits (see `caseAllowed`) is the match; the scan resumes after it. */
export function scanRuns(matcher: Matcher, runs: RunText[], evidence: PageEvidence, options: MatchOptions, memo?: ScanMemo): Hit[][] {
  const index = indexes.get(matcher);
  if (!index) throw new Error('scanRuns: this matcher was not made by compileMatcher');
  let lookup = lookups.get(index);
  if (!lookup) lookups.set(index, (lookup = new SurfaceLookup(index)));
  const raw = runs.map((run) => {
    if (!memo) return findMatches(index, lookup!, run);
    const key = `${run.kind}\u0000${run.text}`;
    let found = memo.get(key);
    if (!found) memo.set(key, (found = findMatches(index, lookup!, run)));
    return found;
  });
  const text = evidence.text ?? (() => runs.map((r) => r.text).join('\n'));
  const resolver = new PageResolver(index, { text, definitions: evidence.definitions }, options, namedInFull(index, runs, raw, lookup), lookup);
  return raw.map((list, i) => list.map((m) => resolver.resolve(runs[i]!, m)));
}

/** Every resolved hit, hidden ones included (they count and stay reachable from the card). */
export function mentionsFromHits(hits: Hit[][]): Mention[] {
  return hits.flatMap((run, i) =>
    run.flatMap((h) => (h.entityId ? [{ entityId: h.entityId, run: i, start: h.start, end: h.end, surface: h.surface }] : [])),
  );
}
