// Wraps accepted hits with <backstory-mention> through mark.js (which ships in ui.js), one run at a time, and can put the
// page back exactly as it was. The background already decided every hit; this file only writes
// the DOM and remembers how to undo it.
import type { WireHits } from '../shared/messages';
import type { MarkRanges, WrapRange } from '../ui/api';
import { withRange } from '../shared/one-range';
import { runPaced } from './pace';
import type { Claimed, DomRun } from './runs';

export type HighlightStyle = 'underline' | 'background' | 'none';

/** One original Text node that names were cut from (markRanges in ui/api.ts gives the shape). */
interface Split {
  orig: Text;
  /** The wrappers cut from it, in order; each is followed by the Text node of what came after it. */
  els: Element[];
  /** The original node's data right after the split: if the page rewrites it later (a framework
   *  updating the Text node it kept), the pieces after it are stale copies, not the rest of it. */
  data: string;
  /** The text the pieces after it hold, wrappers included. */
  tail: string;
}

export interface RunResult {
  /** Wrapper elements created, in document order. */
  elements: Element[];
}

export class Highlighter {
  // Plain maps, not weak ones, and every entry goes when its run is unwrapped: their nodes are held
  // anyway (by the runs, the splits and the wrappers list), and weak maps keyed by DOM nodes
  // cost the page's garbage collections: with 18,000 names wrapped, the pause that ends a major
  // collection spent 20–30 ms settling their entries against the DOM's own tracing.
  //
  // For the same reason nothing here holds, or even reads, the Text nodes a wrap cut off (see
  // src/ui/mark-ranges.ts): a run keeps its original nodes, and the pieces after each are found
  // again by walking from it when they are needed (`nodesOf`, and `restore` when the page moved
  // things).
  /** Text nodes of processed runs, as collected; a later pass never wraps them again. */
  private readonly claimedNodes = new Set<Text>();
  /** Every wrapped run's splits, in the order the runs were wrapped. */
  private readonly splits = new Map<DomRun, Split[]>();
  private elements: Element[] = [];
  private readonly runOf = new Map<Element, DomRun>();

  /** Text Backstory has read or wrapped: a node of a processed run, a wrapper's text, or a piece
   *  after a wrapper. */
  readonly claimed: Claimed = {
    has: (node) => {
      if (this.claimedNodes.has(node)) return true;
      if (this.runOf.size === 0) return false;
      const before = node.previousSibling;
      const parent = node.parentNode;
      return (before !== null && this.runOf.has(before as Element)) || (parent !== null && this.runOf.has(parent as Element));
    },
  };

  /** Entities the article alone knows (no pack): their wrappers say so, and the page sheet gives
   *  them a lighter mark than the names with background (content.css). */
  private pageOnly: ReadonlySet<string> = new Set();

  constructor(private style: HighlightStyle = 'underline') {}

  /** Which entity ids are page-only, from the analysis reply's cards; marks wrappers already made. */
  setPageOnly(ids: ReadonlySet<string>): void {
    // Every live pass brings the cards again; the set rarely changes, the wrappers can be many.
    const same = ids.size === this.pageOnly.size && [...ids].every((id) => this.pageOnly.has(id));
    this.pageOnly = ids;
    if (same) return;
    for (const el of this.elements) markKind(el, ids.has(el.getAttribute('data-backstory-entity') ?? ''));
  }

  get mentionElements(): readonly Element[] {
    return this.elements;
  }

  setStyle(style: HighlightStyle): void {
    this.style = style;
    for (const el of this.elements) el.setAttribute('data-backstory-style', style);
  }

