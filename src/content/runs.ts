// Collects runs: the article's text joined across inline elements only, broken at blocks, <br>
// and anything we must not touch. A run's text is exactly its Text nodes' data joined, so an offset
// in the text maps straight back to a node (what highlighting and "scroll to sentence" need).
import type { RunKind, RunText } from '../core/types';
import { isExcludedRegionKnown, type ArticleRoot } from './article-root';
import { TAG_BR, TAG_INLINE, TAG_SKIP, isInsideSkipped, isSkippedByAttributes, tagFlags } from '../shared/dom-kinds';

export interface DomRun extends RunText {
  /** The Text nodes in document order; `text` is their data joined. */
  nodes: Text[];
  /** The block element the run sits in (for viewport ordering and scrolling). */
  block: Element;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** What `text.trim() !== ''` tests, without copying the text. */
const NOT_SPACE = /\S/;

function kindOf(name: string, inherited: RunKind): RunKind {
  if (HEADINGS.has(name)) return 'heading';
  if (name === 'figcaption' || name === 'caption') return 'caption';
  return inherited;
}

/** The Text nodes Backstory has wrapped or split: the highlighter's set, read-only here. */
export interface Claimed {
  has(node: Text): boolean;
}

class RunBuilder {
  readonly runs: DomRun[] = [];
  private nodes: Text[] = [];
  private text = '';
  private block: Element | null = null;
  private kind: RunKind = 'body';

  constructor(private readonly claimed?: Claimed) {}

  /** `data` is `node.data`, read once by the walk. */
  add(node: Text, data: string, block: Element, kind: RunKind): void {
    if (this.nodes.length === 0) {
      this.block = block;
      this.kind = kind;
      this.text = data;
    } else {
      this.text += data;
    }
    this.nodes.push(node);
  }

  /** Called at every block boundary, most often with nothing gathered or only the white space
   *  between blocks: those cases allocate nothing. */
  flush(): void {
    const nodes = this.nodes;
    if (nodes.length === 0) return;
    const text = this.text;
    this.text = '';
    // Text already in a run (a later pass over changed content) is never wrapped twice.
    if (!this.block || !NOT_SPACE.test(text) || (this.claimed && nodes.some((n) => this.claimed!.has(n)))) {
      nodes.length = 0;
      return;
    }
    this.nodes = [];
    this.runs.push({ text, kind: this.kind, nodes, block: this.block });
  }
}

/** One element being walked: its text goes to `block`'s run; a block flushes when left. */
interface Frame {
  el: Element;
  block: Element;
  kind: RunKind;
  isBlock: boolean;
}

/** Nodes between two clock reads: `performance.now()` per node would cost more than the node. */
const CHECK_EVERY = 32;

/** The walk of one container, iterative so it can stop at a deadline and resume where it was.
 *  Same runs as a recursive walk: text joins across inline elements; blocks, <br> and regions we
 *  must not read break runs. */
class ContainerWalk {
  private stack: Frame[] = [];
  private next: Node | null;
  done = false;

  constructor(
    container: Element,
    private readonly out: RunBuilder,
  ) {
    // Only what is below `container` is checked on the way down: an article inside a rich-text
    // editor (or a document in design mode) is the reader's own text being edited, never ours to wrap.
    if (container.ownerDocument.designMode === 'on' || isInsideSkipped(container)) {
      this.next = null;
      this.done = true;
      return;
    }
    this.stack.push({ el: container, block: container, kind: kindAt(container), isBlock: true });
    this.next = container.firstChild;
  }

  /** Walks until `deadline` (checked every few dozen nodes) or the end; true when done. State
   *  lives in locals while walking (written back when pausing): the loop runs per DOM node. */
  step(deadline: number): boolean {
    if (this.done) return true;
    const out = this.out;
    const stack = this.stack;
    let next = this.next;
    let count = 0;
    for (;;) {
      if (++count % CHECK_EVERY === 0 && performance.now() >= deadline) {
        this.next = next;
        return false;
      }
      const node = next;
      if (node === null) {
        // The current element is finished: leave it.
        const frame = stack.pop()!;
        if (frame.isBlock) out.flush();
        if (stack.length === 0) break;
        next = frame.el.nextSibling;
        continue;
      }
      next = node.nextSibling;
      const type = node.nodeType;
      if (type === TEXT_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          const frame = stack[stack.length - 1]!;
          out.add(node as Text, data, frame.block, frame.kind);
        }
        continue;
      }
      if (type !== ELEMENT_NODE) continue;
      const c = node as Element;
      // The tag name and attributes are read once here: each is a call into the browser.
      const name = c.localName;
      const flags = tagFlags(name);
      const hasAttributes = c.hasAttributes();
      if (flags & (TAG_BR | TAG_SKIP) || (hasAttributes && isSkippedByAttributes(c)) || isExcludedRegionKnown(c, name, hasAttributes)) {
        out.flush();
        continue;
      }
      const top = stack[stack.length - 1]!;
      if (flags & TAG_INLINE) {
        stack.push({ el: c, block: top.block, kind: top.kind, isBlock: false });
      } else {
        out.flush();
        stack.push({ el: c, block: c, kind: kindOf(name, top.kind), isBlock: true });
      }
      next = c.firstChild;
    }
    this.next = null;
    this.done = true;
    return true;
  }
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function kindAt(el: Element): RunKind {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const k = kindOf(e.localName, 'body');
    if (k !== 'body') return k;
  }
  return 'body';
}

/** Runs of one container (its own kind inferred from its ancestors). `claimed` text nodes, if
 *  given, make any run containing them be dropped. */
export function collectRunsIn(container: Element, claimed?: Claimed): DomRun[] {
  const out = new RunBuilder(claimed);
  new ContainerWalk(container, out).step(Infinity);
  out.flush();
  return out.runs;
}

/** Collects the article's runs a slice at a time: headings found outside the root first, then the
 *  root. `runs` grows as `step` walks; when `step` returns true it equals `collectRuns(article)`. */
export class RunCollector {
  private readonly builder: RunBuilder;
  private readonly containers: Element[];
  private walk: ContainerWalk | null = null;

  constructor(article: ArticleRoot, claimed?: Claimed) {
    this.builder = new RunBuilder(claimed);
    this.containers = [...article.extraHeadings, article.root];
  }

  get runs(): DomRun[] {
    return this.builder.runs;
  }

  /** Walks until `performance.now() >= deadline` (read every few dozen nodes) or the end; true
   *  when every run is collected. */
  step(deadline: number): boolean {
    for (;;) {
      if (!this.walk) {
        const next = this.containers.shift();
        if (!next) return true;
        this.walk = new ContainerWalk(next, this.builder);
      }
      if (!this.walk.step(deadline)) return false;
      this.builder.flush();
      this.walk = null;
      if (this.containers.length > 0 && performance.now() >= deadline) return false;
    }
  }
}

/** All runs of the article: headings found outside the root first, then the root. */
export function collectRuns(article: ArticleRoot): DomRun[] {
  const collector = new RunCollector(article);
  collector.step(Infinity);
  return collector.runs;
}

/** Whether a run's Text nodes are still on the page and still hold the text it was read with.
 *  Once wrapped, its nodes are the highlighter's `nodesOf(run)`: the pieces' data adds up to it. */
export function holdsItsText(run: DomRun, nodes: readonly Text[] = run.nodes): boolean {
  let at = 0;
  for (const n of nodes) {
    const data = n.data;
    if (!n.isConnected || !run.text.startsWith(data, at)) return false;
    at += data.length;
  }
  return at === run.text.length;
}
