// The reading memory's IndexedDB database in the extension's own origin, through `idb` (a 1 KB
// promise layer over IndexedDB: the memory needs a few stores, indexes and cursors, not a query
// language, so Dexie's extra weight buys nothing here). The records are in schema.ts.
import { openDB, type StoreNames } from 'idb';
import { fillRecent } from './recent';
import { STORES, type Db, type MemoryDB, type WriteTx } from './schema';

export type { Db } from './schema';

export const DB_NAME = 'backstory-memory';

/** Step `n` builds version n from version n-1. A step that moves data works with cursors on the
 *  upgrade's own transaction (a big store is never loaded whole) and awaits nothing else, or the
 *  transaction would end under it. */
export const DB_MIGRATIONS: Record<number, (db: Db, tx: WriteTx) => void | Promise<void>> = {
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
  // Each name's newest facts in one record, so a card's lookup is a read per name.
  2: (db, tx) => {
    db.createObjectStore('recent', { keyPath: 'key' });
    return fillRecent(tx);
  },
};

export const DB_VERSION = 2;

/** Opens (creating or upgrading) the database; rejects with a reason a reader can act on when
 *  IndexedDB is missing, refuses, or holds something this version cannot use. `onLost` is told
 *  when the handle stops being usable (another version wants it, the browser closed it). */
export async function openMemoryDb(name = DB_NAME, onLost?: () => void): Promise<Db> {
  if (typeof indexedDB === 'undefined') throw new Error('this browser mode offers no IndexedDB storage');
  let handle: Db | undefined;
  let upgradeFailed: unknown;
  const db = await openDB<MemoryDB>(name, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      try {
        for (let n = oldVersion + 1; n <= DB_VERSION; n++) await DB_MIGRATIONS[n]?.(db, tx as unknown as WriteTx);
      } catch (err) {
        // A half-done upgrade is not kept: the database stays as it was, and the memory is off
        // with the reason.
        upgradeFailed = err;
        tx.done.catch(() => undefined);
        tx.abort();
      }
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
    const e = (upgradeFailed ?? err) as { name?: string; message?: string };
    if (upgradeFailed) throw new Error(`the memory database could not be upgraded (${e?.name ?? 'error'}${e?.message ? `: ${e.message}` : ''})`);
    if (e?.name === 'VersionError') throw new Error('the memory database was written by a newer version of Backstory');
    throw new Error(`the memory database could not be opened (${e?.name ?? 'error'}${e?.message ? `: ${e.message}` : ''})`);
  });
  handle = db;
  const missing = STORES.filter((s) => !db.objectStoreNames.contains(s as StoreNames<MemoryDB>));
  if (missing.length > 0) {
    db.close();
    throw new Error(`the memory database is damaged (missing ${missing.join(', ')})`);
  }
  return db;
}
