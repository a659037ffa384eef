// Toolbar badge: how many distinct entities Backstory found on a tab.
import browser from 'webextension-polyfill';

const BADGE_COLOR = '#2a5fa8';

export async function setBadge(tabId: number, entityCount: number): Promise<void> {
  const text = entityCount > 0 ? (entityCount > 999 ? '999+' : String(entityCount)) : '';
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await browser.action.setBadgeText({ tabId, text });
  } catch {
    // The tab closed or navigated away while the page was being read: nothing to show.
  }
}

/** A new page in the tab starts with no badge until its content script reports. */
export function clearBadgeOnNavigation(): void {
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void browser.action.setBadgeText({ tabId, text: '' }).catch(() => {});
  });
}
