import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { DB_MIGRATIONS, openMemoryDb } from '../../src/background/memory/db';
import { RECENT_PER_KEY } from '../../src/background/memory/recent';
import type { MemoryDB, WriteTx } from '../../src/background/memory/schema';
import { MemoryStore } from '../../src/background/memory/store';
import { earlierItems, remembered } from '../../src/core/memory/earlier';
import type { ArticleMemory } from '../../src/core/memory/records';

let n = 0;
let store: MemoryStore;
async function fresh(caps?: { articles: number; bytes: number }): Promise<MemoryStore> {
  store = new MemoryStore(await openMemoryDb(`test-${++n}`), caps);
  return store;
}
afterEach(() => store?.db.close());

function article(url: string, over: Partial<ArticleMemory> = {}, facts: Record<string, string> = { 'pack:choe-son-hui': 'Choe spoke.' }): ArticleMemory {
  return {
    url,
    title: `Title ${url}`,
    outlet: 'Harbour Times',
    readAt: 1000,
    entities: Object.entries(facts).map(([key, text]) => ({ key, name: 'Choe Son Hui', type: 'person' as const, roles: [], statements: [], sentences: [text] })),
    ...over,
  };
}
const choe = [{ id: 'choe-son-hui', keys: ['pack:choe-son-hui', 'name:choe son hui'] }];

describe('memory store (IndexedDB)', () => {
  it('reading A then B: B’s lookup lists A’s fact, newest first, never B itself', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a', { published: '2019-01-10', readAt: 1 }, { 'pack:choe-son-hui': 'Fact from A.' }));
    await s.put(article('https://h.example/c', { published: '2019-02-10', readAt: 2 }, { 'name:choe son hui': 'Fact from C, filed before the pack knew her.' }));
    await s.put(article('https://h.example/b', { published: '2019-03-10', readAt: 3 }, { 'pack:choe-son-hui': 'Fact from B.' }));
    const got = await s.earlier(choe, 'https://h.example/b', null);
    expect(got['choe-son-hui']!.map((i) => [i.url, i.date, i.outlet, i.text])).toEqual([
      ['https://h.example/c', '2019-02-10', 'Harbour Times', 'Fact from C, filed before the pack knew her.'],
      ['https://h.example/a', '2019-01-10', 'Harbour Times', 'Fact from A.'],
    ]);
  });

  it('the same URL read twice is stored once, with the newer facts', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a', {}, { 'pack:choe-son-hui': 'first reading' }));
    await s.put(article('https://h.example/a', {}, { 'pack:choe-son-hui': 'the live page grew' }));
    expect((await s.stats()).articles).toBe(1);
    const got = await s.earlier(choe, null, null);
    expect(got['choe-son-hui']!.map((i) => i.text)).toEqual(['the live page grew']);
  });

  it('two different Kims stay apart', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a', {}, { 'name:kim yong chol': 'general', 'name:kim hyok chol': 'envoy' }));
    const got = await s.earlier([{ id: 'k1', keys: ['name:kim yong chol'] }, { id: 'k2', keys: ['name:kim hyok chol'] }], null, null);
    expect(got.k1!.map((i) => i.text)).toEqual(['general']);
    expect(got.k2!.map((i) => i.text)).toEqual(['envoy']);
  });

  it('forgets an article, a site, everything', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a'));
    await s.put(article('https://www.h.example/b'));
    await s.put(article('https://other.example/c'));
    expect(await s.forgetArticle('https://h.example/a')).toBe(1);
    expect(await s.forgetSite('h.example')).toBe(1);
    expect((await s.earlier(choe, null, null))['choe-son-hui']!.map((i) => i.url)).toEqual(['https://other.example/c']);
    await s.forgetAll();
    expect(await s.stats()).toEqual({ articles: 0, entities: 0, bytes: 0 });
  });

  it('evicts the oldest articles before the cap is passed', async () => {
    const s = await fresh({ articles: 3, bytes: 1e9 });
    for (let i = 1; i <= 5; i++) await s.put(article(`https://h.example/${i}`, { readAt: i }));
    expect((await s.stats()).articles).toBe(3);
    expect((await s.earlier(choe, null, null))['choe-son-hui']!.map((i) => i.url).sort()).toEqual(['https://h.example/3', 'https://h.example/4', 'https://h.example/5']);
  });

  it('retention: what was read before the cut-off is left out and can be forgotten', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/old', { readAt: 10 }));
    await s.put(article('https://h.example/new', { readAt: 100 }));
    expect((await s.earlier(choe, null, 50))['choe-son-hui']!.map((i) => i.url)).toEqual(['https://h.example/new']);
    expect(await s.forgetBefore(50)).toBe(1);
    expect((await s.stats()).articles).toBe(1);
  });

  it('export then import into an empty store gives the same file', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a', { published: '2019-01-01', readAt: 1 }));
    await s.put(article('https://h.example/b', { readAt: 2 }, { 'name:ri yong ho': 'foreign minister' }));
    const file = await s.exportFile(5);
    const t = await fresh();
    for (const a of file.articles) await t.put(a);
    expect(await t.exportFile(5)).toEqual(file);
  });
});

