// The one helper the extension's pages and its in-page UI build DOM with. Text goes in through
// textContent only: it is often the page's, a pack's or the reader's.

/** A new element of `doc` (the extension page's own document unless given: the card is built in
 *  the page's). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string, doc: Document = document): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
