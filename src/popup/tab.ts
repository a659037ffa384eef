// Which tab the popup describes, and talking to that tab's content script.
import browser from 'webextension-polyfill';
import type { CardModel } from '../core/types';
import type { Message, Responses } from '../shared/messages';

/** `?tabId=N` when given (tests open the popup in a tab), else the active tab of this window. */
export async function resolveTabId(search: string): Promise<number | null> {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw !== null) {
    const id = Number(raw);
    return Number.isInteger(id) && id >= 0 ? id : null;
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export type PageCards = { active: true; ready: boolean; off?: boolean; cards: CardModel[]; title: string; url: string } | { active: false };

function isCardsResponse(x: unknown): x is Responses['backstory:get-cards'] {
  return typeof x === 'object' && x !== null && Array.isArray((x as { cards?: unknown }).cards);
}

/** The tab's cards, or `active: false` when no Backstory content script answers there. */
export async function requestCards(tabId: number): Promise<PageCards> {
  const msg: Message = { type: 'backstory:get-cards' };
  try {
    const res: unknown = await browser.tabs.sendMessage(tabId, msg);
    if (!isCardsResponse(res)) return { active: false };
    return { active: true, ready: res.ready === true, off: res.off === true, cards: res.cards, title: String(res.title ?? ''), url: String(res.url ?? '') };
  } catch {
    return { active: false };
  }
}

/** Asks the page to scroll to an entity's first mention (or to one sentence) and flash it. */
export async function reveal(tabId: number, entityId: string, sentence?: number): Promise<boolean> {
  const msg: Message = sentence === undefined ? { type: 'backstory:reveal', entityId } : { type: 'backstory:reveal', entityId, sentence };
  try {
    const res = (await browser.tabs.sendMessage(tabId, msg)) as Responses['backstory:reveal'] | undefined;
    return res?.ok === true;
  } catch {
    return false;
  }
}

export async function annotate(tabId: number): Promise<Responses['backstory:annotate-tab']> {
  const msg: Message = { type: 'backstory:annotate-tab', tabId };
  try {
    const res = (await browser.runtime.sendMessage(msg)) as Responses['backstory:annotate-tab'] | undefined;
    return res ?? { ok: false, error: 'no answer from the background' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

/** Resolves when the tab's content script reports a finished pass (`page-status`, sent to every
 *  extension page as well as the background), or after `ms` at the latest. */
function nextStatus(tabId: number, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      browser.runtime.onMessage.removeListener(onMessage);
      resolve();
    };
    const onMessage = (msg: unknown, sender: { tab?: { id?: number } }): undefined => {
      if ((msg as { type?: unknown } | null)?.type === 'backstory:page-status' && sender.tab?.id === tabId) done();
      return undefined;
    };
    const timer = setTimeout(done, ms);
    browser.runtime.onMessage.addListener(onMessage);
  });
}

/** The content script needs a moment to read the page (after injection, or while the page is
 *  loading): ask until it answers with a finished pass (`ready`), then give the last answer
 *  either way. Asks again as soon as the page reports a pass, and every `pollMs` meanwhile (the
 *  script may not be listening yet, and a report may come before it). */
export async function waitForCards(tabId: number, timeoutMs = 15_000, pollMs = 200): Promise<PageCards> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const last = await requestCards(tabId);
    if ((last.active && last.ready) || Date.now() >= deadline) return last;
    await nextStatus(tabId, pollMs);
  }
}
