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
  await page.mouse.move(0, 0);
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
});
