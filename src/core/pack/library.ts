// The reader's pack library as pure data: which packs are installed (bundled and imported), which
// are switched on, and what the worker analyses pages with. Storage is the background's business;
// everything here takes and returns plain values so it runs in Node.
//
// Conflict rule ("your pack wins"): packs are ranked newest import first, then the bundled packs
// (hand-written ones before the world packs: precedence.ts). For an entity id found in several
// enabled packs, the highest-ranked pack's entity is served and the others' are dropped whole (no
// field-by-field mixing). A name or alias that entities of one type in two packs share goes to the
// higher-ranked pack's entity (precedence.ts); other shared names are all served, and the matcher
// treats them as it treats any shared name (see README).
import * as v from 'valibot';
import type { Pack } from '../types';
import { MAX_PACK_BYTES } from './limits';
import { rankBundled } from './precedence';
import { parsePackJson } from './schema';
import { PACK_INDEX_KEY, PACK_KEY_PREFIX } from '../storage-keys';

export { PACK_INDEX_KEY, PACK_KEY_PREFIX };
/** More than any reader keeps by hand, few enough that listing them stays one quick storage read. */
export const MAX_IMPORTED_PACKS = 50;
export { MAX_PACK_BYTES };

export function packKey(id: string): string {
  return PACK_KEY_PREFIX + id;
}

/** `imported` in import order, oldest first; `disabled` may name bundled and imported packs. */
export interface PackIndex {
  imported: string[];
  disabled: string[];
}

/** One imported pack in storage: the file's text exactly as imported, so export gives it back. */
export interface StoredPack {
  text: string;
  importedAt: number;
}

/** What the options page lists for one pack. */
export interface PackInfo {
  id: string;
  title: string;
  version: number | null;
  entityCount: number;
  bundled: boolean;
  enabled: boolean;
  /** Set when a stored pack no longer validates: it is not served, but stays listed and exportable. */
  problem?: string;
  /** The date up to which the pack's facts were checked (its `asOf`). */
  asOf?: string;
  /** SPDX id of the pack's licence ("CC-BY-4.0"), and the credit line it asks for (pack format 3). */
  license?: string;
  credit?: string;
  /** Who published the pack's sources, most cited first (at most `MAX_LISTED_PUBLISHERS`). */
  publishers?: string[];
  /** How many distinct publishers the pack cites in all. */
  publisherCount?: number;
}

/** Enough to say where a pack's facts come from on one line; a built pack cites one page per
 *  country or place, but few publishers. */
export const MAX_LISTED_PUBLISHERS = 4;

/** The options page's line for a valid pack: counts, dates, licence and the publishers it cites. */
export function packInfo(pack: Pack, bundled: boolean, enabled: boolean): PackInfo {
  const cited = new Map<string, number>();
  const bySource = new Map(pack.sources.map((s) => [s.id, s.publisher ?? s.title]));
  for (const e of pack.entities) {
    for (const f of e.facts ?? []) {
      const who = bySource.get(f.source);
      if (who) cited.set(who, (cited.get(who) ?? 0) + 1);
    }
  }
  // A source no fact cites still says where the pack comes from (a pack of names alone).
  for (const who of bySource.values()) if (!cited.has(who)) cited.set(who, 0);
  const publishers = [...cited].sort((a, b) => b[1] - a[1]).map(([who]) => who);
  const info: PackInfo = { id: pack.id, title: pack.title, version: pack.version, entityCount: pack.entities.length, bundled, enabled };
  if (pack.asOf) info.asOf = pack.asOf;
  if (pack.license) info.license = pack.license;
  if (pack.credit) info.credit = pack.credit;
  if (publishers.length) {
    info.publishers = publishers.slice(0, MAX_LISTED_PUBLISHERS);
    info.publisherCount = publishers.length;
  }
  return info;
}

/** What the background answers the options page. `notice: 'index-rebuilt'`: the index was unreadable and was rebuilt from the packs in storage. */
export type PackList = { packs: PackInfo[]; notice?: 'index-rebuilt' };
export type ImportResult = { ok: true; pack: PackInfo; replaced: boolean } | { ok: false; errors: string[] };
export type ExportResult = { ok: true; text: string; filename: string } | { ok: false; error: string };
export type ChangeResult = { ok: true } | { ok: false; error: string };

export const EMPTY_INDEX: PackIndex = { imported: [], disabled: [] };

const IdList = v.array(v.pipe(v.string(), v.maxLength(200)));
const IndexSchema = v.object({ imported: IdList, disabled: IdList });
const StoredSchema = v.object({ text: v.string(), importedAt: v.number() });

/** `damaged`: storage held something that is not an index (the caller rebuilds it from the pack keys). */
export function readIndex(raw: unknown): { index: PackIndex; damaged: boolean } {
  if (raw === undefined) return { index: EMPTY_INDEX, damaged: false };
  const r = v.safeParse(IndexSchema, raw);
  if (!r.success) return { index: EMPTY_INDEX, damaged: true };
  return { index: { imported: [...new Set(r.output.imported)], disabled: [...new Set(r.output.disabled)] }, damaged: false };
}

