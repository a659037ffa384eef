// What the reading memory keeps, as plain data with valibot schemas: one record per article read
// and, per entity it met there, the facts the analysis found (never the page's text). The same
// shape is the export file's, so an export imports again through the same checks.
import * as v from 'valibot';
import { ENTITY_TYPES } from '../types';

/** Caps that keep a record small (aim: a few KB per article) and a hostile page from filling the
 *  store: text is cut, lists are short. */
export const LIMITS = {
  url: 2048,
  title: 300,
  outlet: 120,
  name: 120,
  role: 160,
  statement: 300,
  definition: 160,
  sentence: 300,
  roles: 2,
  statements: 3,
  sentences: 3,
  /** Entities kept per article, the most mentioned first. */
  entities: 40,
} as const;

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const text = (max: number) => v.pipe(v.string(), v.minLength(1), v.maxLength(max));

export const StatementSchema = v.object({ text: text(LIMITS.statement), date: v.optional(isoDay) });

/** One entity as met in one article. */
export const EntityEntrySchema = v.object({
  /** `pack:<id>` or `name:<folded full name>` (see entity-key.ts). */
  key: v.pipe(v.string(), v.regex(/^(?:pack|name):./), v.maxLength(300)),
  name: text(LIMITS.name),
  type: v.picklist(ENTITY_TYPES),
  roles: v.pipe(v.array(text(LIMITS.role)), v.maxLength(LIMITS.roles)),
  statements: v.pipe(v.array(StatementSchema), v.maxLength(LIMITS.statements)),
  definition: v.optional(text(LIMITS.definition)),
  sentences: v.pipe(v.array(text(LIMITS.sentence)), v.maxLength(LIMITS.sentences)),
});
export type EntityEntry = v.InferOutput<typeof EntityEntrySchema>;

/** One article read, with what it said about each entity. */
export const ArticleMemorySchema = v.object({
  url: v.pipe(v.string(), v.url(), v.maxLength(LIMITS.url)),
  title: v.pipe(v.string(), v.maxLength(LIMITS.title)),
  outlet: text(LIMITS.outlet),
  /** The page's publication date; absent when the page gives none. */
  published: v.optional(isoDay),
  /** When it was read (ms since the epoch). */
  readAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
  entities: v.pipe(v.array(EntityEntrySchema), v.maxLength(LIMITS.entities)),
});
export type ArticleMemory = v.InferOutput<typeof ArticleMemorySchema>;

/** The day an article is sorted under: its publication date, else the day it was read. */
export function articleDay(a: Pick<ArticleMemory, 'published' | 'readAt'>): string {
  return a.published ?? new Date(a.readAt).toISOString().slice(0, 10);
}

// ---- The export file ----

export const MEMORY_FILE_FORMAT = 'backstory-memory';
/** Version of the export file (and of the record shape inside it). */
export const MEMORY_FILE_VERSION = 1;
/** An export holds at most this many articles (the store's own cap). */
export const MAX_ARTICLES = 20_000;

export const MemoryFileSchema = v.object({
  format: v.literal(MEMORY_FILE_FORMAT),
  version: v.literal(MEMORY_FILE_VERSION),
  exportedAt: v.optional(v.number()),
  articles: v.pipe(v.array(ArticleMemorySchema), v.maxLength(MAX_ARTICLES)),
});
export type MemoryFile = v.InferOutput<typeof MemoryFileSchema>;

type Obj = Record<string, unknown>;
/** Step `n` upgrades a file of version n-1 to version n (as settings.ts does). */
export type FileMigration = (old: Obj) => Obj;

/** Version 0: an early draft stored `date` where `published` is now, and had no `format`. */
export const FILE_MIGRATIONS: Record<number, FileMigration> = {
  1: (old) => ({
    ...old,
    format: old.format ?? MEMORY_FILE_FORMAT,
    articles: Array.isArray(old.articles)
      ? old.articles.map((a: unknown) => {
          if (typeof a !== 'object' || a === null) return a;
          const { date, ...rest } = a as Obj;
          return rest.published === undefined && date !== undefined ? { ...rest, published: date } : rest;
        })
      : old.articles,
  }),
};

export type ParsedFile = { ok: true; file: MemoryFile } | { ok: false; error: string };

/** Reads an export file as a whole: any problem refuses it with the reason and where it is. */
export function parseMemoryFile(textOrValue: string | unknown, migrations = FILE_MIGRATIONS, current = MEMORY_FILE_VERSION): ParsedFile {
  let raw: unknown = textOrValue;
  if (typeof textOrValue === 'string') {
    try {
      raw = JSON.parse(textOrValue);
    } catch (e) {
      return { ok: false, error: `not valid JSON: ${(e as Error).message}` };
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'not a Backstory memory file (expected an object)' };
  let record = raw as Obj;
  const version = record.version ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) return { ok: false, error: 'version: not a version number' };
  if (version > current) return { ok: false, error: `version: written by a newer Backstory (file version ${version}, this one reads up to ${current})` };
  for (let n = version + 1; n <= current; n++) {
    const step = migrations[n];
    if (step) record = { ...step(record), version: n };
  }
  const r = v.safeParse(MemoryFileSchema, record);
  if (r.success) return { ok: true, file: r.output };
  const issue = r.issues[0];
  const where = issue.path?.map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || 'file';
  return { ok: false, error: `${where}: ${issue.message}` };
}
