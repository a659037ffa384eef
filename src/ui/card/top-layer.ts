// Where the card must live to be seen, and noticing when that changes while it is open. The top
// layer (a fullscreen element, a modal <dialog>) paints above everything else, whatever its
// z-index, and a modal dialog makes the rest of the page inert: a card appended to <html> would
// be hidden under it and could not be clicked. Inside the top-layer element it is neither.

/** The fullscreen element or the topmost open modal dialog, else <html>. */
export function cardContainer(doc: Document): Element {
  if (doc.fullscreenElement) return doc.fullscreenElement;
  const modals = Array.from(doc.querySelectorAll('dialog[open]')).filter((d) => {
    try {
      return d.matches(':modal');
    } catch {
      // :modal unsupported: no modal dialogs to worry about either.
      return false;
    }
  });
  // Later modals open on top of earlier ones; document order is the best guess at that order.
  return modals[modals.length - 1] ?? doc.documentElement;
}

/**
 * Calls `changed` when the top layer may have changed: fullscreen entered or left, a dialog
 * opened or closed (a page may show a modal on a timer while the card is open). Only watched
 * while a card is open, so a closed card costs nothing. Returns the function that stops it.
 */
export function watchTopLayer(doc: Document, changed: () => void): () => void {
  const win = doc.defaultView;
  const onFullscreen = (): void => changed();
  doc.addEventListener('fullscreenchange', onFullscreen);
  let observer: MutationObserver | null = null;
  if (win && typeof win.MutationObserver === 'function') {
    observer = new win.MutationObserver((records) => {
      if (records.some((r) => (r.target as Element).localName === 'dialog')) changed();
    });
    observer.observe(doc.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
  }
  return () => {
    doc.removeEventListener('fullscreenchange', onFullscreen);
    observer?.disconnect();
  };
}
