// STUB — to be replaced by the real matcher (variants, trie regex, resolver).
import type { Hit, Mention, PackEntity, RunText } from '../types';

export interface MatchOptions {
  firstMentionOnly: boolean;
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

export function compileMatcher(entities: PackEntity[]): Matcher {
  const forms = entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
  const esc = forms.sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${esc.join('|') || '(?!)'})(?![\\p{L}\\p{N}])`, 'gu');
  (regex as unknown as { _entities: PackEntity[] })._entities = entities;
  return { regex, size: forms.length };
}

/** Runs the matcher over every run in document order and decides each hit. The i-th hit of a run
 *  is the i-th match of `matcher.regex` over that run's text (the highlighter relies on it). */
export function scanRuns(matcher: Matcher, runs: RunText[], _evidence: PageEvidence, _options: MatchOptions): Hit[][] {
  const entities = (matcher.regex as unknown as { _entities: PackEntity[] })._entities;
  return runs.map((run) => {
    const out: Hit[] = [];
    const re = new RegExp(matcher.regex.source, matcher.regex.flags);
    for (const m of run.text.matchAll(re)) {
      const e = entities.find((x) => x.name === m[0] || x.aliases?.includes(m[0]));
      out.push({ start: m.index, end: m.index + m[0].length, surface: m[0], entityId: e?.id ?? null, kind: 'full' });
    }
    return out;
  });
}

export function mentionsFromHits(hits: Hit[][]): Mention[] {
  return hits.flatMap((run, i) =>
    run.flatMap((h) => (h.entityId ? [{ entityId: h.entityId, run: i, start: h.start, end: h.end, surface: h.surface }] : [])),
  );
}
