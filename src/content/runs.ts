// Collects runs: the article's text joined across inline elements only, broken at blocks, <br>
// and anything we must not touch. A run's text is exactly its Text nodes' data joined, so an offset
// in the text maps straight back to a node (what highlighting and "scroll to sentence" need).
import type { RunKind, RunText } from '../core/types';
import { isExcludedRegion, type ArticleRoot } from './article-root';
import { isInline, isInsideSkipped, isSkipped } from './dom-kinds';

export interface DomRun extends RunText {
  /** The Text nodes in document order; `text` is their data joined. */
  nodes: Text[];
  /** The block element the run sits in (for viewport ordering and scrolling). */
  block: Element;
}

const HEADING = /^h[1-6]$/;

function kindOf(el: Element, inherited: RunKind): RunKind {
  if (HEADING.test(el.localName)) return 'heading';
  if (el.localName === 'figcaption' || el.localName === 'caption') return 'caption';
  return inherited;
}

class RunBuilder {
  readonly runs: DomRun[] = [];
  private nodes: Text[] = [];
  private block: Element | null = null;
  private kind: RunKind = 'body';

  constructor(private readonly claimed?: WeakSet<Text>) {}

  add(node: Text, block: Element, kind: RunKind): void {
    if (this.nodes.length === 0) {
      this.block = block;
      this.kind = kind;
    }
    this.nodes.push(node);
  }

  flush(): void {
    const nodes = this.nodes;
    this.nodes = [];
    if (nodes.length === 0 || !this.block) return;
    const text = nodes.map((n) => n.data).join('');
    if (text.trim() === '') return;
    // Text already in a run (a later pass over changed content) is never wrapped twice.
    if (this.claimed && nodes.some((n) => this.claimed!.has(n))) return;
    this.runs.push({ text, kind: this.kind, nodes, block: this.block });
  }
}

function walk(el: Element, root: Element, block: Element, kind: RunKind, out: RunBuilder): void {
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      const text = child as Text;
      if (text.data.length > 0) out.add(text, block, kind);
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const c = child as Element;
    if (c.localName === 'br' || isSkipped(c) || isExcludedRegion(c, root)) {
      out.flush();
      continue;
    }
    if (isInline(c)) {
      walk(c, root, block, kind, out);
    } else {
      out.flush();
      walk(c, root, c, kindOf(c, kind), out);
      out.flush();
    }
  }
}

function kindAt(el: Element): RunKind {
  for (let e: Element | null = el; e; e = e.parentElement) {
    const k = kindOf(e, 'body');
    if (k !== 'body') return k;
  }
  return 'body';
}

/** Runs of one container (its own kind inferred from its ancestors). `claimed` text nodes, if
 *  given, make any run containing them be dropped. */
export function collectRunsIn(container: Element, root: Element, claimed?: WeakSet<Text>): DomRun[] {
  // The walk only checks what is below `container`: an article inside a rich-text editor (or a
  // document in design mode) is the reader's own text being edited, never ours to wrap.
  if (container.ownerDocument.designMode === 'on' || isInsideSkipped(container)) return [];
  const out = new RunBuilder(claimed);
  walk(container, root, container, kindAt(container), out);
  out.flush();
  return out.runs;
}

/** All runs of the article: headings found outside the root first, then the root. */
export function collectRuns(article: ArticleRoot): DomRun[] {
  const runs: DomRun[] = [];
  for (const h of article.extraHeadings) runs.push(...collectRunsIn(h, h));
  runs.push(...collectRunsIn(article.root, article.root));
  return runs;
}

/** The Text node and offset at `offset` of a run's text; an offset on a node boundary maps to the
 *  start of the next node unless `preferEnd` (for range ends). */
export function locate(run: { nodes: Text[] }, offset: number, preferEnd = false): { node: Text; offset: number } | null {
  let pos = 0;
  for (const node of run.nodes) {
    const len = node.data.length;
    if (offset < pos + len || (preferEnd && offset === pos + len)) return { node, offset: offset - pos };
    pos += len;
  }
  const last = run.nodes[run.nodes.length - 1];
  return last && offset === pos ? { node: last, offset: last.data.length } : null;
}
