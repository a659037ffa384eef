// Accessibility checks in every browser: axe finds no serious or critical violation on the popup
// (with cards, light and dark, and empty) or on the options page (light and dark). The dark runs
// choose the dark theme on the options page, as a reader would. (The keyboard path through a card,
// what a screen reader is given, reduced motion, forced colors and the top layer are read through
// DevTools: ../a11y.test.ts, Chromium.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type BrowserSession, type TestPage } from '../browsers';
import { uiString } from '../harness';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Runs axe in `page` and returns the serious and critical violations, one line each. */
async function seriousAxeViolations(page: TestPage): Promise<string[]> {
  await page.runScript(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

describeInBrowsers('accessibility (axe)', (browser) => {
  let s: BrowserSession;
  let page: TestPage;

  /** Chooses a theme on the options page and waits until it is stored. */
  async function theme(value: 'light' | 'dark'): Promise<void> {
    const options = await s.openOptions();
    await options.setChecked(`input[name="theme"][value="${value}"]`, true);
    await expect.poll(() => options.evaluate(() => document.documentElement.dataset.theme ?? 'system'), { timeout: 5_000 }).toBe(value);
    await options.close();
  }

  beforeAll(async () => {
    s = await browser.start();
    page = await s.openDemo('/index.html');
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('the popup with cards has no serious or critical violations, in the light and the dark theme', async () => {
    const tab = await s.tabIdOf(page);
    for (const value of ['light', 'dark'] as const) {
      await theme(value);
      const popup = await s.openPopup(tab);
      expect(await popup.count('[data-entity]'), 'the popup lists cards').toBeGreaterThan(0);
      await expect.poll(() => popup.evaluate(() => document.documentElement.dataset.theme ?? 'system'), { timeout: 5_000 }).toBe(value);
      expect(await seriousAxeViolations(popup), `${value} theme`).toEqual([]);
      // A card opened to its full form too.
      await popup.click('.entity button.bs-more');
      expect(await seriousAxeViolations(popup), `${value} theme, a card opened`).toEqual([]);
      await popup.close();
    }
  }, 90_000);

  it('the popup in its empty state has no serious or critical violations', async () => {
    const plain = await s.openDemo('/plain.html');
    const popup = await s.openPopup(await s.tabIdOf(plain));
    expect(await popup.text('body')).toContain(uiString('popup_empty'));
    expect(await seriousAxeViolations(popup)).toEqual([]);
    await popup.close();
    await plain.close();
  }, 60_000);

  it('the options page has no serious or critical violations, in the light and the dark theme', async () => {
    for (const value of ['light', 'dark'] as const) {
      await theme(value);
      const options = await s.openOptions();
      await options.waitFor('#types input');
      expect(await seriousAxeViolations(options), `${value} theme`).toEqual([]);
      await options.close();
    }
  }, 90_000);

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
