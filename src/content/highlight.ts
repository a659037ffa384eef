// Wraps accepted hits with <backstory-mention> through mark.js (which ships in ui.js), one run at a time, and can put the
// page back exactly as it was. The background already decided every hit; this file only writes
// the DOM and remembers how to undo it.
import type { WireHit } from '../shared/messages';
import type { MarkRanges, WrapRange } from '../ui/api';
import { runPaced } from './pace';
import type { Claimed, DomRun } from './runs';

export type HighlightStyle = 'underline' | 'background' | 'none';

/** One original Text node and what mark.js split it into (siblings, in order, after it). */
interface Split {
  orig: Text;
  pieces: Node[];
  /** The original node's data right after the split: if the page rewrites it later (a framework
   *  updating the Text node it kept), the pieces after it are stale copies, not the rest of it. */
  data: string;
  run: DomRun;
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
  /** Text nodes that belong to a processed run; a later pass never wraps them again. */
  private readonly claimedNodes = new Set<Text>();
  private splits: Split[] = [];
  private elements: Element[] = [];
  private readonly runOf = new Map<Element, DomRun>();
  /** A wrapped run's Text nodes as they were before wrapping, to give back when it is unwrapped. */
  private readonly originals = new Map<DomRun, Text[]>();

  get claimed(): Claimed {
    return this.claimedNodes;
  }

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

  /** Wraps one run's hits (offsets in the run's text, as the background decided them) with
   *  mark.js `markRanges` (from ui.js), confined to the run's own Text nodes. */
  highlightRun(run: DomRun, hits: readonly WireHit[], mark: MarkRanges): RunResult {
    const created: Element[] = [];
    if (hits.length === 0) {
      this.claim(run);
      return { elements: created };
    }
    const origLengths = run.nodes.map((n) => n.data.length);
    const origNodes = run.nodes.slice();
    const ranges: WrapRange[] = hits.map(([start, end, entityId]) => ({ start, length: end - start, entityId }));
    mark(origNodes, ranges, (el, range) => {
      el.setAttribute('data-backstory-entity', range.entityId);
      el.setAttribute('data-backstory-style', this.style);
      markKind(el, this.pageOnly.has(range.entityId));
      created.push(el);
    });
    run.nodes = this.recordSplits(run, origNodes, origLengths, new Set(created));
    this.originals.set(run, origNodes);
    this.claim(run);
    for (const el of created) this.runOf.set(el, run);
    this.elements.push(...created);
    return { elements: created };
  }

  private claim(run: DomRun): void {
    for (const n of run.nodes) {
      this.claimedNodes.add(n);
    }
  }

  /** Takes one run's highlights off (what is still on the page) and forgets its nodes, so the
   *  text can be collected again after the page changed it, or wrapped again with other hits:
   *  the run gets its original Text nodes back. */
  removeRun(run: DomRun): void {
    const mine = this.splits.filter((s) => s.run === run);
    this.splits = this.splits.filter((s) => s.run !== run);
    for (const split of mine.reverse()) this.restore(split);
    this.elements = this.elements.filter((el) => {
      if (this.runOf.get(el) !== run) return true;
      this.runOf.delete(el);
      unwrap(el);
      return false;
    });
    for (const n of run.nodes) {
      this.claimedNodes.delete(n);
    }
    const before = this.originals.get(run);
    if (before) run.nodes = before;
    this.originals.delete(run);
  }

  private restore({ orig, pieces, data }: Split): void {
    const parent = orig.parentNode;
    if (!parent || !pieces.every((p) => p.parentNode === parent)) return;
    // The page rewrote the node it owns: it now holds the whole new text, so our pieces go.
    if (orig.data === data) orig.data += pieces.map((p) => p.textContent ?? '').join('');
    for (const p of pieces) parent.removeChild(p);
  }

  /** Finds the pieces each original node became and returns the run's new Text nodes. */
  private recordSplits(run: DomRun, orig: Text[], lengths: number[], created: Set<Element>): Text[] {
    const texts: Text[] = [];
    const origSet = new Set<Node>(orig);
    orig.forEach((node, i) => {
      const total = lengths[i]!;
      texts.push(node);
      let acc = node.data.length;
      const pieces: Node[] = [];
      let sib = node.nextSibling;
      let lastWasOurs = false;
      while (sib && !origSet.has(sib)) {
        const ours = sib instanceof Element && created.has(sib);
        const isText = sib.nodeType === Node.TEXT_NODE;
        // mark.js leaves an empty Text node after a wrap that ends a node; it is ours to merge.
        if (acc >= total && !(isText && lastWasOurs && (sib as Text).data === '')) break;
        if (!ours && !isText) break;
        pieces.push(sib);
        if (ours) {
          const t = sib.firstChild;
          if (t && t.nodeType === Node.TEXT_NODE) texts.push(t as Text);
        } else {
          texts.push(sib as Text);
        }
        acc += sib.textContent?.length ?? 0;
        lastWasOurs = ours;
        sib = sib.nextSibling;
      }
      if (pieces.length > 0) this.splits.push({ orig: node, pieces, data: node.data, run });
    });
    return texts;
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
    const steps = [...this.splits.reverse().map((split) => () => this.restore(split)), ...this.elements.map((el) => () => unwrap(el))];
    this.splits = [];
    this.elements = [];
    this.claimedNodes.clear();
    this.runOf.clear();
    this.originals.clear();
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
