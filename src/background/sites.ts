// Follows host grants made anywhere (our popup or options page, the browser's own site-access
// menu): a granted site gets its content script and its open tabs are annotated; a revoked one
// loses the script. The popup may close while the permission prompt is up, so this is the path
// that must not depend on the popup living on.
import browser from 'webextension-polyfill';
import { singleHostOf } from '../core/sites';
import { registerSite, unregisterSiteScript } from '../shared/site-access';
import { annotateTab } from './annotate';

async function onGranted(origins: string[]): Promise<void> {
  for (const origin of origins) {
    const host = singleHostOf(origin);
    if (!host) continue;
    const r = await registerSite(host);
    if (!r.ok) {
      console.warn(`Backstory: could not register ${host}: ${r.error}`);
      continue;
    }
    const tabs = await browser.tabs.query({ url: origin }).catch(() => []);
    for (const tab of tabs) if (tab.id !== undefined) await annotateTab(tab.id);
  }
}

export function followSiteGrants(): void {
  browser.permissions.onAdded.addListener((p) => void onGranted(p.origins ?? []));
  browser.permissions.onRemoved.addListener((p) => {
    for (const origin of p.origins ?? []) {
      const host = singleHostOf(origin);
      if (host) void unregisterSiteScript(host);
    }
  });
}
