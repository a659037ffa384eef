// The reading memory in real Chromium: what one article says about a name shows on the next
// article's card, with its date, outlet and a link back; the reader can forget it; it survives a
// restart; a broken database leaves everything else working; nothing of it leaks into the page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { inCardRoot } from './card-probes';
import { describeInBrowser, startSession, waitCard, waitReady, type Session } from './harness';

const A = '/hanoi-aftermath.html';
const B = '/index.html';

interface EarlierSeen {
  kind: string | null;
  href: string | null;
  target: string | null;
  text: string;
}

async function hoverChoe(s: Session, page: Page): Promise<void> {
  // A card still open from before must close first, or its old items would be read.
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
  await waitCard(s.ctx, page, false);
  await page.locator('[data-backstory-entity="choe-son-hui"]').first().hover({ timeout: 5_000 });
  await waitCard(s.ctx, page, true);
}

function earlierInCard(s: Session, page: Page): Promise<EarlierSeen[]> {
  return inCardRoot<EarlierSeen[]>(
    s.ctx,
    page,
    `function () {
      return [...this.querySelectorAll('[data-earlier]')].map((li) => {
        const a = li.querySelector('a');
        return { kind: li.getAttribute('data-earlier'), href: a && a.href, target: a && a.target, text: li.textContent.replace(/\\s+/g, ' ').trim() };
      });
    }`,
  );
}

/** Waits until the open card shows `n` earlier items (they arrive just after it opens). */
async function earlierItems(s: Session, page: Page, n: number): Promise<EarlierSeen[]> {
  let seen: EarlierSeen[] = [];
  await expect.poll(async () => (seen = await earlierInCard(s, page)).length, { timeout: 5_000, message: `card shows ${n} earlier items` }).toBe(n);
  return seen;
}

/** Sends a message to the background from an extension page, as the options page does. */
async function ask<T>(s: Session, msg: unknown): Promise<T> {
  const page = await s.ctx.newPage();
  try {
    await page.goto(`chrome-extension://${s.extensionId}/manifest.json`);
    return (await page.evaluate((m) => chrome.runtime.sendMessage(m), msg)) as T;
  } finally {
    await page.close();
  }
}

const status = (s: Session) => ask<{ on: boolean; reason?: string; stats?: { articles: number; entities: number; bytes: number } }>(s, { type: 'backstory:memory-status' });

