// @vitest-environment jsdom
// The card's and the note editor's styles: a constructed sheet where it is known to apply, a
// <style> element as well where it may not — decided by what the context can do, not by its name.
import { describe, expect, it } from 'vitest';
import { adoptStyles } from '../../src/ui/adopt-styles';

const CSS = ':host { color: rgb(1, 2, 3); }';

/** A closed shadow root; jsdom has no adoptedStyleSheets, so it gets a plain one as browsers have. */
function shadowRoot(): ShadowRoot {
  const host = document.createElement('div');
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  let sheets: CSSStyleSheet[] = [];
  Object.defineProperty(shadow, 'adoptedStyleSheets', { configurable: true, get: () => sheets, set: (v: CSSStyleSheet[]) => (sheets = [...v]) });
  return shadow;
}

describe('adoptStyles', () => {
  it('adopts a constructed sheet and adds no <style> where the sheet reads back', () => {
    const shadow = shadowRoot();
    adoptStyles(shadow, document, CSS);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.querySelector('style')).toBeNull();
  });

  it('adds a <style> too when the page is seen through Xray wrappers (Firefox content scripts)', () => {
    const shadow = shadowRoot();
    Object.defineProperty(shadow, 'wrappedJSObject', { value: shadow });
    adoptStyles(shadow, document, CSS);
    expect(shadow.querySelector('style')?.textContent).toBe(CSS);
  });

  it('adds a <style> when adopting a sheet throws', () => {
    const shadow = shadowRoot();
    Object.defineProperty(shadow, 'adoptedStyleSheets', {
      configurable: true,
      get: () => [],
      set: () => {
        throw new Error('not here');
      },
    });
    adoptStyles(shadow, document, CSS);
    expect(shadow.querySelector('style')?.textContent).toBe(CSS);
  });
});
