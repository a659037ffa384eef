import { beforeEach, describe, expect, it, vi } from 'vitest';
import { listeners, store } from './fake-storage';

vi.mock('webextension-polyfill', async () => (await import('./fake-storage')).polyfill);

const { loadSettings, loadSettingsWithNotice, onSettingsChanged, resetSettings, saveSettings, SETTINGS_KEY } = await import(
  '../../src/shared/settings-store'
);
const { DEFAULT_SETTINGS } = await import('../../src/core/settings');

beforeEach(() => {
  store.clear();
  listeners.clear();
});

describe('settings store', () => {
  it('loads the defaults from empty storage', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('stores only what the reader changed', async () => {
    await saveSettings({ firstMentionOnly: true });
    await saveSettings({ hoverDelayMs: 600 });
    expect(store.get(SETTINGS_KEY)).toEqual({ version: 2, firstMentionOnly: true, hoverDelayMs: 600 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, firstMentionOnly: true, hoverDelayMs: 600 });
  });

  it('drops a field from storage when it is set back to its default', async () => {
    await saveSettings({ theme: 'dark' });
    await saveSettings({ theme: 'system' });
    expect(store.get(SETTINGS_KEY)).toEqual({ version: 2 });
  });

  it('refuses an invalid change with a readable reason and keeps what was stored', async () => {
    await saveSettings({ theme: 'light' });
    await expect(saveSettings({ hoverDelayMs: -1 })).rejects.toThrow(/hoverDelayMs/);
    expect(store.get(SETTINGS_KEY)).toEqual({ version: 2, theme: 'light' });
  });

  it('reports a notice for corrupt storage and still loads', async () => {
    store.set(SETTINGS_KEY, 'not an object');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const r = await loadSettingsWithNotice();
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.notice).toMatch(/reset to defaults/);
    warn.mockRestore();
  });

  it('tells subscribers about changes until they unsubscribe', async () => {
    const seen: unknown[] = [];
    const stop = onSettingsChanged((s) => seen.push(s.highlightStyle));
    await saveSettings({ highlightStyle: 'background' });
    await resetSettings();
    stop();
    await saveSettings({ highlightStyle: 'none' });
    expect(seen).toEqual(['background', 'underline']);
  });
});
