// Pacing Backstory's writes to the page. Wrapping in 8 ms time slices let several slices land in
// one frame, whose layout and paint then ran past 50 ms on big pages; so writes go in batches, one
// per animation frame, each batch sized from what the previous frame's script and rendering cost.
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

/** How long one slice of Backstory's script may hold the page's main thread; also one frame's
 *  batch, whose style, layout and paint follow in the same frame. */
export const SLICE_MS = 8;
/** Batch sizes, in weight units (wrappers written): the first frame's, and the bounds. */
export const FIRST_BATCH = 32;
const MAX_BATCH = 4000;
/** A frame that never comes (a throttled or hidden frame) must not stall the pass. */
const FRAME_WAIT_MS = 250;
/** How much a batch grows after a cheap frame: by half, since a frame that came on the next beat
 *  may have used most of it, and doubling that overshot two beats on the dense page. */
const GROWTH = 1.5;
/** The display's frame interval until a shorter one is seen. */
const VSYNC_MS = 1000 / 60;

/**
 * Sizes each frame's batch from the time between that frame's start and the next one's: the
 * browser starts a frame only once the last one's script, style, layout and paint are done, on the
 * display's beat. Next frame on the next beat: the batch was cheap, grow it by half. Within two beats
 * (about 33 ms at 60 Hz): keep it. Later: that frame is heading past the 50 ms the reader feels,
 * so the batch shrinks to what would have fit in a beat and a half at that cost (the interval is
 * rounded up to a beat), at most to a quarter.
 * If the frames after a shrink are no shorter, they are long for another reason (the page's own
 * work, a busy machine): the batch goes back to its size, since more frames of the same length
 * would only make the pass longer, and frames that long are taken as the norm for a while (the
 * batch holds its size through them; only a one-beat frame grows it).
 * The same signal in every browser: Firefox has no Long Animation Frames API, and Chromium's
 * reports only frames already over 50 ms.
 */
export class BatchSizer {
  size: number;
  /** The shortest frame interval seen: the display's beat. */
  private beat = VSYNC_MS;
  /** A frame interval tolerated for now (frames found long whatever the batch), fading. */
  private tolerated = 0;
  /** The last shrink, until the frame after it says whether it helped. */
  private shrink: { from: number; interval: number } | null = null;

  constructor(initial = FIRST_BATCH) {
    this.size = initial;
  }

  /** `used` units were written in a frame that lasted `intervalMs` until the next one began. */
  record(used: number, intervalMs: number): void {
    if (intervalMs > 0) this.beat = Math.min(this.beat, Math.max(intervalMs, 4));
    if (used <= 0) return;
    const shrink = this.shrink;
    this.shrink = null;
    this.tolerated *= 0.97;
    let next = this.size;
    if (intervalMs <= 1.5 * this.beat) {
      next = Math.max(this.size, Math.min(this.size * GROWTH, used * GROWTH));
    } else if (intervalMs > Math.max(2.5 * this.beat, this.tolerated)) {
      if (shrink && intervalMs >= shrink.interval * 0.8) {
        next = shrink.from;
        // The shorter of the two long frames: one slow frame must not excuse slower ones.
        this.tolerated = Math.min(intervalMs, shrink.interval) * 1.1;
      } else {
        next = Math.max(this.size / 4, (used * 1.5 * this.beat) / intervalMs);
        this.shrink = { from: this.size, interval: intervalMs };
      }
    }
    this.size = Math.max(1, Math.min(MAX_BATCH, Math.round(next)));
  }
}

/** Where frames come from: the browser's, or a test's. */
export interface FrameClock {
  now(): number;
  /** Resolves inside the next animation frame's callbacks (before its style, layout and paint)
   *  with the frame's start time, or early (with the time then) when the tab is hidden or no
   *  frame came for a while. */
  frame(): Promise<number>;
  hidden(): boolean;
}

export const browserClock: FrameClock = {
  now: () => performance.now(),
  hidden: () => typeof requestAnimationFrame !== 'function' || globalThis.document?.visibilityState === 'hidden',
  frame: () =>
    new Promise((resolve) => {
      const doc = globalThis.document;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (t: number) => {
        clearTimeout(timer);
        doc?.removeEventListener('visibilitychange', onHidden);
        resolve(t);
      };
      // A tab hidden while it waits gets no frame: the pass goes on in slices.
      const onHidden = () => void (doc?.visibilityState === 'hidden' && done(performance.now()));
      doc?.addEventListener('visibilitychange', onHidden);
      requestAnimationFrame(done);
      timer = setTimeout(() => done(performance.now()), FRAME_WAIT_MS);
    }),
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
  /** The frame the last batch was written in (its start time and units), while frames follow. */
  let last: { at: number; used: number } | null = null;
  while (k < n) {
    if (cancelled()) return false;
    const unframed = () => clock.hidden() || weight(indices[k]!) === 0;
    if (unframed()) {
      last = null;
      const end = clock.now() + SLICE_MS;
      do work(indices[k++]!);
      while (k < n && unframed() && clock.now() < end);
      await nextSlice(clock);
      continue;
    }
    // Asked for from inside the last frame's callbacks, this is the very next frame.
    const at = await clock.frame();
    if (cancelled()) return false;
    if (last) sizer.record(last.used, at - last.at);
    last = null;
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
    last = { at, used };
  }
  return !cancelled();
}
