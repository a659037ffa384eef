// The toolbar popup and badge in every browser: the list of what is on the page with each name's
// mention count, the badge, a click that takes the reader to the name, an evidence link that
// lands on (and flashes) its very sentence, the on/off shortcut, and the empty state.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, type BrowserSession, type TestPage } from '../browsers';
import { packNames, uiString } from '../harness';

const squash = (s: string): string => s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();

/** The range Backstory flashes (CSS Custom Highlight API) and where it is on screen. */
function flashState(page: TestPage) {
  return page.evaluate(() => {
    const flash = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('backstory-flash');
    const range = flash ? [...flash][0] : undefined;
    if (!range) return null;
    const r = range.getBoundingClientRect();
    return { text: range.toString(), top: r.top, height: innerHeight, scrollY };
  });
}

/** Lets the reveal flash clear itself in a front tab before the next step (Firefox throttles
 *  timers in hidden tabs, and a flash timer left pending at shutdown is cut off noisily). */
async function flashOver(page: TestPage): Promise<void> {
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => !(CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.has('backstory-flash')), { timeout: 5_000 }).toBe(true);
}

describeInBrowsers('popup and badge', (browser) => {
  let s: BrowserSession;
  let page: TestPage;
  let tabId: number;
  let counts: Record<string, number>;

  beforeAll(async () => {
    s = await browser.start();
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
    expect(Object.keys(counts).length, `names highlighted on the demo; log: ${s.log().join(' | ') || 'empty'}`).toBeGreaterThan(0);
    const listed = await popup.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-entity]')].map((el) => ({ id: el.dataset.entity ?? '', text: el.innerText.replace(/\s+/g, ' ') })));
    expect(new Set(listed.map((l) => l.id))).toEqual(new Set(Object.keys(counts)));
    expect(listed.length, 'one card per entity').toBe(Object.keys(counts).length);
    for (const { id, text } of listed) {
      // Page-only entities are named as the article names them; pack entities by the pack's name.
      const name = names.get(id) ?? (await page.text(`[data-backstory-entity="${id}"]`));
      expect(text, id).toContain(name);
      expect(text, `${id} shows ${counts[id]} mention(s)`).toMatch(new RegExp(`(^|\\D)${counts[id]} mentions?\\b`));
    }
    await popup.close();
  });

  it('shows the number of distinct entities on the toolbar badge', async () => {
    await expect
      .poll(() => s.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), tabId), { timeout: 5_000 })
      .toBe(String(Object.keys(counts).length));
  });

  it('scrolls the page to the first mention when a card is clicked', async () => {
    // Pick the entity whose first mention is furthest down, so reaching it needs a scroll.
    const target = await page.evaluate(() => {
      window.scrollTo(0, 0);
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
    await popup.click(`[data-entity="${target.id}"]`, { x: 8, y: 8 });
    await expect
      .poll(
        () =>
          page.evaluate((id) => {
            const r = document.querySelector(`[data-backstory-entity="${id}"]`)?.getBoundingClientRect();
            return !!r && r.top >= 0 && r.bottom <= innerHeight && scrollY > 0;
          }, target.id),
        { timeout: 5_000, message: `first mention of ${target.id} scrolled into view` },
      )
      .toBe(true);
    await popup.close();
    await flashOver(page);
  });

  it('scrolls to and flashes the very sentence an evidence link names', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const popup = await s.openPopup(tabId);
    // The last evidence link on Choe Son Hui's full card (opened in place): a sentence further
    // down the article.
    if ((await popup.count('[data-entity="choe-son-hui"] button.bs-more')) > 0) await popup.click('[data-entity="choe-son-hui"] button.bs-more');
    const shown = await popup.evaluate(() => {
      const links = document.querySelectorAll<HTMLElement>('[data-entity="choe-son-hui"] button.bs-sentence');
      const last = links[links.length - 1];
      last?.setAttribute('data-e2e-pick', '');
      return last?.innerText ?? '';
    });
    // Long sentences are cut with an ellipsis in the card: compare on the part that is shown.
    const start = squash(shown).replace(/…$/, '');
    expect(start.length, 'Choe Son Hui’s card has an evidence sentence').toBeGreaterThan(20);
    await popup.click('[data-e2e-pick]');
    await page.bringToFront();
    await expect
      .poll(async () => {
        const f = await flashState(page);
        return f !== null && f.top >= 0 && f.top < f.height;
      }, { timeout: 5_000, message: 'the flashed sentence is on screen' })
      .toBe(true);
    const flashed = (await flashState(page))!;
    expect(squash(flashed.text).startsWith(start.slice(0, 60)), `flashed “${flashed.text.slice(0, 80)}”`).toBe(true);
    expect(flashed.scrollY, 'the page scrolled').toBeGreaterThan(0);
    await popup.close();
    await flashOver(page);
  });

  it('turns the highlights off and on again with the toggle command (Alt+Shift+B)', async () => {
    // The reader presses the shortcut on the page in front of them.
    await page.bringToFront();
    const textBefore = await page.evaluate(() => document.body.textContent);
    // The same message the background sends when the keyboard command fires.
    const toggle = () => s.inExtension((id) => chrome.tabs.sendMessage(id, { type: 'backstory:toggle' }), tabId);
    await toggle();
    await expect.poll(() => page.count('[data-backstory-entity]'), { timeout: 5_000, message: 'every highlight gone' }).toBe(0);
    expect(await page.evaluate(() => document.body.textContent), 'text intact with highlights off').toBe(textBefore);
    await toggle();
    await expect.poll(() => mentionCounts(page), { timeout: 5_000, message: 'the same highlights back' }).toEqual(counts);
  });

  it('shows an empty state and no badge on a page with no known names', async () => {
    const plain = await s.openDemo('/plain.html');
    expect(await plain.count('[data-backstory-entity]')).toBe(0);
    const plainTab = await s.tabIdOf(plain);
    const popup = await s.openPopup(plainTab);
    expect(await popup.count('[data-entity]')).toBe(0);
    expect(await popup.text('body')).toContain(uiString('popup_empty'));
    expect(await s.inExtension((id) => chrome.action.getBadgeText({ tabId: id }), plainTab)).toBe('');
    await popup.close();
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.sawDemoRequests(), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
