// Accessibility in real Chromium, where DevTools reads the accessibility tree and emulates media:
// the card is announced and usable from the keyboard, holds still for readers who ask for reduced
// motion, keeps its outline in forced colors, stays on top of full-screen and modal content. (The
// axe checks of the popup and options pages run in both browsers: both/a11y.test.ts.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessibilityNodes, cardWinsHitTest, inCardRoot, serveTestPage } from './card-probes';
import { describeInBrowser, packNames, readCard, startSession, uiString, waitCard, type Session } from './harness';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

/** Presses Tab until a highlighted name (or a link holding one) has focus; returns its entity id. */
async function tabToMention(page: Page, limit = 300): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      const m = el?.closest('[data-backstory-entity]') ?? (el?.localName === 'a' ? el.querySelector('[data-backstory-entity]') : null);
      return m instanceof HTMLElement ? (m.dataset.backstoryEntity ?? null) : null;
    });
    if (id) return id;
  }
  throw new Error(`Tab never reached a highlighted name in ${limit} presses`);
}

async function closeCard(s: Session, page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  await waitCard(s.ctx, page, false);
}

describeInBrowser('accessibility in Chromium', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('keyboard: Tab reaches a name, its card is announced, Tab enters the card, Escape returns to the name', { timeout: 60_000 }, async () => {
    // Start where a skip link would land: the article (site menus hold dozens of links before it).
    await page.evaluate(() => {
      const article = document.querySelector('article') ?? document.body;
      article.setAttribute('tabindex', '-1');
      article.focus();
    });
    const id = await tabToMention(page);
    const name = packNames().get(id) ?? '';
    await waitCard(s.ctx, page, true);

    // What a screen reader is given: a dialog named for the entity, and a polite status message.
    const ax = await accessibilityNodes(s.ctx, page);
    const dialog = ax.find((n) => n.role === 'dialog' && n.name === uiString('card_label').replace('$NAME$', name));
    expect(dialog, `a dialog named for ${name} in the accessibility tree`).toBeDefined();
    const live = await inCardRoot<{ text: string; live: string | null; role: string | null }>(
      s.ctx,
      page,
      `(root) => { const l = root.querySelector('[aria-live]'); return { text: l?.textContent ?? '', live: l?.getAttribute('aria-live') ?? null, role: l?.getAttribute('role') ?? null }; }`,
    );
    expect(live).toEqual({ text: uiString('card_announce').replace('$NAME$', name), live: 'polite', role: 'status' });

    await page.keyboard.press('Tab');
    const focused = (await accessibilityNodes(s.ctx, page)).filter((n) => n.focused && n.role !== 'RootWebArea');
    expect(focused.map((n) => `${n.role}: ${n.name}`)).toEqual([`button: ${uiString('card_close')}`]);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card')), 'focus is in the card').toBe(true);

    // The card opens as a glance; "N more" is a real button the keyboard reaches and presses.
    const more = new RegExp(`^${uiString('card_more_other').replace('$ARG1$', '\\d+')}$`);
    const glance = await readCard(s.ctx, page);
    let onMore = false;
    for (let i = 0; i < 5 && !onMore; i++) {
      await page.keyboard.press('Tab');
      onMore = (await accessibilityNodes(s.ctx, page)).some((n) => n.focused && n.role === 'button' && more.test(n.name));
    }
    expect(onMore, 'Tab reaches the "N more" button').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readCard(s.ctx, page)).text.length, { timeout: 5_000 }).toBeGreaterThan(glance.text.length);
    const after = (await accessibilityNodes(s.ctx, page)).filter((n) => n.focused && n.role !== 'RootWebArea');
    expect(after.length, 'focus stays on something in the full card').toBe(1);
    expect(after[0]!.name).not.toMatch(more);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-card')), 'focus is still in the card').toBe(true);

    await page.keyboard.press('Escape');
    await waitCard(s.ctx, page, false);
    const back = await page.evaluate(() => {
      const el = document.activeElement;
      const m = el?.closest('[data-backstory-entity]') ?? el?.querySelector('[data-backstory-entity]');
      return m instanceof HTMLElement ? m.dataset.backstoryEntity : `not a mention: ${el?.localName}`;
    });
    expect(back, 'focus is back on the name').toBe(id);
    // Giving focus back must not open the card again. A focused name opens its card after the
    // open delay, so this is a check about time: the delay passes and the card stays closed.
    await page.waitForTimeout(DEFAULT_SETTINGS.hoverDelayMs + 100);
    expect((await waitCard(s.ctx, page, false)).open).toBe(false);
  });

  it('reduced motion: the card appears without animation or transition', { timeout: 60_000 }, async () => {
    const motion = `(root) => {
      return [...root.querySelectorAll('*')].filter((e) => !/^(STYLE|LINK)$/.test(e.tagName)).map((e) => {
        const c = getComputedStyle(e);
        const anim = c.animationName !== 'none' && c.animationDuration.split(',').some((d) => parseFloat(d) > 0);
        const trans = c.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
        return anim || trans ? e.tagName.toLowerCase() + '.' + e.className + (anim ? ' animation ' + c.animationName : '') + (trans ? ' transition' : '') : '';
      }).filter(Boolean);
    }`;
    const mention = page.locator('[data-backstory-entity="choe-son-hui"]').first();

    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await mention.hover();
    await waitCard(s.ctx, page, true);
    // Without the preference the card does fade in, so the check below can tell the difference.
    expect(await inCardRoot<string[]>(s.ctx, page, motion)).not.toEqual([]);
    await closeCard(s, page);

    await page.emulateMedia({ reducedMotion: 'reduce' });
    try {
      await mention.hover();
      await waitCard(s.ctx, page, true);
      expect(await inCardRoot<string[]>(s.ctx, page, motion)).toEqual([]);
      await closeCard(s, page);
    } finally {
      await page.emulateMedia({ reducedMotion: null });
    }
  });

  it('forced colors: the card keeps a visible border and text in system colors', { timeout: 60_000 }, async () => {
    const colors = `(root) => {
      const panel = root.querySelector('.panel');
      const probe = document.createElement('span');
      probe.style.cssText = 'color: CanvasText; background-color: Canvas';
      root.append(probe);
      const sys = getComputedStyle(probe);
      const p = getComputedStyle(panel);
      const out = { borderWidth: parseFloat(p.borderTopWidth), borderStyle: p.borderTopStyle, border: p.borderTopColor,
        text: p.color, background: p.backgroundColor, canvasText: sys.color, canvas: sys.backgroundColor };
      probe.remove();
      return out;
    }`;
    type Colors = { borderWidth: number; borderStyle: string; border: string; text: string; background: string; canvasText: string; canvas: string };
    const mention = page.locator('[data-backstory-entity="choe-son-hui"]').first();
    await page.emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
    await mention.hover();
    await waitCard(s.ctx, page, true);
    const normal = await inCardRoot<Colors>(s.ctx, page, colors);
    // Normally the border is a soft grey, not the system text colour (so the next check means something).
    expect(normal.border).not.toBe(normal.canvasText);
    await closeCard(s, page);

    await page.emulateMedia({ forcedColors: 'active' });
    try {
      await mention.hover();
      await waitCard(s.ctx, page, true);
      const forced = await inCardRoot<Colors>(s.ctx, page, colors);
      expect(forced.borderWidth).toBeGreaterThanOrEqual(1);
      expect(forced.borderStyle).toBe('solid');
      expect(forced.border).toBe(forced.canvasText);
      expect(forced.text).toBe(forced.canvasText);
      expect(forced.background).toBe(forced.canvas);
      expect(forced.border).not.toBe(forced.background);
      await closeCard(s, page);
    } finally {
      await page.emulateMedia({ forcedColors: null, colorScheme: null });
    }
  });

  it('full screen: a card opened on a full-screen story shows above it', { timeout: 60_000 }, async () => {
    const path = '/__test__/top-layer.html';
    const story = await s.openDemo(path, (p) => serveTestPage(p, s.server.origin, 'top-layer.html'));
    try {
      await story.click('#go-fullscreen');
      await expect.poll(() => story.evaluate(() => document.fullscreenElement?.id ?? null), { timeout: 5_000 }).toBe('stage');
      await story.locator('#stage [data-backstory-entity="choe-son-hui"]').first().hover();
      await waitCard(s.ctx, story, true);
      await expect.poll(() => cardWinsHitTest(story), { timeout: 3_000 }).toMatchObject({ host: true });
      await story.evaluate(() => document.exitFullscreen());
      // Leaving full screen takes the card out of the old top-layer element; it stays usable.
      await expect.poll(() => cardWinsHitTest(story), { timeout: 3_000 }).toMatchObject({ host: true });
    } finally {
      await story.close();
    }
  });

  it('modal dialog: a card that is open when the page pops up a modal stays above it', { timeout: 60_000 }, async () => {
    const story = await s.openDemo('/__test__/top-layer.html', (p) => serveTestPage(p, s.server.origin, 'top-layer.html'));
    try {
      await story.locator('[data-backstory-entity="choe-son-hui"]').first().hover();
      await waitCard(s.ctx, story, true);
      // The page opens its newsletter prompt by itself while the reader is looking at the card.
      await story.evaluate(() => (window as unknown as { openNewsletter(): void }).openNewsletter());
      expect(await story.evaluate(() => document.querySelector('dialog')?.matches(':modal'))).toBe(true);
      await expect.poll(() => cardWinsHitTest(story), { timeout: 3_000 }).toMatchObject({ host: true });
      // Moving the card into the top layer re-inserts it, which replays its fade-in: wait it out.
      await expect.poll(async () => (await readCard(s.ctx, story)).open, { timeout: 3_000, message: 'the card is still open' }).toBe(true);
      // Once the modal closes the card is still on top of the page.
      await story.evaluate(() => document.querySelector('dialog')?.close());
      await expect.poll(() => cardWinsHitTest(story), { timeout: 3_000 }).toMatchObject({ host: true });
    } finally {
      await story.close();
    }
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.requests.some((r) => r.url.startsWith(s.server.origin)), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
