// mark.js, for the content script's highlighter: it ships in ui.js, so a page with no name to
// show never parses it, and content.js stays small. The highlighter decides what to wrap; this
// only asks mark.js to wrap those ranges of a run's Text nodes.
import type Mark from 'mark.js';
import MarkJS from 'mark.js/src/lib/mark.js';
import type { MarkRanges, WrapRange } from './api';
import { MENTION_TAG } from '../shared/dom-kinds';

interface TextDict {
  value: string;
  nodes: { start: number; end: number; node: Text }[];
}

/**
 * mark.js with its contexts taken as the Text nodes they are. mark.js finds a context's text with
 * a NodeIterator, one per context, and a NodeIterator stays registered with the document until it
 * is garbage-collected: every node mark.js then removes (each wrap replaces one) was announced to
 * all of them. On a page with 18,000 names that walk and those announcements were nine tenths of
 * the wrapping's script time, and the iterators' weak entries lengthened the page's collections.
 * The run's nodes are exactly the text to wrap, in order, so the dictionary mark.js builds from
 * them (its `getTextNodes`) is built directly; every split and wrap is still mark.js's own.
 */
class RunMark extends MarkJS {
  constructor(private readonly texts: readonly Text[]) {
    super(texts as unknown as HTMLElement[]);
  }

  override getTextNodes(done: (dict: TextDict) => void): void {
    let value = '';
    const nodes: TextDict['nodes'] = [];
    for (const node of this.texts) {
      const start = value.length;
      value += node.data;
      nodes.push({ start, end: value.length, node });
    }
    done({ value, nodes });
  }
}

export const markRanges: MarkRanges = (nodes, ranges, each) => {
  new RunMark(nodes).markRanges(ranges as WrapRange[], {
    element: MENTION_TAG,
    // mark.js hands each range object back, so the entity id travels with it.
    each: (el: Element, range: WrapRange) => {
      el.removeAttribute('data-markjs');
      each(el, range);
    },
  } as unknown as Mark.MarkRangesOptions);
};
