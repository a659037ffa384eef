// The matcher: one combined regex over every surface form of every entity, and a resolver that
// decides each of its matches (longest form, short names, acronym evidence, first mention).
import type { EntityType, Hit, Mention, PackEntity, RunText } from '../types';
import { EntityListCache } from './cache';
import { buildIndex, type CompiledIndex } from './compile';
import { SurfaceLookup } from './lookup';
import { PageResolver, namedInFull, type RawMatch } from './resolver';

export interface MatchOptions {
  firstMentionOnly: boolean;
  /** Entity types to highlight; mentions of other types are resolved but `hidden`. All when absent. */
  types?: readonly EntityType[];
}

/** Page-wide evidence the resolver may consult (computed before matching). */
export interface PageEvidence {
  /** All run texts joined with "\n". */
  text: string;
  /** Acronym definitions found in the text: short form → expansion. */
  definitions: { short: string; long: string }[];
}

export interface Matcher {
  /** One combined, global, case-sensitive, unicode regex over every surface form. Shared: users
   *  reset `lastIndex` before a scan and finish it synchronously. One object for the matcher's
   *  life, because V8 drops the compiled code of a regex nobody holds and recompiling a
   *  10,000-entity one costs 0.35–0.8 s. */
  regex: RegExp;
  /** Number of distinct surface forms compiled in. */
  size: number;
}

const FLAGS = 'gu';
const indexes = new WeakMap<Matcher, CompiledIndex>();
const byArray = new WeakMap<readonly PackEntity[], Matcher>();
/** Content-keyed: analyze builds a fresh array (pack + page entities) on every pass. */
const byContent = new EntityListCache<Matcher>(8);

/** Compiles (or reuses) the matcher for these entities. Entity arrays are treated as immutable: the
 *  same array, or an array with the same content, gets the same Matcher back. */
export function compileMatcher(entities: PackEntity[]): Matcher {
  const same = byArray.get(entities);
  if (same) return same;
  const matcher = byContent.get(entities, () => {
    const index = buildIndex(entities);
    const made: Matcher = { regex: new RegExp(index.source, FLAGS), size: index.size };
    indexes.set(made, index);
    return made;
  });
  byArray.set(entities, matcher);
  return matcher;
}

/** Runs the matcher over every run in document order and decides each hit. The i-th hit of a run
 *  is the i-th match of `matcher.regex` over that run's text (the highlighter relies on it). */
export function scanRuns(matcher: Matcher, runs: RunText[], evidence: PageEvidence, options: MatchOptions): Hit[][] {
  const index = indexes.get(matcher);
  if (!index) throw new Error('scanRuns: this matcher was not made by compileMatcher');
  const re = matcher.regex;
  const lookup = new SurfaceLookup(index);
  const raw: RawMatch[][] = runs.map((run) => {
    const out: RawMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(run.text); m; m = re.exec(run.text)) {
      const surface = m[0];
      out.push({ start: m.index, end: m.index + surface.length, surface, key: lookup.key(surface) });
    }
    return out;
  });
  re.lastIndex = 0;
  const resolver = new PageResolver(index, evidence, options, namedInFull(index, runs, raw, lookup), lookup);
  return raw.map((list, i) => list.map((m) => resolver.resolve(runs[i]!, m)));
}

/** Every resolved hit, hidden ones included (they count and stay reachable from the card). */
export function mentionsFromHits(hits: Hit[][]): Mention[] {
  return hits.flatMap((run, i) =>
    run.flatMap((h) => (h.entityId ? [{ entityId: h.entityId, run: i, start: h.start, end: h.end, surface: h.surface }] : [])),
  );
}
