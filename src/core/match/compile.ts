// Builds the scanning trie and the lookup tables the resolver uses per hit (folded surface →
// candidate forms), once per distinct entity list. The combined regex is built only when asked for.
import type { EntityType, PackEntity } from '../types';
import { foldKey, foldText, stripDiacritics } from './fold';
import { formsOf, type SurfaceForm } from './forms';
import { fullNameKeys } from './evidence';
import { LOWER, PrefixSet, UPPER } from './prefilter';
import { FormTrie } from './trie';
import { WordTrie } from './word-trie';

/** Transliterated names (people, places) are the ones pages print with or without accents
 *  ("Sŏn"/"Son"); vowel classes everywhere would make a big pack's regex slower to compile. */
const ACCENTED_TYPES: ReadonlySet<EntityType> = new Set(['person', 'place']);

/** The cases a page may print the first letter of `text` in (see `caseAllowed`): an acronym's
 *  as written; a name's capital stays capital, a lower-case term may gain one. */
function firstCases(text: string, acronym: boolean): number {
  const first = stripDiacritics(text.charAt(0)).charAt(0);
  const upper = first >= 'A' && first <= 'Z';
  if (!upper && !(first >= 'a' && first <= 'z')) return LOWER | UPPER;
  if (acronym) return upper ? UPPER : LOWER;
  return upper ? UPPER : LOWER | UPPER;
}

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
  /** What `extendIndex` needs to add entities without starting over. */
  forms: { folded: string[]; inserted: [text: string, acronym: boolean, accents: boolean][] };
}

export function buildIndex(entities: readonly PackEntity[]): CompiledIndex {
  return assemble(new WordTrie(), new Map(), new Map(), { folded: [], inserted: [] }, entities, true);
}

/** The index of `base`'s entities followed by `extra` (a page's own acronyms and titled names),
 *  as `buildIndex` would make it, without building the pack's part again: at 10,000 entities that
 *  took a few hundred milliseconds per page. `base` is left as it was. */
export function extendIndex(base: CompiledIndex, extra: readonly PackEntity[]): CompiledIndex {
  const byKey = new Map(base.byKey);
  // A prefilter that was too big for the pack stays too big with more names.
  return assemble(base.trie.clone(), byKey, new Map(base.entities), { folded: [...base.forms.folded], inserted: [...base.forms.inserted] }, extra, base.prefilter !== null, base.byKey);
}

function assemble(
  trie: WordTrie,
  byKey: Map<string, SurfaceForm[]>,
  byId: Map<string, PackEntity>,
  forms: CompiledIndex['forms'],
  entities: readonly PackEntity[],
  prefilter: boolean,
  /** Lists shared with another index: copied before they change. */
  shared?: ReadonlyMap<string, SurfaceForm[]>,
): CompiledIndex {
  for (const entity of entities) {
    // The first entity with an id wins; a later duplicate cannot hijack its forms.
    if (byId.has(entity.id)) continue;
    byId.set(entity.id, entity);
    for (const form of formsOf(entity)) {
      const key = foldKey(form.text);
      if (!key) continue;
      const folded = foldText(form.text);
      trie.insert(folded, form.acronym);
      forms.folded.push(folded);
      forms.inserted.push([form.text, form.acronym, ACCENTED_TYPES.has(entity.type)]);
      const list = byKey.get(key);
      if (!list) byKey.set(key, [form]);
      else if (shared?.get(key) === list) byKey.set(key, [...list, form]);
      else list.push(form);
    }
  }
  let prefixRegex: RegExp | null = null;
  if (prefilter) {
    const prefixes = new PrefixSet();
    forms.folded.forEach((f, i) => prefixes.add(f, firstCases(forms.inserted[i]![0], forms.inserted[i]![1])));
    prefixRegex = prefixes.regex();
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
      const trieForms = new FormTrie();
      for (const [text, acronym, accents] of forms.inserted) trieForms.insert(text, acronym, accents);
      source = trieForms.source();
    }
    return source;
  };
  return { trie, prefilter: prefixRegex, source: regexSource, size: trie.size, byKey, entities: byId, fullKeys, forms };
}
