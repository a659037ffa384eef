// What the extension's own content script may ask, in real Chromium. The content script runs in
// pages the extension does not trust, so the tests below speak from its world (its isolated world
// in the demo page) the way a script steered by the page could. Chromium only: DevTools can
// evaluate in a content script's world; WebDriver BiDi in Firefox cannot reach it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, inContentScript, startSession, type Session } from './harness';

type Chromeish = { runtime: { sendMessage(m: unknown): Promise<unknown> }; storage?: { local?: { get(k: unknown): Promise<unknown> } } };

const EVIL_PACK = JSON.stringify({
  format: 2,
  id: 'evil',
  version: 1,
  title: 'Evil',
  language: 'en',
  asOf: '2026-01-01',
  sources: [{ id: 's', title: 'S', publisher: 'P', url: 'https://evil.example/s', date: '2026-01-01' }],
  entities: [{ id: 'x', type: 'person', name: 'Kim Jong Un', summary: 'Rewritten by a page.' }],
});

describeInBrowser('content scripts are untrusted senders (Chromium)', () => {
  let s: Session;
  let page: Page;
  let options: Page;

  /** Sent from the options page, the way a reader's click sends it. */
  const fromOptions = (msg: unknown) => options.evaluate((m) => chrome.runtime.sendMessage(m), msg);

  beforeAll(async () => {
    s = await startSession();
    page = await s.openDemo('/index.html');
    options = await s.ctx.newPage();
    await options.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    await options.waitForSelector('body[data-ready]', { timeout: 10_000 });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('a content script asking to import, switch off or list packs gets nothing done', async () => {
    const before = await fromOptions({ type: 'backstory:list-packs' });
    const answers = await inContentScript(
      s,
      page,
      async (text: string) => {
        const c = (globalThis as unknown as { chrome: Chromeish }).chrome;
        const ask = (m: unknown) => c.runtime.sendMessage(m).then((r) => r ?? null, (e: Error) => `error: ${e.message}`);
        return [
          await ask({ type: 'backstory:import-pack', text }),
          await ask({ type: 'backstory:set-pack-enabled', id: 'korean-peninsula', enabled: false }),
          await ask({ type: 'backstory:list-packs' }),
          await ask({ type: 'backstory:annotate-tab', tabId: 1 }),
        ];
      },
      EVIL_PACK,
    );
    // No answer at all: nothing was done for the content script.
    for (const a of answers) expect(a === null || (typeof a === 'string' && a.startsWith('error:')), JSON.stringify(a)).toBe(true);
    expect(await fromOptions({ type: 'backstory:list-packs' }), 'the pack library is unchanged').toEqual(before);
  });

  it('the same import from the options page is done (the refusal above is about the sender)', async () => {
    const r = (await fromOptions({ type: 'backstory:import-pack', text: EVIL_PACK })) as { ok?: boolean };
    expect(r?.ok).toBe(true);
    expect(await fromOptions({ type: 'backstory:remove-pack', id: 'evil' })).toMatchObject({ ok: true });
  });

  it('a content script cannot read or write storage.local; the reader’s notes still reach the page', async () => {
    await options.evaluate(() =>
      (chrome as unknown as { storage: { local: { set(v: object): Promise<void> } } }).storage.local.set({
        notes: { version: 1, notes: [{ id: 'n1', term: 'test of nerves', text: 'Kept from pages.', created: '2026-01-05T10:00:00.000Z', updated: '2026-01-05T10:00:00.000Z' }] },
      }),
    );
    const tried = await inContentScript(
      s,
      page,
      async () => {
        const local = (globalThis as unknown as { chrome: { storage?: { local?: { get(k: unknown): Promise<unknown>; set(v: object): Promise<void> } } } }).chrome.storage?.local;
        const attempt = async (f: () => Promise<unknown>) => {
          try {
            return { value: JSON.stringify((await f()) ?? null) };
          } catch (e) {
            return { error: String(e) };
          }
        };
        return { read: await attempt(() => local!.get(null)), write: await attempt(() => local!.set({ notes: null })) };
      },
      null,
    );
    expect(tried.read.value ?? '', 'the content script read storage').not.toContain('Kept from pages.');
    expect(tried.read.error, 'reading failed').toBeDefined();
    expect(tried.write.error, 'writing failed').toBeDefined();
    const notes = await options.evaluate(() => (chrome as unknown as { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } }).storage.local.get('notes'));
    expect(JSON.stringify(notes)).toContain('Kept from pages.');
    // The page follows the change all the same: the background tells the content script.
    await expect.poll(() => page.locator('[data-backstory-entity^="r-"]', { hasText: /^test of nerves$/i }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
