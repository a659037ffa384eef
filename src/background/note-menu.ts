// Context menu "Add a Backstory note" on selected text. The click asks the tab's content script to
// open its note editor; where none runs yet, the click's activeTab grant lets us start it first.
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { NOTE_SELECTION_MAX } from '../shared/note-messages';
import { annotateTab } from './annotate';

export const NOTE_MENU_ID = 'backstory-add-note';
/** Web pages only: browser pages, extension pages and local files cannot take the editor. */
const PAGES = ['http://*/*', 'https://*/*'];

let queue: Promise<void> = Promise.resolve();

function createMenu(): void {
  // Menus survive a browser restart in some browsers and not in others: start clean either way.
  // Queued, because install and startup can fire together and two interleaved rounds would
  // create the item twice.
  queue = queue
    .then(() => browser.contextMenus.removeAll())
    .then(() => {
      browser.contextMenus.create({ id: NOTE_MENU_ID, title: t('menu_add_note'), contexts: ['selection'], documentUrlPatterns: PAGES });
    })
    .catch((err) => console.warn('Backstory: the note menu could not be created:', err));
}

export function registerNoteMenu(): void {
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);
  browser.contextMenus.onClicked.addListener(async (info, tab) => {
    if (info.menuItemId !== NOTE_MENU_ID || tab?.id === undefined || tab.id < 0) return;
    const message = { type: 'backstory:open-note-editor', term: (info.selectionText ?? '').slice(0, NOTE_SELECTION_MAX) };
    try {
      await browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
    } catch {
      const started = await annotateTab(tab.id);
      if (started.ok) await browser.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
    }
  });
}
