// How the two kinds of names look on a real page, in every browser: a name with pack background
// keeps the full mark (the chosen underline, or the tinted background), a name known only from
// the article gets a lighter one (a thin dotted line in the text's own colour, never a fill), on
// light and dark pages alike, and keyboard focus on either still shows its ring.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, type BrowserSession, type TestPage } from '../browsers';

interface Look {
  line: string;
  thickness: string;
  decoration: string;
  background: string;
}

/** The computed mark of the first pack mention and the first page-only mention. */
function looks(page: TestPage): Promise<{ pack: Look; page: Look } | null> {
  return page.evaluate(() => {
    const look = (el: Element | null) => {
      if (!el) return null;
      const c = getComputedStyle(el);
      return { line: c.textDecorationLine, thickness: c.textDecorationThickness, decoration: c.textDecorationColor, background: c.backgroundColor };
    };
    const pack = look(document.querySelector('[data-backstory-entity]:not([data-backstory-kind])'));
    const pageOnly = look(document.querySelector('[data-backstory-entity][data-backstory-kind="page"]'));
    return pack && pageOnly ? { pack, page: pageOnly } : null;
  });
}

/** Channels of a computed colour ("rgb(…)", "rgba(…)", or "color(srgb …)" from color-mix). */
function channels(color: string): number[] {
  const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/.exec(color);
  if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])];
  const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(color);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), rgb[4] === undefined ? 1 : Number(rgb[4])];
  throw new Error(`unread colour ${color}`);
}
const transparent = (color: string) => channels(color)[3] === 0;
const lightness = (color: string) => channels(color).slice(0, 3).reduce((a, b) => a + b, 0) / 3;

describeInBrowsers('page-only names get a lighter mark', (browser) => {
  let s: BrowserSession;
  let page: TestPage;

  beforeAll(async () => {
    s = await browser.start();
    page = await s.openDemo('/index.html');
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('under the underline style: the pack name’s line is the thicker, coloured one; the article-only name’s is thin and in the text’s colour', async () => {
    const l = await looks(page);
    expect(l, 'the demo has both kinds of names').not.toBeNull();
    expect(l!.pack.line).toContain('underline');
    expect(l!.page.line).toContain('underline');
    expect(parseFloat(l!.page.thickness)).toBeLessThan(parseFloat(l!.pack.thickness));
    expect(channels(l!.page.decoration)[3], 'half-strength line').toBeLessThan(1);
    expect(transparent(l!.page.background)).toBe(true);
  });

  it('under the background style: the pack name is tinted, the article-only name is not (a thin line instead)', async () => {
    const options = await s.openOptions();
    await options.setChecked('input[name="highlightStyle"][value="background"]', true);
    await options.close();
    await page.bringToFront();
    await expect.poll(async () => (await looks(page))?.pack.background ?? '', { timeout: 15_000 }).not.toBe('rgba(0, 0, 0, 0)');
    const l = (await looks(page))!;
    expect(transparent(l.pack.background)).toBe(false);
    expect(transparent(l.page.background)).toBe(true);
    expect(l.page.line).toContain('underline');
  });

  it('on a dark page the article-only line follows the light text', async () => {
    await page.evaluate(() => {
      document.documentElement.style.setProperty('background', '#111');
      document.body.style.setProperty('background', '#111');
      document.body.style.setProperty('color', '#eee');
      for (const el of document.querySelectorAll<HTMLElement>('body *')) el.style.setProperty('color', '#eee');
    });
    const l = (await looks(page))!;
    expect(lightness(l.page.decoration)).toBeGreaterThan(150);
  });

  it('keyboard focus on an article-only name shows its focus ring', async () => {
    await page.bringToFront();
    await page.press('Tab');
    const ring = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-backstory-entity][data-backstory-kind="page"][tabindex="0"]');
      if (!el) return null;
      el.focus();
      const c = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), style: c.outlineStyle, width: parseFloat(c.outlineWidth) };
    });
    expect(ring).toEqual({ visible: true, style: 'solid', width: 2 });
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });
});
