// The reading memory's IndexedDB records (what each store holds), apart from opening and
// migrating the database (db.ts) so that the code that keeps the stores can use them too.
//
// Small integer keys: an article's URL sits once, in its own record (a unique index finds it);
// an entity's key likewise. Entries (one entity in one article) carry only the two integers.
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { EntityType } from '../../core/types';
import type { Remembered } from '../../core/memory/earlier';
import type { EntityEntry } from '../../core/memory/records';

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

/** One remembered fact in a name's recent list, with the id of the article it came from. */
export interface RecentItem extends Remembered {
  article: number;
}

/** A name's newest facts, newest first (see recent.ts): what a card's lookup reads. */
export interface RecentRow {
  key: string;
  items: RecentItem[];
}

export interface MetaRow {
  key: 'totals';
  bytes: number;
}

export interface MemoryDB extends DBSchema {
  articles: { key: number; value: ArticleRow; indexes: { url: string; readAt: number; site: string } };
  entities: { key: number; value: EntityRow; indexes: { key: string } };
  entries: { key: number; value: EntryRow; indexes: { article: number; 'entity-day': [number, string, number] } };
  recent: { key: string; value: RecentRow };
  meta: { key: string; value: MetaRow };
}

export type Db = IDBPDatabase<MemoryDB>;
export const STORES = ['articles', 'entities', 'entries', 'recent', 'meta'] as const satisfies readonly StoreNames<MemoryDB>[];
/** A transaction that may write every store: the store's writes, and the upgrade's. */
export type WriteTx = IDBPTransaction<MemoryDB, StoreNames<MemoryDB>[], 'readwrite' | 'versionchange'>;

/** Every entry of entity `id`, in (day, readAt) order. */
export function entityRange(id: number): IDBKeyRange {
  return IDBKeyRange.bound([id, '', -Infinity], [id, '\uffff', Infinity]);
}
