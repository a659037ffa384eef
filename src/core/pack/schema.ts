// The knowledge-pack schema (valibot) and the one way to turn untrusted input into a `Pack`:
// used at build time, at import, and when reading storage. Errors name the problem and where.
import * as v from 'valibot';
import { ENTITY_TYPES, PACK_FORMAT, PACK_FORMATS_READ, type Pack, type PackEntity, type PackFact, type PackSource } from '../types';
import { crossCheck } from './cross-check';
import { aliasField, dateField, got, idField, licenseField, lineField, listField, proseField, urlField } from './fields';
import { readJson } from './json';
import * as L from './limits';
import { located, type PathKey } from './path';
import { scanRaw } from './scan';

const objectMessage = (issue: v.BaseIssue<unknown>) => `must be an object${got(issue)}`;

// Format 2: a reader can check every fact, so each names the date of what it states and cites a
// source the reader can open (who published it, where, when).
export const PackSourceSchema = v.strictObject(
  {
    id: idField(),
    title: lineField(L.MAX_TITLE_LENGTH),
    publisher: lineField(L.MAX_TITLE_LENGTH),
    url: urlField(),
    date: dateField(),
  },
  objectMessage,
);

export const PackFactSchema = v.strictObject(
  {
    text: proseField(L.MAX_FACT_LENGTH),
    date: dateField(),
    source: idField(),
  },
  objectMessage,
);

const aliasList = listField(aliasField(L.MAX_NAME_LENGTH), L.MAX_ALIASES);

export const PackEntitySchema = v.strictObject(
  {
    id: idField(),
    type: v.picklist(ENTITY_TYPES, (i) => `must be one of ${ENTITY_TYPES.join(', ')}${got(i)}`),
    name: lineField(L.MAX_NAME_LENGTH),
    aliases: v.optional(aliasList),
    short: v.optional(aliasList),
    wellKnown: v.optional(aliasList),
    ambiguous: v.optional(aliasList),
    context: v.optional(listField(lineField(L.MAX_NAME_LENGTH), L.MAX_CONTEXT_WORDS)),
    summary: proseField(L.MAX_SUMMARY_LENGTH),
    facts: v.optional(listField(PackFactSchema, L.MAX_FACTS)),
  },
  objectMessage,
);

const formatsRead = PACK_FORMATS_READ.join(' or ');

export const PackSchema = v.strictObject(
  {
    format: v.picklist(PACK_FORMATS_READ, (i) => `must be ${PACK_FORMAT}${got(i)}: this version of Backstory reads pack format ${formatsRead}`),
    id: idField(),
    version: v.pipe(
      v.number((i) => `must be a number${got(i)}`),
      v.integer((i) => `must be a whole number${got(i)}`),
      v.minValue(1, (i) => `must be at least 1${got(i)}`),
      v.maxValue(L.MAX_VERSION, (i) => `must be at most ${L.MAX_VERSION}${got(i)}`),
    ),
    title: lineField(L.MAX_TITLE_LENGTH),
    language: v.pipe(
      v.string((i) => `must be text${got(i)}`),
      v.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, (i) => `${i.received} is not a language tag such as "en" or "en-GB"`),
    ),
    description: v.optional(proseField(L.MAX_DESCRIPTION_LENGTH)),
    asOf: dateField(),
    // Format 3: whoever reuses a fact can see under which terms, and whom to credit.
    license: v.optional(licenseField()),
    credit: v.optional(lineField(L.MAX_TITLE_LENGTH)),
    sources: listField(PackSourceSchema, L.MAX_SOURCES),
    entities: listField(PackEntitySchema, L.MAX_ENTITIES),
  },
  objectMessage,
);

