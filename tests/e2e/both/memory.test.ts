// The reading memory in every browser: an earlier article's words about a name show on a later
// article's card with its date, outlet and a link back; one article read twice is kept once;
// "Forget everything" empties the next card; the page itself sees nothing of it. The Chromium-only
// ../memory.test.ts adds restarts, export/import, the popup and a damaged database.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, waitCard, type BrowserSession, type EarlierItem, type TestPage } from '../browsers';

const A = '/hanoi-aftermath.html';
const B = '/index.html';
const CHOE = '[data-backstory-entity="choe-son-hui"]';

type Status = { on: boolean; available?: boolean; reason?: string; persisted?: boolean; stats?: { articles: number; entities: number; bytes: number } };

describeInBrowsers('reading memory', (browser) => {
  let s: BrowserSession;
  /** The options page, kept open to talk to the background as the reader's controls do. */
  let options: TestPage;

  const ask = <T>(msg: unknown): Promise<T> => options.evaluate((m) => chrome.runtime.sendMessage(m) as Promise<T>, msg);
  const status = () => ask<Status>({ type: 'backstory:memory-status' });

  async function hoverChoe(page: TestPage): Promise<void> {
    // A card still open from before must close first, or its old items would be read.
    await page.bringToFront();
    await page.mouseMove(0, 0);
    await page.press('Escape');
    await waitCard(s, page, false);
    await page.hover(CHOE);
    await waitCard(s, page, true);
  }

  /** Waits until the open card shows `n` earlier items (they arrive just after it opens). */
  async function earlierItems(page: TestPage, n: number): Promise<EarlierItem[]> {
    let seen: EarlierItem[] = [];
    await expect.poll(async () => (seen = await s.readEarlier(page)).length, { timeout: 5_000, message: `card shows ${n} earlier items` }).toBe(n);
    return seen;
  }

  beforeAll(async () => {
    s = await browser.start();
    options = await s.openOptions();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('starts with the memory on and empty', async () => {
    const st = await status();
    expect(st.on, st.reason).toBe(true);
    expect(st.stats).toEqual({ articles: 0, entities: 0, bytes: 0 });
  });

  it('after reading the Hanoi article, the front page’s card for Choe Son Hui lists it with its date, outlet and a link to it', async () => {
    const a = await s.openDemo(A);
    await expect.poll(async () => (await status()).stats?.articles ?? 0, { timeout: 5_000, message: 'the Hanoi article is stored' }).toBe(1);
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
    expect(item!.href.split('#')[0]).toBe(`${s.origin}${A}`);
    await b.close();

    // Followed, the link lands at the sentence: the browser takes `#:~:text=` as a directive (it
    // leaves no hash behind, as a plain anchor would) and scrolls to the quote.
    const landed = await s.openDemo(item!.href.slice(s.origin.length));
    expect(await landed.evaluate(() => location.hash), 'the text fragment was read as a directive').toBe('');
    await expect.poll(() => landed.evaluate(() => window.scrollY), { timeout: 5_000, message: 'scrolled to the quote' }).toBeGreaterThan(0);
    await landed.close();
  }, 60_000);

  it('reading the same article twice stores it once', async () => {
    await expect.poll(async () => (await status()).stats?.articles ?? 0, { timeout: 5_000, message: 'the Hanoi article and the front page' }).toBe(2);
    const before = (await status()).stats!;
    const again = await s.openDemo(A);
    await again.close();
    const b = await s.openDemo(B);
    await hoverChoe(b);
    expect((await earlierItems(b, 1))[0]!.href.split('#')[0]).toBe(`${s.origin}${A}`);
    expect((await status()).stats).toEqual(before);
    await b.close();
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
    await b.close();
  }, 60_000);

  it('“Forget everything” removes the items from a card opened afterwards', async () => {
    const forgot = await ask<{ ok: boolean; removed: number }>({ type: 'backstory:memory-forget', scope: 'all' });
    expect(forgot.ok).toBe(true);
    expect(forgot.removed).toBeGreaterThanOrEqual(2);
    const b = await s.openDemo(B);
    await hoverChoe(b);
    await earlierItems(b, 0);
    // Reading B again stored B alone; nothing of the Hanoi article is left.
    const exported = await ask<{ ok: boolean; json: string }>({ type: 'backstory:memory-export' });
    expect(exported.json).not.toContain('hanoi-aftermath');
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
