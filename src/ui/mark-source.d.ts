// mark.js's own ES2015 source: the same library as its ES5 `main`, ~4 KB smaller in the content
// script once minified (no Babel class helpers). The class itself, for the highlighter's subclass
// (mark-ranges.ts); its public methods are those of the `mark.js` typings.
declare module 'mark.js/src/lib/mark.js' {
  import type Mark from 'mark.js';
  export default class MarkJS {
    constructor(ctx: HTMLElement | readonly HTMLElement[]);
    /** Internal: the options of the call under way, merged with mark.js's defaults on setting. */
    get opt(): Mark.MarkRangesOptions;
    set opt(options: Mark.MarkRangesOptions);
    markRanges(ranges: readonly { start: number; length: number }[], options?: Mark.MarkRangesOptions): void;
    /** Internal: wraps the ranges (sorted and checked by `markRanges`), calling `each` with every
     *  wrapper and its range, then `end`. */
    wrapRangeFromIndex(ranges: readonly { start: number; length: number }[], filter: unknown, each: (el: Element, range: { start: number; length: number }) => void, end: () => void): void;
  }
}
