// mark.js's own ES2015 source: the same library as its ES5 `main`, ~4 KB smaller in the content
// script once minified (no Babel class helpers). The class itself, for the highlighter's subclass
// (mark-ranges.ts); its public methods are those of the `mark.js` typings.
declare module 'mark.js/src/lib/mark.js' {
  import type Mark from 'mark.js';
  export default class MarkJS {
    constructor(ctx: HTMLElement | readonly HTMLElement[]);
    markRanges(ranges: readonly { start: number; length: number }[], options?: Mark.MarkRangesOptions): void;
    /** Internal: calls back with the contexts' text joined and where each Text node stands in it. */
    getTextNodes(done: (dict: { value: string; nodes: { start: number; end: number; node: Text }[] }) => void): void;
  }
}
