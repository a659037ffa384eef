// Keyboard commands. Toggle: highlights on the current tab off/on, or starts Backstory there if it
// was not running (the key press grants activeTab, like opening the popup does). Next/previous
// mention: moves focus through the highlighted names and opens each card.
import browser from 'webextension-polyfill';
import type { Message } from '../shared/messages';
import { annotateTab } from './annotate';

export const TOGGLE_COMMAND = 'toggle-backstory';
export const NEXT_COMMAND = 'next-mention';
export const PREVIOUS_COMMAND = 'previous-mention';

const MESSAGES: Record<string, Message> = {
  [TOGGLE_COMMAND]: { type: 'backstory:toggle' },
  [NEXT_COMMAND]: { type: 'backstory:step', direction: 'next' },
  [PREVIOUS_COMMAND]: { type: 'backstory:step', direction: 'previous' },
};

export function listenForCommands(): void {
  browser.commands.onCommand.addListener(async (command, tab) => {
    const msg = MESSAGES[command];
    if (!msg) return;
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    try {
      await browser.tabs.sendMessage(tabId, msg);
    } catch {
      // Not running on this page yet: the first press of any Backstory key starts it.
      await annotateTab(tabId);
    }
  });
}
