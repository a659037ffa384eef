// How the reader's notes join the pipeline (pure): a note on a name the pack knows goes on that
// entity's card; any other term becomes an entity of its own (type `term`) so the matcher finds
// it wherever it appears, with the same word limits and case rules as pack names.
import { foldKey, stripDiacritics } from './match/fold';
import { termKey, type Note } from './notes';
import type { Pack, PackEntity } from './types';

import { NOTE_ENTITY_PREFIX } from './note-ids';


export interface NotesApplied {
  /** The pack with one extra entity per note on a term the pack does not name. */
  pack: Pack;
  /** Note text per entity id, as `analyzeArticle` takes it. */
  notes: Record<string, string>;
}

/** FNV-1a, for terms with no Latin letters to slug ("비핵화"): short, stable, not secret. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** "Test of nerves" → "test-of-nerves": stable across passes, so a highlight keeps its id. */
export function noteSlug(term: string): string {
  const slug = stripDiacritics(term)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || `h${hash(termKey(term))}`;
}

export function applyNotes(pack: Pack, notes: readonly Note[]): NotesApplied {
  if (notes.length === 0) return { pack, notes: {} };
  const byName = new Map<string, string>();
  for (const e of pack.entities) {
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      const key = foldKey(form);
      if (key && !byName.has(key)) byName.set(key, e.id);
    }
  }
  const taken = new Set(pack.entities.map((e) => e.id));
  const extra: PackEntity[] = [];
  const texts: Record<string, string> = {};
  for (const note of notes) {
    const known = byName.get(termKey(note.term));
    if (known) {
      // Two notes naming one entity by different aliases: both are shown, in the order written.
      texts[known] = texts[known] ? `${texts[known]}\n\n${note.text}` : note.text;
      continue;
    }
    const base = `${NOTE_ENTITY_PREFIX}${noteSlug(note.term)}`;
    let id = base;
    for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
    taken.add(id);
    extra.push({ id, type: 'term', name: note.term, summary: '' });
    texts[id] = note.text;
  }
  return { pack: extra.length ? { ...pack, entities: [...pack.entities, ...extra] } : pack, notes: texts };
}