// Compile-time proof that the schema and the contract in types.ts agree: every validated pack is
// a `Pack`, and the schema knows every field `Pack` has. (`Pack` itself is looser: packs made in
// memory, such as a merge of several packs or the reader's notes, carry no sources or dates.)
type Assert<T extends true> = T;
type Output = v.InferOutput<typeof PackSchema>;
type Entity = Output['entities'][number];
export type SchemaMatchesPackType = [
  Assert<Output extends Pack ? true : false>,
  Assert<keyof Pack extends keyof Output ? true : false>,
  Assert<keyof PackEntity extends keyof Entity ? true : false>,
  Assert<keyof PackFact extends keyof NonNullable<Entity['facts']>[number] ? true : false>,
  Assert<keyof PackSource extends keyof Output['sources'][number] ? true : false>,
];

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys: PathKey[] = (issue.path ?? []).map((item) => item.key as PathKey);
  const isObjectIssue = issue.type === 'strict_object';
  if (isObjectIssue && issue.expected === 'never') {
    return located(keys.slice(0, -1), `unknown field ${issue.received}`);
  }
  if (isObjectIssue && issue.received === 'undefined' && keys.length > 0) {
    return located(keys, 'is required but missing');
  }
  return located(keys, issue.message);
}

/** `total` is null when the producer stopped counting (the raw scan stops one past the cap). */
function capped(errors: string[], total: number | null = errors.length): string[] {
  if (errors.length <= L.MAX_REPORTED_ERRORS && (total ?? 0) <= L.MAX_REPORTED_ERRORS) return errors;
  const rest = total === null ? '… and more problems' : `… and ${total - L.MAX_REPORTED_ERRORS} more problems`;
  return [...errors.slice(0, L.MAX_REPORTED_ERRORS), rest];
}

/** A pack written before format 2 fails on many fields at once; one line first says why. */
function formatHint(raw: Record<string, unknown>): string | null {
  if (raw.format !== undefined) return null;
  return `format: is required but missing. This looks like a pack written before pack format 2, which this version no longer reads: give it "format": ${PACK_FORMAT}, an "asOf" date, a date on every fact, and a publisher, url and date on every source (see docs/PACKS.md)`;
}

/** A format-2 pack predates the licence fields: it cannot state one, and is read as format 3
 *  with no licence stated (docs/PACKS.md, "Reading format-2 packs"). */
function olderFormatProblems(raw: Record<string, unknown>): string[] {
  if (raw.format === PACK_FORMAT) return [];
  return (['license', 'credit'] as const).filter((k) => k in raw).map((k) => `${k}: needs "format": ${PACK_FORMAT} (this pack says format ${String(raw.format)})`);
}

/** Validates an already-parsed value (e.g. from storage). Never throws. */
export function parsePack(raw: unknown): PackResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    const kind = raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw;
    return { ok: false, errors: [`the pack must be a JSON object ({ … }), got ${kind}`] };
  }
  const structural = scanRaw(raw, L.MAX_REPORTED_ERRORS + 1);
  if (structural.length > 0) return { ok: false, errors: capped(structural, null) };

  const result = v.safeParse(PackSchema, raw, { abortEarly: false, abortPipeEarly: true });
  if (!result.success) {
    const errors = result.issues.slice(0, L.MAX_REPORTED_ERRORS + 1).map(describeIssue);
    // The hint takes the place of the plain "format: is required" line.
    const hint = formatHint(raw as Record<string, unknown>);
    const listed = hint ? [hint, ...errors.filter((e) => !e.startsWith('format:'))] : errors;
    return { ok: false, errors: capped(listed, result.issues.length) };
  }
  const older = olderFormatProblems(raw as Record<string, unknown>);
  if (older.length > 0) return { ok: false, errors: older };
  const pack: Pack = { ...result.output, format: PACK_FORMAT };
  const problems = crossCheck(pack);
  if (problems.length > 0) return { ok: false, errors: capped(problems) };
  return { ok: true, pack };
}

/** Validates pack file text: size, JSON syntax, then `parsePack`. Never throws. */
export function parsePackJson(text: string, maxBytes: number = L.MAX_PACK_BYTES): PackResult {
  const read = readJson(text, maxBytes);
  if (!read.ok) return { ok: false, errors: [read.error] };
  return parsePack(read.value);
}

export { placeholderProblems } from './placeholders';
