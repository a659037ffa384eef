// The memory's message handlers. Page messages take the page's URL from the sender (the tab),
// never from the message. The hub answers each message only for the sender kind MEMORY_SENDERS
// names (extension messages: the extension's own pages), so nothing here checks it again.
import browser from 'webextension-polyfill';
import type { MessageOf, Responses } from '../../shared/messages';
import { loadSettings } from '../../shared/settings-store';
import { getPack } from '../packs';
import { MemoryService, type PageSender } from './service';

/** The sender as the hub passes it (kept structural: the hub imports this file's types). */
type HubSender = PageSender & { id?: string };

export const memory = new MemoryService({ loadSettings, getPack });

/** The tab's URL when the browser tells it (host access to the page), and whether it is private. */
async function tabInfo(tabId: number): Promise<{ url?: string; incognito: boolean }> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { url: tab.url, incognito: tab.incognito };
  } catch {
    return { incognito: false };
  }
}

/** One function per memory message. */
export const memoryHandlers = {
  earlier(msg: MessageOf<'backstory:memory-earlier'>, sender: HubSender): Promise<Responses['backstory:memory-earlier']> | undefined {
    const tab = sender.tab;
    if (tab?.id === undefined) return undefined;
    if (tab.incognito) return Promise.resolve({ items: {} });
    return memory.earlier(msg.entities, sender.url ?? tab.url, tab.id).then((items) => ({ items }));
  },
  earlierForTab(msg: MessageOf<'backstory:memory-earlier-tab'>): Promise<Responses['backstory:memory-earlier-tab']> {
    const t0 = performance.now();
    return tabInfo(msg.tabId).then(async (tab) => ({ items: tab.incognito ? {} : await memory.earlier(msg.entities, tab.url ?? msg.url, msg.tabId), ms: performance.now() - t0 }));
  },
  status(): Promise<Responses['backstory:memory-status']> {
    return memory.status();
  },
  forget(msg: MessageOf<'backstory:memory-forget'>): Promise<Responses['backstory:memory-forget']> {
    return (msg.tabId !== undefined ? tabInfo(msg.tabId) : Promise.resolve({ url: undefined })).then((tab) => memory.forget(msg.scope, { url: tab.url ?? msg.url, site: msg.site, tabId: msg.tabId }));
  },
  exportJson(): Promise<Responses['backstory:memory-export']> {
    return memory.exportJson();
  },
  importJson(msg: MessageOf<'backstory:memory-import'>): Promise<Responses['backstory:memory-import']> {
    return memory.importJson(msg.text);
  },
};
export type MemoryHandlers = typeof memoryHandlers;
