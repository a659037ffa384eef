// Reading and writing the reading memory. Every operation is one IndexedDB transaction that the
// caller awaits (an MV3 worker may stop once its event is handled), reads by index and cursor, and
// never loads the whole memory. No browser.* here: Node tests run it on fake-indexeddb.
import { articleDay, type ArticleMemory, type EntityEntry, MAX_ARTICLES, MEMORY_FILE_FORMAT, MEMORY_FILE_VERSION, type MemoryFile } from '../../core/memory/records';
import { earlierItems, type EarlierItem, type Remembered } from '../../core/memory/earlier';
import { siteName, siteOf } from '../../core/memory/article-url';
import type { MemoryStats } from '../../shared/memory-messages';
import { ITEMS_PER_ENTITY, RecentLists, recentItem } from './recent';
import { entityRange, STORES, type ArticleRow, type Db, type EntryRow, type WriteTx } from './schema';

/** The caps, with records.ts's MAX_ARTICLES: the oldest articles are evicted before either is
 *  passed. The demo articles take 2–8 KB as filed, so 10,000 such articles (the bench's, ~4 KB
 *  each) fit well under 50 MB. */
export const MAX_BYTES = 50 * 1024 * 1024;

function entryBytes(a: ArticleMemory): number {
  return JSON.stringify(a).length;
}

/** A write transaction, the recent lists it keeps in step and the stored size it keeps counted. */
interface Writing {
  tx: WriteTx;
  recent: RecentLists;
  /** Entity ids by key, as this transaction has found or added them. */
  ids: Map<string, Promise<number>>;
  totals: { bytes: number };
}

type Caps = { articles: number; bytes: number };

export class MemoryStore {
  constructor(readonly db: Db, private readonly caps: Caps = { articles: MAX_ARTICLES, bytes: MAX_BYTES }) {}

  /** Files one article: a URL read before has its facts replaced (a reload, a live page that
   *  grew), so it is stored once. Evicts the oldest articles first when a cap would be passed. */
  put(article: ArticleMemory): Promise<number> {
    return this.putAll([article]).then((ids) => ids[0]!);
  }

  /** Files many articles in ONE transaction (an import): all are stored, or none. */
  putAll(list: readonly ArticleMemory[]): Promise<number[]> {
    return this.write(async (w) => {
      const ids: number[] = [];
      for (const a of list) ids.push(await this.putIn(w, a));
      await this.evict(w, this.caps, new Set(ids));
      return ids;
    });
  }

  /** Runs `body` in one read-write transaction over every store, then writes back the lists and
   *  the stored size it changed, and resolves once all of it is committed. */
  private async write<T>(body: (w: Writing) => Promise<T>): Promise<T> {
    const tx = this.db.transaction([...STORES], 'readwrite') as WriteTx;
    const meta = tx.objectStore('meta');
    const totals = (await meta.get('totals')) ?? { key: 'totals' as const, bytes: 0 };
    const w: Writing = { tx, recent: new RecentLists(tx), ids: new Map(), totals };
    const result = await body(w);
    await w.recent.flush();
    await meta.put(totals);
    await tx.done;
    return result;
  }

  private async putIn(w: Writing, article: ArticleMemory): Promise<number> {
    const { tx, totals } = w;
    const articles = tx.objectStore('articles');
    const bytes = entryBytes(article);
    const old = await articles.index('url').get(article.url);
    const row: ArticleRow = {
      url: article.url,
      site: siteOf(article.url) ?? '',
      title: article.title,
      outlet: article.outlet,
      readAt: article.readAt,
      day: articleDay(article),
      bytes,
    };
    if (article.published) row.published = article.published;
    let id: number;
    if (old?.id !== undefined) {
      await this.dropEntries(w, old.id);
      id = await articles.put({ ...row, id: old.id });
      totals.bytes = Math.max(0, totals.bytes - old.bytes);
    } else {
      id = await articles.add(row);
    }
    totals.bytes += bytes;
    // The article's names all at once: requests of one transaction run in order without waiting
    // for each other's answers, which makes an import several times faster than one by one.
    const entries = tx.objectStore('entries');
    await Promise.all(
      article.entities.map(async (e) => {
        const entity = await this.entityId(w, e);
        const { key: _k, name: _n, type: _t, ...facts } = e;
        await entries.add({ ...facts, article: id, entity, day: row.day, readAt: row.readAt });
        const item = recentItem(id, row, facts);
        if (item) await w.recent.add(e.key, item);
      }),
    );
    return id;
  }

  /** The entity's id, added if new; asked once per key in a transaction (an import meets the same
   *  names again and again, and two requests for one new name must not add it twice). */
  private entityId(w: Writing, e: ArticleMemory['entities'][number]): Promise<number> {
    let id = w.ids.get(e.key);
    if (!id) {
      const entities = w.tx.objectStore('entities');
      id = entities
        .index('key')
        .getKey(e.key)
        .then((found) => found ?? entities.add({ key: e.key, name: e.name, type: e.type }));
      w.ids.set(e.key, id);
    }
    return id;
  }

  /** Oldest read first, until both caps hold again (never the article just written). */
  private async evict(w: Writing, caps: Caps, keep: ReadonlySet<number>): Promise<void> {
    const { totals } = w;
    const articles = w.tx.objectStore('articles');
    let count = await articles.count();
    if (count <= caps.articles && totals.bytes <= caps.bytes) return;
    let cursor = await articles.index('readAt').openCursor();
    while (cursor && (count > caps.articles || totals.bytes > caps.bytes)) {
      const a = cursor.value;
      if (!keep.has(a.id!)) {
        await this.dropEntries(w, a.id!);
        await cursor.delete();
        totals.bytes = Math.max(0, totals.bytes - a.bytes);
        count--;
      }
      cursor = await cursor.continue();
    }
  }