  /** Wraps one run's hits (offsets in the run's text, as the background decided them; `ids` are
   *  what their entity indices refer to) with mark.js `markRanges` (from ui.js), confined to the
   *  run's own Text nodes. */
  highlightRun(run: DomRun, hits: WireHits, ids: readonly string[], mark: MarkRanges): RunResult {
    const created: Element[] = [];
    this.claim(run);
    if (hits.length === 0) return { elements: created };
    const before = run.nodes.map((n) => n.data);
    const ranges: WrapRange[] = [];
    for (let i = 0; i + 2 < hits.length; i += 3) {
      const entityId = ids[hits[i + 2]!];
      if (entityId !== undefined) ranges.push({ start: hits[i]!, length: hits[i + 1]! - hits[i]!, entityId });
    }
    const splits: Split[] = [];
    let split: Split | undefined;
    let splitNode = -1;
    mark(run.nodes, ranges, (el, range, node, offset) => {
      el.setAttribute('data-backstory-entity', range.entityId);
      el.setAttribute('data-backstory-style', this.style);
      markKind(el, this.pageOnly.has(range.entityId));
      created.push(el);
      this.runOf.set(el, run);
      if (node !== splitNode || !split) {
        const text = before[node]!;
        split = { orig: run.nodes[node]!, els: [], data: text.slice(0, offset), tail: text.slice(offset) };
        splitNode = node;
        splits.push(split);
      }
      split.els.push(el);
    });
    this.splits.set(run, splits);
    this.elements.push(...created);
    return { elements: created };
  }

  private claim(run: DomRun): void {
    for (const n of run.nodes) {
      this.claimedNodes.add(n);
    }
  }

  /** The run's Text nodes as they are now: each original node, then the pieces cut from it (a
   *  wrapper's text, the text after it). Walking stops at a node that is not ours, so a run the page
   *  changed comes back short or different (and `holdsItsText` says so). */
  nodesOf(run: DomRun): Text[] {
    const splits = this.splits.get(run);
    if (!splits || splits.length === 0) return run.nodes;
    const out: Text[] = [];
    let k = 0;
    for (const orig of run.nodes) {
      out.push(orig);
      if (splits[k]?.orig !== orig) continue;
      out.push(...this.piecesAfter(splits[k++]!).texts);
    }
    return out;
  }

  /** The nodes after a split's original node that are ours: for each of its wrappers, the wrapper
   *  and the Text node after it (in the page's order, stopping at the first node that is not ours). */
  private piecesAfter(split: Split): { nodes: Node[]; texts: Text[] } {
    const nodes: Node[] = [];
    const texts: Text[] = [];
    let sib = split.orig.nextSibling;
    for (let left = 2 * split.els.length; left > 0 && sib; left--, sib = sib.nextSibling) {
      if (sib.nodeType === Node.TEXT_NODE) texts.push(sib as Text);
      else if (split.els.includes(sib as Element)) {
        const inner = sib.firstChild;
        if (inner?.nodeType === Node.TEXT_NODE && inner.nextSibling === null) texts.push(inner as Text);
      } else break;
      nodes.push(sib);
    }
    return { nodes, texts };
  }

  /** Takes one run's highlights off (what is still on the page) and forgets its nodes, so the
   *  text can be collected again after the page changed it, or wrapped again with other hits. */
  removeRun(run: DomRun): void {
    for (const split of [...(this.splits.get(run) ?? [])].reverse()) this.restore(split);
    this.splits.delete(run);
    this.elements = this.elements.filter((el) => {
      if (this.runOf.get(el) !== run) return true;
      this.runOf.delete(el);
      unwrap(el);
      return false;
    });
    for (const n of run.nodes) {
      this.claimedNodes.delete(n);
    }
  }

