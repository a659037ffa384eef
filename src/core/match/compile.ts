// Builds the scanning trie and the lookup tables the resolver uses per hit (folded surface →
// candidate forms), once per distinct entity list. The combined regex is built only when asked for.
import type { EntityType, PackEntity } from '../types';
import { foldKey, foldText } from './fold';
import { formsOf, type SurfaceForm } from './forms';
import { fullNameKeys } from './evidence';
import { PrefixSet } from './prefilter';
import { FormTrie } from './trie';
import { WordTrie } from './word-trie';

/** Transliterated names (people, places) are the ones pages print with or without accents
 *  ("Sŏn"/"Son"); vowel classes everywhere would make a big pack's regex slower to compile. */
const ACCENTED_TYPES: ReadonlySet<EntityType> = new Set(['person', 'place']);

export interface CompiledIndex {
  trie: WordTrie;
  /** Where a name may start (see prefilter.ts); null for a big pack, whose walk tries every position. */
  prefilter: RegExp | null;
  /** The combined regex source over the unfolded text (built on first call). */
  source: () => string;
  size: number;
  byKey: Map<string, SurfaceForm[]>;
  entities: Map<string, PackEntity>;
  fullKeys: (entityId: string) => ReadonlySet<string>;
}

export function buildIndex(entities: readonly PackEntity[]): CompiledIndex {
  const trie = new WordTrie();
  const prefixes = new PrefixSet();
  const inserted: [text: string, acronym: boolean, accents: boolean][] = [];
  const byKey = new Map<string, SurfaceForm[]>();
  const byId = new Map<string, PackEntity>();
  for (const entity of entities) {
    // The first entity with an id wins; a later duplicate cannot hijack its forms.
    if (byId.has(entity.id)) continue;
    byId.set(entity.id, entity);
    for (const form of formsOf(entity)) {
      const key = foldKey(form.text);
      if (!key) continue;
      const folded = foldText(form.text);
      trie.insert(folded, form.acronym);
      prefixes.add(folded);
      inserted.push([form.text, form.acronym, ACCENTED_TYPES.has(entity.type)]);
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
  let source: string | null = null;
  const regexSource = (): string => {
    if (source === null) {
      const forms = new FormTrie();
      for (const [text, acronym, accents] of inserted) forms.insert(text, acronym, accents);
      source = forms.source();
    }
    return source;
  };
  return { trie, prefilter: prefixes.regex(), source: regexSource, size: trie.size, byKey, entities: byId, fullKeys };
}
