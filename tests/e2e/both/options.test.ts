// The options page in every browser: the sites list (a bad address refused), knowledge packs (a
// broken file refused with the parser's message, a valid one highlighted on an open page at
// once) and the reader's notes (a note added here highlights its term and shows on its card).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HARBOUR, packMentions } from '../harbour-pack';
import { describeInBrowsers, mentionCounts, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';
import { uiString } from '../harness';

// One folder for both browsers' runs: removed once the last has finished.
const dir = mkdtempSync(join(tmpdir(), 'backstory-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Highlights of the reader's note on `term`: in the page a note's id is a random token (r-…). */
const noteMentions = (page: TestPage, term: string) =>
  page.evaluate(
    (t) => [...document.querySelectorAll('[data-backstory-entity^="r-"]')].filter((el) => el.textContent?.toLowerCase() === t).length,
    term,
  );

const packRows = (options: TestPage) =>
  options.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-pack-id]')].map((el) => ({
      id: el.dataset.packId ?? '',
      enabled: el.querySelector<HTMLInputElement>('input[type=checkbox]')?.checked ?? false,
      text: el.innerText.replace(/\s+/g, ' ').trim(),
    })),
  );

describeInBrowsers('options page', (browser) => {
  let s: BrowserSession;
  let options: TestPage;

  beforeAll(async () => {
    s = await browser.start();
    options = await s.openOptions();
    await options.waitFor('#packs-section:not([hidden]) [data-pack-id]');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('shows every section and no notice', async () => {
    for (const id of ['sites-section', 'packs-section', 'notes-section']) expect(await options.isVisible(`#${id}`), id).toBe(true);
    expect(await options.evaluate(() => document.getElementById('notice')?.hidden ?? true), 'no notice shown').toBe(true);
  });

  it('lists the default news sites from the manifest, each switched on, and refuses an address that is not a site', async () => {
    const sites = await options.evaluate(() => [...document.querySelectorAll<HTMLElement>('[data-site]')].map((el) => el.dataset.site));
    expect(sites).toEqual(expect.arrayContaining(['http://127.0.0.1/*', 'http://localhost/*', '*://*.nytimes.com/*']));
    expect(await options.count('[data-site] input[type="checkbox"]:not(:checked)')).toBe(0);

    await options.fill('#site-input', 'ftp://files.example.org');
    await options.click('.site-add button[type="submit"]');
    await expect.poll(() => options.text('.sites-status')).toBe(uiString('options_sites_error_scheme'));
    expect(await options.evaluate(() => document.querySelector('#site-input')?.getAttribute('aria-invalid'))).toBe('true');
    expect(await options.evaluate(() => (document.querySelector('#site-input') as HTMLInputElement).value), 'what the reader typed is kept').toBe('ftp://files.example.org');
  });

  it('refuses a broken pack file with a message that names the problem and its place, and changes nothing', async () => {
    const before = await packRows(options);
    const wrongType = { ...HARBOUR, entities: [{ ...HARBOUR.entities[0], type: 'harbour-master' }] };
    const cases: [string, string, RegExp][] = [
      ['bad-type.json', JSON.stringify(wrongType, null, 2), /entities\[0\]\.type: must be one of person/],
      ['bad-syntax.json', '{\n  "id": "wrenfield-coast",\n  "version": 1,\n  "title": "Wrenfield coast"\n  "language": "en"\n}', /not valid JSON at line 5 column 3/],
    ];
    for (const [name, text, message] of cases) {
      await options.setInputFile('#packs-section input[type=file]', file(name, text));
      const alert = () =>
        options.evaluate((n) => [...document.querySelectorAll<HTMLElement>('#packs-section [role=alert]')].map((el) => el.innerText).find((t) => t.includes(n)) ?? '', name);
      await expect.poll(alert, { timeout: 5_000, message: `error shown for ${name}` }).toMatch(message);
      expect(await packRows(options), `list unchanged after ${name}`).toEqual(before);
    }
  });

  it('imports a valid pack: listed at once, its names highlighted on an open page and on the next load', async () => {
    const open = await s.openDemo('/harbour.html');
    // Before the import only names the article itself gives (recognised people and places) are marked.
    expect(packMentions(await mentionCounts(open)), 'no pack name on the page before the import').toEqual({});
    await options.bringToFront();
    await options.setInputFile('#packs-section input[type=file]', file('wrenfield-coast.json', `${JSON.stringify(HARBOUR, null, 2)}\n`));
    await options.waitFor('[data-pack-id="wrenfield-coast"]', { timeout: 5_000 });
    const row = (await packRows(options)).find((r) => r.id === 'wrenfield-coast');
    expect(row).toMatchObject({ enabled: true });
    expect(row?.text).toContain('2 entries');
    await expect.poll(() => mentionCounts(open), { timeout: 10_000 }).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
    await open.close();
    const again = await s.openDemo('/harbour.html');
    expect(await mentionCounts(again)).toEqual({ 'orla-penhallow': 2, 'port-wrenfield': 2 });
    await again.close();
  });

  it('a note added here highlights its term on an open page and shows on its card', async () => {
    const page = await s.openDemo('/index.html');
    const count = () => noteMentions(page, 'test of nerves');
    expect(await count(), 'not highlighted before the note').toBe(0);
    await options.bringToFront();
    await options.fill('#notes-section form.note-add input[name="term"]', 'test of nerves');
    await options.fill('#notes-section form.note-add textarea[name="text"]', 'Whoever needs talks more blinks first, in my reading.');
    await options.click('#notes-section form.note-add button[type="submit"]');
    await expect.poll(() => options.texts('#notes-section .note-term'), { timeout: 5_000 }).toContain('test of nerves');
    await expect.poll(count, { timeout: 10_000 }).toBe(1);
    expect((await mentionCounts(page))['choe-son-hui'] ?? 0, 'pack names still highlighted').toBeGreaterThan(0);

    await page.bringToFront();
    await page.evaluate(() => {
      document.querySelector('[data-backstory-entity^="r-"]')?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await page.hover('[data-backstory-entity^="r-"]');
    const card = await waitFullCard(s, page);
    expect(card.text).toContain(uiString('card_note'));
    expect(card.text).toContain('Whoever needs talks more blinks first, in my reading.');
  });

  it('the note editor (an extension frame in a closed root) keeps keys from the page and saves with Ctrl+Enter', async () => {
    const page = await s.openDemo('/index.html');
    await page.evaluate(() => {
      (window as unknown as { keysSeen: number }).keysSeen = 0;
      for (const type of ['keydown', 'input', 'beforeinput']) window.addEventListener(type, () => (window as unknown as { keysSeen: number }).keysSeen++, true);
    });
    const tabId = await s.tabIdOf(page);
    // What the context menu's click does (menus cannot be clicked headless).
    await s.inExtension(({ id }) => chrome.tabs.sendMessage(id, { type: 'backstory:open-note-editor', term: ' standoff ' }), { id: tabId });
    await page.bringToFront();
    await expect
      .poll(() => page.evaluate(() => {
        const host = document.querySelector('[data-backstory-note-editor]');
        return { found: host !== null, closed: host?.shadowRoot === null };
      }), { timeout: 5_000 })
      .toEqual({ found: true, closed: true });
    // The reader types once the editor has focus (its frame loads first, then takes it).
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-note-editor') ?? false), { timeout: 5_000 })
      .toBe(true);
    await expect.poll(async () => (await page.frameFieldFocused('/note-editor/editor.html')) !== false, { timeout: 5_000 }).toBe(true);
    await page.type('A word for a stalemate nobody admits to.');
    await page.press('Control+Enter');
    await expect.poll(() => noteMentions(page, 'standoff'), { timeout: 10_000 }).toBe(1);
    expect(await page.count('[data-backstory-note-editor]'), 'the editor closed').toBe(0);
    expect(await page.evaluate(() => (window as unknown as { keysSeen: number }).keysSeen), 'keys typed into the note reached the page').toBe(0);
    await expect.poll(() => options.texts('#notes-section .note-term'), { timeout: 5_000 }).toContain('standoff');
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
