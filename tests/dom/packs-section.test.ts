// @vitest-environment jsdom
// The options page's packs section over the real pack store (in-memory storage) and the real hub:
// what the reader sees after a refused import, an import, a cancelled removal and an export.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHub } from '../../src/background/hub';
import { PackStore, type PackStorage } from '../../src/background/pack-store';
import type { Pack } from '../../src/core/types';
import type { PacksApi } from '../../src/options/packs-api';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { sendMessage: vi.fn() } } }));
const { mountPacks } = await import('../../src/options/packs-section');

const BUNDLED: Pack = {
  format: 2,
  id: 'built-in',
  version: 2,
  title: 'Built-in pack',
  language: 'en',
  asOf: '2019-09',
  sources: [],
  entities: [{ id: 'tide-office', type: 'organization', name: 'Tide Office', summary: 'Keeps the tide tables.' }],
};
const MINE = JSON.stringify({ ...BUNDLED, id: 'mine', title: 'My harbour pack', entities: [] });

function memoryStorage(): PackStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (keys) => Object.fromEntries((keys === null ? [...data.keys()] : [keys].flat()).filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))])),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (keys) => void [keys].flat().forEach((k) => data.delete(k)),
  };
}

let root: HTMLElement;
let storage: ReturnType<typeof memoryStorage>;
let api: PacksApi & { confirm: ReturnType<typeof vi.fn<(q: string) => boolean>>; download: ReturnType<typeof vi.fn<(name: string, text: string) => void>> };

beforeEach(async () => {
  document.body.innerHTML = '<section id="packs-section" hidden></section>';
  root = document.getElementById('packs-section')!;
  storage = memoryStorage();
  const handle = createHub({ extensionId: 'self', extensionOrigin: 'chrome-extension://self/', setBadge: async () => {}, annotateTab: async () => ({ ok: true }), packs: new PackStore(storage, [BUNDLED]) });
  api = {
    send: (msg) => handle(msg, { id: 'self', url: 'chrome-extension://self/options/options.html' }) as never,
    confirm: vi.fn<(q: string) => boolean>(() => false),
    download: vi.fn<(name: string, text: string) => void>(),
  };
  await mountPacks(root, api);
});

const ids = () => [...root.querySelectorAll<HTMLElement>('[data-pack-id]')].map((el) => el.dataset.packId);

async function choose(name: string, text: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change'));
  await vi.waitFor(() => expect(root.querySelector('[role=status]')!.textContent! + root.querySelector('[role=alert]:not(.notice)')!.textContent!).not.toBe(''));
}

describe('options: knowledge packs section', () => {
  it('shows itself with the bundled pack, switched on, and no remove button for it', () => {
    expect(root.hidden).toBe(false);
    expect(ids()).toEqual(['built-in']);
    const row = root.querySelector('[data-pack-id="built-in"]')!;
    expect(row.querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(true);
    expect(row.textContent).toContain('Built-in pack');
    expect(row.querySelectorAll('button')).toHaveLength(1);
  });

  it('a broken file: the parser’s located messages are listed, and nothing in storage or the list changes', async () => {
    await choose('broken.json', '{"id": "mine", "version": "one"}');
    const alert = root.querySelector('.pack-errors')!;
    expect(alert.getAttribute('role')).toBe('alert');
    expect([...alert.querySelectorAll('li')].map((li) => li.textContent)).toContain('version: must be a number (got "one")');
    expect(storage.data.size).toBe(0);
    expect(ids()).toEqual(['built-in']);
  });

  it('a valid file is listed at once with a success message; a cancelled removal keeps it', async () => {
    await choose('mine.json', MINE);
    expect(ids()).toEqual(['built-in', 'mine']);
    // Without the browser's i18n, t() gives the key: the success message, not the failure one.
    expect(root.querySelector('[role=status]')!.textContent).toBe('options_packs_imported_ok');
    expect(root.querySelector('[data-pack-id="mine"]')!.textContent).toContain('My harbour pack');
    root.querySelector<HTMLButtonElement>('[data-pack-id="mine"] button:last-of-type')!.click();
    expect(api.confirm).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(ids()).toEqual(['built-in', 'mine']);
  });

  it('export hands the stored text to the download', async () => {
    await choose('mine.json', MINE);
    root.querySelector<HTMLButtonElement>('[data-pack-id="mine"] button')!.click();
    await vi.waitFor(() => expect(api.download).toHaveBeenCalledWith('mine.json', MINE));
  });

  it('a file over the size limit is refused before it is read', async () => {
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    const big = new File(['x'], 'huge.json');
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    const text = vi.spyOn(big, 'text');
    Object.defineProperty(input, 'files', { value: [big], configurable: true });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(root.querySelector('.pack-errors')!.textContent).toContain('file is 6 MB, the limit is 5 MB'));
    expect(text).not.toHaveBeenCalled();
  });
});

