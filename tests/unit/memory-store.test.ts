import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openMemoryDb } from '../../src/background/memory/db';
import { MemoryStore } from '../../src/background/memory/store';
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
