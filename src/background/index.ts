// Background entry (Chrome service worker, Firefox event page): wires the listeners.
// Listeners are registered synchronously at start so a woken worker sees the event that woke it.
import browser from 'webextension-polyfill';
import { analyzePage, forgetClosedTabs, pageConfig, pageSettled } from './analysis/index';
import { annotateTab } from './annotate';
import { clearBadgeOnNavigation, setBadge } from './badge';
import { listenForCommands } from './commands';
import { createHub } from './hub';
import { memoryHandlers } from './memory/handlers';
import { forgetEditorOfClosedTabs, noteEditor } from './note-editor';
import { registerNoteMenu } from './note-menu';
import { followSiteGrants } from './sites';
import { broadcastChanges, closeStorageToContentScripts } from './storage-access';
import { packStore } from './packs';

closeStorageToContentScripts();
const hub = createHub({ extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL(''), setBadge, annotateTab, packs: packStore, noteEditor, analyze: analyzePage, settled: pageSettled, pageConfig, memory: memoryHandlers });
browser.runtime.onMessage.addListener((raw: unknown, sender: browser.Runtime.MessageSender) => hub(raw, sender));
clearBadgeOnNavigation();
listenForCommands();
registerNoteMenu();
followSiteGrants();
forgetClosedTabs();
forgetEditorOfClosedTabs();
broadcastChanges();
