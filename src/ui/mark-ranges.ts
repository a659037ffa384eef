// mark.js, for the content script's highlighter: it ships in ui.js, so a page with no name to
// show never parses it, and content.js stays small. The highlighter decides what to wrap; this
// only asks mark.js to wrap those ranges of a run's Text nodes.
import type Mark from 'mark.js';
import MarkJS from 'mark.js/src/lib/mark.js';
import type { MarkRanges, WrapRange } from './api';
import { MENTION_TAG } from '../shared/dom-kinds';

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
 * mark.js's `markRanges`, so one walk along the nodes gives each range its node and offsets; the
 * split and the wrapper are mark.js's own (`wrapRangeInTextNode`), a range across nodes is
 * wrapped piece by piece as mark.js does, and `each` is called once per piece.
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
    const lengths = texts.map((t) => t.data.length);
    // Node i starts at nodeStart in the run's text; what is left of it after the last wrap (the
    // Text node mark.js returned) starts at curStart.
    let i = 0;
    let nodeStart = 0;
    let cur: Text | undefined = texts[0];
    let curStart = 0;
    for (const range of ranges) {
      let s = range.start;
      const e = s + range.length;
      while (s < e) {
        while (i < texts.length && nodeStart + lengths[i]! <= s) {
          nodeStart += lengths[i]!;
          i++;
          cur = texts[i];
          curStart = nodeStart;
        }
        if (!cur) break;
        const partEnd = Math.min(e, nodeStart + lengths[i]!);
        const rest = this.wrapRangeInTextNode(cur, s - curStart, partEnd - curStart);
        each(rest.previousSibling as Element, range);
        cur = rest;
        curStart = partEnd;
        s = partEnd;
      }
    }
    end();
  }
}

/** The wrapper callback of the markRanges call under way (mark.js calls back synchronously). */
let eachNow: (el: Element, range: WrapRange) => void = () => undefined;

/** One options object for every call, so that mark.js's merge of it with its defaults is made once. */
const OPTIONS = {
  element: MENTION_TAG,
  // mark.js hands each range object back, so the entity id travels with it.
  each: (el: Element, range: WrapRange) => {
    el.removeAttribute('data-markjs');
    eachNow(el, range);
  },
} as unknown as Mark.MarkRangesOptions;

export const markRanges: MarkRanges = (nodes, ranges, each) => {
  eachNow = each;
  try {
    new RunMark(nodes).markRanges(ranges as WrapRange[], OPTIONS);
  } finally {
    eachNow = () => undefined;
  }
};
