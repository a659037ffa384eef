// Each name's newest facts, kept ready in one record per name (the `recent` store), so that a
// card's lookup is one read per name instead of a cursor over its entries and a read per article:
// for 20 names over 10,000 stored articles, ~6 ms in the background instead of ~100 ms.
//
// Invariant: a name's list holds its RECENT_PER_KEY newest fact-bearing entries, newest first; a
// list shorter than that holds all of them. Writes keep it: a new entry goes in and the oldest
// falls out; when an article is forgotten, a full list that loses an item is refilled from the
// entries index (rare: it takes forgetting one of a name's newest articles).
import { newestFirst, remembered, type Facts } from '../../core/memory/earlier';
import { entityRange, type ArticleRow, type RecentItem, type RecentRow, type WriteTx } from './schema';

/** Earlier items per entity a card asks for, newest first, at most this many each. */
export const ITEMS_PER_ENTITY = 5;

/** What a card shows plus the article being read, which may be filed under two URLs and never
 *  lists itself. */
export const RECENT_PER_KEY = ITEMS_PER_ENTITY + 2;

export function recentItem(articleId: number, article: ArticleRow, facts: Facts): RecentItem | null {
  const r = remembered(article, facts);
  return r ? { ...r, article: articleId } : null;
}

/** A name's newest facts as the entries index holds them (the slow path the lists save). */
export async function newestFromEntries(tx: WriteTx, entityId: number): Promise<RecentItem[]> {
  const out: RecentItem[] = [];
  let cursor = await tx.objectStore('entries').index('entity-day').openCursor(entityRange(entityId), 'prev');
  while (cursor && out.length < RECENT_PER_KEY) {
    const e = cursor.value;
    const a = await tx.objectStore('articles').get(e.article);
    const item = a ? recentItem(e.article, a, e) : null;
    if (item) out.push(item);
    cursor = await cursor.continue();
  }
  return out;
}

/** The lists one write transaction touches, read once and written back once at the end. */
export class RecentLists {
  /** Each list as read (a promise, so that names filed at once share one read). */
  private readonly rows = new Map<string, Promise<RecentRow>>();
  private readonly dirty = new Set<string>();

  constructor(private readonly tx: WriteTx) {}

  private row(key: string): Promise<RecentRow> {
    let row = this.rows.get(key);
    if (!row) this.rows.set(key, (row = this.tx.objectStore('recent').get(key).then((r) => r ?? { key, items: [] })));
    return row;
  }

  /** A fact from a newly filed article (one whose earlier entries, if any, are already gone). */
  async add(key: string, item: RecentItem): Promise<void> {
    const row = await this.row(key);
    row.items = [...row.items.filter((i) => i.article !== item.article), item].sort(newestFirst).slice(0, RECENT_PER_KEY);
    this.dirty.add(key);
  }

  /** Article `article` lost its entry for this name (its entries are already deleted). */
  async drop(entityId: number, key: string, article: number): Promise<void> {
    const row = await this.row(key);
    if (!row.items.some((i) => i.article === article)) return;
    const full = row.items.length >= RECENT_PER_KEY;
    row.items = full ? await newestFromEntries(this.tx, entityId) : row.items.filter((i) => i.article !== article);
    this.dirty.add(key);
  }

  /** The name has no entry left at all. */
  forget(key: string): void {
    this.rows.set(key, Promise.resolve({ key, items: [] }));
    this.dirty.add(key);
  }

  async flush(): Promise<void> {
    const store = this.tx.objectStore('recent');
    const rows = await Promise.all([...this.dirty].map((key) => this.rows.get(key)!));
    this.dirty.clear();
    await Promise.all(rows.map((row) => (row.items.length > 0 ? store.put(row) : store.delete(row.key))));
  }
}

/** Database version 2: builds every name's list from the version-1 entries, a name at a time. */
export async function fillRecent(tx: WriteTx): Promise<void> {
  // A damaged database (stores missing) is reported by the open, not half-filled here.
  if (!(['articles', 'entities', 'entries'] as const).every((s) => tx.objectStoreNames.contains(s))) return;
  let cursor = await tx.objectStore('entities').openCursor();
  while (cursor) {
    const { id, key } = cursor.value;
    const items = await newestFromEntries(tx, id!);
    if (items.length > 0) await tx.objectStore('recent').put({ key, items });
    cursor = await cursor.continue();
  }
}