  /** Deletes an article's entries and takes it out of its names' lists; a name left with no
   *  entry at all is forgotten too (its name is the reader's reading, not to be kept). */
  private async dropEntries({ tx, recent, ids }: Writing, article: number): Promise<void> {
    const entries = tx.objectStore('entries');
    const names = new Set<number>();
    let cursor = await entries.index('article').openCursor(IDBKeyRange.only(article));
    while (cursor) {
      names.add(cursor.value.entity);
      await cursor.delete();
      cursor = await cursor.continue();
    }
    for (const id of names) {
      const entity = await tx.objectStore('entities').get(id);
      if (!entity) continue;
      if ((await entries.index('entity-day').count(entityRange(id))) === 0) {
        await tx.objectStore('entities').delete(id);
        ids.delete(entity.key);
        recent.forget(entity.key);
      } else {
        await recent.drop(id, entity.key, article);
      }
    }
  }

  /** Earlier-reading items for each requested entity (each given by every key its memory may sit
   *  under), leaving out the `current` article, and anything read before `since`. */
  async earlier(requests: { id: string; keys: string[] }[], current: string | null | ReadonlySet<string>, since: number | null, limit = ITEMS_PER_ENTITY): Promise<Record<string, EarlierItem[]>> {
    const tx = this.db.transaction('recent', 'readonly');
    // One read per key, all in flight at once: IndexedDB pipelines the requests of a transaction.
    const lists = await Promise.all(
      requests.map(async (req) => {
        const rows = await Promise.all(req.keys.map((k) => tx.store.get(k)));
        const found: Remembered[] = rows.flatMap((r) => r?.items ?? []).filter((i) => since === null || i.readAt >= since);
        return { id: req.id, found };
      }),
    );
    await tx.done;
    const out: Record<string, EarlierItem[]> = {};
    for (const { id, found } of lists) {
      const items = earlierItems(found, current, limit);
      if (items.length > 0) out[id] = items;
    }
    return out;
  }

  async stats(): Promise<MemoryStats> {
    const tx = this.db.transaction(['articles', 'entities', 'meta'], 'readonly');
    const [articles, entities, totals] = await Promise.all([tx.objectStore('articles').count(), tx.objectStore('entities').count(), tx.objectStore('meta').get('totals')]);
    await tx.done;
    return { articles, entities, bytes: totals?.bytes ?? 0 };
  }

  /** Forgets the articles `match` picks from an index range; returns how many. */
  private forgetWhere(index: 'url' | 'site' | 'readAt', range: IDBKeyRange): Promise<number> {
    return this.write(async (w) => {
      let n = 0;
      let cursor = await w.tx.objectStore('articles').index(index).openCursor(range);
      while (cursor) {
        await this.dropEntries(w, cursor.value.id!);
        w.totals.bytes = Math.max(0, w.totals.bytes - cursor.value.bytes);
        await cursor.delete();
        n++;
        cursor = await cursor.continue();
      }
      return n;
    });
  }

  /** Makes room when storage is full: the `n` articles read longest ago. */
  forgetOldest(n: number): Promise<number> {
    return this.write(async (w) => {
      const articles = w.tx.objectStore('articles');
      const before = await articles.count();
      await this.evict(w, { articles: Math.max(0, before - n), bytes: this.caps.bytes }, new Set());
      return before - (await articles.count());
    });
  }

  forgetArticle(url: string): Promise<number> {
    return this.forgetWhere('url', IDBKeyRange.only(url));
  }

  forgetSite(site: string): Promise<number> {
    return this.forgetWhere('site', IDBKeyRange.only(siteName(site)));
  }

  /** Retention: forgets what was read before `cutoff`. */
  forgetBefore(cutoff: number): Promise<number> {
    return this.forgetWhere('readAt', IDBKeyRange.upperBound(cutoff, true));
  }

  async forgetAll(): Promise<void> {
    const tx = this.db.transaction([...STORES], 'readwrite');
    await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
    await tx.done;
  }

  /** Every article with its entries, in the export file's shape. One read transaction, a cursor:
   *  the file is built as it goes (an export is what a reader asked for in full). */
  async exportFile(now: number): Promise<MemoryFile> {
    const tx = this.db.transaction(['articles', 'entities', 'entries'], 'readonly');
    const names = new Map<number, { key: string; name: string; type: EntityEntry['type'] }>();
    const out: ArticleMemory[] = [];
    let cursor = await tx.objectStore('articles').index('readAt').openCursor();
    while (cursor) {
      const a = cursor.value;
      const rows = await tx.objectStore('entries').index('article').getAll(IDBKeyRange.only(a.id!));
      const entities: EntityEntry[] = [];
      for (const r of rows) {
        let n = names.get(r.entity);
        if (!n) {
          const e = await tx.objectStore('entities').get(r.entity);
          if (!e) continue;
          names.set(r.entity, (n = { key: e.key, name: e.name, type: e.type }));
        }
        entities.push(entryOf(r, n.key, n.name, n.type));
      }
      const article: ArticleMemory = { url: a.url, title: a.title, outlet: a.outlet, readAt: a.readAt, entities };
      if (a.published) article.published = a.published;
      out.push(article);
      cursor = await cursor.continue();
    }
    await tx.done;
    return { format: MEMORY_FILE_FORMAT, version: MEMORY_FILE_VERSION, exportedAt: now, articles: out };
  }
}

function entryOf(r: EntryRow, key: string, name: string, type: EntityEntry['type']): EntityEntry {
  const e: EntityEntry = { key, name, type, roles: r.roles, statements: r.statements, sentences: r.sentences };
  if (r.definition) e.definition = r.definition;
  return e;
}
