// What the cards take from the article itself, in real Chromium: an acronym's expansion as the
// text defines it, a card for an acronym the pack lacks, and evidence links that land on their sentence.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startSession, uiString, waitCard, waitFullCard, type Session } from './harness';

/** A UI string up to its first placeholder ("Stands for $LONG$" → "Stands for "). */
function prefix(key: string): string {
  return uiString(key).split('$')[0] ?? '';
}

/** The range Backstory flashes (CSS Custom Highlight API), where it is on screen, and the scroll. */
function flashState(page: Page) {
  return page.evaluate(() => {
    const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-flash');
    const range = flash ? [...flash][0] : undefined;
    if (!range) return null;
    const r = range.getBoundingClientRect();
    return { text: range.toString(), top: r.top, height: innerHeight, scrollY };
  });
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();

describeInBrowser('cards drawn from the demo article', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  async function openCardFor(id: string): Promise<string> {
    await page.mouse.move(0, 0);
    await waitCard(s.ctx, page, false);
    await page.locator(`[data-backstory-entity="${id}"]`).first().hover({ timeout: 5_000 });
    return squash((await waitFullCard(s.ctx, page)).text);
  }

  it('shows the expansion of SPA that the article itself gives', async () => {
    const text = await openCardFor('supreme-peoples-assembly');
    expect(text).toContain(`${squash(prefix('card_stands_for'))} Supreme People's Assembly`);
  });

  it('gives an acronym the pack lacks a page-only card with its expansion', async () => {
    // (The article's other defined acronym, IAEA, is in the bundled world-organizations pack.)
    const text = await openCardFor('page-kedo');
    expect(text).toContain('Korean Peninsula Energy Development Organization');
    expect(text).toContain(squash(uiString('card_page_only')));
  });

  it('gives the IAEA, which the world organizations pack knows, the pack card with the expansion the article gives', async () => {
    const text = await openCardFor('international-atomic-energy-agency');
    expect(text).toContain(`${squash(prefix('card_stands_for'))} International Atomic Energy Agency`);
    expect(text).not.toContain(squash(uiString('card_page_only')));
  });

  it('gives a name no pack lists (the byline reporter, untitled) a page-only card', async () => {
    const text = await openCardFor('page-hana-seo');
    expect(text).toContain('Hana Seo');
    expect(text).toContain(squash(uiString('card_page_only')));
  });

  it('scrolls to and flashes the very sentence an evidence link names', async () => {
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await s.openPopup(await s.tabIdOf(page));
    // The last evidence link of the full card, opened in place.
    const more = popup.locator('[data-entity="choe-son-hui"] button.bs-more');
    if ((await more.count()) > 0) await more.click();
    const link = popup.locator('[data-entity="choe-son-hui"] button.bs-sentence').last();
    // Long sentences are cut with an ellipsis in the card: compare on the part that is shown.
    const shown = squash(await link.innerText()).replace(/…$/, '');
    expect(shown.length).toBeGreaterThan(20);
    await link.click();
    await page.bringToFront();
    // The scroll is smooth: wait until the flashed range has come to rest on screen.
    await expect
      .poll(async () => {
        const f = await flashState(page);
        return f !== null && f.top >= 0 && f.top < f.height;
      }, { timeout: 5_000 })
      .toBe(true);
    const flashed = (await flashState(page))!;
    expect(squash(flashed.text).startsWith(shown.slice(0, 60))).toBe(true);
    expect(flashed.scrollY, 'the page scrolled').toBeGreaterThan(0);
    await popup.close();
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
