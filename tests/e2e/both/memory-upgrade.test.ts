// The reading memory across an update of Backstory, in every browser: a database written by the
// first version (database version 1, without the per-name ready lists) is upgraded in place by the
// background on its next use, and what it held shows on cards as before. Run on the browser's own
// IndexedDB, since that is where an async upgrade could fail (fake-indexeddb is more lenient).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, waitCard, type BrowserSession, type TestPage } from '../browsers';

const A = '/hanoi-aftermath.html';
const B = '/index.html';
const CHOE = '[data-backstory-entity="choe-son-hui"]';

type Status = { on: boolean; reason?: string; stats?: { articles: number; entities: number; bytes: number } };

describeInBrowsers('reading memory written by the first version', (browser) => {
  let s: BrowserSession;
  let options: TestPage;
  const ask = <T>(msg: unknown): Promise<T> => options.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<T>, msg);

  beforeAll(async () => {
    s = await browser.start();
    options = await s.openOptions();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('is upgraded on its next use, and its facts show on the next card', async () => {
    expect((await ask<Status>({ type: 'backstory:memory-status' })).on).toBe(true);
    // Replace the database with what version 1 of Backstory wrote after reading the Hanoi article
    // (its schema as it shipped). The background lets go of its handle when asked to.
    await options.evaluate(
      async ({ url }) => {
        const done = (r: IDBRequest | IDBTransaction) =>
          new Promise<void>((res, rej) => {
            if ('oncomplete' in r) (r.oncomplete = () => res()), (r.onerror = () => rej(r.error));
            else (r.onsuccess = () => res()), (r.onerror = () => rej(r.error));
          });
        await done(indexedDB.deleteDatabase('backstory-memory'));
        const open = indexedDB.open('backstory-memory', 1);
        open.onupgradeneeded = () => {
          const db = open.result;
          const articles = db.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
          articles.createIndex('url', 'url', { unique: true });
          articles.createIndex('readAt', 'readAt');
          articles.createIndex('site', 'site');
          db.createObjectStore('entities', { keyPath: 'id', autoIncrement: true }).createIndex('key', 'key', { unique: true });
          const entries = db.createObjectStore('entries', { keyPath: 'id', autoIncrement: true });
          entries.createIndex('article', 'article');
          entries.createIndex('entity-day', ['entity', 'day', 'readAt']);
          db.createObjectStore('meta', { keyPath: 'key' });
        };
        await done(open);
        const db = open.result;
        const tx = db.transaction(['articles', 'entities', 'entries', 'meta'], 'readwrite');
        const day = '2019-03-16';
        tx.objectStore('articles').add({ id: 1, url, site: '127.0.0.1', title: 'Hanoi', outlet: 'The Meridian Review', published: day, readAt: Date.now() - 1000, day, bytes: 400 });
        tx.objectStore('entities').add({ id: 1, key: 'pack:choe-son-hui', name: 'Choe Son Hui', type: 'person' });
        tx.objectStore('entries').add({ article: 1, entity: 1, day, readAt: Date.now() - 1000, roles: [], statements: [{ text: 'what the first version kept', date: day }], sentences: [] });
        tx.objectStore('meta').put({ key: 'totals', bytes: 400 });
        await done(tx);
        db.close();
      },
      { url: `${s.origin}${A}` },
    );

    const st = await ask<Status>({ type: 'backstory:memory-status' });
    expect(st.on, st.reason).toBe(true);
    expect(st.stats).toEqual({ articles: 1, entities: 1, bytes: 400 });

    const b = await s.openDemo(B);
    await b.hover(CHOE);
    await waitCard(s, b, true);
    let items: { text: string; href: string }[] = [];
    await expect.poll(async () => (items = await s.readEarlier(b)).length, { timeout: 5_000, message: 'the card lists the upgraded memory' }).toBe(1);
    expect(items[0]!.text).toContain('what the first version kept');
    expect(items[0]!.href.split('#')[0]).toBe(`${s.origin}${A}`);
    await b.close();
  }, 60_000);

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.sawDemoRequests()).toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
