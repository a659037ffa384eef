// Pacing Backstory's writes to the page. Wrapping in 8 ms time slices let several slices land in
// one frame, whose layout and paint then ran past 50 ms on big pages; so writes go in batches, one
// per animation frame, each batch sized from what the last frame cost, from our script to the end
// of its paint.
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
/** What a batch may cost its frame: our script, then the style, layout and paint it needs. Under
 *  GROW_MS the batch grows; over LONG_MS it shrinks to what would cost TARGET_MS. The frame must
 *  still leave room for what is not ours to size: the collector's helper threads or another
 *  process taking the CPU. */
export const GROW_MS = 26;
export const LONG_MS = 34;
export const TARGET_MS = 30;
/** A frame whose rendering took over PAUSE_MS, and half again the last frame's, had a pause after
 *  it (a garbage collection ending, see runPaced): the next frame writes nothing. A page whose
 *  frames are all that dear is not paused for: that would only double the frames. */
const PAUSE_MS = 44;
/** A frame whose callbacks run this long after the last frame's paint was seen already holds a
 *  task that is not ours (a collection's final pause that came after the paused frame, the page's
 *  own work): the LoAF spans it and the rendering after it, so that frame writes nothing. Over a
 *  display beat, so an idle wait for the next frame is never taken for it. */
const LATE_MS = 20;
/** At most one frame in this many is given up for coming late: a page busy between all its
 *  frames would otherwise take twice as long or more. */
const LATE_EVERY = 8;

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
  /** Script time per unit on an unhurried thread: the lowest seen, drifting up slowly. */
  private msPerUnit = 0;

  constructor(initial = FIRST_BATCH) {
    this.size = initial;
  }

  /** How long this frame's script may run: what the batch takes on an unhurried thread, and a
   *  quarter more. When the thread runs slow (the collector's helper threads or another process
   *  holding the CPUs), fewer units fit, and the frame's layout and paint, as slow, shrink with it
   *  in that very frame; the size catches up only from the next. */
  scriptCapMs(): number {
    if (this.msPerUnit <= 0) return SLICE_MS;
    return Math.min(SLICE_MS, Math.max(1, this.size * this.msPerUnit * 1.25));
  }

  /** `used` units were written in a frame that cost `costMs` from our script to its paint, of
   *  which `scriptMs` was our script. */
  record(used: number, costMs: number, scriptMs?: number): void {
    if (used <= 0) return;
    if (scriptMs !== undefined && used >= 8) {
      const rate = scriptMs / used;
      this.msPerUnit = this.msPerUnit <= 0 ? rate : Math.min(this.msPerUnit * 1.02, rate);
    }
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
  /** Resolves in the first task after the frame under way has been rendered (its style, layout
   *  and paint), or soon where there is no frame. */
  rendered(): Promise<void>;
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
  // A message posted in a frame's callbacks is delivered after that frame's rendering, in
  // Chromium and Firefox alike.
  rendered: yieldToPage,
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
  let pausedAfter = false;
  let lastRender = Infinity;
  /** When the last frame's paint was seen; null before the first frame and after work in slices. */
  let seenAt: number | null = null;
  let written = 0;
  let lateSkips = 0;
  while (k < n) {
    if (cancelled()) return false;
    const unframed = () => clock.hidden() || weight(indices[k]!) === 0;
    if (unframed()) {
      const end = clock.now() + SLICE_MS;
      do work(indices[k++]!);
      while (k < n && unframed() && clock.now() < end);
      await nextSlice(clock);
      seenAt = null;
      continue;
    }
    // Asked for right after the last frame's paint, this is the next one.
    await clock.frame();
    if (cancelled()) return false;
    if (clock.hidden()) continue;
    const late = seenAt !== null && clock.now() - seenAt > LATE_MS && lateSkips * LATE_EVERY <= written;
    if (pausedAfter || late) {
      if (!pausedAfter) lateSkips++;
      pausedAfter = false;
      // Its paint seen, the next frame's lateness counts from there.
      await clock.rendered();
      seenAt = clock.now();
      continue;
    }
    const start = clock.now();
    const cap = sizer.scriptCapMs();
    let used = 0;
    around(() => {
      while (k < n) {
        const w = weight(indices[k]!);
        if (used > 0 && used + w > sizer.size) break;
        work(indices[k++]!);
        used += w;
        if (clock.now() - start > cap) break;
      }
    });
    // The frame lays out and paints the batch with no more script of ours, and a message of ours
    // waits to run after its paint. That matters for the page's garbage collector: laying out our
    // writes is what fills its heap, and the pause that ends a collection runs at the next script.
    // Layout forced from here ran that pause inside our frame (24-33 ms more, after the layout);
    // now it falls between frames, and the frame after it, already that far into its 50 ms,
    // writes nothing.
    const scripted = clock.now();
    await clock.rendered();
    const end = clock.now();
    seenAt = end;
    written++;
    sizer.record(used, end - start, scripted - start);
    const render = end - scripted;
    pausedAfter = render > PAUSE_MS && render > lastRender * 1.5;
    lastRender = render;
  }
  return !cancelled();
}
