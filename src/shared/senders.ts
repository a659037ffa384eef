// Who sent a runtime message, told from what the browser says about the sender (never from the
// message). A content script runs inside pages the extension does not trust: whatever it asks may
// have been steered by the page, so it may ask only what a page's annotation needs. The reader's
// controls (packs, notes, annotating another tab) answer only the extension's own pages.

/** `page`: this extension's content script in a tab's top frame. `extension`: a document of the
 *  extension's own origin (popup, options, the note editor's frame). */
export type SenderKind = 'page' | 'extension';

export interface MessageSender {
  id?: string;
  url?: string;
  /** The browser's tab of a content script or a framed extension page (`incognito`: a private window). */
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

/** What kind of context sent a message, or null when it is none of ours to answer. `origin` is
 *  the extension's own (`runtime.getURL('')`, with its trailing slash). */
export function senderKind(sender: MessageSender, extensionId: string, origin: string): SenderKind | null {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(origin)) return 'extension';
  const tabId = sender.tab?.id;
  // Content scripts are declared and injected for top frames only.
  if (tabId === undefined || tabId < 0 || sender.frameId !== 0) return null;
  return /^(https?|file):/i.test(sender.url) ? 'page' : null;
}
