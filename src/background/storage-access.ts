// Extension storage holds the reader's notes, packs and settings; content scripts run inside
// pages we do not trust. Chrome can close storage.local to them (TRUSTED_CONTEXTS); then they
// learn what they need through messages: page-config at start, and `backstory:changed` sent to
// every tab here when something that changes a page's annotation is written. Firefox has no
// such switch (feature-detected, not sniffed): there content scripts could still read storage,
// but ours no longer do.
import browser from 'webextension-polyfill';
import { NOTES_KEY, SETTINGS_KEY, isPackKey } from '../core/storage-keys';
import type { ChangedWhat } from '../shared/messages';

interface AccessLevelApi {
  setAccessLevel?(opts: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }): Promise<void>;
}

/** Runs at every start of the worker (the level is not kept across browser sessions). */
export function closeStorageToContentScripts(): void {
  const g = globalThis as { chrome?: { storage?: { local?: AccessLevelApi } } };
  const local = g.chrome?.storage?.local;
  if (typeof local?.setAccessLevel !== 'function') return;
  local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch((err: unknown) => console.warn('Backstory: storage could not be closed to pages:', err));
}

/** What a storage change means for an annotated page, or null when nothing. */
export function changeFor(keys: readonly string[]): ChangedWhat | null {
  if (keys.includes(SETTINGS_KEY)) return 'settings';
  if (keys.includes(NOTES_KEY) || keys.some(isPackKey)) return 'analysis';
  return null;
}

/** Tells every tab's content script what changed (tabs with none simply do not answer). */
export function broadcastChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    const what = area === 'local' ? changeFor(Object.keys(changes)) : null;
    if (!what) return;
    void browser.tabs.query({}).then((tabs) =>
      Promise.all(
        tabs.map((tab) => (tab.id === undefined || tab.id < 0 ? undefined : browser.tabs.sendMessage(tab.id, { type: 'backstory:changed', what }, { frameId: 0 }).catch(() => undefined))),
      ),
    );
  });
}
