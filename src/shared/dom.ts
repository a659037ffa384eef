// Small helpers every extension page builds its DOM with. Text goes in through textContent only:
// it is often the page's, a pack's or the reader's.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