/** An index rebuilt from whatever pack keys storage holds (all switched on, in key order). */
export function indexFromKeys(keys: readonly string[]): PackIndex {
  return { imported: keys.filter((k) => k.startsWith(PACK_KEY_PREFIX)).map((k) => k.slice(PACK_KEY_PREFIX.length)), disabled: [] };
}

export type StoredRead = { ok: true; pack: Pack; text: string } | { ok: false; problem: string; text: string | null };

/** Validates one stored record with the same parser as an import; never throws. */
export function readStored(id: string, raw: unknown): StoredRead {
  if (raw === undefined) return { ok: false, problem: 'the pack is missing from storage', text: null };
  const record = v.safeParse(StoredSchema, raw);
  if (!record.success) return { ok: false, problem: 'the stored record is damaged (no pack text in it)', text: null };
  const { text } = record.output;
  const parsed = parsePackJson(text);
  if (!parsed.ok) return { ok: false, problem: parsed.errors.join('; '), text };
  if (parsed.pack.id !== id) return { ok: false, problem: `the stored pack's id is '${parsed.pack.id}', not '${id}'`, text };
  return { ok: true, pack: parsed.pack, text };
}

export interface Library {
  infos: PackInfo[];
  /** Enabled, valid packs, highest rank first: the order `mergePacks` (first wins) expects. */
  served: Pack[];
  /** Export text per imported id, also for packs that no longer validate. */
  texts: Map<string, string>;
}

/** A best-effort title for a pack that does not validate, so the list can still name it. */
function looseTitle(text: string | null, id: string): string {
  if (text === null) return id;
  try {
    const raw = JSON.parse(text) as { title?: unknown };
    return typeof raw?.title === 'string' && raw.title.trim() ? raw.title.trim().slice(0, 300) : id;
  } catch {
    return id;
  }
}

export function assembleLibrary(bundled: readonly Pack[], index: PackIndex, stored: Readonly<Record<string, unknown>>): Library {
  const disabled = new Set(index.disabled);
  const infos: PackInfo[] = [];
  const served: Pack[] = [];
  const texts = new Map<string, string>();
  const ranked = rankBundled(bundled);
  for (const pack of ranked) {
    const enabled = !disabled.has(pack.id);
    infos.push(packInfo(pack, true, enabled));
  }
  const importedInfos: PackInfo[] = [];
  const importedServed: Pack[] = [];
  for (const id of index.imported) {
    const read = readStored(id, stored[packKey(id)]);
    const enabled = !disabled.has(id);
    if (read.text !== null) texts.set(id, read.text);
    if (read.ok) {
      const p = read.pack;
      importedInfos.push(packInfo(p, false, enabled));
      if (enabled) importedServed.push(p);
    } else {
      importedInfos.push({ id, title: looseTitle(read.text, id), version: null, entityCount: 0, bundled: false, enabled, problem: read.problem });
    }
  }
  infos.push(...importedInfos);
  served.push(...importedServed.reverse(), ...ranked.filter((p) => !disabled.has(p.id)));
  return { infos, served, texts };
}

export type ImportPlan = { ok: true; pack: Pack; replaces: boolean; index: PackIndex } | { ok: false; errors: string[] };

/**
 * Checks a pack file against the library. A file whose id is a bundled pack's is refused (not
 * renamed: a silent rename would break the pack's own updates and the reader's expectation of
 * which pack they are editing). A file with the id of an imported pack replaces it, becomes the
 * newest import (so it wins conflicts) and is switched on.
 */
export function planImport(text: string, index: PackIndex, bundledIds: ReadonlySet<string>): ImportPlan {
  const parsed = parsePackJson(text, MAX_PACK_BYTES);
  if (!parsed.ok) return parsed;
  const { pack } = parsed;
  if (bundledIds.has(pack.id)) {
    return { ok: false, errors: [`id: '${pack.id}' is the id of a built-in pack; give your pack a different "id" to import it`] };
  }
  const replaces = index.imported.includes(pack.id);
  if (!replaces && index.imported.length >= MAX_IMPORTED_PACKS) {
    return { ok: false, errors: [`${MAX_IMPORTED_PACKS} packs are imported already, the limit; remove one first`] };
  }
  return {
    ok: true,
    pack,
    replaces,
    index: { imported: [...index.imported.filter((id) => id !== pack.id), pack.id], disabled: index.disabled.filter((id) => id !== pack.id) },
  };
}

export function withEnabled(index: PackIndex, id: string, enabled: boolean): PackIndex {
  const disabled = index.disabled.filter((d) => d !== id);
  return { imported: index.imported, disabled: enabled ? disabled : [...disabled, id] };
}

export function withoutPack(index: PackIndex, id: string): PackIndex {
  return { imported: index.imported.filter((i) => i !== id), disabled: index.disabled.filter((d) => d !== id) };
}

/** The export text of a bundled pack: what an import of it would read back. */
export function packToText(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
