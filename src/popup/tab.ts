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
    return { active: true, ready: res.ready !== false, off: res.off === true, cards: res.cards, title: String(res.title ?? ''), url: String(res.url ?? '') };
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

/** The content script needs a moment to read the page (after injection, or while the page is
 *  loading): ask until it answers with a finished pass, then give the last answer either way. */
export async function waitForCards(tabId: number, tries = 25, delayMs = 200): Promise<PageCards> {
  let last: PageCards = { active: false };
  for (let i = 0; i < tries; i++) {
    last = await requestCards(tabId);
    if (last.active && last.ready) return last;
    await new Promise((res) => setTimeout(res, delayMs));
  }
  return last;
}
