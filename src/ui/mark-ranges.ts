// mark.js, for the content script's highlighter: it ships in ui.js, so a page with no name to
// show never parses it, and content.js stays small. The highlighter decides what to wrap; this
// only asks mark.js to wrap those ranges of a run's Text nodes.
import type Mark from 'mark.js';
import MarkJS from 'mark.js/src/lib/mark.js';
import type { MarkRanges, WrapRange } from './api';
import { MENTION_TAG } from '../shared/dom-kinds';
import { withRange } from '../shared/one-range';

/** mark.js's options merged with its defaults, and the options they came from. */
let merged: { from: Mark.MarkRangesOptions; opt: Mark.MarkRangesOptions } | null = null;

/**
 * mark.js, told where each range lies in the run's Text nodes. Its own range mode finds the text
 * of each context with a NodeIterator, then for every wrap rebuilds the whole text of the run
 * (two substrings and a join) and copies it again to check the next range is not blank:
 *  - a NodeIterator stays registered with the document until it is garbage-collected, and every
 *    node a wrap removed was announced to all of them: on a page with 18,000 names, nine tenths of
 *    the wrapping's script time;
 *  - the copies made a paragraph with n names cost n copies of its text: 12 of the 53 MB a pass
 *    allocated on that page, and the collections they caused fell inside the frames we paced.
 * The run's Text nodes and their lengths are known, and the ranges come sorted and checked by
 * mark.js's `markRanges`, so one walk along the nodes gives each range its node and offsets; a
 * range across nodes is wrapped piece by piece as mark.js does, and `each` is called once per
 * piece, in document order.
 *
 * The wrap itself is not mark.js's `wrapRangeInTextNode` (two `splitText` calls and a copy of the
 * name into the wrapper) but one `Range.surroundContents`, which leaves the page in the same shape
 * (tests/dom/mark-ranges.test.ts) without handing the script a single Text node. That matters
 * because the content script runs in an isolated world: every node it touches gets a wrapper object
 * there, kept for as long as the node lives, in a weak table each major garbage collection settles.
 * mark.js's way left three per name; this leaves one, the mention element. On the dense bench page
 * (18,000 names), warm passes with a frame over 50 ms fell from 24 to 11 of 68. Pieces of one Text
 * node are wrapped last first, so the node the next piece lies in is always the original one.
 */
class RunMark extends MarkJS {
  constructor(private readonly texts: readonly Text[]) {
    super(texts as unknown as HTMLElement[]);
  }

  // mark.js merges the options with its defaults at every call: an object of two dozen
  // properties and five closures per run wrapped. The options are always OPTIONS (below), so
  // the merge is made once and kept.
  override set opt(options: Mark.MarkRangesOptions) {
    if (options === merged?.from) return;
    super.opt = options;
    merged = { from: options, opt: super.opt };
  }

  override get opt(): Mark.MarkRangesOptions {
    return merged!.opt;
  }

  override wrapRangeFromIndex(ranges: readonly WrapRange[], _filter: unknown, each: (el: Element, range: WrapRange) => void, end: () => void): void {
    const texts = this.texts;
    const doc = texts[0]?.ownerDocument;
    // Each piece: its node, its start and end in that node, its range; in document order.
    const pieces: [number, number, number, WrapRange][] = [];
    let i = 0;
    let nodeStart = 0;
    let nodeEnd = texts[0]?.data.length ?? 0;
    for (const range of ranges) {
      let s = range.start;
      const e = s + range.length;
      while (s < e) {
        while (i < texts.length && nodeEnd <= s) {
          i++;
          nodeStart = nodeEnd;
          nodeEnd += texts[i]?.data.length ?? 0;
        }
        if (i >= texts.length) break;
        const partEnd = Math.min(e, nodeEnd);
        pieces.push([i, s - nodeStart, partEnd - nodeStart, range]);
        s = partEnd;
      }
    }
    if (!doc || pieces.length === 0) return end();
    const made: Element[] = new Array<Element>(pieces.length);
    withRange(doc, (span) => {
      for (let k = pieces.length - 1; k >= 0; k--) {
        const [n, a, b] = pieces[k]!;
        const el = doc.createElement(MENTION_TAG);
        span.setStart(texts[n]!, a);
        span.setEnd(texts[n]!, b);
        span.surroundContents(el);
        made[k] = el;
      }
    });
    for (let k = 0; k < pieces.length; k++) {
      const piece = pieces[k]!;
      pieceNode = piece[0];
      pieceOffset = piece[1];
      each(made[k]!, piece[3]);
    }
    end();
  }
}

/** The wrapper callback of the markRanges call under way (mark.js calls back synchronously), and
 *  where the piece being handed back was cut (mark.js passes on only the element and the range). */
let eachNow: Parameters<MarkRanges>[2] = () => undefined;
let pieceNode = 0;
let pieceOffset = 0;

/** One options object for every call, so that mark.js's merge of it with its defaults is made once. */
const OPTIONS = {
  // mark.js hands each range object back, so the entity id travels with it.
  each: (el: Element, range: WrapRange) => eachNow(el, range, pieceNode, pieceOffset),
} as unknown as Mark.MarkRangesOptions;

export const markRanges: MarkRanges = (nodes, ranges, each) => {
  eachNow = each;
  try {
    new RunMark(nodes).markRanges(ranges as WrapRange[], OPTIONS);
  } finally {
    eachNow = () => undefined;
  }
};
