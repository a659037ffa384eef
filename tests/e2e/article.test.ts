// The demo article in real Chromium: what gets highlighted, that the page's text is left
// intact, and the hover/focus card a reader opens.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, packNames, readCard, startSession, uiString, waitCard, waitFullCard, type Session } from './harness';

/** The text between two headings ("" when the first is missing). */
function section(text: string, heading: string, next: string): string {
  const start = text.indexOf(heading);
  if (start < 0) return '';
  const end = text.indexOf(next, start + heading.length);
  return text.slice(start + heading.length, end < 0 ? undefined : end);
}

describeInBrowser('demo article in Chromium', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('highlights the people, places and bodies the article names', async () => {
    const counts = await mentionCounts(page);
    for (const id of ['choe-son-hui', 'kim-jong-un', 'mike-pompeo', 'yongbyon', 'supreme-peoples-assembly', 'hanoi-summit']) {
      expect(counts[id] ?? 0, `mentions of ${id}; page log: ${s.pageLog.join(' | ') || 'empty'}`).toBeGreaterThan(0);
    }
    // Yongbyon is named twice in the article; both are marked.
    expect(counts['yongbyon']).toBeGreaterThanOrEqual(2);
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

  it('finds names the pack lacks from the article itself', async () => {
    const counts = await mentionCounts(page);
    // "the International Atomic Energy Agency (IAEA)". "Foreign Minister Ri Yong Ho" used to be the
    // demo's titled page-only person; the pack names him now, so his mention is the pack's.
    expect(counts['page-iaea'] ?? 0, 'IAEA, defined in the text').toBeGreaterThanOrEqual(2);
    expect(counts['ri-yong-ho'] ?? 0, 'Ri Yong Ho, from the pack').toBeGreaterThan(0);
    expect(counts['page-ri-yong-ho'] ?? 0, 'no page-only duplicate of a pack name').toBe(0);
  });

  it('leaves navigation, sidebar, comments and footer alone', async () => {
    const outside = await page.evaluate(() => {
      const mentions = [...document.querySelectorAll('[data-backstory-entity]')];
      const stray = mentions.filter((m) => !m.closest('article')).map((m) => `${m.parentElement?.tagName}: ${m.textContent}`);
      // The page names people outside the article too, so the check above means something.
      const chrome = [...document.querySelectorAll('nav, aside, footer, [class*="comment" i], [id*="comment" i]')];
      const namesOutside = chrome.some((el) => /Kim Jong Un|Choe Son Hui|Pompeo|Yongbyon/.test(el.textContent ?? ''));
      return { stray, namesOutside, total: mentions.length };
    });
    expect(outside.total, 'the article has highlights').toBeGreaterThan(0);
    expect(outside.namesOutside, 'the demo names someone outside the article').toBe(true);
    expect(outside.stray).toEqual([]);
  });

  it('leaves the text of the page exactly as it was', async () => {
    const { now, original } = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      return { now: document.body.textContent, original: fresh.body.textContent };
    });
    expect(now).toBe(original);
    // And nothing is wrapped twice.
    expect(await page.locator('[data-backstory-entity] [data-backstory-entity]').count()).toBe(0);
  });

  it('opens a card on hover with what the article says about Choe Son Hui', async () => {
    expect((await readCard(s.ctx, page)).open, 'no card before hovering').toBe(false);
    await page.locator('[data-backstory-entity="choe-son-hui"]').first().hover({ timeout: 5_000 });
    const card = await waitFullCard(s.ctx, page);
    expect(card.text).toContain('Choe Son Hui');
    // The pack's background mentions her title too: look only at the card's article section.
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

  it('keeps the card out of reach of page scripts', async () => {
    const probe = await page.evaluate(() => {
      const host = document.querySelector('[data-backstory-card]');
      return { found: host !== null, shadowRoot: host ? host.shadowRoot === null : null, text: host?.textContent ?? '' };
    });
    expect(probe.found).toBe(true);
    expect(probe.shadowRoot, 'host.shadowRoot === null (closed root)').toBe(true);
    expect(probe.text).not.toContain('First Vice Foreign Minister');
  });

  it('closes the card on Escape', async () => {
    await waitCard(s.ctx, page, true);
    await page.keyboard.press('Escape');
    await waitCard(s.ctx, page, false);
    await page.mouse.move(0, 0);
  });

  it('opens a card when a mention gets keyboard focus', async () => {
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    const names = packNames();
    let focused: string | null = null;
    // Tab through the page like a keyboard user until a mention (or a link holding one) has focus.
    for (let i = 0; i < 300 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const el = document.activeElement;
        const mention = el?.closest('[data-backstory-entity]') ?? el?.querySelector('[data-backstory-entity]');
        return mention instanceof HTMLElement ? (mention.dataset.backstoryEntity ?? null) : null;
      });
    }
    expect(focused, 'Tab reaches a highlighted name').not.toBeNull();
    const card = await waitCard(s.ctx, page, true);
    const name = names.get(focused ?? '');
    if (name) expect(card.text).toContain(name);
    await page.keyboard.press('Escape');
    await waitCard(s.ctx, page, false);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.requests.some((r) => r.url.startsWith(s.server.origin)), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
