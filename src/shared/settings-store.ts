// STUB — reads and writes settings in browser.storage.local (only what the reader changed).
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';

export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS };
}

/** Calls `cb` with the new settings whenever they change in any context. Returns an unsubscribe. */
export function onSettingsChanged(_cb: (s: Settings) => void): () => void {
  return () => {};
}
