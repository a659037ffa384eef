// Frame pacing's logic, on a clock the test drives: rendering a frame's batch takes what a model of
// the page says a batch of that size costs, and the next frame starts on the display's first beat
// after that, so batch sizes can be checked without timing anything.
import { describe, expect, it } from 'vitest';
import { BatchSizer, FIRST_BATCH, GROW_MS, LONG_MS, TARGET_MS, runPaced, type FrameClock } from '../../src/content/pace';

const BEAT = 1000 / 60;

/** A page where writing `units` in a frame costs `costOf(units)` ms of script, style, layout and
 *  paint. Logs what each frame wrote. */
function page(costOf: (units: number, frame: number) => number, hidden = () => false) {
  let t = 0;
  const frames: { units: number; items: number[]; costMs: number; start: number }[] = [];
  const slices: number[][] = [];
  let inFrame = false;
  const clock: FrameClock = {
    now: () => t,
    hidden,
    async frame() {
      const prev = frames.at(-1);
      t = prev && inFrame ? prev.start + Math.max(1, Math.ceil(prev.costMs / BEAT)) * BEAT : t + BEAT;
      inFrame = true;
      frames.push({ units: 0, items: [], costMs: 0, start: t });
    },
    async rendered() {
      const f = frames.at(-1)!;
      f.costMs = costOf(f.units, frames.length - 1);
      t = f.start + f.costMs;
    },
  };
  const done: number[] = [];
  const work = (weights: number[]) => (i: number) => {
    done.push(i);
    if (inFrame) {
      frames.at(-1)!.units += weights[i]!;
      frames.at(-1)!.items.push(i);
    } else {
      if (!slices.length || slices.at(-1)!.at(-1) !== i - 1) slices.push([]);
      slices.at(-1)!.push(i);
    }
  };
  /** Work outside a frame (a slice) ends the frame the test was in. */
  const leaveFrame = () => void (inFrame = false);
  return { clock, frames, slices, done, work, leaveFrame };
}

const ones = (n: number) => Array.from({ length: n }, () => 1);

describe('BatchSizer', () => {
  it('grows the batch by half when it cost GROW_MS or less', () => {
    const s = new BatchSizer(32);
    s.record(32, GROW_MS - 4);
    expect(s.size).toBe(48);
    s.record(48, GROW_MS);
    expect(s.size).toBe(72);
  });

  it('keeps it when it cost more, up to LONG_MS', () => {
    const s = new BatchSizer(32);
    s.record(32, GROW_MS + 1);
    expect(s.size).toBe(32);
    s.record(32, LONG_MS);
    expect(s.size).toBe(32);
  });

  it('shrinks it after a dear frame to what would have cost TARGET_MS, to a quarter at most', () => {
    const s = new BatchSizer(200);
    s.record(200, 40);
    expect(s.size).toBe(Math.round((200 * TARGET_MS) / 40));
    const t = new BatchSizer(200);
    t.record(200, 400);
    expect(t.size).toBe(50);
  });

  it('goes back to the size it had when frames stay as dear after shrinking (not ours to fix)', () => {
    const s = new BatchSizer(200);
    s.record(200, 100);
    expect(s.size).toBeLessThan(100);
    s.record(s.size, 100);
    expect(s.size).toBe(200);
    // Frames that dear are the norm for now: the next one does not shrink the batch again (nor
    // grow it); only a frame over the norm shrinks it, and a cheap frame grows it.
    s.record(200, 100);
    expect(s.size).toBe(200);
    s.record(200, 200);
    expect(s.size).toBeLessThan(200);
    for (let i = 0; i < 5; i++) s.record(s.size, GROW_MS);
    expect(s.size).toBeGreaterThan(200);
  });

  it('learns nothing from a frame that wrote nothing', () => {
    const s = new BatchSizer(32);
    s.record(0, 300);
    expect(s.size).toBe(32);
  });
});

