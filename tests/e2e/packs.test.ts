// The knowledge-pack export in real Chromium (a download, which only Playwright's Chromium lane
// catches here): an exported pack is the file that was imported, and imports again after it was
// removed. Everything else about packs runs in both browsers: both/packs.test.ts and
// both/options.test.ts.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePackJson } from '../../src/core/pack/schema';
import { HARBOUR, packMentions } from './harbour-pack';
import { packFiles, packRowsInPage, type PackRow } from './pack-files';
import { DIST, describeInBrowser, mentionCounts, startSession, uiString, type Session } from './harness';

const files = packFiles();
afterAll(() => files.remove());
const { dir, file } = files;

describeInBrowser('knowledge pack export in Chromium', () => {
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

  function rows(page: Page): Promise<PackRow[]> {
    return page.evaluate(packRowsInPage);
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

  it('a valid pack is listed at once and its names are highlighted on an open page and on the next load', async () => {
    const open = await s.openDemo('/harbour.html');
    // Before the import only names the article itself gives (recognised people and places) are marked.
    expect(packMentions(await mentionCounts(open)), 'no pack name on the page before the import').toEqual({});
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
    expect(packMentions(await highlightsOn('/harbour.html')), 'the pack’s names gone with it').toEqual({});

    await fileInput().setInputFiles(exported);
    await options.waitForSelector('[data-pack-id="wrenfield-coast"]', { timeout: 5_000 });
    expect(await highlightsOn('/harbour.html')).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
   }, 60_000);

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
