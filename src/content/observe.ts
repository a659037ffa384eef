// Watches the article for content added later (live blogs, "load more", lazy paragraphs) and hands
// over only the new runs, debounced. Our own writes (mention wrappers, split text, the card) and
// text already in a run are ignored, so nothing is ever wrapped twice.
import { isInExcludedRegion, resetRegionCache } from './article-root';
import { CARD_TAG, MENTION_TAG, isInline, isInsideSkipped } from '../shared/dom-kinds';
import { collectRunsIn, type Claimed, type DomRun } from './runs';

export interface ObserveOptions {
  root: Element;
  claimed: () => Claimed;
  onRuns: (runs: DomRun[]) => void;
  /** Called with the changed blocks before their runs are collected, so runs the page broke can
   *  be dropped (and their nodes unclaimed); returns how many were dropped. */
  beforeCollect?: (blocks: Element[]) => number;
  /** The article root left the document or the URL changed (a single-page site swapped the
   *  story): start over. */
  onRootLost?: () => void;
  debounceMs?: number;
  /** Told when a change starts waiting out the debounce and when it has been handed over, so that
   *  "settled" covers new content not collected yet. */
  activity?: { begin(): () => void };
  /** Start held: changes are gathered but not handed over until `release()`. The first pass
   *  watches from before its walk, so what the page adds or rewrites meanwhile is not lost. */
  held?: boolean;
}

export interface Watcher {
  stop(): void;
  /** Ends the hold: what changed while held is handed over now, as one update. */
  release(): void;
  /** Collect this node's block again (a run of it was dropped before the watcher could tell). */
  recheck(node: Node): void;
  /** Runs `write` (our own changes: wrapping, unwrapping) unobserved. What the page changed before
   *  is taken first. A wrapped name costs the observer five records (two splits, their insertions,
   *  the wrapper), each a JS object in the content script's world: on a dense page the records of
   *  one frame's batch, and the garbage they left, cost more than the batch. */
  unobserved<T>(write: () => T): T;
}

function isOurs(node: Node, claimed: Claimed): boolean {
  if (node.nodeType === Node.TEXT_NODE && claimed.has(node as Text)) return true;
  const el = node instanceof Element ? node : node.parentElement;
  return el !== null && el.closest(`${MENTION_TAG},${CARD_TAG}`) !== null;
}

/** True for a removed node that was (or held) text we had wrapped. */
function heldOurs(node: Node, claimed: Claimed): boolean {
  if (node.nodeType === Node.TEXT_NODE) return claimed.has(node as Text);
  return node instanceof Element && (isMention(node) || node.querySelector(MENTION_TAG) !== null);
}

function isMention(node: Node | null): boolean {
  return node instanceof Element && node.localName === MENTION_TAG;
}

/** The block whose runs an added node belongs to. */
function blockOf(node: Node): Element | null {
  let el = node instanceof Element ? node : node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}

/** Long enough to take a burst of insertions (a framework rendering a block) as one update, short
 *  enough that new text is wrapped within 200 ms. */
const NEW_CONTENT_DEBOUNCE_MS = 50;

