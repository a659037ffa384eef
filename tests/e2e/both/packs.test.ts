// Knowledge packs in every browser, through the options page as a reader uses it: the bundled
// packs are listed and can be switched off and on; an imported pack is kept when the reader cancels
// its removal and goes (with its highlights) when they confirm; a refused file changes nothing
// stored; a pack drafted from the demo articles imports and highlights its names. (Broken files'
// messages and a valid pack highlighted at once: both/options.test.ts. The pack export, a
// download: ../packs.test.ts, Chromium.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPack } from '../../../scripts/pack/build';
import { WORLD_PACK_ORDER } from '../../../src/core/pack/precedence';
import { HARBOUR, packMentions } from '../harbour-pack';
import { describeInBrowsers, mentionCounts, type BrowserSession, type TestPage } from '../browsers';
import { packNames, uiString } from '../harness';
import { packFiles, packRowsInPage, type PackRow } from '../pack-files';

const files = packFiles();
afterAll(() => files.remove());
const file = files.file;

const rows = (options: TestPage): Promise<PackRow[]> => options.evaluate(packRowsInPage);

describeInBrowsers('knowledge packs', (browser) => {
  let s: BrowserSession;
  let options: TestPage;

  async function openOptions(): Promise<TestPage> {
    const page = await s.openOptions();
    await page.waitFor('#packs-section:not([hidden]) [data-pack-id]');
    return page;
  }

  async function highlightsOn(path: string): Promise<Record<string, number>> {
    const page = await s.openDemo(path);
    const counts = await mentionCounts(page);
    await page.close();
    return counts;
  }

  /** The remove button of pack `id` (the second button of its row, after export). */
  async function removeButton(id: string): Promise<string> {
    const label = uiString('options_packs_remove');
    const index = await options.evaluate(
      ([pack, text]) => [...document.querySelectorAll(`[data-pack-id="${pack}"] button`)].findIndex((b) => b.textContent?.trim() === text),
      [id, label] as const,
    );
    if (index < 0) throw new Error(`no “${label}” button for ${id}`);
    return `[data-pack-id="${id}"] button:nth-of-type(${index + 1})`;
  }

  /** Switches pack `id` on or off and waits until the change is stored. */
  async function setEnabled(id: string, on: boolean): Promise<void> {
    await options.bringToFront();
    await options.setChecked(`[data-pack-id="${id}"] input[type=checkbox]`, on);
    await options.waitFor(`[data-pack-id="${id}"] input[type=checkbox]:not([disabled])`, { timeout: 5_000 });
  }

  beforeAll(async () => {
    s = await browser.start();
    options = await openOptions();
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  it('lists every bundled pack with its entry count and licence, switched on, the hand-written one first', async () => {
    const listed = await rows(options);
    expect(listed.map((r) => r.id)).toEqual(['korean-peninsula', ...WORLD_PACK_ORDER]);
    for (const row of listed) {
      expect(row.enabled, row.id).toBe(true);
      expect(row.text, row.id).toMatch(/\d+ entries/);
      expect(row.text, row.id).toContain(uiString('options_packs_builtin'));
      expect(row.text, row.id).toMatch(/licence: (MIT|CC0-1\.0|CC-BY-4\.0|CC-BY-SA-4\.0)/);
    }
  });

  it('a refused file says it was not imported, and changes neither the stored list nor the demo’s highlights', async () => {
    const before = await rows(options);
    const countsBefore = await highlightsOn('/index.html');
    expect(Object.keys(countsBefore).length, 'the demo is highlighted to begin with').toBeGreaterThan(0);
    const name = `bad-syntax-${browser.name}.json`;
    await options.bringToFront();
    await options.setInputFile('#packs-section input[type=file]', file(name, '{\n  "id": "wrenfield-coast",\n  "version": 1\n  "title": "Wrenfield coast"\n}'));
    const alert = () => options.evaluate((n) => [...document.querySelectorAll<HTMLElement>('#packs-section [role=alert]')].map((el) => el.innerText).find((t) => t.includes(n)) ?? '', name);
    await expect.poll(alert, { timeout: 5_000, message: `error shown for ${name}` }).toMatch(/not valid JSON at line 4 column 3/);
    expect(await alert()).toContain(uiString('options_packs_import_failed').replace(/“\$FILE\$”.*$/, '').trim());
    const reloaded = await openOptions();
    expect(await rows(reloaded), 'stored list unchanged').toEqual(before);
    await reloaded.close();
    expect(await highlightsOn('/index.html'), 'demo highlights unchanged').toEqual(countsBefore);
  }, 60_000);

  it('an imported pack is kept when the reader cancels its removal, and goes with its highlights when they confirm', async () => {
    await options.setInputFile('#packs-section input[type=file]', file(`wrenfield-coast-${browser.name}.json`, `${JSON.stringify(HARBOUR, null, 2)}\n`));
    await options.waitFor('[data-pack-id="wrenfield-coast"]', { timeout: 5_000 });
    expect(await options.text('#packs-section [role=status]')).toContain('Wrenfield coast');
    expect(await highlightsOn('/harbour.html')).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });

    await options.bringToFront();
    options.answerNextDialog(false);
    await options.click(await removeButton('wrenfield-coast'));
    const reloaded = await openOptions();
    expect((await rows(reloaded)).map((r) => r.id), 'kept after Cancel').toContain('wrenfield-coast');
    await reloaded.close();

    await options.bringToFront();
    options.answerNextDialog(true);
    await options.click(await removeButton('wrenfield-coast'));
    await options.waitFor('[data-pack-id="wrenfield-coast"]', { gone: true, timeout: 5_000 });
    expect(packMentions(await highlightsOn('/harbour.html')), 'the pack’s names gone with it').toEqual({});
  }, 60_000);

  it('switching the bundled packs off removes their highlights on the next load; on again brings them back', async () => {
    const before = await highlightsOn('/index.html');
    const bundled = (await rows(options)).filter((r) => r.text.includes(uiString('options_packs_builtin')));
    expect(bundled.length, 'the hand-written pack and the world packs').toBeGreaterThan(1);
    for (const { id } of bundled) {
      await setEnabled(id, false);
      expect(await options.text('#packs-section [role=status]')).toBe(uiString('options_packs_changed'));
    }
    const off = await highlightsOn('/index.html');
    const bundledIds = [...packNames().keys()];
    expect(Object.keys(before).filter((id) => bundledIds.includes(id)).length, 'pack names highlighted before').toBeGreaterThan(0);
    // What may be left comes from the article itself (names it introduces), never from a pack.
    expect(Object.keys(off).filter((id) => bundledIds.includes(id))).toEqual([]);

    for (const { id } of bundled) await setEnabled(id, true);
    expect(await highlightsOn('/index.html')).toEqual(before);
  }, 90_000);

  it('a pack drafted from the demo articles (npm run pack -- build) imports and highlights its names on the demo', async () => {
    const draft = await buildPack(['demo'], { id: 'demo-draft', baseUrl: `${s.origin}/`, threads: 2, progress: 'quiet' });
    expect(draft.errors).toEqual([]);
    const [bundled] = await rows(options);
    // The bundled pack off: what is highlighted comes from the draft (or the article itself).
    await setEnabled(bundled!.id, false);
    await options.setInputFile('#packs-section input[type=file]', file(`demo-draft-${browser.name}.json`, draft.text));
    await options.waitFor('[data-pack-id="demo-draft"]', { timeout: 10_000 });
    const counts = await highlightsOn('/index.html');
    for (const id of ['international-atomic-energy-agency', 'supreme-peoples-assembly', 'ri-yong-ho', 'mike-pompeo']) {
      expect(counts[id] ?? 0, `${id} from the draft is highlighted`).toBeGreaterThan(0);
    }
    await setEnabled(bundled!.id, true);
  }, 180_000);

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
