// @vitest-environment jsdom
// The options page's packs section over the real pack store (in-memory storage) and the real hub:
// what the reader sees after a refused import, an import, a cancelled removal and an export.
import { beforeEach, describe, expect, it, vi } from 'vitest';
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
