// Settings in browser.storage.local: only what the reader changed is stored (see core/settings).
import browser from 'webextension-polyfill';
import { SETTINGS_KEY } from '../core/storage-keys';
import { applyChange, diffFromDefaults, migrate, type MigrationResult, type Settings } from '../core/settings';
import { errorText } from './error-text';

export { SETTINGS_KEY };

/** Settings plus a notice when stored values had to be reset. */
export async function loadSettingsWithNotice(): Promise<MigrationResult> {
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  } catch (err) {
    return { ...migrate(undefined), notice: `Settings could not be read (${errorText(err)}); defaults are in use.` };
  }
  const result = migrate(stored);
  if (result.notice) console.warn(`Backstory: ${result.notice}`);
  return result;
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsWithNotice()).settings;
}

/** Validates and stores a change; resolves to the new settings, rejects with a readable reason. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const r = applyChange(current, change);
  if (!r.ok) throw new Error(`Setting not saved — ${r.error}`);
  await browser.storage.local.set({ [SETTINGS_KEY]: diffFromDefaults(r.settings) });
  return r.settings;
}

export async function resetSettings(): Promise<Settings> {
  await browser.storage.local.remove(SETTINGS_KEY);
  return loadSettings();
}

/** Calls `cb` with the new settings whenever they change in any context. Returns an unsubscribe. */
export function onSettingsChanged(cb: (s: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    cb(migrate(changes[SETTINGS_KEY]?.newValue).settings);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
