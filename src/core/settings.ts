// The settings schema, defaults and numbered migrations (pure: runs in Node and every context).
// Storage holds only what the reader changed plus a `version`, so new defaults reach everyone
// who never touched a setting, and old stored shapes are upgraded step by step.
import * as v from 'valibot';
import { RETENTIONS, type Retention } from './memory/earlier';
import { siteName } from './memory/article-url';
import { ENTITY_TYPES, type EntityType } from './types';

export interface Settings {
  /** Entity types that are highlighted. */
  types: EntityType[];
  firstMentionOnly: boolean;
  highlightStyle: 'underline' | 'background' | 'none';
  hoverDelayMs: number;
  theme: 'system' | 'light' | 'dark';
  /** Keep a reading memory of the articles analysed (never in private windows). */
  memory: boolean;
  memoryRetention: Retention;
  /** Sites (host names, without www.) whose articles are never remembered. */
  memoryExcludedSites: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  types: [...ENTITY_TYPES],
  firstMentionOnly: false,
  highlightStyle: 'underline',
  hoverDelayMs: 300,
  theme: 'system',
  memory: true,
  memoryRetention: '1y',
  memoryExcludedSites: [],
};

export const HIGHLIGHT_STYLES = ['underline', 'background', 'none'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const HOVER_DELAY_MIN = 0;
export const HOVER_DELAY_MAX = 2000;

/** One schema per field, so one bad value costs only that field. */
export const FIELD_SCHEMAS = {
  types: v.pipe(
    v.array(v.picklist(ENTITY_TYPES)),
    // Keep the canonical order and drop repeats, whatever order they were stored in.
    v.transform((list) => ENTITY_TYPES.filter((t) => list.includes(t))),
  ),
  firstMentionOnly: v.boolean(),
  highlightStyle: v.picklist(HIGHLIGHT_STYLES),
  hoverDelayMs: v.pipe(v.number(), v.integer(), v.minValue(HOVER_DELAY_MIN), v.maxValue(HOVER_DELAY_MAX)),
  theme: v.picklist(THEMES),
  memory: v.boolean(),
  memoryRetention: v.picklist(RETENTIONS),
  memoryExcludedSites: v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.toLowerCase(), v.regex(/^[a-z0-9.-]+(?::\d+)?$/), v.maxLength(253))),
    v.maxLength(1000),
    v.transform((list) => [...new Set(list.map(siteName))]),
  ),
} satisfies { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> };

export const SettingsSchema = v.object(FIELD_SCHEMAS);

export const SETTINGS_VERSION = 2;

/** A stored record: `version` plus only the fields that differ from the defaults. */
export type StoredSettings = { version: number } & Partial<Settings>;

type Obj = Record<string, unknown>;

/** Step `n` upgrades a record of version n-1 to version n. Index 0 is unused. */
export type Migration = (old: Obj) => Obj;

/**
 * Version 0 is any record without a `version` (hand-edited, or written before versions were
 * stamped). Step 1 accepts a hover delay kept as a numeric string, as a form field yields it.
 */
export const MIGRATIONS: Record<number, Migration> = {
  1: (old) => {
    const next: Obj = { ...old };
    if (typeof next.hoverDelayMs === 'string' && /^\d+$/.test(next.hoverDelayMs.trim())) next.hoverDelayMs = Number(next.hoverDelayMs);
    return next;
  },
  // Step 2 (reading memory): a draft kept the excluded sites as one comma-separated string.
  2: (old) => {
    const next: Obj = { ...old };
    if (typeof next.memoryExcludedSites === 'string') next.memoryExcludedSites = next.memoryExcludedSites.split(',').map((s) => s.trim()).filter(Boolean);
    return next;
  },
};

export interface MigrationResult {
  settings: Settings;
  /** Set when something stored could not be used as it was; says what was reset. */
  notice?: string;
  /** The fields whose stored values were invalid and were reset (for a localized notice). */
  resetFields?: (keyof Settings)[];
}

function isRecord(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Reads whatever storage held and returns usable settings; never throws. */
export function migrate(stored: unknown, migrations: Record<number, Migration> = MIGRATIONS, current = SETTINGS_VERSION): MigrationResult {
  if (stored === undefined || stored === null) return { settings: cloneDefaults() };
  if (!isRecord(stored)) return { settings: cloneDefaults(), notice: 'Stored settings were unreadable; all settings were reset to defaults.' };

  const notices: string[] = [];
  let record: Obj = { ...stored };
  const rawVersion = record.version ?? 0;
  let version = current;
  if (typeof rawVersion !== 'number' || !Number.isInteger(rawVersion) || rawVersion < 0) {
    notices.push('The settings version was unreadable; the values were read as current.');
  } else {
    version = rawVersion;
  }
  if (version > current) {
    notices.push(`Settings were saved by a newer version of Backstory (${version}); only the settings this version knows were kept.`);
  }
  for (let n = version + 1; n <= current; n++) {
    const step = migrations[n];
    if (!step) continue;
    try {
      record = step(record);
    } catch {
      notices.push(`Upgrading settings to version ${n} failed; all settings were reset to defaults.`);
      return { settings: cloneDefaults(), notice: notices.join(' ') };
    }
  }

  const settings = cloneDefaults();
  const reset: (keyof Settings)[] = [];
  for (const key of Object.keys(FIELD_SCHEMAS) as (keyof Settings)[]) {
    if (!(key in record)) continue;
    const r = v.safeParse(FIELD_SCHEMAS[key], record[key]);
    if (r.success) (settings as unknown as Obj)[key] = r.output;
    else reset.push(key);
  }
  if (reset.length) notices.push(`Some stored settings were invalid and were reset to defaults: ${reset.join(', ')}.`);
  if (!notices.length) return { settings };
  return reset.length ? { settings, notice: notices.join(' '), resetFields: reset } : { settings, notice: notices.join(' ') };
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}

/** Only the fields that differ from the defaults, stamped with the current version. */
export function diffFromDefaults(settings: Settings): StoredSettings {
  const out: StoredSettings = { version: SETTINGS_VERSION };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!sameValue(settings[key], DEFAULT_SETTINGS[key])) (out as unknown as Obj)[key] = copyValue(settings[key]);
  }
  return out;
}

/** Applies a partial change and validates it; returns the new settings or the reason it was refused. */
export function applyChange(current: Settings, change: Partial<Settings>): { ok: true; settings: Settings } | { ok: false; error: string } {
  const merged = { ...current, ...change };
  const r = v.safeParse(SettingsSchema, merged);
  if (r.success) return { ok: true, settings: r.output };
  const issue = r.issues[0];
  const field = issue.path?.map((p) => String(p.key)).join('.') ?? 'settings';
  return { ok: false, error: `${field}: ${issue.message}` };
}

export function cloneDefaults(): Settings {
  return { ...DEFAULT_SETTINGS, types: [...DEFAULT_SETTINGS.types], memoryExcludedSites: [...DEFAULT_SETTINGS.memoryExcludedSites] };
}

function copyValue<T>(x: T): T {
  return Array.isArray(x) ? ([...x] as T) : x;
}
