// The background's message hub: every runtime message is checked with `parseMessage`, and answered
// only when its sender is of the kind `SENDERS` names for it (a content script asking for an
// extension-page message gets nothing done). Anything else is dropped, answered with nothing, so
// other listeners stay free to answer.
import { parseMessage, SENDERS, type Message, type MessageOf, type Responses } from '../shared/messages';
import { senderKind, type MessageSender } from '../shared/senders';
import type { MemoryHandlers } from './memory/handlers';
import type { NoteEditorControls } from './note-editor';
import type { PackControls } from './pack-store';

export type HubSender = MessageSender;

/** A sender the hub has checked: `url` is the browser's, `tab` set for a page. */
export type PageSender = HubSender & { url: string; tab: { id: number }; frameId: number };

export interface HubDeps {
  /** This extension's id: messages from anyone else are dropped. */
  extensionId: string;
  /** `runtime.getURL('')`: documents under it are the extension's own pages. */
  extensionOrigin: string;
  setBadge(tabId: number, entityCount: number): Promise<void>;
  annotateTab(tabId: number): Promise<Responses['backstory:annotate-tab']>;
  /** The reader's pack library (options page); without it those messages go unanswered. */
  packs?: PackControls;
  /** The note editor's frame (content script) and document (extension page). */
  noteEditor?: NoteEditorControls;
  /** Page analysis (content script → background); without it those messages go unanswered. */
  analyze?(msg: MessageOf<'backstory:analyze'>, sender: PageSender): Promise<Responses['backstory:analyze'] | undefined>;
  /** A page finished a pass (its page-status): what its analysis found may be filed now. */
  settled?(sender: PageSender): void;
  /** The settings for the page at `url` (the sender's address). */
  pageConfig?(url: string): Promise<Responses['backstory:page-config']>;
  /** The reading memory; without it those messages go unanswered. */
  memory?: MemoryHandlers;
}

type Answered = keyof typeof SENDERS;
/** A page message's handler gets the checked page sender; an extension page's may have no tab (popup). */
type SenderFor<K extends Answered> = (typeof SENDERS)[K] extends 'page' ? PageSender : HubSender;
type Handlers = { [K in Answered]: (msg: MessageOf<K>, sender: SenderFor<K>) => Promise<Responses[K] | undefined> | undefined };

export function createHub(deps: HubDeps) {
  // Each handler runs only after its sender passed the check for its kind (see SENDERS).
  const handlers: Handlers = {
    'backstory:page-status': (msg, sender) => {
      deps.settled?.(sender);
      return deps.setBadge(sender.tab.id, msg.entityCount).then(() => ({ ok: true as const }));
    },
    'backstory:analyze': (msg, sender) => deps.analyze?.(msg, sender),
    'backstory:page-config': (_msg, sender) => deps.pageConfig?.(sender.url),
    'backstory:annotate-tab': (msg) => deps.annotateTab(msg.tabId),
    'backstory:list-packs': () => deps.packs?.list(),
    'backstory:import-pack': (msg) => deps.packs?.importText(msg.text),
    'backstory:export-pack': (msg) => deps.packs?.exportText(msg.id),
    'backstory:set-pack-enabled': (msg) => deps.packs?.setEnabled(msg.id, msg.enabled),
    'backstory:remove-pack': (msg) => deps.packs?.remove(msg.id),
    'backstory:note-editor-open': (msg, sender) => deps.noteEditor?.opened(sender.tab.id, msg.term),
    // The editor's document is framed in a tab: that tab is whose editor it is.
    'backstory:note-editor-draft': (_msg, sender) => (sender.tab?.id !== undefined ? deps.noteEditor?.draft(sender.tab.id) : undefined),
    'backstory:save-note': (msg) => deps.noteEditor?.save(msg.term, msg.text),
    'backstory:note-editor-close': (_msg, sender) => (sender.tab?.id !== undefined ? deps.noteEditor?.close(sender.tab.id) : undefined),
    'backstory:memory-earlier': (m, s) => deps.memory?.earlier(m, s),
    'backstory:memory-earlier-tab': (m) => deps.memory?.earlierForTab(m),
    'backstory:memory-status': () => deps.memory?.status(),
    'backstory:memory-forget': (m) => deps.memory?.forget(m),
    'backstory:memory-export': () => deps.memory?.exportJson(),
    'backstory:memory-import': (m) => deps.memory?.importJson(m),
  };

  /** Returns the reply promise, or undefined when the message is not ours to answer. */
  return function handle(raw: unknown, sender: HubSender): Promise<unknown> | undefined {
    const kind = senderKind(sender, deps.extensionId, deps.extensionOrigin);
    if (!kind) return undefined;
    const msg = parseMessage(raw);
    if (!msg || !Object.hasOwn(SENDERS, msg.type)) return undefined;
    const type = msg.type as Answered;
    if (SENDERS[type] !== kind) return undefined;
    const handler = handlers[type] as (m: Message, s: PageSender) => Promise<unknown> | undefined;
    return handler(msg, sender as PageSender);
  };
}
