// The demo article in every browser the README promises: names highlighted inside the article
// only (short forms and the article's own names too), the hover card with what the article says
// and what came later, the card opened from the keyboard and closed with Escape, its closed root,
// and not one request beyond the extension and the demo server.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';
import { packNames, uiString } from '../harness';

/** The text between two headings ("" when the first is missing). */
function section(text: string, heading: string, next: string): string {
  const start = text.indexOf(heading);
  if (start < 0) return '';
  const end = text.indexOf(next, start + heading.length);
  return text.slice(start + heading.length, end < 0 ? undefined : end);
}

describeInBrowsers('demo article', (browser) => {
  let s: BrowserSession;
  let page: TestPage;

  beforeAll(async () => {
    s = await browser.start();
    page = await s.openDemo('/index.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('highlights the names the article mentions, and nothing outside the article', async () => {
    const counts = await mentionCounts(page);
    // The IAEA comes from the bundled world-organizations pack; KEDO only from the article.
    for (const id of ['choe-son-hui', 'kim-jong-un', 'mike-pompeo', 'yongbyon', 'supreme-peoples-assembly', 'hanoi-summit', 'international-atomic-energy-agency', 'page-kedo']) {
      expect(counts[id] ?? 0, `mentions of ${id}; log: ${s.log().join(' | ') || 'empty'}`).toBeGreaterThan(0);
    }
    expect(counts['yongbyon']).toBeGreaterThanOrEqual(2);
    const outside = await page.evaluate(() => ({
      stray: [...document.querySelectorAll('[data-backstory-entity]')].filter((m) => !m.closest('article')).map((m) => `${m.parentElement?.tagName}: ${m.textContent}`),
      // The page names people in its navigation, sidebar, comments and footer too, so "no stray highlight" means something.
      namesOutside: [...document.querySelectorAll('nav, aside, footer, [class*="comment" i], [id*="comment" i]')].some((el) => /Kim Jong Un|Choe Son Hui|Pompeo|Yongbyon/.test(el.textContent ?? '')),
    }));
    expect(outside.namesOutside, 'the demo names someone outside the article').toBe(true);
    expect(outside.stray, 'highlights outside <article>').toEqual([]);
    expect(await page.count('[data-backstory-entity] [data-backstory-entity]'), 'nothing wrapped twice').toBe(0);
  });

  it('marks short forms once the full name or definition is established', async () => {
    const surfaces = await page.evaluate(() => {
      const out: Record<string, string[]> = {};
      for (const el of document.querySelectorAll<HTMLElement>('[data-backstory-entity]')) {
        (out[el.dataset.backstoryEntity ?? ''] ??= []).push((el.textContent ?? '').trim());
      }
      return out;
    });
    expect(surfaces['supreme-peoples-assembly'] ?? []).toContain('SPA');
    expect(surfaces['choe-son-hui'] ?? []).toContain('Choe');
  });

  it('finds names the pack lacks from the article itself, and never doubles a pack name', async () => {
    const counts = await mentionCounts(page);
    // "the Korean Peninsula Energy Development Organization (KEDO)": defined in the text, then used again.
    expect(counts['page-kedo'] ?? 0, 'KEDO, defined in the text').toBeGreaterThanOrEqual(2);
    // "the International Atomic Energy Agency (IAEA)" is defined in the text too, but a bundled pack knows it: the pack's.
    expect(counts['international-atomic-energy-agency'] ?? 0, 'IAEA, from the pack').toBeGreaterThanOrEqual(2);
    expect(counts['page-iaea'] ?? 0, 'no page-only duplicate of the pack’s IAEA').toBe(0);
    // The byline's reporter, named without a title, is in no pack: recognised from the article.
    expect(counts['page-hana-seo'] ?? 0, 'Hana Seo, from the article').toBeGreaterThan(0);
    // "Foreign Minister Ri Yong Ho" is titled in the article and named in the pack: the pack's.
    expect(counts['ri-yong-ho'] ?? 0, 'Ri Yong Ho, from the pack').toBeGreaterThan(0);
    expect(counts['page-ri-yong-ho'] ?? 0, 'no page-only duplicate of a pack name').toBe(0);
  });

  it('leaves the text of the page exactly as it was', async () => {
    const { now, original } = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return { now: document.body.textContent, original: new DOMParser().parseFromString(html, 'text/html').body.textContent };
    });
    expect(now).toBe(original);
  });

  it('opens a card on hover with what the article says about Choe Son Hui', async () => {
    expect((await s.readCard(page)).open, 'no card before hovering').toBe(false);
    // Near the top of the window, so the tall card fits below the name.
    await page.evaluate(() => {
      document.querySelector('[data-backstory-entity="choe-son-hui"]')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await page.hover('[data-backstory-entity="choe-son-hui"]');
    const card = await waitFullCard(s, page);
    expect(card.text).toContain('Choe Son Hui');
    const fromArticle = section(card.text, uiString('card_from_article'), uiString('card_background'));
    expect(fromArticle, 'the card has a section drawn from the article').not.toBe('');
    expect(fromArticle).toContain('First Vice Foreign Minister');
    expect(fromArticle).toMatch(/August 31|31 August|Aug(\.|ust)? 31|2019-08-31/);
    // Her 2022 appointment comes after this 2019 article: listed apart, under "Later:".
    const later = uiString('card_later');
    expect(card.text).toContain(later);
    expect(card.text.slice(card.text.indexOf(later))).toContain('first woman in the post');
    expect(section(card.text, uiString('card_background'), later)).not.toContain('first woman in the post');
  });

  it('keeps the card in a closed root, out of reach of page scripts', async () => {
    const probe = await page.evaluate(() => {
      const host = document.querySelector('[data-backstory-card]');
      return { found: host !== null, closed: host ? host.shadowRoot === null : null, text: host?.textContent ?? '' };
    });
    expect(probe).toMatchObject({ found: true, closed: true });
    expect(probe.text).not.toContain('First Vice Foreign Minister');
  });

  it('closes the card on Escape', async () => {
    await waitCard(s, page, true);
    await page.press('Escape');
    await waitCard(s, page, false);
    await page.mouseMove(0, 0);
  });

  it('opens a card when a mention gets keyboard focus, and Escape closes it', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    let focused: string | null = null;
    // Tab through the page like a keyboard user until a mention (or a link holding one) has focus.
    for (let i = 0; i < 300 && !focused; i++) {
      await page.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        const mention = el?.closest('[data-backstory-entity]') ?? el?.querySelector('[data-backstory-entity]');
        return mention instanceof HTMLElement ? (mention.dataset.backstoryEntity ?? null) : null;
      });
    }
    expect(focused, 'Tab reaches a highlighted name').not.toBeNull();
    const card = await waitCard(s, page, true);
    const name = packNames().get(focused ?? '');
    if (name) expect(card.text).toContain(name);
    await page.press('Escape');
    await waitCard(s, page, false);
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.sawDemoRequests(), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
