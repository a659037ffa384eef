// Watches the article for content added later (live blogs, "load more", lazy paragraphs) and hands
// over only the new runs, debounced. Our own writes (mention wrappers, split text, the card) and
// text already in a run are ignored, so nothing is ever wrapped twice.
import { isInExcludedRegion, resetRegionCache } from './article-root';
import { CARD_TAG, MENTION_TAG, isInline, isInsideSkipped } from './dom-kinds';
import { collectRunsIn, type DomRun } from './runs';

export interface ObserveOptions {
  root: Element;
  claimed: () => WeakSet<Text>;
  onRuns: (runs: DomRun[]) => void;
  /** The article root left the document (a single-page site swapped the story): start over. */
  onRootLost?: () => void;
  debounceMs?: number;
}

function isOurs(node: Node, claimed: WeakSet<Text>): boolean {
  if (node.nodeType === Node.TEXT_NODE && claimed.has(node as Text)) return true;
  const el = node instanceof Element ? node : node.parentElement;
  return el !== null && el.closest(`${MENTION_TAG},${CARD_TAG}`) !== null;
}

/** The block whose runs an added node belongs to. */
function blockOf(node: Node): Element | null {
  let el = node instanceof Element ? node : node.parentElement;
  while (el && isInline(el)) el = el.parentElement;
  return el;
}

/** Starts observing; returns a function that stops it. */
export function observeNewContent(opts: ObserveOptions): () => void {
  const { root } = opts;
  const pending = new Set<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    timer = undefined;
    const blocks = Array.from(pending).filter((b) => b.isConnected);
    pending.clear();
    // A block inside another pending block is covered by the outer one.
    const outer = blocks.filter((b) => !blocks.some((o) => o !== b && o.contains(b)));
    outer.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    const claimed = opts.claimed();
    resetRegionCache();
    const runs = outer.flatMap((b) => collectRunsIn(b, root, claimed));
    if (runs.length > 0) opts.onRuns(runs);
  };

  const observer = new MutationObserver((records) => {
    if (!root.isConnected) {
      stop();
      opts.onRootLost?.();
      return;
    }
    const claimed = opts.claimed();
    resetRegionCache();
    for (const r of records) {
      for (const node of Array.from(r.addedNodes)) {
        if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.TEXT_NODE) continue;
        if (isOurs(node, claimed)) continue;
        const block = blockOf(node);
        if (!block || !root.contains(block) && block !== root) continue;
        if (isInsideSkipped(block, root) || isInExcludedRegion(block, root)) continue;
        pending.add(block);
      }
    }
    if (pending.size > 0 && timer === undefined) timer = setTimeout(flush, opts.debounceMs ?? 100);
  });
  // Watch the whole body, not just the root, to notice when the root itself is replaced.
  observer.observe(root.ownerDocument.body ?? root, { childList: true, subtree: true });
  function stop(): void {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    pending.clear();
  }
  return stop;
}
