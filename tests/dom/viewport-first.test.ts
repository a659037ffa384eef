// @vitest-environment jsdom
// The order the first pass wraps runs in: those whose block is in or near the viewport (one
// viewport above it to two below its top) first, then the others in document order. Blocks stand
// one below the other in document order, so the near ones are found with a few layout reads
// instead of one per run (thousands on a dense page, all in one task).
import { describe, expect, it } from 'vitest';
import { viewportFirst } from '../../src/content/highlight';
import type { DomRun } from '../../src/content/runs';

const VIEWPORT = 800;

/** `count` runs, each in its own block `height` px tall, the page scrolled by `scrollY`; counts
 *  the layout reads. */
function stack(count: number, height: number, scrollY: number, hidden: (i: number) => boolean = () => false) {
  const reads = { n: 0 };
  const runs = Array.from({ length: count }, (_, i): DomRun => {
    const block = document.createElement('p');
    block.getBoundingClientRect = () => {
      reads.n++;
      // What a browser gives for a block that is not laid out (display: none).
      if (hidden(i)) return { top: 0, bottom: 0, left: 0, right: 0, width: 0, height: 0, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
      const top = i * height - scrollY;
      return { top, bottom: top + height, left: 0, right: 600, width: 600, height, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    };
    const node = document.createTextNode(`run ${i}`);
    block.append(node);
    return { text: node.data, kind: 'body', nodes: [node], block };
  });
  return { runs, reads };
}

/** The order read off every block's rectangle: near ones first, each part in document order. */
const near = (r: DOMRect) => r.bottom >= -VIEWPORT && r.top <= VIEWPORT * 2;
function expected(runs: readonly DomRun[]): number[] {
  const rects = runs.map((run) => run.block.getBoundingClientRect());
  const all = [...runs.keys()];
  return [...all.filter((i) => near(rects[i]!)), ...all.filter((i) => !near(rects[i]!))];
}

describe('viewportFirst', () => {
  const cases: [string, number, number, number][] = [
    ['scrolled to the middle', 4000, 24, 40_000],
    ['at the top', 4000, 24, 0],
    ['at the end', 4000, 24, 4000 * 24 - VIEWPORT],
    ['scrolled past everything', 300, 30, 100_000],
    ['blocks taller than the viewport', 50, 1000, 12_345],
    ['one run', 1, 40, 0],
    ['no runs', 0, 40, 0],
  ];
  for (const [what, count, height, scrollY] of cases) {
    it(`puts the near runs first, the rest in document order (${what})`, () => {
      const { runs } = stack(count, height, scrollY);
      expect(viewportFirst(runs, VIEWPORT)).toEqual(expected(runs));
    });
  }

  it('reads a few blocks, not every one', () => {
    const { runs, reads } = stack(4000, 24, 40_000);
    const order = viewportFirst(runs, VIEWPORT);
    expect(order).toHaveLength(4000);
    // Two binary searches over 4,000 runs: about 2 × 12 reads.
    expect(reads.n).toBeLessThanOrEqual(30);
  });

  it('is not thrown off by blocks that are not laid out', () => {
    // Far down the page, with every fifth block hidden (its rectangle empty, at 0).
    const hidden = (i: number) => i % 5 === 0;
    const { runs } = stack(3000, 24, 50_000, hidden);
    const order = viewportFirst(runs, VIEWPORT);
    expect([...order].sort((a, b) => a - b)).toEqual([...runs.keys()]);
    const laidOut = (i: number) => !hidden(i);
    expect(order.filter(laidOut)).toEqual(expected(runs).filter(laidOut));
    // The near stretch holds no more than the hidden blocks among the near ones.
    const nearOnes = [...runs.keys()].filter((i) => laidOut(i) && near(runs[i]!.block.getBoundingClientRect()));
    expect(nearOnes.length).toBeGreaterThan(50);
    // They come first, with no more in between than the hidden blocks among them.
    expect(order.filter(laidOut).slice(0, nearOnes.length)).toEqual(nearOnes);
    expect(order.indexOf(nearOnes.at(-1)!)).toBeLessThan(nearOnes.length + Math.ceil(nearOnes.length / 4) + 2);
  });
});
