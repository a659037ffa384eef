// The memory's message handlers. Page messages take the page's URL from the sender (the tab),
// never from the message; extension messages are answered only for the extension's own pages.
import browser from 'webextension-polyfill';
import type { MessageOf, Responses } from '../../shared/messages';
import { loadSettings } from '../../shared/settings-store';
import { getPack } from '../packs';
import { MemoryService, type PageSender } from './service';

/** The sender as the hub passes it (kept structural: the hub imports this file's types). */
type HubSender = PageSender & { id?: string };

export const memory = new MemoryService({ loadSettings, getPack });

/** The popup and options pages: a content script (which runs in a web page) is not one. */
function fromExtensionPage(sender: HubSender): boolean {
  const own = browser.runtime.getURL('');
  return typeof sender.url === 'string' && sender.url.startsWith(own);
}

/** The tab's URL when the browser tells it (host access to the page), and whether it is private. */
async function tabInfo(tabId: number): Promise<{ url?: string; incognito: boolean }> {
  try {
    const tab = await browser.tabs.get(tabId);
    return { url: tab.url, incognito: tab.incognito };
  } catch {
    return { incognito: false };
  }
}

/** One function per memory message: undefined (unanswered) when the sender may not ask it. */
export const memoryHandlers = {
  earlier(msg: MessageOf<'backstory:memory-earlier'>, sender: HubSender): Promise<Responses['backstory:memory-earlier']> | undefined {
    const tab = sender.tab;
    if (tab?.id === undefined) return undefined;
    if (tab.incognito) return Promise.resolve({ items: {} });
    return memory.earlier(msg.entities, sender.url ?? tab.url, tab.id).then((items) => ({ items }));
  },
  earlierForTab(msg: MessageOf<'backstory:memory-earlier-tab'>, sender: HubSender): Promise<Responses['backstory:memory-earlier-tab']> | undefined {
    if (!fromExtensionPage(sender)) return undefined;
    const t0 = performance.now();
    return tabInfo(msg.tabId).then(async (tab) => ({ items: tab.incognito ? {} : await memory.earlier(msg.entities, tab.url ?? msg.url, msg.tabId), ms: performance.now() - t0 }));
  },
  status(_msg: MessageOf<'backstory:memory-status'>, sender: HubSender): Promise<Responses['backstory:memory-status']> | undefined {
    return fromExtensionPage(sender) ? memory.status() : undefined;
  },
  forget(msg: MessageOf<'backstory:memory-forget'>, sender: HubSender): Promise<Responses['backstory:memory-forget']> | undefined {
    if (!fromExtensionPage(sender)) return undefined;
    return (msg.tabId !== undefined ? tabInfo(msg.tabId) : Promise.resolve({ url: undefined })).then((tab) => memory.forget(msg.scope, { url: tab.url ?? msg.url, site: msg.site, tabId: msg.tabId }));
  },
  exportJson(_msg: MessageOf<'backstory:memory-export'>, sender: HubSender): Promise<Responses['backstory:memory-export']> | undefined {
    return fromExtensionPage(sender) ? memory.exportJson() : undefined;
  },
  importJson(msg: MessageOf<'backstory:memory-import'>, sender: HubSender): Promise<Responses['backstory:memory-import']> | undefined {
    return fromExtensionPage(sender) ? memory.importJson(msg.text) : undefined;
  },
};
export type MemoryHandlers = typeof memoryHandlers;