describe('options: what each pack says about itself', () => {
  const en = JSON.parse(readFileSync('_locales/en/messages.json', 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
  /** The browser's getMessage over the English locale. */
  const getMessage = (key: string, subs: string[] = []) =>
    (en[key]?.message ?? '').replace(/\$([A-Za-z0-9_]+)\$/g, (_m, n: string) => en[key]?.placeholders?.[n.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (_m, n: string) => subs[Number(n) - 1] ?? '');

  const CITIES: Pack = {
    format: 3,
    id: 'world-cities',
    version: 1,
    title: 'World cities',
    language: 'en',
    asOf: '2026-01-20',
    license: 'CC-BY-4.0',
    credit: 'Place data <b>GeoNames</b> (geonames.org), CC BY 4.0',
    sources: [
      { id: 'gn-1', title: 'Jakarta', publisher: 'GeoNames', url: 'https://www.geonames.org/1642911', date: '2026-01-20' },
      { id: 'gn-2', title: 'Surabaya', publisher: 'GeoNames', url: 'https://www.geonames.org/1625822', date: '2026-01-20' },
      { id: 'wf', title: 'Indonesia', publisher: 'The World Factbook', url: 'https://www.cia.gov/the-world-factbook/countries/indonesia/', date: '2026-01' },
    ],
    entities: [
      { id: 'jakarta', type: 'place', name: 'Jakarta', summary: 'Capital of Indonesia.', facts: [{ text: 'Population 8.5 million.', date: '2020', source: 'gn-1' }] },
      { id: 'surabaya', type: 'place', name: 'Surabaya', summary: 'A port city.', facts: [{ text: 'Population 2.4 million.', date: '2020', source: 'gn-2' }] },
    ],
  };

  beforeEach(async () => {
    (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage } };
    const handle = createHub({ extensionId: 'self', extensionOrigin: 'chrome-extension://self/', setBadge: async () => {}, annotateTab: async () => ({ ok: true }), packs: new PackStore(memoryStorage(), [BUNDLED, CITIES]) });
    await mountPacks(root, { ...api, send: (msg) => handle(msg, { id: 'self', url: 'chrome-extension://self/options/options.html' }) as never });
  });
  afterEach(() => {
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it('lists every bundled pack with its data date, licence, publishers (most cited first) and credit line, the credit as text', () => {
    expect(ids()).toEqual(['built-in', 'world-cities']);
    const row = root.querySelector('[data-pack-id="world-cities"]')!;
    const text = (sel: string) => row.querySelector(sel)?.textContent;
    expect(text('.pack-meta')).toBe('Built in · version 1 · 2 entries · facts up to 2026-01-20 · licence: CC-BY-4.0');
    expect(text('.pack-sources')).toBe('Sources: GeoNames; The World Factbook');
    expect(text('.pack-credit')).toBe('Credit: Place data <b>GeoNames</b> (geonames.org), CC BY 4.0');
    expect(row.querySelector('b')).toBeNull();
    // A format-2 pack states no licence, and the list says so rather than leaving it out.
    expect(root.querySelector('[data-pack-id="built-in"] .pack-meta')?.textContent).toContain('licence not stated');
  });

  it('each bundled pack has its own switch', () => {
    const switches = [...root.querySelectorAll<HTMLInputElement>('input[name=pack-enabled]')];
    expect(switches.map((s) => [s.value, s.checked, s.disabled])).toEqual([
      ['built-in', true, false],
      ['world-cities', true, false],
    ]);
  });
});
