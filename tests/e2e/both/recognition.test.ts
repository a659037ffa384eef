// Names no pack lists, in every browser: an article about people, a place and organizations that
// no pack knows, none of them introduced with a title, gets a card for each; a later article that
// names one of the people again shows the first under "Earlier in your reading".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, waitCard, type BrowserSession, type TestPage } from '../browsers';
import { uiString } from '../harness';

const SITE = resolve(import.meta.dirname, '../sites/recognition');
const FIRST = '/orchard-vote.html';
const SECOND = '/orchard-harvest.html';
const squash = (s: string) => s.replace(/\s+/g, ' ').replace(/[’‘]/g, "'").trim();

describeInBrowsers('names recognised without a pack', (browser) => {
  const profile = mkdtempSync(join(tmpdir(), `backstory-${browser.name}-recognition-`));
  let s: BrowserSession;
  let options: TestPage;

  const articles = async () =>
    (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'backstory:memory-status' }) as Promise<{ stats?: { articles: number } }>)).stats?.articles ?? -1;

  async function cardFor(page: TestPage, id: string): Promise<string> {
    await page.bringToFront();
    await page.mouseMove(0, 0);
    await page.press('Escape');
    await waitCard(s, page, false);
    await page.hover(`[data-backstory-entity="${id}"]`);
    return squash((await waitCard(s, page, true)).text);
  }

  beforeAll(async () => {
    s = await browser.start({ siteRoot: SITE, userDataDir: profile });
    options = await s.openOptions();
  }, 90_000);
  afterAll(async () => {
    await s?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it('highlights the untitled people, the place and the organizations, and gives each a card', async () => {
    const page = await s.openDemo(FIRST);
    const ids = await page.evaluate(() => [...new Set([...document.querySelectorAll<HTMLElement>('[data-backstory-entity]')].map((el) => el.dataset.backstoryEntity))].sort());
    expect(ids).toEqual([
      'page-brackwater-cooperative-bank',
      'page-gareth-pollinder',
      'page-imogen-strate',
      'page-tarvin-orchard-association',
      'page-velmora',
    ]);
    const pageOnly = squash(uiString('card_page_only'));

    const person = await cardFor(page, 'page-gareth-pollinder');
    expect(person).toContain('Gareth Pollinder');
    expect(person).toContain(uiString('type_person'));
    expect(person).toContain(pageOnly);
    // What the article says he said is on his card.
    expect(person).toContain('the vote was closer than anyone expected');

    const place = await cardFor(page, 'page-velmora');
    expect(place).toContain('Velmora');
    expect(place).toContain(uiString('type_place'));

    const org = await cardFor(page, 'page-tarvin-orchard-association');
    expect(org).toContain('Tarvin Orchard Association');
    expect(org).toContain(uiString('type_organization'));
    await expect.poll(articles, { timeout: 5_000, message: 'the first article is stored' }).toBe(1);
    await page.close();
  }, 60_000);

  it("a later article's card for the same person lists the first under earlier reading", async () => {
    const page = await s.openDemo(SECOND);
    await cardFor(page, 'page-gareth-pollinder');
    let items: Awaited<ReturnType<BrowserSession['readEarlier']>> = [];
    await expect.poll(async () => (items = await s.readEarlier(page)).length, { timeout: 5_000, message: 'one earlier item' }).toBe(1);
    expect(items[0]!.href.split('#')[0]).toBe(`${s.origin}${FIRST}`);
    expect(squash(items[0]!.text)).toContain('the vote was closer than anyone expected');
    await page.close();
  }, 60_000);
});
