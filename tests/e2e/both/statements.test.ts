// Who said what, and when, in every browser: an institution that speaks gets a card of its own
// with its statement, and each statement shows the date the article gives, resolved against the
// page's publication date (Friday 17 February 2023: "on Thursday" is the 16th, "last month" January).
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';

const PAGES = resolve(__dirname, '../pages');

describeInBrowsers('statements on cards', (browser) => {
  let s: BrowserSession;
  let page: TestPage;

  beforeAll(async () => {
    s = await browser.start({ siteRoot: PAGES });
    page = await s.openDemo('/institution-statements.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  async function cardFor(id: string): Promise<string> {
    await page.mouseMove(0, 0);
    await waitCard(s, page, false);
    await page.hover(`[data-backstory-entity="${id}"]`);
    return (await waitFullCard(s, page)).text.replace(/\s+/g, ' ');
  }

  it('highlights the White House and the minister the article quotes', async () => {
    const counts = await mentionCounts(page);
    expect(counts['page-white-house'] ?? 0, `log: ${s.log().join(' | ') || 'empty'}`).toBeGreaterThan(0);
    expect(counts['page-orla-vale'] ?? 0).toBeGreaterThan(0);
  });

  it("shows the White House's card with its statement, dated the Thursday before the article", async () => {
    const text = await cardFor('page-white-house');
    expect(text).toContain('White House');
    expect(text).toContain('the tariff on imported harbour cranes would stay in place');
    expect(text).toMatch(/16 Feb 2023|Feb 16, 2023/);
  });

  it("shows the minister's statement with its month, and not the White House's", async () => {
    const text = await cardFor('page-orla-vale');
    expect(text).toContain('the ports had already ordered cranes from domestic makers');
    expect(text).toMatch(/Jan 2023/);
    expect(text).not.toContain('harbour cranes would stay');
  });

  it('reports no extension error and makes no request beyond the test server', () => {
    expect(s.log()).toEqual([]);
    expect(s.foreignRequests()).toEqual([]);
  });
});
