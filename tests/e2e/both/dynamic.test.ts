// Pages that change after loading, in every browser: a live blog that adds an update, and a
// client-side router that swaps the story with pushState and goes back with the history.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PAGES_DIR } from '../../dom/page-fixtures';
import { describeInBrowsers, mentionCounts, type BrowserSession } from '../browsers';

/** The second story's names: Choe Son Hui (the Korean pack), Seoul (the world cities pack) and
 *  Washington, recognised from the article (the pack's Washington, D.C. needs context it lacks). */
const SECOND_STORY = { 'choe-son-hui': 2, 'seoul': 1, 'page-washington': 1 };

describeInBrowsers('pages that change after loading', (browser) => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await browser.start({ siteRoot: PAGES_DIR });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('annotates an update a live blog adds after loading, nothing twice', async () => {
    const page = await s.openDemo('/live-blog.html');
    await page.waitFor('html[data-fixture-done]', { timeout: 5_000 });
    // The update is added once the first pass is over, so this checks the watcher after it. (An
    // update landing during the first pass is handed over when the pass ends: tests/dom/
    // dynamic-pages.test.ts covers that without depending on the machine's speed.)
    await page.evaluate(() => {
      const section = document.createElement('section');
      section.className = 'update';
      section.id = 'added-by-test';
      const p = document.createElement('p');
      p.textContent = 'Choe Son Hui said the talks could wait; analysts pointed again at Yongbyon.';
      section.append(p);
      document.getElementById('feed')?.prepend(section);
    });
    await expect
      .poll(
        () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#added-by-test [data-backstory-entity]')].map((el) => el.dataset.backstoryEntity).sort()),
        { timeout: 10_000, message: 'the added update gets its names highlighted' },
      )
      .toEqual(['choe-son-hui', 'yongbyon']);
    expect(await page.count('[data-backstory-entity] [data-backstory-entity]'), 'nothing wrapped twice').toBe(0);
    await page.close();
  });

  it('follows a pushState navigation to a new story and a step back in the history', async () => {
    const page = await s.openDemo('/spa-history.html');
    expect(await mentionCounts(page)).toEqual({ 'stephen-biegun': 2, 'working-level-talks': 1, 'seoul': 1 });
    await page.click('#to-second');
    await page.waitFor('html[data-fixture-done]', { timeout: 5_000 });
    await expect.poll(() => mentionCounts(page), { timeout: 10_000, message: 'the new story is annotated' }).toEqual(SECOND_STORY);
    expect(await page.evaluate(() => location.search)).toBe('?story=second');

    // Back: the URL changes without a load (the page keeps the view it shows); the annotation
    // starts over on what is there, and nothing ends up wrapped twice or lost.
    const text = await page.evaluate(() => document.body.textContent);
    await page.evaluate(() => history.back());
    await expect.poll(() => page.evaluate(() => location.search), { timeout: 5_000 }).toBe('');
    await expect.poll(() => mentionCounts(page), { timeout: 10_000 }).toEqual(SECOND_STORY);
    expect(await page.count('[data-backstory-entity] [data-backstory-entity]'), 'nothing wrapped twice').toBe(0);
    expect(await page.evaluate(() => document.body.textContent), 'the text is as the page left it').toBe(text);
    await page.close();
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the fixture server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
