// The reader's own sites: a host permission plus a registered content script per host, so Backstory
// runs there on every visit and after a restart. Used by the popup and options page (which ask for
// the permission inside the click) and by the background (which follows grants made elsewhere,
// e.g. the browser's own site-access menu, and a popup that closed while the prompt was up).
import browser from 'webextension-polyfill';
import { hostFromScriptId, patternForHost, scriptIdFor } from '../core/sites';
import { errorText } from './error-text';

export interface SiteResult {
  ok: boolean;
  error?: string;
}

/** Must be the first await in a click handler: the browser only shows the prompt for a user gesture. */
export async function requestSitePermission(host: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [patternForHost(host)] });
  } catch {
    return false;
  }
}

/** Registers the content script for `host` (kept across restarts); does nothing when it exists. */
export async function registerSite(host: string): Promise<SiteResult> {
  const id = scriptIdFor(host);
  try {
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length) return { ok: true };
    await browser.scripting.registerContentScripts([
      { id, matches: [patternForHost(host)], js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    return { ok: true };
  } catch (err) {
    // Two contexts registering the same grant at once: the loser sees a duplicate id, which is success.
    const again = await browser.scripting.getRegisteredContentScripts({ ids: [id] }).catch(() => []);
    return again.length ? { ok: true } : { ok: false, error: errorText(err) };
  }
}

/** Takes the script off; absent already (removed in another tab) counts as done. */
export async function unregisterSiteScript(host: string): Promise<void> {
  await browser.scripting.unregisterContentScripts({ ids: [scriptIdFor(host)] }).catch(() => {});
}

/** Unregisters `host` and gives its permission back. */
export async function removeSite(host: string): Promise<SiteResult> {
  try {
    await unregisterSiteScript(host);
    await browser.permissions.remove({ origins: [patternForHost(host)] });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: errorText(err) };
  }
}

/** Hosts the reader added, sorted. */
export async function listSites(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  const hosts = scripts.map((s) => hostFromScriptId(s.id)).filter((h): h is string => h !== null);
  return [...new Set(hosts)].sort();
}
