// Builds the combined regex and the lookup tables the resolver uses per hit (folded surface →
// candidate forms), once per distinct entity list.
import type { EntityType, PackEntity } from '../types';
import { foldKey } from './fold';
import { formsOf, type SurfaceForm } from './forms';
import { fullNameKeys } from './evidence';
import { FormTrie } from './trie';

/** Transliterated names (people, places) are the ones pages print with or without accents
 *  ("Sŏn"/"Son"); vowel classes everywhere would make a big pack's regex slower to compile. */
const ACCENTED_TYPES: ReadonlySet<EntityType> = new Set(['person', 'place']);

export interface CompiledIndex {
  source: string;
  size: number;
  byKey: Map<string, SurfaceForm[]>;
  entities: Map<string, PackEntity>;
  fullKeys: (entityId: string) => ReadonlySet<string>;
}

export function buildIndex(entities: readonly PackEntity[]): CompiledIndex {
  const trie = new FormTrie();
  const byKey = new Map<string, SurfaceForm[]>();
  const byId = new Map<string, PackEntity>();
  for (const entity of entities) {
    // The first entity with an id wins; a later duplicate cannot hijack its forms.
    if (byId.has(entity.id)) continue;
    byId.set(entity.id, entity);
    for (const form of formsOf(entity)) {
      const key = foldKey(form.text);
      if (!key) continue;
      trie.insert(form.text, form.acronym, ACCENTED_TYPES.has(entity.type));
      const list = byKey.get(key);
      if (list) list.push(form);
      else byKey.set(key, [form]);
    }
  }
  const fullKeyCache = new Map<string, Set<string>>();
  const fullKeys = (id: string): ReadonlySet<string> => {
    let keys = fullKeyCache.get(id);
    if (!keys) {
      const e = byId.get(id);
      keys = e ? fullNameKeys(e) : new Set();
      fullKeyCache.set(id, keys);
    }
    return keys;
  };
  return { source: trie.source(), size: trie.size, byKey, entities: byId, fullKeys };
}
