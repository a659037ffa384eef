// @vitest-environment jsdom
// The highlighter's mark.js (src/ui/mark-ranges.ts) maps a run's offsets to its Text nodes itself
// and wraps each piece with one Range instead of mark.js's splits. Whatever the ranges, the page
// must come out exactly as mark.js's own markRanges leaves it on the same element.
import Mark from 'mark.js';
import { describe, expect, it } from 'vitest';
import { markRanges } from '../../src/ui/mark-ranges';
import type { WrapRange } from '../../src/ui/api';
import { MENTION_TAG } from '../../src/shared/dom-kinds';

const PARAGRAPHS = [
  'Choe Son Hui met Mike Pompeo in Hanoi, and Kim Jong Un waited.',
  'The <b>minister</b> <i>Choe</i> Son <em>Hui</em> spoke; so did <a href="#">Mike <span>Pompeo</span></a>, twice.',
  '<b>Yongbyon</b><i>Nyongbyon</i>Yongbyon<span></span> again, and <b><i>deep</i> inside</b> it.',
];

/** A generator the test can repeat: the same seed gives the same ranges. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** Sorted, non-overlapping ranges of 1-12 characters, none of them only spaces. */
function rangesFor(text: string, next: () => number): WrapRange[] {
  const out: WrapRange[] = [];
  let at = Math.floor(next() * 4);
  while (at < text.length) {
    const length = Math.min(text.length - at, 1 + Math.floor(next() * 12));
    if (text.slice(at, at + length).trim() !== '') out.push({ start: at, length, entityId: `e${out.length}` });
    at += length + Math.floor(next() * 8);
  }
  return out;
}

const textNodes = (el: Element): Text[] => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const out: Text[] = [];
  while (walker.nextNode()) out.push(walker.currentNode as Text);
  return out;
};

/** The paragraph as mark.js's own markRanges leaves it, and as the highlighter's does. */
function both(html: string, ranges: () => WrapRange[]): { stock: string; ours: string; ids: string[] } {
  document.body.innerHTML = `<p id="stock">${html}</p><p id="ours">${html}</p>`;
  const stock = document.getElementById('stock')!;
  const ours = document.getElementById('ours')!;
  new Mark(stock).markRanges(ranges(), { element: MENTION_TAG, each: (el) => el.removeAttribute('data-markjs') });
  const ids: string[] = [];
  markRanges(textNodes(ours), ranges(), (el, range) => ids.push(`${range.entityId}:${el.textContent}`));
  const shape = (el: Element) => Array.from(el.childNodes, (n) => (n.nodeType === Node.TEXT_NODE ? `#${(n as Text).data}` : (n as Element).outerHTML)).join('|');
  return { stock: shape(stock), ours: shape(ours), ids };
}

describe('markRanges (mark.js with the run as its contexts)', () => {
  it('splits and wraps exactly as mark.js does, empty Text nodes included, over random ranges', () => {
    const next = random(7);
    for (let round = 0; round < 60; round++) {
      const html = PARAGRAPHS[round % PARAGRAPHS.length]!;
      const probe = document.createElement('p');
      probe.innerHTML = html;
      const picked = rangesFor(probe.textContent ?? '', next);
      const { stock, ours } = both(html, () => picked.map((r) => ({ ...r })));
      expect(ours, `round ${round}: ${JSON.stringify(picked)}`).toBe(stock);
    }
  });

  it('hands each wrapper back with its own range, one per piece of a name split by tags', () => {
    const text = 'The minister Choe Son Hui spoke; so did Mike Pompeo, twice.';
    const { ids } = both(PARAGRAPHS[1]!, () => [
      { start: text.indexOf('Choe'), length: 'Choe Son Hui'.length, entityId: 'choe' },
      { start: text.indexOf('Mike'), length: 'Mike Pompeo'.length, entityId: 'pompeo' },
    ]);
    expect(ids).toEqual(['choe:Choe', 'choe: Son ', 'choe:Hui', 'pompeo:Mike ', 'pompeo:Pompeo']);
  });

  it('wraps a name that ends one Text node and one that starts the next', () => {
    const { stock, ours } = both(PARAGRAPHS[2]!, () => [
      { start: 0, length: 8, entityId: 'a' },
      { start: 8, length: 9, entityId: 'b' },
      { start: 17, length: 8, entityId: 'c' },
    ]);
    expect(ours).toBe(stock);
    expect(document.querySelectorAll(`#ours ${MENTION_TAG}`)).toHaveLength(3);
  });
});
