// The bundled world packs in every browser: a page about a summit in Jakarta gets cards for the
// city, Indonesia's president and ASEAN, each with dated facts whose publishers link to the pages
// the packs cite; a page dated 2024 shows South Korea's 2025 head of state under "Later:" only.
// The pages (tests/e2e/pages/world/) are written for this test; the facts come from src/packs/.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Pack, PackEntity } from '../../../src/core/types';
import { describeInBrowsers, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';
import { ROOT, uiString } from '../harness';

const PAGES = resolve(import.meta.dirname, '../pages/world');

/** Every bundled pack, as the build ships them. */
const packs: Pack[] = readdirSync(resolve(ROOT, 'src/packs'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(ROOT, 'src/packs', f), 'utf8')) as Pack);
const entityById = new Map<string, { entity: PackEntity; pack: Pack }>();
for (const pack of packs) for (const entity of pack.entities) if (!entityById.has(entity.id)) entityById.set(entity.id, { entity, pack });

/** The addresses a pack entity's facts cite. */
function citedUrls(id: string): string[] {
  const found = entityById.get(id);
  if (!found) return [];
  const urls = new Map(found.pack.sources.map((s) => [s.id, s.url]));
  // As a link's href reads back: the address normalised ("https://asean.org" → "https://asean.org/").
  return (found.entity.facts ?? []).map((f) => urls.get(f.source) ?? '').filter(Boolean).map((u) => new URL(u).href);
}

/** The text between two headings ("" when the first is missing). */
function section(text: string, heading: string, next?: string): string {
  const start = text.indexOf(heading);
  if (start < 0) return '';
  const end = next ? text.indexOf(next, start + heading.length) : -1;
  return text.slice(start + heading.length, end < 0 ? undefined : end);
}

/** Highlighted surface → entity id, first mention of each surface. */
function surfaces(page: TestPage): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of document.querySelectorAll<HTMLElement>('[data-backstory-entity]')) {
      const text = (el.textContent ?? '').trim();
      out[text] ??= el.dataset.backstoryEntity ?? '';
    }
    return out;
  });
}

describeInBrowsers('bundled world packs', (browser) => {
  let s: BrowserSession;

  beforeAll(async () => {
    s = await browser.start({ siteRoot: PAGES });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a summit in Jakarta: the city, the president and ASEAN get cards with dated facts linking to their sources', async () => {
    const page = await s.openDemo('/jakarta-summit.html');
    const found = await surfaces(page);
    const ids = {
      Jakarta: found['Jakarta'],
      'Prabowo Subianto': found['Prabowo Subianto'],
      ASEAN: found['ASEAN'] ?? found['Association of Southeast Asian Nations'],
    };
    for (const [name, id] of Object.entries(ids)) {
      expect(id, `${name} is highlighted; all: ${JSON.stringify(found)}; log: ${s.log().join(' | ') || 'empty'}`).toBeTruthy();
      expect(entityById.has(id!), `${name} (${id}) is a bundled pack's entity, not one the page made`).toBe(true);
    }
    for (const [name, id] of Object.entries(ids)) {
      await page.mouseMove(0, 0);
      await page.hover(`[data-backstory-entity="${id}"]`);
      const card = await waitFullCard(s, page);
      expect(card.text, `${name}'s card`).toContain(entityById.get(id!)!.entity.name);
      const background = section(card.text, uiString('card_background'));
      // Every pack fact is dated: the card shows the year it was true.
      expect(background, `${name}'s card has dated facts`).toMatch(/\b(?:19|20)\d\d\b/);
      const links = await s.readSourceLinks(page);
      expect(links.length, `${name}'s card links its facts to their sources`).toBeGreaterThan(0);
      const cited = citedUrls(id!);
      for (const link of links) {
        expect(link.href, `${name}: a link to a page the pack cites`).toMatch(/^https:\/\//);
        expect(cited, `${name}: ${link.href} is a source of this entity's facts`).toContain(link.href);
        expect(link.target).toBe('_blank');
        expect(link.text.length).toBeGreaterThan(0);
      }
      await page.press('Escape');
      await waitCard(s, page, false);
    }
    expect(s.foreignRequests(), 'no request beyond the extension and the local server').toEqual([]);
  });

  it('the options page lists the pack with its licence; switching it off takes its names off an open page, and the choice is kept', async () => {
    const page = await s.openDemo('/jakarta-summit.html');
    const jakarta = (await surfaces(page))['Jakarta'];
    const owner = entityById.get(jakarta ?? '')?.pack;
    expect(owner, `Jakarta comes from a bundled pack (${jakarta})`).toBeTruthy();
    const row = `#packs-section [data-pack-id="${owner!.id}"]`;
    const toggle = `${row} input[name="pack-enabled"]`;
    let options = await s.openOptions();
    await options.waitFor(row);
    const text = await options.text(row);
    expect(text, 'the row names the licence').toContain(owner!.license ?? '');
    if (owner!.credit) expect(text, 'and the credit line').toContain(owner!.credit);
    expect(text, 'and the data date').toContain(owner!.asOf ?? '');
    await options.setChecked(toggle, false);
    const highlighted = () => page.evaluate((id) => document.querySelectorAll(`[data-backstory-entity="${id}"]`).length, jakarta);
    await expect.poll(highlighted, { timeout: 10_000, message: 'Jakarta no longer highlighted on the open page' }).toBe(0);
    await options.close();
    options = await s.openOptions();
    await options.waitFor(row);
    expect(await options.evaluate((sel) => document.querySelector<HTMLInputElement>(sel)?.checked, toggle), 'still off on the next visit').toBe(false);
    await options.setChecked(toggle, true);
    await expect.poll(highlighted, { timeout: 10_000, message: 'Jakarta highlighted again' }).toBeGreaterThan(0);
    await options.close();
    await page.close();
  });

  it('a page dated 2024 about Yoon Suk Yeol: South Korea’s 2025 head of state is under "Later:", not in the background', async () => {
    const page = await s.openDemo('/seoul-2024.html');
    const found = await surfaces(page);
    expect(found['Yoon Suk Yeol'], `Yoon Suk Yeol is highlighted; all: ${JSON.stringify(found)}`).toBeTruthy();
    const korea = found['South Korea'];
    expect(korea, `South Korea is highlighted; all: ${JSON.stringify(found)}`).toBeTruthy();
    await page.mouseMove(0, 0);
    await page.hover(`[data-backstory-entity="${korea}"]`);
    const card = await waitFullCard(s, page);
    const later = uiString('card_later');
    expect(card.text, 'the card has a "Later:" part').toContain(later);
    expect(section(card.text, later), 'the 2025 president, after the page’s date').toMatch(/Lee Jae[- ]myung/i);
    expect(section(card.text, uiString('card_background'), later), 'not given as background a 2024 reader had').not.toMatch(/Lee Jae[- ]myung/i);
    await page.press('Escape');
    expect(s.foreignRequests(), 'no request beyond the extension and the local server').toEqual([]);
  });
});