describeInBrowser('reading memory in Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-memory-'));
  let s: Session;
  /** Requests beyond the extension and the demo server made by a session closed on the way. */
  const earlierSessions: unknown[] = [];

  beforeAll(async () => {
    s = await startSession({ userDataDir: profile });
  }, 60_000);

  afterAll(async () => {
    await s?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it('after reading A, B’s card for Choe Son Hui lists A’s fact with A’s date, outlet and a link that opens A', async () => {
    const a = await s.openDemo(A);
    await a.close();
    const b = await s.openDemo(B);
    await hoverChoe(s, b);
    const items = await earlierItems(s, b, 1);
    expect(items[0]!.href!.startsWith(`${s.server.origin}${A}#:~:text=`), items[0]!.href!).toBe(true);
    expect(items[0]!.target).toBe('_blank');
    expect(items[0]!.text).toContain('Mar 16, 2019');
    expect(items[0]!.text).toContain('The Meridian Review');
    expect(items[0]!.text).toContain('American demands');

    const opened = s.ctx.waitForEvent('page');
    await inCardRoot(s.ctx, b, `function () { this.querySelector('[data-earlier] a').click(); }`);
    const tab = await opened;
    await tab.waitForLoadState('domcontentloaded');
    expect(tab.url().split('#')[0]).toBe(`${s.server.origin}${A}`);
    await tab.close();
    await b.close();
  }, 60_000);

  it('reading the same article twice stores it once', async () => {
    const before = (await status(s)).stats!.articles;
    const a = await s.openDemo(A);
    await a.reload();
    await waitReady(a);
    await a.close();
    expect((await status(s)).stats!.articles).toBe(before);
  }, 60_000);

  it('a hostile page finds no trace of the memory in its DOM', async () => {
    const b = await s.openDemo(B);
    await hoverChoe(s, b);
    await earlierItems(s, b, 1);
    // What a page script can see: its document (the card's root is closed) and the host element.
    const seen = await b.evaluate(() => {
      const host = document.querySelector('[data-backstory-card]');
      return {
        html: document.documentElement.outerHTML,
        shadow: host ? host.shadowRoot === null : null,
        attrs: [...document.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`)).filter((a) => /earlier|memory|hanoi-aftermath/i.test(a)),
      };
    });
    expect(seen.shadow, 'the card root is closed').toBe(true);
    expect(seen.html).not.toContain('hanoi-aftermath');
    expect(seen.html).not.toContain('American demands');
    expect(seen.html).not.toContain('Earlier in your reading');
    expect(seen.attrs, seen.attrs.join(' | ')).toEqual([]);
    await b.close();
  }, 60_000);

  it('the popup lists the earlier items in the full card, says once that memory is on, and forgets this article', async () => {
    const b = await s.openDemo(B);
    const popup = await s.openPopup(await s.tabIdOf(b));
    const item = popup.locator('[data-entity="choe-son-hui"] [data-earlier] a');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('href')).toContain(`${s.server.origin}${A}#:~:text=`);
    await expect.poll(() => popup.locator('#memory-notice').count()).toBe(1);
    await popup.locator('#memory-notice button').click();
    const again = await s.openPopup(await s.tabIdOf(b));
    expect(await again.locator('#memory-notice').count(), 'the line shows once').toBe(0);
    // Forgetting B (the tab's article) leaves A, which B's card still lists.
    const articles = (await status(s)).stats!.articles;
    await again.locator('#forget-article').click();
    await expect.poll(async () => (await status(s)).stats!.articles).toBe(articles - 1);
    expect(await again.locator('[data-entity="choe-son-hui"] [data-earlier]').count()).toBe(1);
    await popup.close();
    await again.close();
    await b.close();
  }, 60_000);

  it('export then import round-trips; a broken file is refused whole and nothing changes', async () => {
    const exported = await ask<{ ok: boolean; json: string }>(s, { type: 'backstory:memory-export' });
    expect(exported.ok).toBe(true);
    const file = JSON.parse(exported.json) as { articles: { url: string }[] };
    const before = (await status(s)).stats!;
    expect(file.articles.map((a) => a.url)).toContain(`${s.server.origin}${A}`);
    expect(file.articles.length).toBe(before.articles);

    const broken = { ...file, articles: [...file.articles, { url: 'javascript:alert(1)' }] };
    const refused = await ask<{ ok: boolean; error?: string }>(s, { type: 'backstory:memory-import', text: JSON.stringify(broken) });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(new RegExp(`^articles\\[${file.articles.length}\\]`));
    expect((await status(s)).stats).toEqual(before);

    await ask(s, { type: 'backstory:memory-forget', scope: 'all' });
    expect((await status(s)).stats!.articles).toBe(0);
    const imported = await ask<{ ok: boolean; count: number }>(s, { type: 'backstory:memory-import', text: exported.json });
    expect(imported).toEqual({ ok: true, count: file.articles.length });
    const again = await ask<{ ok: boolean; json: string }>(s, { type: 'backstory:memory-export' });
    expect(JSON.parse(again.json).articles).toEqual(file.articles);
  }, 60_000);

  it('“Forget this article” and “Forget everything” remove what they say, on open pages too', async () => {
    const b = await s.openDemo(B);
    const tabB = await s.tabIdOf(b);
    const a = await s.openDemo(A);
    const tabA = await s.tabIdOf(a);
    await hoverChoe(s, b);
    await earlierItems(s, b, 1);
    // A's card lists B (read after it, dated later): forgetting A leaves B.
    const forgot = await ask<{ ok: boolean; removed: number }>(s, { type: 'backstory:memory-forget', scope: 'article', tabId: tabA });
    expect(forgot).toEqual({ ok: true, removed: 1 });
    await hoverChoe(s, b);
    await earlierItems(s, b, 0);
    await hoverChoe(s, a);
    await earlierItems(s, a, 1);
    await ask(s, { type: 'backstory:memory-forget', scope: 'all' });
    await hoverChoe(s, a);
    await earlierItems(s, a, 0);
    expect((await status(s)).stats).toEqual({ articles: 0, entities: 0, bytes: 0 });
    expect(tabB).toBeGreaterThanOrEqual(0);
    await a.close();
    await b.close();
  }, 90_000);

  it('survives a browser restart on the same profile', async () => {
    const a = await s.openDemo(A);
    await a.close();
    earlierSessions.push(...s.foreignRequests());
    await s.close();
    s = await startSession({ userDataDir: profile });
    const b = await s.openDemo(B);
    await hoverChoe(s, b);
    const items = await earlierItems(s, b, 1);
    expect(items[0]!.href).toContain(A);
    await b.close();
  }, 90_000);

  it('a damaged database turns the memory off with the reason on the options page; highlights and cards still work', async () => {
    // Another version of the database, without our stores, as a crash or a downgrade may leave it.
    await ask(s, { type: 'backstory:memory-status' });
    const page = await s.ctx.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/manifest.json`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('backstory-memory', 99);
          req.onupgradeneeded = () => {
            for (const name of [...req.result.objectStoreNames]) req.result.deleteObjectStore(name);
          };
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error);
        }),
    );
    await page.close();
    const st = await status(s);
    expect(st.on).toBe(false);
    expect(st.reason).toMatch(/newer version|damaged|could not be opened/);

    const b = await s.openDemo(B);
    expect(await b.locator('[data-backstory-entity="choe-son-hui"]').count()).toBeGreaterThan(0);
    await hoverChoe(s, b);
    await earlierItems(s, b, 0);

    const options = await s.ctx.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready]', { timeout: 10_000 });
    await expect.poll(() => options.locator('#memory-notice').textContent(), { timeout: 5_000 }).toMatch(/memory is off because/);
    await options.close();
    await b.close();
  }, 90_000);

  it('made no request beyond the extension and the demo server', () => {
    expect(earlierSessions).toEqual([]);
    expect(s.foreignRequests()).toEqual([]);
  });
});
