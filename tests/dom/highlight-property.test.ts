// @vitest-environment jsdom
// Property: whatever the inline markup, the highlighter wraps exactly the hits the core accepted,
// character for character, with the right entity id — and removal restores the markup.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate, page } from './fixtures';

const TOKENS = ['Kim Jong Un', 'Choe Son Hui', 'Choe', 'Yongbyon', 'Nyongbyon', 'Mike Pompeo', 'Pompeo', ' ', ', ', '-', '(', ')', 'the ', 'x', "'s", '.'];
const TAGS = ['b', 'i', 'em', 'span', 'a'];
const LONG = 'Talks between the two sides have stalled for weeks, and neither capital has shown much interest in moving first.';

/** A token as HTML: plain, wrapped in an inline tag, or cut in two with a tag around the second half. */
const piece = fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(...TAGS), fc.nat(3), fc.nat(20)).map(([tok, tag, how, cut]) => {
  const open = tag === 'a' ? '<a href="#">' : `<${tag}>`;
  const close = `</${tag}>`;
  if (how === 1) return `${open}${tok}${close}`;
  if (how === 2 && tok.length > 1) {
    const at = 1 + (cut % (tok.length - 1));
    return `${tok.slice(0, at)}${open}${tok.slice(at)}${close}`;
  }
  return tok;
});

describe('highlight (property)', () => {
  it('wraps exactly the accepted hits, in order, and removal restores the page', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        page(`<article><p>${LONG}</p><p id="t">${pieces.join('')}</p></article>`);
        const before = document.body.innerHTML;
        const { runs, analysis, highlighter } = annotate();
        runs.forEach((run, i) => {
          const accepted = (analysis.hits[i] ?? []).filter((h) => h.entityId !== null && h.hidden !== true);
          const expected = accepted.map((h) => Array.from(h.surface, () => h.entityId).join(',')).filter(Boolean).join(',');
          const els = Array.from(document.querySelectorAll('backstory-mention')).filter((el) => highlighter.nodesOf(run).some((n) => el.contains(n)));
          const actual = els.map((el) => Array.from(el.textContent ?? '', () => el.getAttribute('data-backstory-entity')).join(',')).filter(Boolean).join(',');
          expect(actual).toBe(expected);
          expect(els.map((el) => el.textContent).join('')).toBe(accepted.map((h) => h.surface).join(''));
        });
        highlighter.removeAll();
        expect(document.body.innerHTML).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
