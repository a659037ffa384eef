// Surface forms: what the regex must find for each entity, and how each form may be resolved.
import type { EntityType, PackEntity } from '../types';
import { APOS_CHARS } from './fold';

/** full: a full name or unambiguous alias; short: needs the full name earlier on the page;
 *  ambiguous: needs evidence on the page (definition, full name, context word). */
export type FormRole = 'full' | 'short' | 'ambiguous';

export interface SurfaceForm {
  /** As written in the pack (NFC), or a mechanical variant of it (apostrophe dropped, plural). */
  text: string;
  /** The pack string this form came from (for the case check). */
  source: string;
  entityId: string;
  role: FormRole;
  /** No lower-case letters: matched case-sensitively and exactly ("SPA", "F-35A"). */
  acronym: boolean;
  /** True for the plural variant of an acronym ("ICBMs"). */
  plural: boolean;
  /** A short form the entity lists as well known: it may stand alone on a page with context. */
  wellKnown?: boolean;
}

/** Types whose acronyms have plurals a writer would use ("ICBMs", "F-35As"); a state, an assembly or
 *  a place has none, which keeps "SPAs" (single-page apps) out. */
const PLURAL_TYPES: ReadonlySet<EntityType> = new Set(['equipment', 'term']);

export function isAcronymForm(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s) && /^[\p{Lu}\p{N}]/u.test(s);
}

const ASCII = /^[\x20-\x7e]*$/;
const APOS_RE = new RegExp(`[${APOS_CHARS.join('')}]`, 'gu');

export function formsOf(entity: PackEntity): SurfaceForm[] {
  const out: SurfaceForm[] = [];
  const wellKnown = new Set(entity.wellKnown ?? []);
  const add = (raw: string, role: FormRole) => {
    const text = (ASCII.test(raw) ? raw : raw.normalize('NFC')).trim();
    if (!text || !/[\p{L}\p{N}]/u.test(text)) return;
    const acronym = isAcronymForm(text);
    const base = { source: text, entityId: entity.id, role, acronym, ...(role === 'short' && wellKnown.has(raw) ? { wellKnown: true } : {}) };
    out.push({ ...base, text, plural: false });
    if (acronym) {
      if (PLURAL_TYPES.has(entity.type) && /[\p{Lu}\p{N}]$/u.test(text)) out.push({ ...base, text: `${text}s`, plural: true });
      return;
    }
    // "Workers' Party" is often printed "Workers Party"; "People's" as "Peoples".
    const bare = text.replace(APOS_RE, '');
    if (bare !== text && /\p{L}/u.test(bare)) out.push({ ...base, text: bare, plural: false });
  };
  add(entity.name, 'full');
  for (const a of entity.aliases ?? []) add(a, 'full');
  for (const s of entity.short ?? []) add(s, 'short');
  for (const a of entity.ambiguous ?? []) add(a, 'ambiguous');
  return out;
}
