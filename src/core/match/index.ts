// The matcher: one combined regex over every surface form of every entity, and a resolver that
// decides each of its matches (longest form, short names, acronym evidence, first mention).
import type { EntityType, Hit, Mention, PackEntity, RunText } from '../types';
import { buildIndex, type CompiledIndex } from './compile';
import { foldKey } from './fold';
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
  /** One combined, global, case-sensitive, unicode regex over every surface form. */
  regex: RegExp;
  /** Number of distinct surface forms compiled in. */
  size: number;
}

const FLAGS = 'gu';
const indexes = new WeakMap<Matcher, CompiledIndex>();
const byArray = new WeakMap<readonly PackEntity[], Matcher>();
/** Content-keyed: analyze builds a fresh array (pack + page entities) on every pass. */
const byContent = new Map<string, Matcher>();
const CONTENT_CACHE_SIZE = 8;

/** Compiles (or reuses) the matcher for these entities. Entity arrays are treated as immutable: the
 *  same array, or an array with the same content, gets the same Matcher back. */
export function compileMatcher(entities: PackEntity[]): Matcher {
  const same = byArray.get(entities);
  if (same) return same;
  const key = contentKey(entities);
  let matcher = byContent.get(key);
  if (matcher) {
    byContent.delete(key); // re-insert: most recently used last
  } else {
    const index = buildIndex(entities);
    matcher = { regex: new RegExp(index.source, FLAGS), size: index.size };
    indexes.set(matcher, index);
  }
  byContent.set(key, matcher);
  while (byContent.size > CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
  byArray.set(entities, matcher);
  return matcher;
}

function contentKey(entities: readonly PackEntity[]): string {
  return JSON.stringify(entities.map((e) => [e.id, e.type, e.name, e.aliases, e.short, e.ambiguous, e.context]));
}

/** Runs the matcher over every run in document order and decides each hit. The i-th hit of a run
 *  is the i-th match of `matcher.regex` over that run's text (the highlighter relies on it). */
export function scanRuns(matcher: Matcher, runs: RunText[], evidence: PageEvidence, options: MatchOptions): Hit[][] {
  const index = indexes.get(matcher);
  if (!index) throw new Error('scanRuns: this matcher was not made by compileMatcher');
  const re = new RegExp(matcher.regex.source, matcher.regex.flags);
  const raw: RawMatch[][] = runs.map((run) => {
    const out: RawMatch[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(run.text); m; m = re.exec(run.text)) {
      const surface = m[0];
      out.push({ start: m.index, end: m.index + surface.length, surface, key: foldKey(surface) });
    }
    return out;
  });
  const resolver = new PageResolver(index, evidence, options, namedInFull(index, runs, raw));
  return raw.map((list, i) => list.map((m) => resolver.resolve(runs[i]!, m)));
}

/** Every resolved hit, hidden ones included (they count and stay reachable from the card). */
export function mentionsFromHits(hits: Hit[][]): Mention[] {
  return hits.flatMap((run, i) =>
    run.flatMap((h) => (h.entityId ? [{ entityId: h.entityId, run: i, start: h.start, end: h.end, surface: h.surface }] : [])),
  );
}
