// mark.js, for the content script's highlighter: it ships in ui.js, so a page with no name to
// show never parses it, and content.js stays small. The highlighter decides what to wrap; this
// only asks mark.js to wrap those ranges of a run's Text nodes.
import Mark from 'mark.js/src/vanilla.js';
import type { MarkRanges, WrapRange } from './api';
import { MENTION_TAG } from '../shared/dom-kinds';

export const markRanges: MarkRanges = (nodes, ranges, each) => {
  new Mark(nodes as unknown as HTMLElement[]).markRanges(ranges as WrapRange[], {
    element: MENTION_TAG,
    // mark.js hands each range object back, so the entity id travels with it.
    each: (el: Element, range: WrapRange) => {
      el.removeAttribute('data-markjs');
      each(el, range);
    },
  } as unknown as Mark.MarkRangesOptions);
};
