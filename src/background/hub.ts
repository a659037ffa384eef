// The background's message hub: every runtime message is checked with `parseMessage`; anything
// unknown or malformed is dropped (answered with nothing, so other listeners stay free to answer).
import type { Pack } from '../core/types';
import { parseMessage, type Message, type MessageOf, type Responses } from '../shared/messages';
import type { MemoryHandlers } from './memory/handlers';
import type { PackControls } from './pack-store';

export interface HubSender {
  id?: string;
  /** The sending page's URL (a tab's page, or an extension page). */
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

export interface HubDeps {
  /** This extension's id: messages from anyone else are dropped. */
  extensionId: string;
  getPack(): Promise<Pack>;
  setBadge(tabId: number, entityCount: number): Promise<void>;
  annotateTab(tabId: number): Promise<Responses['backstory:annotate-tab']>;
  /** The reader's pack library (options page); without it those messages go unanswered. */
  packs?: PackControls;
  /** Page analysis (content script → background); without it those messages go unanswered. */
  analyze?(msg: MessageOf<'backstory:analyze'>, sender: HubSender): Promise<Responses['backstory:analyze'] | undefined>;
  pageConfig?(msg: MessageOf<'backstory:page-config'>): Promise<Responses['backstory:page-config']>;
  /** The reading memory; without it those messages go unanswered. */
  memory?: MemoryHandlers;
}

type Handled = { [K in Message['type']]?: (msg: Extract<Message, { type: K }>, sender: HubSender) => Promise<Responses[K]> | undefined };

export function createHub(deps: HubDeps) {
  const handlers: Handled = {
    'backstory:get-pack': async () => ({ pack: await deps.getPack() }),
    'backstory:page-status': (msg, sender) => {
      // Only a content script, which runs in a tab, can report a page's status.
      const tabId = sender.tab?.id;
      if (tabId === undefined || tabId < 0) return undefined;
      return deps.setBadge(tabId, msg.entityCount).then(() => ({ ok: true as const }));
    },
    'backstory:annotate-tab': (msg) => deps.annotateTab(msg.tabId),
    'backstory:analyze': (msg, sender) => deps.analyze?.(msg, sender) as Promise<Responses['backstory:analyze']> | undefined,
    'backstory:page-config': (msg) => deps.pageConfig?.(msg),
    'backstory:list-packs': () => deps.packs?.list(),
    'backstory:import-pack': (msg) => deps.packs?.importText(msg.text),
    'backstory:export-pack': (msg) => deps.packs?.exportText(msg.id),
    'backstory:set-pack-enabled': (msg) => deps.packs?.setEnabled(msg.id, msg.enabled),
    'backstory:remove-pack': (msg) => deps.packs?.remove(msg.id),
    'backstory:memory-earlier': (m, s) => deps.memory?.earlier(m, s), // page
    'backstory:memory-earlier-tab': (m, s) => deps.memory?.earlierForTab(m, s), // extension
    'backstory:memory-status': (m, s) => deps.memory?.status(m, s), // extension
    'backstory:memory-forget': (m, s) => deps.memory?.forget(m, s), // extension
    'backstory:memory-export': (m, s) => deps.memory?.exportJson(m, s), // extension
    'backstory:memory-import': (m, s) => deps.memory?.importJson(m, s), // extension
  };

  /** Returns the reply promise, or undefined when the message is not ours to answer. */
  return function handle(raw: unknown, sender: HubSender): Promise<unknown> | undefined {
    if (sender.id !== undefined && sender.id !== deps.extensionId) return undefined;
    const msg = parseMessage(raw);
    if (!msg) return undefined;
    const handler = handlers[msg.type] as ((m: Message, s: HubSender) => Promise<unknown> | undefined) | undefined;
    return handler?.(msg, sender);
  };
}
