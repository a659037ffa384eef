// In-page probes for the benchmark: long tasks (PerformanceObserver), the longest stretch the main
// thread was busy (a MessageChannel heartbeat), and when mentions appeared (MutationObserver).

/** Long tasks reported by Chromium while the probe is on (durations in ms). */
export class LongTaskProbe {
  private durations: number[] = [];
  private observer: PerformanceObserver | null = null;

  start(): this {
    try {
      this.observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) this.durations.push(e.duration);
      });
      this.observer.observe({ type: 'longtask' });
    } catch {
      this.observer = null; // not supported: reported as null
    }
    return this;
  }

  /** Entries arrive asynchronously; `takeRecords` collects what is queued. */
  stop(): number[] | null {
    if (!this.observer) return null;
    for (const e of this.observer.takeRecords()) this.durations.push(e.duration);
    this.observer.disconnect();
    return this.durations;
  }
}

/** Posts messages to itself back to back; the largest gap between two is the longest time a page's
 *  own ordinary task (a message, a timer) had to wait. scheduler.yield() continuations run before
 *  such tasks, so this also shows how long a yielding loop starves the page's own scripts. */
export class Heartbeat {
  private channel = new MessageChannel();
  private last = 0;
  private running = false;
  maxGap = 0;
  gapsOver50 = 0;

  start(): this {
    this.running = true;
    this.last = performance.now();
    this.channel.port1.onmessage = () => {
      const now = performance.now();
      const gap = now - this.last;
      if (gap > this.maxGap) this.maxGap = gap;
      if (gap > 50) this.gapsOver50++;
      this.last = now;
      if (this.running) this.channel.port2.postMessage(0);
    };
    this.channel.port2.postMessage(0);
    return this;
  }

  stop(): { maxGapMs: number; gapsOver50: number } {
    // The stretch still running when stopped counts too.
    const tail = performance.now() - this.last;
    if (tail > this.maxGap) this.maxGap = tail;
    this.running = false;
    this.channel.port1.onmessage = null;
    return { maxGapMs: this.maxGap, gapsOver50: this.gapsOver50 };
  }
}

/** requestAnimationFrame gaps: the longest time between two frames is the longest stretch the
 *  reader saw a frozen page (rendering is not starved by yield continuations, so this measures
 *  the longest synchronous slice plus the frame's own work). */
export class FrameGaps {
  private last = 0;
  private running = false;
  maxGap = 0;
  frames = 0;

  start(): this {
    this.running = true;
    this.last = performance.now();
    const tick = (now: number) => {
      if (!this.running) return;
      this.maxGap = Math.max(this.maxGap, now - this.last);
      this.last = now;
      this.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return this;
  }

  stop(): { maxFrameGapMs: number; frames: number } {
    this.maxGap = Math.max(this.maxGap, performance.now() - this.last);
    this.running = false;
    return { maxFrameGapMs: this.maxGap, frames: this.frames };
  }
}

/** Records when elements with `tag` were added; positions are read only after the pass, so the
 *  probe forces no layout while it runs. */
export class AddedProbe {
  private batches: { t: number; els: Element[] }[] = [];
  private observer: MutationObserver;

  constructor(
    private readonly tag: string,
    target: Node,
  ) {
    this.observer = new MutationObserver((records) => {
      const els: Element[] = [];
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) if (n instanceof Element && n.localName === this.tag) els.push(n);
      }
      if (els.length) this.batches.push({ t: performance.now(), els });
    });
    this.observer.observe(target, { childList: true, subtree: true });
  }

  /** Time (from `t0`) by which every mention now in the viewport had been added; null if none. */
  viewportDoneAt(t0: number, viewportHeight: number): { ms: number | null; inViewport: number } {
    this.observer.disconnect();
    let last: number | null = null;
    let inViewport = 0;
    for (const b of this.batches) {
      for (const el of b.els) {
        if (!el.isConnected) continue;
        const r = el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < viewportHeight) {
          inViewport++;
          last = Math.max(last ?? 0, b.t - t0);
        }
      }
    }
    return { ms: last, inViewport };
  }
}
