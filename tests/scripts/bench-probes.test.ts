// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installProbes, type ProbeApi } from '../../scripts/bench/main-world';

type Entry = { startTime: number; duration: number };

/** jsdom has no Long Animation Frames API: this stands in for it, and the test hands it frames. */
class FakeObserver {
  static frames: FakeObserver[] = [];
  static supportedEntryTypes = ['long-animation-frame', 'longtask'];
  constructor(private readonly cb: (list: { getEntries(): Entry[] }) => void) {}
  observe(opts: { type: string }) {
    if (opts.type === 'long-animation-frame') FakeObserver.frames.push(this);
  }
  static frame(startTime: number, duration: number) {
    for (const o of FakeObserver.frames) o.cb({ getEntries: () => [{ startTime, duration }] });
  }
}

describe('bench probes: a stretch counts what happened while it ran', () => {
  let clock = 0;
  let bs: ProbeApi;
  beforeEach(() => {
    FakeObserver.frames = [];
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    vi.spyOn(performance, 'mark').mockImplementation(() => undefined as never);
    installProbes();
    bs = (window as unknown as { __bs: ProbeApi }).__bs;
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('leaves out a long frame that came after the stretch ended (the bench stopping its trace)', () => {
    clock = 1_000;
    bs.arm();
    FakeObserver.frame(1_200, 60);
    clock = 2_000;
    bs.end();
    FakeObserver.frame(2_300, 56);
    clock = 2_500;
    const s = bs.collect();
    expect(s.longFrames).toEqual([60]);
    expect(s.longFrameSpans).toEqual([[200, 60]]);
    expect(s.elapsedMs).toBe(1_000);
  });

  it('without an end, counts every frame up to the collection', () => {
    clock = 1_000;
    bs.arm();
    FakeObserver.frame(900, 70); // the page's own load, before arming
    FakeObserver.frame(1_200, 60);
    FakeObserver.frame(2_300, 56);
    clock = 2_500;
    expect(bs.collect().longFrames).toEqual([60, 56]);
  });
});
