// Several packs are served to the content script as one: their sources and entities side by side.
import type { Pack } from '../core/types';

export const EMPTY_PACK: Pack = { id: 'empty', version: 0, title: 'No pack', language: 'en', sources: [], entities: [] };

/** Merges packs in order; an entity id seen again is skipped so the first pack wins. */
export function mergePacks(packs: readonly Pack[]): Pack {
  const [first, ...rest] = packs;
  if (!first) return EMPTY_PACK;
  if (rest.length === 0) return first;
  const seenEntities = new Set<string>();
  const seenSources = new Set<string>();
  const merged: Pack = { ...first, id: packs.map((p) => p.id).join('+'), sources: [], entities: [] };
  for (const p of packs) {
    for (const s of p.sources) if (!seenSources.has(s.id)) (seenSources.add(s.id), merged.sources.push(s));
    for (const e of p.entities) if (!seenEntities.has(e.id)) (seenEntities.add(e.id), merged.entities.push(e));
  }
  return merged;
}