describe('each name’s newest facts, kept ready for the card', () => {
  /** What the card should list, worked out the slow way from everything stored (the export). */
  async function expected(s: MemoryStore, keys: string[], current: string | null, since: number | null, limit = 5) {
    const file = await s.exportFile(0);
    const all = file.articles.flatMap((a) => a.entities.filter((e) => keys.includes(e.key)).map((e) => remembered(a, e)).filter((r) => r !== null));
    return earlierItems(all.filter((r) => since === null || r.readAt >= since), current, limit);
  }

  it('forgetting one of a name’s newest articles refills its card from the older ones', async () => {
    const s = await fresh();
    const n = RECENT_PER_KEY + 3;
    for (let i = 1; i <= n; i++) await s.put(article(`https://h.example/${i}`, { readAt: i }, { 'pack:choe-son-hui': `Fact ${i}.` }));
    // Forget the newest, then the current article's neighbours: the card still shows five, in order.
    await s.forgetArticle(`https://h.example/${n}`);
    await s.forgetArticle(`https://h.example/${n - 2}`);
    const got = (await s.earlier(choe, `https://h.example/${n - 1}`, null))['choe-son-hui']!;
    expect(got.map((i) => i.text)).toEqual([n - 3, n - 4, n - 5, n - 6, n - 7].map((i) => `Fact ${i}.`));
    expect(got).toEqual(await expected(s, choe[0]!.keys, `https://h.example/${n - 1}`, null));
  });

  it('a name no stored article mentions any more is forgotten with it', async () => {
    const s = await fresh();
    await s.put(article('https://h.example/a', {}, { 'name:ri yong ho': 'foreign minister', 'pack:choe-son-hui': 'x' }));
    await s.put(article('https://other.example/b', {}, { 'pack:choe-son-hui': 'y' }));
    expect((await s.stats()).entities).toBe(2);
    await s.forgetSite('h.example');
    expect((await s.stats()).entities).toBe(1);
    expect(await s.earlier([{ id: 'ri', keys: ['name:ri yong ho'] }], null, null)).toEqual({});
  });

  it('after any mix of reading, re-reading, forgetting and eviction, every card matches what is stored', async () => {
    let seed = 42;
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const names = ['pack:a', 'pack:b', 'name:c d', 'name:e f', 'pack:g'];
    const s = await fresh({ articles: 25, bytes: 1e9 });
    for (let step = 0; step < 160; step++) {
      const roll = r();
      const url = `https://s${Math.floor(r() * 3)}.example/${Math.floor(r() * 40)}`;
      if (roll < 0.75) {
        const facts: Record<string, string> = {};
        for (const k of names) if (r() < 0.5) facts[k] = `${k} in ${url} at ${step}`;
        if (Object.keys(facts).length === 0) continue;
        // Dates out of reading order: an old article can be read late.
        await s.put(article(url, { readAt: step, ...(r() < 0.7 ? { published: `2019-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}` } : {}) }, facts));
      } else if (roll < 0.9) await s.forgetArticle(url);
      else if (roll < 0.95) await s.forgetSite(`s${Math.floor(r() * 3)}.example`);
      else await s.forgetBefore(step - 30);
    }
    expect((await s.stats()).articles).toBeGreaterThan(5);
    for (const key of names) {
      for (const since of [null, 100]) {
        const got = (await s.earlier([{ id: 'x', keys: [key] }], 'https://s0.example/1', since)).x ?? [];
        expect(got, `${key} since ${since}`).toEqual(await expected(s, [key], 'https://s0.example/1', since));
      }
      // As many as a list holds: a list that lost an item without a refill shows one too few.
      const all = (await s.earlier([{ id: 'x', keys: [key] }], null, null, RECENT_PER_KEY)).x ?? [];
      expect(all, key).toEqual(await expected(s, [key], null, null, RECENT_PER_KEY));
    }
  });

  it('a version-1 database is upgraded with its memory intact', async () => {
    const name = `v1-${++n}`;
    const old = await openDB<MemoryDB>(name, 1, { upgrade: (db, _o, _n, tx) => void DB_MIGRATIONS[1]!(db, tx as unknown as WriteTx) });
    // What version 1 wrote for two articles mentioning Choe Son Hui.
    const entity = await old.add('entities', { key: 'pack:choe-son-hui', name: 'Choe Son Hui', type: 'person' });
    for (const [i, day] of [[1, '2019-03-01'], [2, '2019-07-01']] as const) {
      const a = await old.add('articles', { url: `https://h.example/${i}`, site: 'h.example', title: `T${i}`, outlet: 'Harbour Times', published: day, readAt: i, day, bytes: 100 });
      await old.add('entries', { article: a, entity, day, readAt: i, roles: [], statements: [], sentences: [`Said in ${i}.`] });
    }
    old.close();
    store = new MemoryStore(await openMemoryDb(name));
    const got = await store.earlier(choe, null, null);
    expect(got['choe-son-hui']!.map((i) => [i.url, i.date, i.text])).toEqual([
      ['https://h.example/2', '2019-07-01', 'Said in 2.'],
      ['https://h.example/1', '2019-03-01', 'Said in 1.'],
    ]);
  });
});

describe('memory database fails safe', () => {
  it('a database without our stores is reported damaged, not used', async () => {
    const name = `damaged-${++n}`;
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore('something-else');
      req.onsuccess = () => (req.result.close(), resolve());
      req.onerror = () => reject(req.error);
    });
    await expect(openMemoryDb(name)).rejects.toThrow(/damaged \(missing articles, entities, entries, meta\)/);
  });

  it('a newer version’s database is refused with a reason', async () => {
    const name = `newer-${++n}`;
    await new Promise<void>((resolve) => {
      const req = indexedDB.open(name, 5);
      req.onsuccess = () => (req.result.close(), resolve());
    });
    await expect(openMemoryDb(name)).rejects.toThrow(/newer version of Backstory/);
  });

  it('no IndexedDB at all: a reason, no crash', async () => {
    const g = globalThis as { indexedDB?: IDBFactory };
    const had = g.indexedDB;
    delete g.indexedDB;
    try {
      await expect(openMemoryDb('x')).rejects.toThrow(/no IndexedDB/);
    } finally {
      g.indexedDB = had;
    }
  });
});
