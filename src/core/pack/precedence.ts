// "The more specific pack wins": which of several packs gets a name they all know.
//
// Packs are ranked, most specific first: the reader's imports (newest first), then the hand-written
// regional packs bundled with Backstory, then the packs built from world-wide open data, in
// `WORLD_PACK_ORDER`. When entities of the same type in two packs carry the same name or alias, the
// name stays with the higher-ranked pack's entity: the lower one loses it, and when that was its
// display name (the thing itself, the Factbook's Kim Jong Un beside the Korean pack's) it is
// dropped whole, as an entity with the same id would be. Without this, the matcher would see one
// name carried by two entities and highlight it only with evidence for exactly one, so adding a
// world pack would silence names a specific pack used to highlight.
//
// What stays as before: entities of different types (a city and a person called alike) and
// entities within one pack (two Springfields) that share a name are all kept, and the matcher's
// rule for shared names decides on the page.
import { foldKey } from '../match/fold';
import type { Pack, PackEntity } from '../types';

/** The bundled packs built from world-wide data (scripts/pack/), most specific first: a national
 *  roster over the world's current leaders, those over 2021's, people over organizations and
 *  places. A bundled pack not listed here is hand-written for a region or topic and ranks above
 *  all of them. */
export const WORLD_PACK_ORDER: readonly string[] = ['us-congress', 'world-countries', 'world-leaders-2021', 'world-organizations', 'world-cities'];

/** Bundled packs in rank order: hand-written ones first (in the order given), then the world packs. */
export function rankBundled<T extends Pick<Pack, 'id'>>(packs: readonly T[]): T[] {
  const rank = (p: T) => {
    const i = WORLD_PACK_ORDER.indexOf(p.id);
    return i < 0 ? -1 : i;
  };
  // Array.prototype.sort is stable: hand-written packs keep their order among themselves.
  return [...packs].sort((a, b) => rank(a) - rank(b));
}

/** One spelling of a name as the matcher compares them: case, accents, hyphens, apostrophes and a
 *  leading "the" aside ("the Workers' Party" ~ "Workers Party"). */
function nameKey(type: string, name: string): string {
  return `${type}\u0000${foldKey(name).replace(/'/g, '').replace(/^the /, '')}`;
}

function fullNames(e: PackEntity): string[] {
  return [e.name, ...(e.aliases ?? []), ...(e.ambiguous ?? [])];
}

/** `e` without the names a higher-ranked pack holds, or null when its display name is one of them. */
function yielded(e: PackEntity, taken: ReadonlySet<string>): PackEntity | null {
  if (taken.has(nameKey(e.type, e.name))) return null;
  const keep = (list: string[] | undefined) => list?.filter((n) => !taken.has(nameKey(e.type, n)));
  const aliases = keep(e.aliases);
  const ambiguous = keep(e.ambiguous);
  if (aliases?.length === e.aliases?.length && ambiguous?.length === e.ambiguous?.length) return e;
  const out: PackEntity = { ...e };
  if (aliases) out.aliases = aliases;
  if (ambiguous) out.ambiguous = ambiguous;
  return out;
}

/**
 * `packs` (highest rank first) with each pack's entities yielding the names that a higher-ranked
 * pack's entity of the same type already carries. A pack nothing was taken from is returned as it
 * was (same object), so the matcher's cache of the first pack stays warm.
 */
export function applyPrecedence(packs: readonly Pack[]): Pack[] {
  if (packs.length < 2) return [...packs];
  const taken = new Set<string>();
  return packs.map((pack, i) => {
    let changed = false;
    const entities: PackEntity[] = [];
    for (const e of pack.entities) {
      const kept = i === 0 ? e : yielded(e, taken);
      if (kept !== e) changed = true;
      if (kept) entities.push(kept);
    }
    // Registered after the whole pack: names shared inside one pack stay for the matcher to decide.
    for (const e of entities) for (const n of fullNames(e)) taken.add(nameKey(e.type, n));
    return changed ? { ...pack, entities } : pack;
  });
}