describe('runPaced', () => {
  it('does every item once, in the order given (what is on screen first), a batch per frame', async () => {
    const p = page((units) => 4 + units * 0.1);
    const order = [5, 6, 7, 0, 1, 2, 3, 4, ...Array.from({ length: 300 }, (_, i) => i + 8)];
    expect(await runPaced(order, p.work(ones(308)), { clock: p.clock })).toBe(true);
    expect(p.done).toEqual(order);
    expect(p.frames[0]!.items.slice(0, 3)).toEqual([5, 6, 7]);
    expect(p.frames.length).toBeGreaterThan(1);
  });

  it('grows the batch while frames are cheap', async () => {
    const p = page((units) => 4 + units * 0.001);
    await runPaced(Array.from({ length: 2000 }, (_, i) => i), p.work(ones(2000)), { clock: p.clock });
    expect(p.frames.slice(0, 4).map((f) => f.units)).toEqual([FIRST_BATCH, FIRST_BATCH * 1.5, FIRST_BATCH * 2.25, Math.round(FIRST_BATCH * 3.375)]);
  });

  it('shrinks the batch after a dear frame (to a quarter at most), and frames cost LONG_MS at most after', async () => {
    // Writes get eight times dearer from the sixth frame on (say, the batch reached a heavy part).
    const p = page((units, frame) => 5 + units * (frame >= 5 ? 0.8 : 0.1));
    await runPaced(Array.from({ length: 3000 }, (_, i) => i), p.work(ones(3000)), { clock: p.clock });
    const long = p.frames.findIndex((f) => f.costMs > 50);
    expect(long).toBe(5);
    // The frame right after is let go (a rendering that much dearer than the last looks like a
    // pause after it); the ones that write shrink.
    expect(p.frames[long + 1]!.units).toBe(0);
    const after = p.frames.slice(long + 1).filter((f) => f.units > 0);
    expect(after[0]!.units).toBeLessThan(p.frames[long]!.units / 2);
    expect(after[0]!.costMs).toBeLessThan(p.frames[long]!.costMs / 2);
    for (const f of after.slice(2, -1)) expect(f.costMs).toBeLessThanOrEqual(LONG_MS);
  });

  it('does not shrink the batch to nothing when every frame is long whatever it holds', async () => {
    // Frames take 90 ms with or without our writes (a busy machine): smaller batches would only
    // make more of them.
    const p = page((units) => 90 + units * 0.01);
    await runPaced(Array.from({ length: 3000 }, (_, i) => i), p.work(ones(3000)), { clock: p.clock });
    const sizes = p.frames.slice(0, -1).map((f) => f.units);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(FIRST_BATCH / 4);
    expect(p.frames.length).toBeLessThan(3000 / (FIRST_BATCH / 2));
  });

  it('weighs items by what they write: a heavy item fills a frame, weightless ones need none', async () => {
    const weights = [0, 0, 0, 40, 40, 1, 1];
    const p = page(() => 10);
    await runPaced([0, 1, 2, 3, 4, 5, 6], p.work(weights), { clock: p.clock, weight: (i) => weights[i]! });
    // The weightless ones go in a time slice without waiting for a frame; a 40-unit item is over
    // the first batch of 32 but goes alone in its frame.
    expect(p.slices).toEqual([[0, 1, 2]]);
    expect(p.frames.map((f) => f.items).filter((items) => items.length > 0)).toEqual([[3], [4, 5, 6]]);
  });

  it('in a visible tab, gives each slice of weightless work a frame of its own, never chaining two', async () => {
    let t = 0;
    const log: string[] = [];
    const clock: FrameClock = {
      now: () => t,
      hidden: () => false,
      async frame() {
        log.push('frame');
        t += BEAT;
      },
      rendered: async () => undefined,
    };
    // Each item takes 3 ms: a slice holds three.
    await runPaced(Array.from({ length: 12 }, (_, i) => i), (i) => ((t += 3), log.push(String(i))), { clock, weight: () => 0 });
    expect(log.join(' ')).toBe('0 1 2 frame 3 4 5 frame 6 7 8 frame 9 10 11 frame');
  });

  it('writes nothing in the frame after one whose rendering ran long: the pause it ended with starts the next frame', async () => {
    // The ninth frame's rendering takes 60 ms more than its batch needs (a garbage collection that
    // ran after it, before the next frame).
    const p = page((units, frame) => 4 + units * 0.02 + (frame === 8 ? 60 : 0));
    await runPaced(Array.from({ length: 3000 }, (_, i) => i), p.work(ones(3000)), { clock: p.clock });
    expect(p.frames[8]!.units).toBeGreaterThan(0);
    expect(p.frames[9]!.units).toBe(0);
    // Only that one: every other frame writes.
    expect(p.frames.slice(0, -1).filter((f) => f.units === 0)).toHaveLength(1);
  });

  it('writes nothing in a frame that comes late behind a task not ours: the pause that came after the paused frame', async () => {
    // As traced on the 1.6 MB bench page: the ninth frame's rendering ran long; the tenth wrote
    // nothing, and the collection's final pause (31 ms) ran after it, before the eleventh.
    const p = page((units, frame) => 4 + units * 0.02 + (frame === 8 ? 40 : 0));
    const frame = p.clock.frame;
    let t = 0;
    const now = p.clock.now;
    p.clock.now = () => now() + t;
    p.clock.frame = async () => {
      if (p.frames.length === 10) t += 31;
      await frame();
    };
    await runPaced(Array.from({ length: 3000 }, (_, i) => i), p.work(ones(3000)), { clock: p.clock });
    expect(p.frames[8]!.units).toBeGreaterThan(0);
    expect(p.frames[9]!.units).toBe(0);
    expect(p.frames[10]!.units).toBe(0);
    expect(p.frames[11]!.units).toBeGreaterThan(0);
    expect(p.frames.slice(0, -1).filter((f) => f.units === 0)).toHaveLength(2);
  });

  it('on a page busy before every frame, gives up at most one frame in eight for it', async () => {
    const p = page((units) => 4 + units * 0.02);
    const frame = p.clock.frame;
    let t = 0;
    const now = p.clock.now;
    p.clock.now = () => now() + t;
    p.clock.frame = async () => {
      t += 25; // the page's own task before each frame
      await frame();
    };
    await runPaced(Array.from({ length: 20000 }, (_, i) => i), p.work(ones(20000)), { clock: p.clock });
    const empty = p.frames.slice(0, -1).filter((f) => f.units === 0).length;
    expect(empty).toBeGreaterThan(0);
    expect(empty).toBeLessThanOrEqual(Math.ceil(p.frames.length / 8));
  });

  it("writes less in a frame where the thread runs slow: what fits in the batch's usual script time", async () => {
    // Script takes 0.005 ms a unit, three times that from the eighth frame on (the collector's
    // helper threads holding the CPUs); rendering costs the same per unit throughout.
    let t = 0;
    let frame = -1;
    const written: number[] = [];
    const sizes: number[] = [];
    const sizer = new BatchSizer();
    const clock: FrameClock = {
      now: () => t,
      hidden: () => false,
      async frame() {
        frame++;
        written.push(0);
        sizes.push(sizer.size);
        t += BEAT;
      },
      async rendered() {
        t += 4 + written[frame]! * 0.02;
      },
    };
    const work = () => {
      written[frame]!++;
      t += frame >= 7 ? 0.015 : 0.005;
    };
    await runPaced(Array.from({ length: 5000 }, (_, i) => i), work, { clock, sizer });
    expect(written[6]).toBe(sizes[6]);
    // The slow frame stopped near a third of its batch (and a quarter more), well short of it.
    expect(written[7]!).toBeLessThan(sizes[7]! * 0.5);
    expect(written[7]!).toBeGreaterThan(sizes[7]! * 0.3);
  });

  it('in a hidden tab (no frames come) still does everything, in time slices', async () => {
    const p = page(() => 10, () => true);
    expect(await runPaced(Array.from({ length: 100 }, (_, i) => i), p.work(ones(100)), { clock: p.clock })).toBe(true);
    expect(p.done).toHaveLength(100);
    expect(p.frames).toEqual([]);
  });

  it('goes on in slices when the tab is hidden while it waits for a frame', async () => {
    let hidden = false;
    const p = page(() => 10, () => hidden);
    // The tab is hidden during the third frame's wait: no frame came, the wait ended.
    const frame = p.clock.frame;
    p.clock.frame = async () => {
      if (p.frames.length === 2) {
        hidden = true;
        p.leaveFrame();
        return;
      }
      await frame();
    };
    expect(await runPaced(Array.from({ length: 500 }, (_, i) => i), p.work(ones(500)), { clock: p.clock })).toBe(true);
    expect(p.done).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(p.frames).toHaveLength(2);
    expect(p.slices.flat().length).toBe(500 - p.frames[0]!.units - p.frames[1]!.units);
  });

  it('stops when cancelled', async () => {
    const p = page(() => 10);
    let stop = false;
    const work = p.work(ones(500));
    const ok = await runPaced(Array.from({ length: 500 }, (_, i) => i), (i) => ((stop = p.frames.length >= 2), work(i)), { clock: p.clock, cancelled: () => stop });
    expect(ok).toBe(false);
    expect(p.done.length).toBeLessThan(500);
  });
});
