// Default news sites the reader switched Backstory off on, in browser.storage.local under `sites`.
// Kept apart from the settings record: it is a list of the manifest's own patterns, not a preference
// with a default, and a bad entry here must not reset any setting.
import browser from 'webextension-polyfill';
import { SITES_KEY } from '../core/storage-keys';
import * as v from 'valibot';

export { SITES_KEY };

const SitesSchema = v.object({ disabled: v.array(v.pipe(v.string(), v.maxLength(300))) });

/** Patterns of the default sites switched off; an unreadable record counts as none switched off. */
export async function loadDisabledSites(): Promise<string[]> {
  try {
    const raw = (await browser.storage.local.get(SITES_KEY))[SITES_KEY];
    const r = v.safeParse(SitesSchema, raw);
    return r.success ? r.output.disabled : [];
  } catch {
    return [];
  }
}

export async function setSiteDisabled(pattern: string, disabled: boolean): Promise<string[]> {
  const current = await loadDisabledSites();
  const next = disabled ? [...new Set([...current, pattern])] : current.filter((p) => p !== pattern);
  await browser.storage.local.set({ [SITES_KEY]: { disabled: next } });
  return next;
}
