// Pacing Backstory's writes to the page. Wrapping in 8 ms time slices let several slices land in
// one frame, whose layout and paint then ran past 50 ms on big pages; so writes go in batches, one
// per animation frame, each batch sized from what the last one's script, style and layout cost.
// Work that needs no frame (a hidden tab renders none; a run with nothing to wrap writes nothing)
// still goes in time slices, which are faster.

/** Ends the current task so the page's own tasks, input and rendering run before the next slice.
 *  A posted message, not `scheduler.yield()`: its continuations are queued ahead of the page's
 *  tasks, so a long yielding loop still starved the page; and not `setTimeout`, which browsers
 *  clamp to 4 ms once nested, and throttle to once a second in background tabs. */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** How long one slice of Backstory's script may hold the page's main thread; also the most one
 *  frame's batch of writes may take. */
export const SLICE_MS = 8;
/** Batch sizes, in weight units (wrappers written): the first frame's, and the bounds. */
export const FIRST_BATCH = 32;
const MAX_BATCH = 4000;
/** A frame that never comes (a throttled or hidden frame) must not stall the pass. */
const FRAME_WAIT_MS = 250;
/** How much a batch grows after a cheap frame: by half, as doubling overshot on the dense page. */
const GROWTH = 1.5;
/** What a batch may cost its frame: our script, then the style and layout it needs. Under
 *  GROW_MS the batch grows; over LONG_MS it shrinks to what would cost TARGET_MS. The frame's
 *  paint (a third more, on the bench pages) comes after, and the frame must still leave room for
 *  what is not ours to size: a garbage collection of 20 ms in the page, another process taking
 *  the CPU. Frames of about 30 ms, sized by whole display beats as before, went over 50 ms with
 *  either. */
export const GROW_MS = 14;
export const LONG_MS = 20;
export const TARGET_MS = 16;

/**
 * Sizes each frame's batch from what it cost: short, the batch grows by half; long, it shrinks to
 * what would have cost TARGET_MS at that rate (to a quarter at most).
 * If the frame after a shrink costs no less, the cost is not the batch's (the page's own layout,
 * a busy machine): the batch goes back to its size, since more frames of the same length would
 * only make the pass longer, and costs that high are taken as the norm for a while (the batch
 * holds its size through them; only a cheap frame grows it).
 */
export class BatchSizer {
  size: number;
  /** A cost tolerated for now (frames found dear whatever the batch), fading. */
  private tolerated = 0;
  /** The last shrink, until the frame after it says whether it helped. */
  private shrink: { from: number; costMs: number } | null = null;

  constructor(initial = FIRST_BATCH) {
    this.size = initial;
  }

  /** `used` units were written in a frame, at `costMs` of script, style and layout. */
  record(used: number, costMs: number): void {
    if (used <= 0) return;
    const shrink = this.shrink;
    this.shrink = null;
    this.tolerated *= 0.97;
    let next = this.size;
    if (costMs <= GROW_MS) {
      next = Math.max(this.size, Math.min(this.size * GROWTH, used * GROWTH));
    } else if (costMs > Math.max(LONG_MS, this.tolerated)) {
      if (shrink && costMs >= shrink.costMs * 0.8) {
        next = shrink.from;
        // The lower of the two costs: one dear frame must not excuse dearer ones.
        this.tolerated = Math.min(costMs, shrink.costMs) * 1.1;
      } else {
        next = Math.max(this.size / 4, (used * TARGET_MS) / costMs);
        this.shrink = { from: this.size, costMs };
      }
    }
    this.size = Math.max(1, Math.min(MAX_BATCH, Math.round(next)));
  }
}

/** Where frames come from: the browser's, or a test's. */
export interface FrameClock {
  now(): number;
  /** Resolves inside the next animation frame's callbacks (before its style, layout and paint),
   *  or early when the tab is hidden or no frame came for a while. */
  frame(): Promise<void>;
  /** Brings the page's style and layout up to date now. */
  layout(): void;
  hidden(): boolean;
}

export const browserClock: FrameClock = {
  now: () => performance.now(),
  hidden: () => typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden',
  frame: () =>
    new Promise((resolve) => {
      const doc = globalThis.document;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        doc?.removeEventListener('visibilitychange', onHidden);
        resolve();
      };
      // A tab hidden while it waits gets no frame: the pass goes on in slices.
      const onHidden = () => void (doc?.visibilityState === 'hidden' && done());
      doc?.addEventListener('visibilitychange', onHidden);
      requestAnimationFrame(done);
      timer = setTimeout(done, FRAME_WAIT_MS);
    }),
  // Reading a box lays the whole document out, in Chromium and Firefox alike.
  layout: () => void globalThis.document?.documentElement.getBoundingClientRect(),
};

/** Where the next slice of work that writes nothing may start. In a visible tab, the next frame:
 *  slices chained by messages held a frame the page wanted (its own animation, a scroll) behind
 *  several of them, as Chromium runs a waiting frame ahead of other tasks only after 100 ms; one
 *  slice per frame keeps each frame within a slice of its own work. A hidden tab gets no frames. */
export async function nextSlice(clock: FrameClock = browserClock): Promise<void> {
  if (clock.hidden()) return yieldToPage();
  await clock.frame();
}

export interface PaceOptions {
  /** Checked between batches; when true the work stops (a newer pass replaced it). */
  cancelled?: () => boolean;
  /** What item `i` adds to the next layout (wrappers it writes); 0 for none. Default 1. */
  weight?: (i: number) => number;
  clock?: FrameClock;
  sizer?: BatchSizer;
  /** Runs each frame's batch (e.g. with the page's watcher looking away from our writes). */
  around?: (batch: () => void) => void;
}

/** Calls `work(i)` for each index in order: in a visible tab, a batch per animation frame; what
 *  needs no frame, in time slices. Returns false if cancelled. */
export async function runPaced(indices: readonly number[], work: (i: number) => void, opts: PaceOptions = {}): Promise<boolean> {
  const clock = opts.clock ?? browserClock;
  const weight = opts.weight ?? (() => 1);
  const sizer = opts.sizer ?? new BatchSizer();
  const around = opts.around ?? ((batch: () => void) => batch());
  const cancelled = () => opts.cancelled?.() === true;
  const n = indices.length;
  let k = 0;
  while (k < n) {
    if (cancelled()) return false;
    const unframed = () => clock.hidden() || weight(indices[k]!) === 0;
    if (unframed()) {
      const end = clock.now() + SLICE_MS;
      do work(indices[k++]!);
      while (k < n && unframed() && clock.now() < end);
      await nextSlice(clock);
      continue;
    }
    // Asked for from inside the last frame's callbacks, this is the very next frame.
    await clock.frame();
    if (cancelled()) return false;
    if (clock.hidden()) continue;
    const start = clock.now();
    let used = 0;
    around(() => {
      while (k < n) {
        const w = weight(indices[k]!);
        if (used > 0 && used + w > sizer.size) break;
        work(indices[k++]!);
        used += w;
        if (clock.now() - start > SLICE_MS) break;
      }
    });
    // The layout our batch needs, done now instead of right after (the same work, once): what it
    // cost, with our script, is measured to the millisecond. The time between frames comes in
    // whole display beats, too coarse to keep a frame under 30 ms.
    clock.layout();
    sizer.record(used, clock.now() - start);
  }
  return !cancelled();
}
