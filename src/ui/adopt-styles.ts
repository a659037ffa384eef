// Styles for the closed shadow roots the UI puts in pages (the card, the note editor). A
// constructed sheet is not an inline <style>, so a strict page CSP does not block it. Where the
// sheet cannot be adopted or may not apply, a <style> element goes in as well (the same rules
// twice change nothing).

/** Adopts `css` as a constructed sheet; true when it is known to apply. */
function adoptSheet(shadow: ShadowRoot, doc: Document, css: string): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (!win || !('adoptedStyleSheets' in shadow) || typeof win.CSSStyleSheet !== 'function') return false;
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
    // Read back: a context that silently dropped the sheet shows none. A script that sees the
    // page through Xray wrappers (Firefox content scripts: DOM objects carry `wrappedJSObject`)
    // cannot count on an adopted sheet applying, so it adds the <style> too.
    return shadow.adoptedStyleSheets.includes(sheet) && !('wrappedJSObject' in shadow);
  } catch {
    return false;
  }
}

export function adoptStyles(shadow: ShadowRoot, doc: Document, css: string): void {
  if (adoptSheet(shadow, doc, css)) return;
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