/** Starts observing. */
export function observeNewContent(opts: ObserveOptions): Watcher {
  const { root } = opts;
  let held = opts.held ?? false;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const noop = (): void => undefined;
  let endWait = noop;
  let endNavWait = noop;
  const waiting = (): (() => void) => opts.activity?.begin() ?? noop;

  const flush = (): void => {
    timer = undefined;
    try {
      collect();
    } finally {
      // After onRuns queued its update: the annotator is busy with it by now.
      endWait();
      endWait = noop;
    }
  };
  const collect = (): void => {
    const blocks = Array.from(pending).filter((b) => b.isConnected);
    pending.clear();
    // A block inside another pending block is covered by the outer one.
    const outer = blocks.filter((b) => !blocks.some((o) => o !== b && o.contains(b)));
    outer.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    resetRegionCache();
    const dropped = outer.length > 0 ? (opts.beforeCollect?.(outer) ?? 0) : 0;
    const claimed = opts.claimed();
    const runs = outer.flatMap((b) => collectRunsIn(b, claimed));
    resetRegionCache();
    if (runs.length > 0 || dropped > 0) opts.onRuns(runs);
  };

  // History-API navigation changes the URL without a load; the new story usually reuses the old
  // containers, so the root stays connected. Start over once the swap has settled.
  const win = root.ownerDocument.defaultView;
  const href = (): string => win?.location.href ?? '';
  const startHref = href();
  let navTimer: ReturnType<typeof setTimeout> | undefined;
  const navigated = (): boolean => {
    if (href() === startHref) return false;
    if (navTimer === undefined) {
      endNavWait = waiting();
      navTimer = setTimeout(() => {
        const end = endNavWait;
        endNavWait = noop;
        stop();
        try {
          opts.onRootLost?.();
        } finally {
          end();
        }
      }, opts.debounceMs ?? 100);
    }
    return true;
  };
  const onPopState = (): void => void navigated();
  win?.addEventListener('popstate', onPopState);

  const schedule = (): void => {
    if (held || pending.size === 0 || timer !== undefined) return;
    endWait = waiting();
    timer = setTimeout(flush, opts.debounceMs ?? NEW_CONTENT_DEBOUNCE_MS);
  };
  const consider = (node: Node): void => {
    const block = blockOf(node);
    if (!block || !root.contains(block) && block !== root) return;
    if (isInsideSkipped(block, root) || isInExcludedRegion(block, root)) return;
    pending.add(block);
  };
  const onRecords = (records: MutationRecord[]): void => {
    if (!root.isConnected) {
      stop();
      opts.onRootLost?.();
      return;
    }
    if (navigated()) return;
    const claimed = opts.claimed();
    resetRegionCache();
    for (const r of records) {
      if (r.type === 'characterData') {
        // Our own splits are made unobserved: a change to wrapped text is the page's. While
        // held, the pass has not wrapped everything yet: text not ours yet may be a run read
        // before the page rewrote it (its block is looked at again once released).
        const target = r.target as Text;
        if (held || claimed.has(target)) consider(target);
        continue;
      }
      // The page took wrapped text away (children replaced, textContent set): its block is stale.
      // A Text node right after a wrapper is one our wrap cut off; once removed it can no longer
      // be told by its place, but the record still says what stood before it.
      if (Array.from(r.removedNodes).some((n) => heldOurs(n, claimed)) || (r.removedNodes[0]?.nodeType === Node.TEXT_NODE && isMention(r.previousSibling))) {
        if (r.target.isConnected && !isOurs(r.target, claimed)) consider(r.target);
      }
      for (const node of Array.from(r.addedNodes)) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (isOurs(node, claimed)) continue;
        consider(node);
      }
    }
    schedule();
  };
  const observer = new MutationObserver(onRecords);
  // Watch the whole body, not just the root, to notice when the root itself is replaced.
  const observe = (): void => observer.observe(root.ownerDocument.body ?? root, { childList: true, subtree: true, characterData: true });
  observe();
  let stopped = false;
  let muted = false;
  function stop(): void {
    stopped = true;
    observer.disconnect();
    win?.removeEventListener('popstate', onPopState);
    if (timer !== undefined) clearTimeout(timer);
    if (navTimer !== undefined) clearTimeout(navTimer);
    timer = undefined;
    navTimer = undefined;
    pending.clear();
    endWait();
    endNavWait();
    endWait = noop;
    endNavWait = noop;
  }
  return {
    stop,
    release(): void {
      if (!held || stopped) return;
      // Changes made just before (records not delivered yet) count as made while held.
      const records = observer.takeRecords();
      if (records.length > 0) onRecords(records);
      held = false;
      if (stopped || pending.size === 0) return;
      // Handed over at once, no debounce: the pass's caller is still busy, so "settled" waits
      // for this update too.
      endWait = waiting();
      flush();
    },
    unobserved<T>(write: () => T): T {
      if (stopped || muted) return write();
      const before = observer.takeRecords();
      if (before.length > 0) onRecords(before);
      if (stopped) return write();
      observer.disconnect();
      muted = true;
      try {
        return write();
      } finally {
        muted = false;
        if (!stopped) observe();
      }
    },
    recheck(node: Node): void {
      if (stopped) return;
      resetRegionCache();
      consider(node);
      schedule();
    },
  };
}
