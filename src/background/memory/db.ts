// The reading memory's IndexedDB database in the extension's own origin, through `idb` (a 1 KB
// promise layer over IndexedDB: the memory needs three stores, four indexes and cursors, not a
// query language, so Dexie's extra weight buys nothing here).
//
// Small integer keys: an article's URL sits once, in its own record (a unique index finds it);
// an entity's key likewise. Entries (one entity in one article) carry only the two integers.
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { EntityType } from '../../core/types';
import type { EntityEntry } from '../../core/memory/records';

export const DB_NAME = 'backstory-memory';

export interface ArticleRow {
  id?: number;
  url: string;
  /** siteOf(url): what "Forget this site" and the excluded sites match. */
  site: string;
  title: string;
  outlet: string;
  published?: string;
  readAt: number;
  /** Sort day: `published`, else the day it was read. */
  day: string;
  /** Size of the stored facts (JSON characters), for the cap and the options page. */
  bytes: number;
}

export interface EntityRow {
  id?: number;
  key: string;
  name: string;
  type: EntityType;
}

export interface EntryRow extends Omit<EntityEntry, 'key' | 'name' | 'type'> {
  id?: number;
  article: number;
  entity: number;
  day: string;
  readAt: number;
}

export interface MetaRow {
  key: 'totals';
  bytes: number;
}

export interface MemoryDB extends DBSchema {
  articles: { key: number; value: ArticleRow; indexes: { url: string; readAt: number; site: string } };
  entities: { key: number; value: EntityRow; indexes: { key: string } };
  entries: { key: number; value: EntryRow; indexes: { article: number; 'entity-day': [number, string, number] } };
  meta: { key: string; value: MetaRow };
}

export type Db = IDBPDatabase<MemoryDB>;
type UpgradeTx = IDBPTransaction<MemoryDB, StoreNames<MemoryDB>[], 'versionchange'>;

/** Step `n` builds version n from version n-1. Later steps must work in batches (cursors) on a
 *  big store, never by loading every record. */
export const DB_MIGRATIONS: Record<number, (db: Db, tx: UpgradeTx) => void> = {
  1: (db) => {
    const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
    articles.createIndex('url', 'url', { unique: true });
    articles.createIndex('readAt', 'readAt');
    articles.createIndex('site', 'site');
    const entities = db.createObjectStore('entities', { keyPath: 'id', autoIncrement: true });
    entities.createIndex('key', 'key', { unique: true });
    const entries = db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
    entries.createIndex('article', 'article');
    entries.createIndex('entity-day', ['entity', 'day', 'readAt']);
    db.createObjectStore('meta', { keyPath: 'key' });
  },
};

export const DB_VERSION = 1;

const STORES = ['articles', 'entities', 'entries', 'meta'] as const;

/** Opens (creating or upgrading) the database; rejects with a reason a reader can act on when
 *  IndexedDB is missing, refuses, or holds something this version cannot use. `onLost` is told
 *  when the handle stops being usable (another version wants it, the browser closed it). */
export async function openMemoryDb(name = DB_NAME, onLost?: () => void): Promise<Db> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser mode offers no IndexedDB storage');
  let handle: Db | undefined;
  const db = await openDB<MemoryDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, tx) {
      for (let n = oldVersion + 1; n <= DB_VERSION; n++) DB_MIGRATIONS[n]?.(db, tx);
    },
    // Another version wants to upgrade or delete it: this handle lets go instead of blocking it.
    blocking() {
      handle?.close();
      onLost?.();
    },
    terminated() {
      onLost?.();
    },
  }).catch((err: unknown) => {
    const e = err as { name?: string; message?: string };
    if (e?.name === 'VersionError') throw new Error('the memory database was written by a newer version of Backstory');
    throw new Error(`the memory database could not be opened (${e?.name ?? 'error'}${e?.message ? `: ${e.message}` : ''})`);
  });
  handle = db;
  const missing = STORES.filter((s) => !db.objectStoreNames.contains(s));
  if (missing.length > 0) {
    db.close();
    throw new Error(`the memory database is damaged (missing ${missing.join(', ')})`);
  }
  return db;
}
