// Keyboard command: toggles highlights on the current tab, or starts Backstory there if it
// was not running (the key press grants activeTab, like opening the popup does).
import browser from 'webextension-polyfill';
import { annotateTab } from './annotate';

export const TOGGLE_COMMAND = 'toggle-backstory';

export function listenForCommands(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== TOGGLE_COMMAND) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    try {
      await browser.tabs.sendMessage(tabId, { type: 'backstory:toggle' });
    } catch {
      await annotateTab(tabId);
    }
  });
}
