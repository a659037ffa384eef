// Probes installed in the main world of every bench page before its HTML is parsed
// (page.addInitScript), so they see what the reader's page would see: long tasks (a
// PerformanceObserver, on from the start), long animation frames (the Long Animation Frames API,
// Chromium; also on from the start, so the page's own load is seen), a timer heartbeat, animation-frame gaps, and when
// elements with `data-backstory-entity` appear. They know nothing of the extension's internals:
// only the DOM contract. `installProbes` is serialized by Playwright, so it must stay
// self-contained (no imports, no outer variables).

/** What one measured stretch (armed → collected) saw. Times are ms from arming. */
export interface Stretch {
  elapsedMs: number;
  /** Durations of the long tasks (≥ 50 ms, Chromium's threshold) that started after arming. */
  longTasks: number[];
  /** Durations of the long animation frames (over 50 ms, the API's threshold) that started after
   *  arming: a frame's script, style, layout and paint together, as the reader waits for them. */
  longFrames: number[];
  /** The same frames as [start, duration], start in ms from arming (to find them in a trace). */
  longFrameSpans: [number, number][];
  /** Longest lateness of a 4 ms timer: how long the page's own tasks had to wait. */
  maxTaskDelayMs: number;
  /** Longest time between two animation frames: how long the reader saw a frozen page. */
  maxFrameGapMs: number;
  /** Mentions added while armed (within the scope, when one was given) and still in the page. */
  mentions: number;
  firstMentionMs: number | null;
  lastMentionMs: number | null;
  /** When the last mention that is in the first viewport (page scrolled to the top) was added. */
  viewportMs: number | null;
  inViewport: number;
  /** Last time `<html data-backstory="ready">` was set while armed (null if it was not). */
  readyMs: number | null;
  /** Text characters of the scope (the appended block), 0 without one. */
  scopeChars: number;
}

/** Polled by Node while a pass runs. */
export interface Progress {
  ready: boolean;
  mentions: number;
  /** ms since the last mention was added (since arming when none was). */
  quietMs: number;
}

export interface ProbeApi {
  /** Starts a stretch; with `append`, also appends a copy of the page's <template id="bench-append"> block and scopes the mention count to it. */
  arm(append?: boolean): void;
  progress(): Progress;
  /** Ends the stretch: what the page does after it is the bench's own doing (stopping a trace
   *  flushes every process's buffers, and on two CPUs that alone made a page frame run long). */
  end(): void;
  /** What the stretch saw; ends it first if `end` was not called. */
  collect(): Stretch;
  /** Elements with `data-backstory-entity` in the page now. */
  count(): number;
  /** The long animation frames seen before the first arming (the page's own load); null where
   *  the browser has no Long Animation Frames API. */
  loadFrames(): number[] | null;
}

