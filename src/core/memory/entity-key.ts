// The key under which an entity met in an article is filed across articles: by the reading
// memory (background) and by the draft-pack builder (scripts). Both must merge the same way, so
// the rules live here once.
//
// - A pack entity is filed by its id: its names may change between pack versions, its id not.
// - A page-only entity is filed by its folded full name ("Choe Son-hui" ~ "Choe Son Hui").
// - A name of one word ("Kim", "Mr. Moon") is never a key: two different Kims would merge.
// - When a pack knows a page-only name (its name or a full alias), the name follows the pack id.
import type { PackEntity } from '../types';
import { foldName } from '../article/text';

/** `pack:<id>` or `name:<folded full name>`. */
export type EntityKey = string;

const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|prof|sir|dame|madam|mme|m)\s+/;

/** The folded full name a page-only entity is filed under, or null when the name alone cannot
 *  tell two people apart (a single word after dropping honorifics). */
export function nameKey(name: string): string | null {
  const f = foldName(name).replace(HONORIFIC, '');
  return f.includes(' ') ? f : null;
}

export function packKey(id: string): EntityKey {
  return `pack:${id}`;
}

/** Folded full names of pack entities → the one id that carries each. A name two entities carry
 *  maps to null: it decides nothing. Build once per pack. */
export type PackNameIndex = Map<string, string | null>;

export function indexPackNames(entities: readonly PackEntity[]): PackNameIndex {
  const index: PackNameIndex = new Map();
  for (const e of entities) {
    for (const n of new Set([e.name, ...(e.aliases ?? [])].map(nameKey))) {
      if (n === null) continue;
      const had = index.get(n);
      index.set(n, had === undefined || had === e.id ? e.id : null);
    }
  }
  return index;
}

/** Where an entity of an analysed page is filed: pack entities by id; page-only entities by their
 *  full name, or by the pack id when the pack knows that name; null when it cannot be filed
 *  without risking a wrong merge. */
export function entityKey(entity: { id: string; name: string; fromPack: boolean }, packNames: PackNameIndex): EntityKey | null {
  if (entity.fromPack) return packKey(entity.id);
  const n = nameKey(entity.name);
  if (n === null) return null;
  const id = packNames.get(n);
  return id ? packKey(id) : `name:${n}`;
}

/** Every key a pack entity's memory may sit under: its id, and the full names it carries (what
 *  was filed before the pack knew it). Names another entity shares are left out. */
export function keysOfPackEntity(entity: PackEntity, packNames: PackNameIndex): EntityKey[] {
  const keys = [packKey(entity.id)];
  for (const n of new Set([entity.name, ...(entity.aliases ?? [])].map(nameKey))) {
    if (n !== null && packNames.get(n) === entity.id) keys.push(`name:${n}`);
  }
  return keys;
}
