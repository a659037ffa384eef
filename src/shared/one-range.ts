// One Range per document, lent out and put back. The document updates every live Range on each
// change near its ends, and one made per use stays registered until it is garbage-collected: with
// a Range per wrapped or restored name, every later change would be announced to thousands of
// them (as mark.js's NodeIterators were, src/ui/mark-ranges.ts).

let shared: { doc: Document; range: Range } | null = null;

/** Runs `use` with the document's Range, then parks it on the document node, where the page's own
 *  changes (all below <html>) never move it and it holds none of the page's nodes. */
export function withRange<T>(doc: Document, use: (range: Range) => T): T {
  if (shared?.doc !== doc) shared = { doc, range: doc.createRange() };
  const { range } = shared;
  try {
    return use(range);
  } finally {
    range.setStart(doc, 0);
    range.collapse(true);
  }
}
