// "Annotate this page" on a site outside the default list: inject the content script through
// the activeTab grant the reader gave by opening the popup or pressing the command key.
import browser from 'webextension-polyfill';
import type { Responses } from '../shared/messages';

/** True when a Backstory content script already answers in the tab. */
async function isActive(tabId: number): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, { type: 'backstory:get-cards' });
    return true;
  } catch {
    return false;
  }
}

export async function annotateTab(tabId: number): Promise<Responses['backstory:annotate-tab']> {
  if (await isActive(tabId)) return { ok: true };
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: ['content.css'] });
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
    return { ok: true };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