export function installProbes(): void {
  const ENTITY = 'data-backstory-entity';
  const long: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Not supported: every stretch then reports no long task, and the heartbeat still tells.
  }
  const frames: { start: number; duration: number }[] = [];
  let framesSeen = false;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) frames.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
    framesSeen = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
  } catch {
    // No Long Animation Frames API: loadFrames() says so, and stretches report none.
  }
  let firstArm: number | null = null;

  let t0 = 0;
  let endAt: number | null = null;
  let armed = false;
  let scope: Element | null = null;
  // Two arrays, not an object per mention: what the probe keeps through a pass is collected with
  // the extension's own heap (18,000 mentions on the dense page).
  let addedEls: Element[] = [];
  let addedTimes: number[] = [];
  let readyAt: number | null = null;
  let maxDelay = 0;
  let maxFrameGap = 0;
  let lastFrame = 0;
  let nextBeat = 0;
  let observer: MutationObserver | null = null;

  const beat = (due: number) => {
    if (!armed) return;
    const now = performance.now();
    maxDelay = Math.max(maxDelay, now - due);
    nextBeat = now + 4;
    setTimeout(() => beat(nextBeat), 4);
  };
  const frame = (now: number) => {
    if (!armed) return;
    maxFrameGap = Math.max(maxFrameGap, now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(frame);
  };

  const api: ProbeApi = {
    arm(append = false) {
      addedEls = [];
      addedTimes = [];
      readyAt = null;
      maxDelay = 0;
      maxFrameGap = 0;
      scope = null;
      observer?.disconnect();
      // Started only now, not during parsing: a page-load's worth of records would cost the page time.
      // As light as it can be: what the probe allocates while the pass runs is collected in the
      // pass's frames, and would be counted against the extension.
      const add = (el: Element, t: number) => {
        if (scope && !scope.contains(el)) return;
        addedEls.push(el);
        addedTimes.push(t);
      };
      // Attributes only: a mention is seen when its wrapper gets its entity id, which happens once
      // the wrapper is in the page. Watching the page's child lists instead made Chromium record
      // about three mutations per wrapper (the splits and the swap), 2.5 MB of records and lists
      // on the dense page, all allocated and delivered inside the pass's frames.
      observer = new MutationObserver((records) => {
        const t = performance.now();
        for (let i = 0; i < records.length; i++) {
          const el = records[i]!.target as Element;
          if (el === document.documentElement) {
            if (el.getAttribute('data-backstory') === 'ready') readyAt = t;
          } else if (records[i]!.oldValue === null && el.hasAttribute(ENTITY)) {
            add(el, t);
          }
        }
      });
      observer.observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-backstory', ENTITY] });
      armed = true;
      endAt = null;
      t0 = performance.now();
      firstArm ??= t0;
      lastFrame = t0;
      // Names this thread and moment in a trace (MARK in trace.ts).
      performance.mark('backstory-bench-arm');
      nextBeat = t0 + 4;
      setTimeout(() => beat(nextBeat), 4);
      requestAnimationFrame(frame);
      if (append) {
        const tpl = document.getElementById('bench-append') as HTMLTemplateElement | null;
        const body = document.querySelector('#bench-article .article-body');
        if (!tpl || !body) throw new Error('bench: the page has no block to append');
        const block = document.createElement('div');
        block.className = 'bench-appended';
        block.append(tpl.content.cloneNode(true));
        scope = block;
        body.append(block);
      }
    },

    progress() {
      const now = performance.now();
      // Scoped as they were added; polled every 100 ms, so it allocates nothing.
      const last = addedTimes.length ? addedTimes[addedTimes.length - 1]! : t0;
      return { ready: document.documentElement.getAttribute('data-backstory') === 'ready', mentions: addedEls.length, quietMs: now - last };
    },

    end() {
      if (endAt !== null) return;
      const now = performance.now();
      endAt = now;
      armed = false;
      observer?.disconnect();
      observer = null;
      // A timer still waiting, or a frame not yet drawn, counts up to now.
      maxDelay = Math.max(maxDelay, now - nextBeat);
      maxFrameGap = Math.max(maxFrameGap, now - lastFrame);
    },

    collect() {
      api.end();
      const end = endAt!;
      const inStretch = (f: { start: number }) => f.start >= t0 && f.start < end;
      const mine = addedEls.map((el, i) => ({ el, t: addedTimes[i]! })).filter((a) => a.el.isConnected && (!scope || scope.contains(a.el)));
      let viewportMs: number | null = null;
      let inViewport = 0;
      // Positions are read only now, so the probe forced no layout while the pass ran.
      for (const a of mine) {
        const r = a.el.getBoundingClientRect();
        if (r.bottom > 0 && r.top < window.innerHeight) {
          inViewport++;
          viewportMs = Math.max(viewportMs ?? 0, a.t - t0);
        }
      }
      return {
        elapsedMs: end - t0,
        longTasks: long.filter(inStretch).map((l) => l.duration),
        longFrames: frames.filter(inStretch).map((f) => f.duration),
        longFrameSpans: frames.filter(inStretch).map((f) => [f.start - t0, f.duration] as [number, number]),
        maxTaskDelayMs: maxDelay,
        maxFrameGapMs: maxFrameGap,
        mentions: mine.length,
        firstMentionMs: mine.length ? mine[0]!.t - t0 : null,
        lastMentionMs: mine.length ? mine[mine.length - 1]!.t - t0 : null,
        viewportMs,
        inViewport,
        readyMs: readyAt === null ? null : readyAt - t0,
        scopeChars: scope?.textContent?.length ?? 0,
      };
    },

    count() {
      return document.querySelectorAll(`[${ENTITY}]`).length;
    },

    loadFrames() {
      if (!framesSeen) return null;
      return frames.filter((f) => firstArm === null || f.start < firstArm).map((f) => f.duration);
    },
  };
  (window as unknown as { __bs: ProbeApi }).__bs = api;
}

/** For the popup page: when `<body data-ready>` appeared, in ms from navigation start. */
export function installReadyProbe(): void {
  const w = window as unknown as { __readyAt: number | null };
  w.__readyAt = null;
  new MutationObserver((_records, obs) => {
    if (document.body?.hasAttribute('data-ready')) {
      w.__readyAt = performance.now();
      obs.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}
