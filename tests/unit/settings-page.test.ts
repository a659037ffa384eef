// @vitest-environment jsdom
// The options page bound to a fake storage: what the reader sees and what ends up stored.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const root = resolve(__dirname, '../..');
const en = JSON.parse(readFileSync(resolve(root, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
// Enough of getMessage for these strings: $NAME$ → the first substitution.
const getMessage = (key: string, subs?: string[]) => en[key]?.message.replace(/\$[A-Z_]+\$/, subs?.[0] ?? '') ?? '';

const store = new Map<string, unknown>();
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (store.has(key) ? { [key]: structuredClone(store.get(key)) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
        },
        remove: async (key: string) => void store.delete(key),
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));

async function openOptions(): Promise<void> {
  const html = readFileSync(resolve(root, 'src/options/options.html'), 'utf8');
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
  vi.resetModules();
  await import('../../src/options/index');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
}

function input(selector: string): HTMLInputElement {
  const el = document.querySelector<HTMLInputElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

function change(el: HTMLInputElement, apply: () => void): void {
  apply();
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

beforeEach(() => {
  store.clear();
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage, getUILanguage: () => 'en' } };
});

describe('options page', () => {
  it('shows the current settings, one checkbox per entity type', async () => {
    store.set('settings', { version: 1, types: ['person', 'place'], highlightStyle: 'background' });
    await openOptions();
    const checked = [...document.querySelectorAll<HTMLInputElement>('input[name=types]')].filter((b) => b.checked).map((b) => b.value);
    expect(checked).toEqual(['person', 'place']);
    expect(document.querySelectorAll('input[name=types]')).toHaveLength(6);
    expect(input('input[name=highlightStyle][value=background]').checked).toBe(true);
    expect(document.getElementById('hover-delay-value')?.textContent).toBe('300 ms');
  });

  it('saves each change at once, storing only what differs from the defaults', async () => {
    await openOptions();
    const term = input('input[name=types][value=term]');
    change(term, () => (term.checked = false));
    await vi.waitFor(() => expect(document.getElementById('status')?.textContent).toBe('Saved'));
    const dark = input('input[name=theme][value=dark]');
    change(dark, () => (dark.checked = true));
    await vi.waitFor(() => expect(store.get('settings')).toMatchObject({ theme: 'dark' }));
    expect(store.get('settings')).toEqual({ version: 2, theme: 'dark', types: ['person', 'place', 'organization', 'event', 'equipment'] });
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('tells the reader, by the setting’s own name, which stored values were reset', async () => {
    store.set('settings', { version: 1, hoverDelayMs: 'soon', firstMentionOnly: true });
    await openOptions();
    const notice = document.getElementById('notice');
    expect(notice?.hidden).toBe(false);
    expect(notice?.textContent).toContain('Card delay');
    expect(input('input[name=firstMentionOnly]').checked).toBe(true);
  });

  it('restores the defaults and clears storage', async () => {
    store.set('settings', { version: 1, firstMentionOnly: true });
    await openOptions();
    document.getElementById('reset')?.click();
    await vi.waitFor(() => expect(input('input[name=firstMentionOnly]').checked).toBe(false));
    expect(store.has('settings')).toBe(false);
  });
});
