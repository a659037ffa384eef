// Knowledge packs in real Chromium, through the options page as a reader uses it: a broken file
// is refused with the parser's message and changes nothing; a valid one highlights its names on
// the next page load; an exported pack imports again; the built-in packs can be switched off.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildPack } from '../../scripts/pack/build';
import { WORLD_PACK_ORDER } from '../../src/core/pack/precedence';
import { parsePackJson } from '../../src/core/pack/schema';
import { HARBOUR } from './harbour-pack';
import { DIST, describeInBrowser, mentionCounts, packNames, startSession, uiString, type Session } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'backstory-packs-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Row {
  id: string;
  enabled: boolean;
  text: string;
}

describeInBrowser('knowledge packs in Chromium', () => {
  let s: Session;
  let options: Page;
  const validText = `${JSON.stringify(HARBOUR, null, 2)}\n`;
  const validPath = file('wrenfield-coast.json', validText);

  async function openOptions(): Promise<Page> {
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8')) as { options_ui?: { page?: string } };
    const page = await s.ctx.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/${manifest.options_ui?.page ?? 'options/options.html'}`);
    await page.waitForSelector('#packs-section:not([hidden]) [data-pack-id]', { timeout: 10_000 });
    return page;
  }

  function rows(page: Page): Promise<Row[]> {
    return page.$$eval('[data-pack-id]', (els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.packId ?? '',
        enabled: (el.querySelector('input[type=checkbox]') as HTMLInputElement | null)?.checked ?? false,
        text: (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      })),
    );
  }

  async function highlightsOn(path: string): Promise<Record<string, number>> {
    const page = await s.openDemo(path);
    const counts = await mentionCounts(page);
    await page.close();
    return counts;
  }

  const fileInput = () => options.locator('#packs-section input[type=file]');

  beforeAll(async () => {
    s = await startSession();
    options = await openOptions();
  });
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

  it('refuses a broken file with a message that names the problem and its place, and changes nothing', async () => {
    const before = await rows(options);
    const countsBefore = await highlightsOn('/index.html');
    expect(Object.keys(countsBefore).length, 'the demo is highlighted to begin with').toBeGreaterThan(0);

    const wrongType = { ...HARBOUR, entities: [{ ...HARBOUR.entities[0], type: 'harbour-master' }] };
    const cases: [string, string, RegExp][] = [
      ['bad-type.json', JSON.stringify(wrongType, null, 2), /entities\[0\]\.type: must be one of person/],
      ['bad-syntax.json', '{\n  "id": "wrenfield-coast",\n  "version": 1,\n  "title": "Wrenfield coast"\n  "language": "en"\n}', /not valid JSON at line 5 column 3/],
    ];
    for (const [name, text, message] of cases) {
      await fileInput().setInputFiles(file(name, text));
      const errors = options.locator('#packs-section [role=alert]').filter({ hasText: name });
      await expect.poll(() => errors.innerText(), { timeout: 5_000, message: `error shown for ${name}` }).toMatch(message);
      expect(await errors.innerText()).toContain(uiString('options_packs_import_failed').replace(/“\$FILE\$”.*$/, '').trim());
      expect(await rows(options), `list unchanged after ${name}`).toEqual(before);
    }
    const reloaded = await openOptions();
    expect(await rows(reloaded), 'stored list unchanged').toEqual(before);
    await reloaded.close();
    expect(await highlightsOn('/index.html'), 'demo highlights unchanged').toEqual(countsBefore);
   }, 60_000);

  it('a valid pack is listed at once and its names are highlighted on an open page and on the next load', async () => {
    const open = await s.openDemo('/harbour.html');
    expect(await mentionCounts(open), 'nothing known on the page before the import').toEqual({});
    await fileInput().setInputFiles(validPath);
    await options.waitForSelector('[data-pack-id="wrenfield-coast"]', { timeout: 5_000 });
    const row = (await rows(options)).find((r) => r.id === 'wrenfield-coast');
    expect(row).toMatchObject({ enabled: true });
    expect(row?.text).toContain('Wrenfield coast');
    expect(row?.text).toContain('2 entries');
    expect(await options.locator('#packs-section [role=status]').innerText()).toContain('Wrenfield coast');

    // The page that was already open follows the new pack without a reload.
    await expect.poll(() => mentionCounts(open), { timeout: 5_000 }).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
    await open.close();
    const counts = await highlightsOn('/harbour.html');
    // Full name once, the surname once it is established, the port twice.
    expect(counts).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
  });

  it('exports a pack that imports again after it was removed', async () => {
    const [download] = await Promise.all([
      options.waitForEvent('download', { timeout: 5_000 }),
      options.locator('[data-pack-id="wrenfield-coast"] button', { hasText: uiString('options_packs_export') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('wrenfield-coast.json');
    const exported = join(dir, 'exported.json');
    await download.saveAs(exported);
    const text = readFileSync(exported, 'utf8');
    expect(text).toBe(validText);
    // The file is the reader's, byte for byte; being format 2, it reads as format 3 with no licence stated.
    expect(parsePackJson(text)).toEqual({ ok: true, pack: { ...HARBOUR, format: 3 } });

    options.once('dialog', (d) => void d.accept());
    await options.locator('[data-pack-id="wrenfield-coast"] button', { hasText: uiString('options_packs_remove') }).click();
    await options.waitForSelector('[data-pack-id="wrenfield-coast"]', { state: 'detached', timeout: 5_000 });
    expect(await highlightsOn('/harbour.html')).toEqual({});

    await fileInput().setInputFiles(exported);
    await options.waitForSelector('[data-pack-id="wrenfield-coast"]', { timeout: 5_000 });
    expect(await highlightsOn('/harbour.html')).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
   }, 60_000);

  it('keeps a pack when the reader cancels its removal', async () => {
    options.once('dialog', (d) => void d.dismiss());
    await options.locator('[data-pack-id="wrenfield-coast"] button', { hasText: uiString('options_packs_remove') }).click();
    const reloaded = await openOptions();
    expect((await rows(reloaded)).map((r) => r.id)).toContain('wrenfield-coast');
    await reloaded.close();
  });

  it('switching the bundled packs off removes their highlights on the next load; on again brings them back', async () => {
    const before = await highlightsOn('/index.html');
    const bundled = (await rows(options)).filter((r) => r.text.includes(uiString('options_packs_builtin')));
    expect(bundled.length, 'the hand-written pack and the world packs').toBeGreaterThan(1);
    for (const { id } of bundled) {
      await options.locator(`[data-pack-id="${id}"] input[type=checkbox]`).uncheck();
      await options.waitForSelector(`[data-pack-id="${id}"] input[type=checkbox]:not([disabled])`, { timeout: 5_000 });
      expect(await options.locator('#packs-section [role=status]').innerText()).toBe(uiString('options_packs_changed'));
    }
    const off = await highlightsOn('/index.html');
    const bundledIds = [...packNames().keys()];
    expect(Object.keys(before).filter((id) => bundledIds.includes(id)).length, 'pack names highlighted before').toBeGreaterThan(0);
    // What may be left comes from the article itself (names it introduces), never from a pack.
    expect(Object.keys(off).filter((id) => bundledIds.includes(id))).toEqual([]);

    for (const { id } of bundled) {
      await options.locator(`[data-pack-id="${id}"] input[type=checkbox]`).check();
      await options.waitForSelector(`[data-pack-id="${id}"] input[type=checkbox]:not([disabled])`, { timeout: 5_000 });
    }
    expect(await highlightsOn('/index.html')).toEqual(before);
  }, 90_000);

  it('a pack drafted from the demo articles (npm run pack -- build) imports and highlights its names on the demo', async () => {
    const draft = await buildPack(['demo'], { id: 'demo-draft', baseUrl: `${s.server.origin}/`, threads: 2, progress: 'quiet' });
    expect(draft.errors).toEqual([]);
    const [bundled] = await rows(options);
    const toggle = options.locator(`[data-pack-id="${bundled!.id}"] input[type=checkbox]`);
    const stored = `[data-pack-id="${bundled!.id}"] input[type=checkbox]:not([disabled])`;
    // The bundled pack off: what is highlighted comes from the draft (or the article itself).
    await toggle.uncheck();
    await options.waitForSelector(stored, { timeout: 5_000 });
    await fileInput().setInputFiles(file('demo-draft.json', draft.text));
    await options.waitForSelector('[data-pack-id="demo-draft"]', { timeout: 10_000 });
    const counts = await highlightsOn('/index.html');
    for (const id of ['international-atomic-energy-agency', 'supreme-peoples-assembly', 'ri-yong-ho', 'mike-pompeo']) {
      expect(counts[id] ?? 0, `${id} from the draft is highlighted`).toBeGreaterThan(0);
    }
    await toggle.check();
    await options.waitForSelector(stored, { timeout: 5_000 });
  }, 180_000);

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
