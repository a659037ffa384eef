// Stepping through mentions with the keyboard commands (next-mention / previous-mention) in real
// Chromium: focus lands on a highlighted mention, it is scrolled into view and its card opens.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, packNames, startSession, waitCard, type Session } from './harness';

interface Focused {
  id: string | null;
  /** Position among all highlighted elements, to tell two mentions of one name apart. */
  index: number;
  inView: boolean;
}

function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement?.closest('[data-backstory-entity]') ?? null;
    const all = [...document.querySelectorAll('[data-backstory-entity]')];
    const r = el?.getBoundingClientRect();
    return { id: el?.getAttribute('data-backstory-entity') ?? null, index: el ? all.indexOf(el) : -1, inView: !!r && r.top >= 0 && r.bottom <= innerHeight };
  });
}

describeInBrowser('next/previous mention in Chromium', () => {
  let s: Session;
  let page: Page;
  let step: (direction: 'next' | 'previous') => Promise<unknown>;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
    const tabId = await s.tabIdOf(page);
    // The message the background sends when Alt+Shift+N / Alt+Shift+P fire.
    step = async (direction) => (await s.worker()).evaluate(([id, d]) => chrome.tabs.sendMessage(id as number, { type: 'backstory:step', direction: d }), [tabId, direction] as const);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('goes to the first mention, opens its card, then moves on through every mention and back', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await step('next')).toEqual({ ok: true });
    const first = await focused(page);
    expect(first.id, 'a mention has focus').not.toBeNull();
    expect(first.inView).toBe(true);
    const name = packNames().get(first.id!) ?? (await page.locator(`[data-backstory-entity="${first.id}"]`).first().innerText());
    expect((await waitCard(s.ctx, page, true)).text, 'the card of the focused mention is open').toContain(name);

    await step('next');
    const second = await focused(page);
    expect(second.index, 'a later mention').toBeGreaterThan(first.index);

    // Far down the page: step until the focus has moved well below the fold, each in view.
    let last = second;
    for (let i = 0; i < 12; i++) {
      await step('next');
      const now = await focused(page);
      expect(now.index, 'each step moves forward').toBeGreaterThan(last.index);
      expect(now.inView, `mention ${now.id} scrolled into view`).toBe(true);
      last = now;
    }
    expect(await page.evaluate(() => scrollY), 'the page scrolled along').toBeGreaterThan(0);
    expect((await waitCard(s.ctx, page, true)).open).toBe(true);

    await step('previous');
    const back = await focused(page);
    expect(back.index).toBeLessThan(last.index);
    expect(back.inView).toBe(true);
  }, 60_000);

  it('wraps from the first mention to the last one', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(() => window.scrollTo(0, 0));
    await step('next');
    const first = await focused(page);
    await step('previous');
    const wrapped = await focused(page);
    const total = await page.locator('[data-backstory-entity]').count();
    expect(first.index).toBeLessThan(wrapped.index);
    // The last stop is the last mention (or the first piece of a mention split by inline tags).
    expect(wrapped.index).toBeGreaterThan(total - 4);
  }, 30_000);

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
