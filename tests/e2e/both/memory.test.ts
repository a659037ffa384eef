// The reading memory in every browser: an earlier article's words about a name show on a later
// article's card with its date, outlet and a link back; one article read twice is kept once; the
// page itself sees nothing of it; the popup lists it and forgets this article; export and import
// round-trip and a broken file changes nothing; forgetting reaches pages already open; it survives
// a restart on the same profile, and an article keeps knowing itself after the background was
// stopped; a damaged database turns it off with the reason on the options page while highlights
// and cards carry on. One profile per lane, kept across the restart (in Firefox the add-on is
// installed again at the same moz-extension:// host, whose IndexedDB the event page keeps the
// memory in). A lookup that throws on a damaged record is counted and shown on the options page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DB_NAME } from '../../../src/background/memory/db';
import { describeInBrowsers, waitCard, type BrowserSession, type EarlierItem, type TestPage } from '../browsers';

const A = '/hanoi-aftermath.html';
const B = '/index.html';
const CHOE = '[data-backstory-entity="choe-son-hui"]';

type Stats = { articles: number; entities: number; bytes: number };
type Status = { on: boolean; available?: boolean; reason?: string; persisted?: boolean; stats?: Stats; lookupErrors?: { count: number; last: string; at: number } };

describeInBrowsers('reading memory', (browser) => {
  const profile = mkdtempSync(join(tmpdir(), `backstory-${browser.name}-memory-`));
  let s: BrowserSession;
  /** The options page, kept open to talk to the background as the reader's controls do. */
  let options: TestPage;
  /** What sessions closed on the way (the restart) logged and requested. */
  const earlierLogs: string[] = [];
  const earlierSessions: string[] = [];

  const ask = <T>(msg: unknown): Promise<T> => options.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<T>, msg);
  const status = () => ask<Status>({ type: 'backstory:memory-status' });
  const articles = async () => (await status()).stats?.articles ?? -1;

  /** Brings the page to the front with the pointer off the names and no card open. */
  async function noCard(page: TestPage): Promise<void> {
    await page.bringToFront();
    await page.mouseMove(0, 0);
    await page.press('Escape');
    await waitCard(s, page, false);
  }

  async function hoverChoe(page: TestPage): Promise<void> {
    // A card still open from before must close first, or its old items would be read.
    await noCard(page);
    await page.hover(CHOE);
    await waitCard(s, page, true);
  }

  /** Closes a page that showed a card once its pointer handling has settled. (Twice in a dozen
   *  runs on a loaded machine, Firefox cut off one of the card's pointer handlers in a tab being
   *  closed, with a "Script terminated by timeout" warning; not seen since this wait.) */
  async function leave(page: TestPage): Promise<void> {
    await noCard(page);
    await page.close();
  }

  /** Waits until the open card shows `n` earlier items (they arrive just after it opens). */
  async function earlierItems(page: TestPage, n: number): Promise<EarlierItem[]> {
    let seen: EarlierItem[] = [];
    await expect.poll(async () => (seen = await s.readEarlier(page)).length, { timeout: 5_000, message: `card shows ${n} earlier items` }).toBe(n);
    return seen;
  }

  async function start(): Promise<void> {
    s = await browser.start({ userDataDir: profile });
    options = await s.openOptions();
  }

  beforeAll(start, 90_000);
  afterAll(async () => {
    await s?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it('starts with the memory on and empty', async () => {
    const st = await status();
    expect(st.on, st.reason).toBe(true);
    expect(st.stats).toEqual({ articles: 0, entities: 0, bytes: 0 });
  });

  it('after reading the Hanoi article, the front page’s card for Choe Son Hui lists it with its date, outlet and a link to it', async () => {
    const a = await s.openDemo(A);
    await expect.poll(articles, { timeout: 5_000, message: 'the Hanoi article is stored' }).toBe(1);
    await a.close();
    // Kept through disk pressure, so the options page has no warning that it may be cleared
    // (Chromium's service worker cannot ask: it stays "unknown", and no warning either).
    await expect.poll(async () => (await status()).persisted, { timeout: 5_000 }).toBe(browser.name === 'firefox' ? true : undefined);
    const page = await s.openOptions();
    await page.waitFor('#memory-counts:not(:empty)');
    expect(await page.evaluate(() => document.getElementById('memory-notice')?.hidden), await page.text('#memory-notice')).toBe(true);
    await page.close();

    const b = await s.openDemo(B);
    await hoverChoe(b);
    const [item] = await earlierItems(b, 1);
    expect(item!.text).toContain('Mar 16, 2019');
    expect(item!.text).toContain('The Meridian Review');
    expect(item!.text).toContain('American demands');
    expect(item!.href.startsWith(`${s.origin}${A}#:~:text=`), item!.href).toBe(true);
    expect(item!.target, 'the link opens a new tab').toBe('_blank');

    // Clicked, the link opens the Hanoi article in a new tab at the sentence: the browser takes
    // `#:~:text=` as a directive (it leaves no hash behind, as a plain anchor would) and scrolls
    // to the quote.
    const landed = await s.openEarlier(b);
    expect(landed.url().split('#')[0]).toBe(`${s.origin}${A}`);
    expect(await landed.evaluate(() => location.hash), 'the text fragment was read as a directive').toBe('');
    await expect.poll(() => landed.evaluate(() => window.scrollY), { timeout: 5_000, message: 'scrolled to the quote' }).toBeGreaterThan(0);
    await landed.close();
    await leave(b);
  }, 60_000);

  it('reading the same article twice stores it once', async () => {
    await expect.poll(articles, { timeout: 5_000, message: 'the Hanoi article and the front page' }).toBe(2);
    const before = (await status()).stats!;
    const again = await s.openDemo(A);
    await again.close();
    const b = await s.openDemo(B);
    await hoverChoe(b);
    expect((await earlierItems(b, 1))[0]!.href.split('#')[0]).toBe(`${s.origin}${A}`);
    expect((await status()).stats).toEqual(before);
    await leave(b);
  }, 60_000);

  it('a hostile page finds no trace of the memory in its DOM', async () => {
    const b = await s.openDemo(B);
    await hoverChoe(b);
    await earlierItems(b, 1);
    // What a page script can see: its document (the card's root is closed) and the host element.
    const seen = await b.evaluate(() => {
      const host = document.querySelector('[data-backstory-card]');
      return {
        html: document.documentElement.outerHTML,
        closed: host ? host.shadowRoot === null : null,
        marks: [...document.querySelectorAll('*')]
          .flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`))
          .filter((a) => /earlier|memory|hanoi-aftermath/i.test(a)),
        ids: [...document.querySelectorAll('[id]')].map((el) => el.id).filter((id) => /earlier|memory/i.test(id)),
      };
    });
    expect(seen.closed, 'the card root is closed').toBe(true);
    expect(seen.html).not.toContain('hanoi-aftermath');
    expect(seen.html).not.toContain('American demands');
    expect(seen.html).not.toContain('Earlier in your reading');
    expect(seen.marks, seen.marks.join(' | ')).toEqual([]);
    expect(seen.ids).toEqual([]);
    await leave(b);
  }, 60_000);

  it('the popup lists the earlier item in the full card, says once that the memory is on, and forgets this article', async () => {
    const b = await s.openDemo(B);
    const tab = await s.tabIdOf(b);
    const popup = await s.openPopup(tab);
    const link = '[data-entity="choe-son-hui"] [data-earlier] a';
    await expect.poll(() => popup.count(link), { timeout: 5_000, message: 'the popup lists the Hanoi article' }).toBe(1);
    expect(await popup.evaluate((sel) => document.querySelector(sel)?.getAttribute('href'), link)).toContain(`${s.origin}${A}#:~:text=`);
    await expect.poll(() => popup.count('#memory-notice'), { timeout: 5_000, message: 'the one-time line' }).toBe(1);
    await popup.click('#memory-notice button');
    await popup.waitFor('#memory-notice', { gone: true });
    await popup.close();
    const again = await s.openPopup(tab);
    await again.waitFor('#forget-article');
    expect(await again.count('#memory-notice'), 'the line shows once').toBe(0);
    // Forgetting B (the tab's article) leaves A, which B's card still lists.
    const before = await articles();
    await again.click('#forget-article');
    await expect.poll(articles, { timeout: 5_000, message: 'the front page is forgotten' }).toBe(before - 1);
    const left = await ask<{ ok: boolean; json: string }>({ type: 'backstory:memory-export' });
    expect((JSON.parse(left.json) as { articles: { url: string }[] }).articles.map((x) => x.url)).toEqual([`${s.origin}${A}`]);
    await expect.poll(() => again.count(link), { timeout: 5_000 }).toBe(1);
    await again.close();
    await leave(b);
  }, 60_000);

  it('export then import round-trips; a broken file is refused whole and nothing changes', async () => {
    const exported = await ask<{ ok: boolean; json: string }>({ type: 'backstory:memory-export' });
    expect(exported.ok).toBe(true);
    const file = JSON.parse(exported.json) as { articles: { url: string }[] };
    const before = (await status()).stats!;
    expect(file.articles.map((a) => a.url)).toContain(`${s.origin}${A}`);
    expect(file.articles.length).toBe(before.articles);

    const broken = { ...file, articles: [...file.articles, { url: 'javascript:alert(1)' }] };
    const refused = await ask<{ ok: boolean; error?: string }>({ type: 'backstory:memory-import', text: JSON.stringify(broken) });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(new RegExp(`^articles\\[${file.articles.length}\\]`));
    expect((await status()).stats).toEqual(before);

    await ask({ type: 'backstory:memory-forget', scope: 'all' });
    expect(await articles()).toBe(0);
    const imported = await ask<{ ok: boolean; count: number }>({ type: 'backstory:memory-import', text: exported.json });
    expect(imported).toEqual({ ok: true, count: file.articles.length });
    // (Entities are not compared: "Forget this article" leaves the names only it mentioned.)
    expect((await status()).stats).toMatchObject({ articles: before.articles, bytes: before.bytes });
    const again = await ask<{ ok: boolean; json: string }>({ type: 'backstory:memory-export' });
    expect(JSON.parse(again.json).articles).toEqual(file.articles);

    // Imported, it is background again: the front page's card lists the Hanoi article.
    const b = await s.openDemo(B);
    await hoverChoe(b);
    expect((await earlierItems(b, 1))[0]!.href.split('#')[0]).toBe(`${s.origin}${A}`);
    await leave(b);
  }, 60_000);

  it('“Forget this article” and “Forget everything” remove what they say, on pages already open', async () => {
    const b = await s.openDemo(B);
    const a = await s.openDemo(A);
    const tabA = await s.tabIdOf(a);
    await expect.poll(articles, { timeout: 5_000, message: 'both articles stored' }).toBe(2);
    await hoverChoe(b);
    await earlierItems(b, 1);
    // A's card lists B (read after it): forgetting A by its tab leaves B.
    const forgot = await ask<{ ok: boolean; removed: number }>({ type: 'backstory:memory-forget', scope: 'article', tabId: tabA });
    expect(forgot).toEqual({ ok: true, removed: 1 });
    await hoverChoe(b);
    await earlierItems(b, 0);
    await hoverChoe(a);
    expect((await earlierItems(a, 1))[0]!.href.split('#')[0]).toBe(`${s.origin}${B}`);
    const all = await ask<{ ok: boolean; removed: number }>({ type: 'backstory:memory-forget', scope: 'all' });
    expect(all).toEqual({ ok: true, removed: 1 });
    await hoverChoe(a);
    await earlierItems(a, 0);
    expect((await status()).stats).toEqual({ articles: 0, entities: 0, bytes: 0 });
    await leave(a);
    await leave(b);
  }, 90_000);

  it('a popup card opens in place to the full card, which holds all its earlier items', async () => {
    // Five earlier articles about Choe Son Hui, as an export file would bring them (the demo has
    // too few articles): the folded card shows three, the full card all five.
    const day = 86_400_000;
    const earlier = [1, 2, 3, 4, 5].map((i) => {
      const readAt = Date.now() - i * day;
      const said = `Choe made point number ${i} to the wire.`;
      return {
        url: `${s.origin}/earlier-${i}.html`,
        title: `Earlier ${i}`,
        outlet: 'The Test Wire',
        published: new Date(readAt).toISOString().slice(0, 10),
        readAt,
        entities: [{ key: 'pack:choe-son-hui', name: 'Choe Son Hui', type: 'person', roles: [], statements: [{ text: said }], sentences: [said] }],
      };
    });
    const imported = await ask<{ ok: boolean; count: number }>({ type: 'backstory:memory-import', text: JSON.stringify({ format: 'backstory-memory', version: 1, articles: earlier }) });
    expect(imported).toEqual({ ok: true, count: 5 });

    const b = await s.openDemo(B);
    const popup = await s.openPopup(await s.tabIdOf(b));
    const card = '[data-entity="choe-son-hui"]';
    const items = () =>
      popup.evaluate((sel) => [...document.querySelectorAll(`${sel} [data-earlier]`)].map((el) => ({ href: el.querySelector('a')?.getAttribute('href')?.split('#')[0] ?? '', visible: el.checkVisibility() })), card);
    await expect.poll(async () => (await items()).length, { timeout: 5_000, message: 'all five earlier items are in the popup' }).toBe(5);
    expect((await items()).filter((i) => i.visible).length, 'folded: three in sight').toBe(3);

    await popup.click(`${card} button.bs-more`);
    const open = await items();
    expect(open.filter((i) => i.visible).length, 'opened: all five in sight').toBe(5);
    expect(open.map((i) => i.href)).toEqual(earlier.map((a) => a.url));
    expect(await popup.evaluate((sel) => document.querySelector(`${sel} button.bs-more`)?.getAttribute('aria-expanded'), card)).toBe('true');
    await popup.close();
    await b.close();
    await ask({ type: 'backstory:memory-forget', scope: 'all' });
  }, 60_000);

  it('survives a browser restart on the same profile', async () => {
    const a = await s.openDemo(A);
    await expect.poll(articles, { timeout: 5_000, message: 'the Hanoi article is stored' }).toBe(1);
    await a.close();
    // The demo server comes back on another port: the item still links to where A was read.
    const readAt = s.origin;
    earlierLogs.push(...s.log());
    earlierSessions.push(...s.foreignRequests());
    await s.close();
    await start();
    expect(await articles(), 'still remembered after the restart').toBe(1);
    const b = await s.openDemo(B);
    await hoverChoe(b);
    const [item] = await earlierItems(b, 1);
    expect(item!.href.split('#')[0]).toBe(`${readAt}${A}`);
    expect(item!.text).toContain('American demands');
    await leave(b);
  }, 120_000);

  it('after the background restarts, an article read at another address than its canonical one leaves itself out of its cards and “Forget this article” forgets it', async () => {
    // The Hanoi article names its address without the query as canonical: that is where it is filed.
    const filed = `${s.origin}${A}`;
    const exported = async () => (JSON.parse((await ask<{ json: string }>({ type: 'backstory:memory-export' })).json) as { articles: { url: string }[] }).articles.map((x) => x.url);
    const a = await s.openDemo(`${A}?page=2`);
    const tab = await s.tabIdOf(a);
    await expect.poll(exported, { timeout: 5_000, message: 'filed under its canonical address' }).toContain(filed);
    // The browser stops an idle background at any time; the page stays open.
    await s.restartBackground();
    const own = (items: { href: string }[]) => items.filter((i) => i.href.split('#')[0] === filed);

    await hoverChoe(a);
    await s.expandCard(a);
    let card: EarlierItem[] = [];
    await expect.poll(async () => (card = await s.readEarlier(a)).length, { timeout: 5_000, message: 'the card lists what was read before' }).toBeGreaterThan(0);
    expect(own(card), 'the card lists the article it is on').toEqual([]);

    const popup = await s.openPopup(tab);
    const links = () => popup.evaluate(() => [...document.querySelectorAll('[data-entity="choe-son-hui"] [data-earlier] a')].map((el) => ({ href: el.getAttribute('href') ?? '' })));
    await expect.poll(async () => (await links()).length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(own(await links()), 'the popup lists the article it describes').toEqual([]);
    await popup.click('#forget-article');
    await expect.poll(exported, { timeout: 5_000, message: '“Forget this article” forgot it' }).not.toContain(filed);
    await popup.close();
    await leave(a);
  }, 90_000);

  it('a lookup that fails on a damaged record leaves the card without earlier items, and the options page says so with the reason', async () => {
    // A name's ready list with a broken item, as a faulty write or a bad disk may leave it: the
    // database opens, the card's lookup throws on it.
    expect((await status()).on, 'the memory is open').toBe(true);
    const page = await s.openOptions();
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open(name);
          req.onsuccess = () => {
            const tx = req.result.transaction('recent', 'readwrite');
            tx.objectStore('recent').put({ key: 'pack:choe-son-hui', items: [null] });
            tx.oncomplete = () => {
              req.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      DB_NAME,
    );
    await page.close();
    expect((await status()).lookupErrors, 'no failed lookup before').toBeUndefined();

    const b = await s.openDemo(B);
    await hoverChoe(b);
    expect((await s.readCard(b)).text, 'the card still opens').toContain('Choe Son Hui');
    await earlierItems(b, 0);
    await expect.poll(async () => (await status()).lookupErrors?.count ?? 0, { timeout: 5_000, message: 'the failed lookup is counted' }).toBeGreaterThan(0);
    const failed = (await status()).lookupErrors!;
    expect(failed.last).toMatch(/null|readAt/);
    expect(Date.now() - failed.at).toBeLessThan(60_000);

    const shown = await s.openOptions();
    await expect.poll(() => shown.isVisible('#memory-lookup-errors'), { timeout: 5_000 }).toBe(true);
    expect(await shown.text('#memory-lookup-errors')).toContain(failed.last);
    await shown.close();
    await leave(b);
    // Forgetting everything takes the broken record and the count away.
    await ask({ type: 'backstory:memory-forget', scope: 'all' });
    expect((await status()).lookupErrors).toBeUndefined();
  }, 60_000);

  it('a damaged database turns the memory off with the reason on the options page; highlights and cards still work', async () => {
    expect((await status()).on, 'the memory is open before').toBe(true);
    // Another version of the database, without our stores, as a crash or a downgrade may leave
    // it. Opened from an extension page: the database belongs to the extension's origin.
    const page = await s.openOptions();
    await page.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open(name, 99);
          req.onupgradeneeded = () => {
            for (const store of [...req.result.objectStoreNames]) req.result.deleteObjectStore(store);
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error('the background kept the database open'));
        }),
      DB_NAME,
    );
    await page.close();
    const st = await status();
    expect(st.on).toBe(false);
    expect(st.available).toBe(false);
    expect(st.reason).toMatch(/newer version|damaged|could not be opened/);

    const b = await s.openDemo(B);
    expect(await b.count(CHOE)).toBeGreaterThan(0);
    await hoverChoe(b);
    expect((await s.readCard(b)).text).toContain('Choe Son Hui');
    await earlierItems(b, 0);

    const shown = await s.openOptions();
    await expect.poll(() => shown.text('#memory-notice'), { timeout: 5_000 }).toMatch(/memory is off because .*(newer version|damaged|could not be opened)/);
    expect(await shown.isVisible('#memory-notice')).toBe(true);
    await shown.close();
    await leave(b);
  }, 90_000);

  it('reports no extension error or warning', () => {
    expect([...earlierLogs, ...s.log()]).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.sawDemoRequests()).toBe(true);
    expect(earlierSessions).toEqual([]);
    expect(s.foreignRequests()).toEqual([]);
  });
});
