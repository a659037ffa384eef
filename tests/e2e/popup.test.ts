// The toolbar popup and badge in real Chromium: the list of what is on the page, the badge
// count, a click that takes the reader to the name, and the empty state on a page with none.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, packNames, startSession, uiString, type Session } from './harness';

describeInBrowser('popup and badge in Chromium', () => {
  let s: Session;
  let page: Page;
  let tabId: number;
  let counts: Record<string, number>;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
    tabId = await s.tabIdOf(page);
    counts = await mentionCounts(page);
  });
  afterAll(async () => {
    await s?.close();
  });

  it('lists every highlighted entity with its name and mention count', async () => {
    const popup = await s.openPopup(tabId);
    const names = packNames();
    expect(Object.keys(counts).length, `names highlighted on the demo; page log: ${s.pageLog.join(' | ') || 'empty'}`).toBeGreaterThan(0);
    const listed = await popup.$$eval('[data-entity]', (els) => els.map((el) => (el as HTMLElement).dataset.entity ?? ''));
    expect(new Set(listed)).toEqual(new Set(Object.keys(counts)));
    expect(listed.length, 'one card per entity').toBe(new Set(listed).size);

    for (const [id, count] of Object.entries(counts)) {
      const text = (await popup.locator(`[data-entity="${id}"]`).innerText()).replace(/\s+/g, ' ');
      // Page-only entities are named as the article names them; pack entities by the pack's name.
      const name = names.get(id) ?? (await page.locator(`[data-backstory-entity="${id}"]`).first().innerText());
      expect(text, id).toContain(name);
      expect(text, `${id} shows ${count} mention(s)`).toMatch(new RegExp(`(^|\\D)${count} mentions?\\b`));
    }
    await popup.close();
  });

  it('shows the number of distinct entities on the toolbar badge', async () => {
    const sw = await s.worker();
    await expect
      .poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 5_000 })
      .toBe(String(Object.keys(counts).length));
  });

  it('scrolls the page to the first mention when a card is clicked', async () => {
    // Pick the entity whose first mention is furthest down, so reaching it needs a scroll.
    await page.evaluate(() => window.scrollTo(0, 0));
    const target = await page.evaluate(() => {
      let best: { id: string; top: number } | null = null;
      const seen = new Set<string>();
      for (const el of document.querySelectorAll<HTMLElement>('[data-backstory-entity]')) {
        const id = el.dataset.backstoryEntity ?? '';
        if (seen.has(id)) continue;
        seen.add(id);
        const top = el.getBoundingClientRect().top;
        if (!best || top > best.top) best = { id, top };
      }
      return best && { ...best, viewport: innerHeight };
    });
    expect(target, 'some mention').not.toBeNull();
    if (!target) return;
    expect(target.top, 'the chosen mention starts below the fold').toBeGreaterThan(target.viewport);

    const popup = await s.openPopup(tabId);
    // Click the card itself (its top-left corner: the name), not one of its sentence links.
    await popup.locator(`[data-entity="${target.id}"]`).click({ position: { x: 8, y: 8 }, timeout: 5_000 });
    await expect
      .poll(
        () =>
          page.evaluate((id) => {
            const r = document.querySelector(`[data-backstory-entity="${id}"]`)?.getBoundingClientRect();
            return !!r && r.top >= 0 && r.bottom <= innerHeight;
          }, target.id),
        { timeout: 5_000, message: `first mention of ${target.id} scrolled into view` },
      )
      .toBe(true);
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await popup.close();
  });

  it('turns the highlights off and on again with the toggle command (Alt+Shift+B)', async () => {
    const sw = await s.worker();
    const textBefore = await page.evaluate(() => document.body.textContent);
    // The same message the background sends when the keyboard command fires.
    const toggle = () => sw.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'backstory:toggle' }), tabId);
    await toggle();
    await expect.poll(() => page.locator('[data-backstory-entity]').count(), { timeout: 5_000 }).toBe(0);
    expect(await page.evaluate(() => document.body.textContent), 'text intact with highlights off').toBe(textBefore);
    await toggle();
    await expect.poll(() => mentionCounts(page), { timeout: 5_000 }).toEqual(counts);
  });

  it('shows an empty state and no badge on a page with no known names', async () => {
    const plain = await s.openDemo('/plain.html');
    expect(await plain.locator('[data-backstory-entity]').count()).toBe(0);
    const plainTab = await s.tabIdOf(plain);
    const popup = await s.openPopup(plainTab);
    expect(await popup.locator('[data-entity]').count()).toBe(0);
    expect(await popup.locator('body').innerText()).toContain(uiString('popup_empty'));
    const sw = await s.worker();
    expect(await sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), plainTab)).toBe('');
    await popup.close();
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.requests.some((r) => r.url.startsWith(s.server.origin)), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
