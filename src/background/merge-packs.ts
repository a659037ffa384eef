// Several packs are used as one in the worker's analysis: their sources and entities side by side.
import { applyPrecedence } from '../core/pack/precedence';
import type { Pack, PackEntity, PackSource } from '../core/types';

export const EMPTY_PACK: Pack = { id: 'empty', version: 0, title: 'No pack', language: 'en', sources: [], entities: [] };

function sameSource(a: PackSource, b: PackSource): boolean {
  return a.title === b.title && a.publisher === b.publisher && a.url === b.url && a.date === b.date;
}

/**
 * Merges packs in order; an entity id seen again is skipped so the first pack wins (callers put
 * the pack that should win first), and a name two packs' entities of one type carry goes to the
 * first pack's (src/core/pack/precedence.ts: the more specific pack wins). Source ids are only unique within one pack, so a later pack's
 * source that reuses an id for a different source is served under a new id, and that pack's facts
 * are pointed at it: every fact keeps citing the source its own pack meant.
 */
export function mergePacks(ranked: readonly Pack[]): Pack {
  const packs = applyPrecedence(ranked);
  const [first, ...rest] = packs;
  if (!first) return EMPTY_PACK;
  if (rest.length === 0) return first;
  const seenEntities = new Set<string>();
  const sources = new Map<string, PackSource>();
  const merged: Pack = { ...first, id: packs.map((p) => p.id).join('+'), sources: [], entities: [] };
  for (const p of packs) {
    // This pack's source id → the id it is served under (added when a kept fact cites it).
    const renamed = new Map<string, PackSource>();
    for (const s of p.sources) {
      const taken = sources.get(s.id);
      if (!taken) (sources.set(s.id, s), merged.sources.push(s));
      else if (!sameSource(taken, s)) renamed.set(s.id, { ...s, id: `${p.id}--${s.id}` });
    }
    for (const e of p.entities) {
      if (seenEntities.has(e.id)) continue;
      seenEntities.add(e.id);
      merged.entities.push(renamed.size ? repoint(e, renamed, sources, merged) : e);
    }
  }
  return merged;
}

function repoint(e: PackEntity, renamed: Map<string, PackSource>, sources: Map<string, PackSource>, merged: Pack): PackEntity {
  if (!e.facts?.some((f) => renamed.has(f.source))) return e;
  return {
    ...e,
    facts: e.facts.map((f) => {
      const to = renamed.get(f.source);
      if (!to) return f;
      if (!sources.has(to.id)) (sources.set(to.id, to), merged.sources.push(to));
      return { ...f, source: to.id };
    }),
  };
}