  private restore(split: Split): void {
    const { orig, els, data, tail } = split;
    const parent = orig.parentNode;
    if (!parent) return;
    const keep = orig.data === data;
    // As we left it (the wrappers where we put them, the text between unchanged): one Range takes
    // the pieces out, and no node in them is handed to the script.
    const cut = els.every((el) => el.parentNode === parent) && withRange(orig.ownerDocument, (span) => {
      span.setStartAfter(orig);
      const start = span.startOffset;
      span.setEndAfter(els[els.length - 1]!);
      const end = start + 2 * els.length;
      if (span.startOffset !== start || span.endOffset !== end - 1) return false;
      try {
        span.setEnd(parent, end);
      } catch {
        return false; // the Text node after the last wrapper is gone
      }
      if (span.toString() !== tail) return false;
      span.deleteContents();
      return true;
    });
    if (cut) {
      if (keep) orig.appendData(tail);
      return;
    }
    // The page changed something among the pieces: take back only what is still ours.
    const { nodes } = this.piecesAfter(split);
    if (!nodes.every((p) => p.parentNode === parent)) return;
    // The page rewrote the node it owns: it now holds the whole new text, so our pieces go.
    if (keep) orig.data += nodes.map((p) => p.textContent ?? '').join('');
    for (const p of nodes) parent.removeChild(p);
  }

  /** Puts the page back: unwraps our elements and merges exactly the Text nodes we split. */
  removeAll(): void {
    for (const step of this.takeUndo()) step();
  }

  /** `removeAll` paced by frames: unwrapping every name of a 1.6 MB page at once left the browser
   *  one 60 ms layout; a batch per frame, each frame lays out only what that batch changed. */
  async removeAllSliced(): Promise<void> {
    const steps = this.takeUndo();
    await runPaced([...steps.keys()], (i) => steps[i]!());
  }

  /** What puts the page back, in order (splits last made first, then any wrapper the page moved
   *  elsewhere); the highlighter forgets it all. */
  private takeUndo(): (() => void)[] {
    const splits = [...this.splits.values()].flat().reverse();
    const steps = [...splits.map((split) => () => this.restore(split)), ...this.elements.map((el) => () => unwrap(el))];
    this.splits.clear();
    this.elements = [];
    this.claimedNodes.clear();
    this.runOf.clear();
    return steps;
  }
}

function unwrap(el: Element): void {
  if (el.parentNode) el.replaceWith(...Array.from(el.childNodes));
}

/** Indices of `runs`, those whose block is in or near the viewport first, then the rest in
 *  document order. Runs come in document order, so their blocks stand one below the other and the
 *  ones near the viewport are one stretch of them: two binary searches find it. Reading every
 *  block's rectangle took thousands of layout reads on a dense page, all in the task that
 *  received the background's reply. */
export function viewportFirst(runs: readonly DomRun[], viewportHeight: number): number[] {
  type Span = { top: number; bottom: number };
  const spans = new Map<number, Span>();
  const BELOW: Span = { top: Infinity, bottom: Infinity };
  // A block that is not laid out (display: none) has an empty rectangle at 0, which would break
  // the order the searches rely on: it stands where the next laid-out block does.
  const read = (i: number): Span => {
    const empty: number[] = [];
    let j = i;
    let span: Span | undefined;
    for (; j < runs.length && !(span = spans.get(j)); j++) {
      const r = runs[j]!.block.getBoundingClientRect();
      if (r.width !== 0 || r.height !== 0) {
        span = r;
        break;
      }
      empty.push(j);
    }
    span ??= BELOW;
    spans.set(j, span);
    for (const k of empty) spans.set(k, span);
    return span;
  };
  // The first run whose block ends below the top margin, then the first from there that starts
  // below the bottom margin: the runs between are the near ones.
  const from = firstWhere(0, runs.length, (i) => read(i).bottom >= -viewportHeight);
  const to = firstWhere(from, runs.length, (i) => read(i).top > viewportHeight * 2);
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, k) => a + k);
  return [...range(from, to), ...range(0, from), ...range(to, runs.length)];
}

/** The first index in [lo, hi) where `test` holds, given it holds from some index on (hi if none). */
function firstWhere(lo: number, hi: number, test: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `data-backstory-kind="page"` on a mention of a name known only from the article. */
function markKind(el: Element, pageOnly: boolean): void {
  if (pageOnly) el.setAttribute('data-backstory-kind', 'page');
  else el.removeAttribute('data-backstory-kind');
}
