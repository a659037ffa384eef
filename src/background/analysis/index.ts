// The worker's side of page analysis: reads the pack, the reader's notes and settings afresh for
// each request (a storage read is cheap, and a page re-annotating after a change must see it),
// and keeps one session per open page in memory.
import browser from 'webextension-polyfill';
import { patternMatches } from '../../core/sites';
import type { MessageOf, Responses } from '../../shared/messages';
import { loadNotes } from '../../shared/notes-store';
import { loadSettings } from '../../shared/settings-store';
import { loadDisabledSites } from '../../shared/sites-store';
import type { PageSender } from '../hub';
import { memory } from '../memory/handlers';
import { getPack } from '../packs';
import { HeldFilings } from './held-filings';
import { PageSessions } from './page-sessions';

const sessions = new PageSessions();
const filings = new HeldFilings();

async function readNotes() {
  try {
    return (await loadNotes()).notes;
  } catch {
    return []; // notes are extra: the page is still annotated from the pack
  }
}

/** One page: a tab's frame ("tabId:frameId"), as sessions and held filings key it. */
const scopeOf = (sender: PageSender): string => `${sender.tab.id}:${sender.frameId}`;

export async function analyzePage(msg: MessageOf<'backstory:analyze'>, sender: PageSender): Promise<Responses['backstory:analyze'] | undefined> {
  const req = msg.request;
  const scope = scopeOf(sender);
  const received = sessions.receive(scope, req);
  if (received) return { json: JSON.stringify(received) };
  const [pack, notes, settings] = await Promise.all([getPack(), readNotes(), loadSettings()]);
  const result = sessions.answer(scope, req.pass, { pack, notes, settings });
  // The cards of this pass are final: file them once the page has wrapped them (see HeldFilings),
  // so a page's highlights never wait on, or share the CPU with, a disk write (tens of ms into a
  // big memory, more when the disk is busy).
  if ('cards' in result) {
    const { page, pageDate } = sessions.pageOf(scope, req.pass);
    filings.hold(scope, () => void memory.fileInOrder(sender, result.cards, page, pageDate));
  }
  return { json: JSON.stringify(result) };
}

/** The page at `sender` finished a pass (or switched Backstory off): what it had analysed is filed. */
export function pageSettled(sender: PageSender): void {
  filings.release(scopeOf(sender));
}

/** `url` is the sender's address as the browser gives it (a page cannot choose it). */
export async function pageConfig(url: string): Promise<Responses['backstory:page-config']> {
  const [settings, disabled] = await Promise.all([loadSettings(), loadDisabledSites()]);
  // The page asks this first and sends its text a moment later: build the matcher meanwhile.
  setTimeout(() => void warmUp(settings), 0);
  return { settings, siteOff: disabled.some((p) => patternMatches(p, url)) };
}

async function warmUp(settings: Awaited<ReturnType<typeof loadSettings>>): Promise<void> {
  try {
    const [pack, notes] = await Promise.all([getPack(), readNotes()]);
    sessions.warm({ pack, notes, settings });
  } catch {
    // The analyze request that follows reports any real problem.
  }
}

/** A closed tab's sessions (and the article it filed) go at once; a reloaded one replaces its own on its first pass. */
export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    sessions.dropScope(String(tabId));
    filings.releaseTab(tabId);
    void memory.tabClosed(tabId);
  });
}
