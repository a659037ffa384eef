// The bench's task figures from a Chromium trace: only the page thread that made the mark counts,
// only from the mark on, and CPU time is read apart from wall time.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARK, frameCosts, keepTrace, taskFigures } from '../../scripts/bench/trace';

const task = (pid: number, tid: number, ts: number, durMs: number, cpuMs: number) => ({ name: 'ThreadControllerImpl::RunTask', ph: 'X', pid, tid, ts, dur: durMs * 1000, tdur: cpuMs * 1000 });

describe('taskFigures', () => {
  const mark = { name: MARK, ph: 'R', pid: 7, tid: 7, ts: 1_000_000 };

  it('takes the longest task of the marked thread after the mark, by wall and by CPU time', () => {
    const f = taskFigures({
      traceEvents: [
        task(7, 7, 900_000, 400, 400), // before the mark: the page loading, not Backstory
        mark,
        task(7, 7, 1_010_000, 90, 40), // waited for a CPU half the time
        task(7, 7, 1_200_000, 60, 55),
        task(7, 9, 1_300_000, 300, 300), // another thread of the page's process
        task(8, 8, 1_300_000, 500, 500), // another process (the extension's pages)
      ],
    });
    expect(f).toMatchObject({ longestWallMs: 90, longestCpuMs: 55, over50Cpu: 1, tasks: 2 });
  });

  it('splits the longest task into script, style and layout, counting nested script once', () => {
    const ev = (name: string, ts: number, durMs: number) => ({ name, ph: 'X', pid: 7, tid: 7, ts, dur: durMs * 1000 });
    const f = taskFigures([
      mark,
      task(7, 7, 1_100_000, 80, 80),
      ev('FunctionCall', 1_100_000, 50),
      ev('FunctionCall', 1_110_000, 10), // nested in the first call
      ev('Layout', 1_120_000, 20), // forced by the script: counted as layout too
      ev('UpdateLayoutTree', 1_160_000, 15),
      ev('Layout', 1_300_000, 40), // after the task
    ]);
    expect(f?.longestParts).toEqual({ script: 50, layout: 20, style: 15 });
  });

  it('names a task spent receiving a message from another process', () => {
    const f = taskFigures([mark, task(7, 7, 1_100_000, 120, 70), { name: 'SimpleWatcher::OnHandleReady', ph: 'X', pid: 7, tid: 7, ts: 1_100_010, dur: 119_000 }]);
    expect(f?.longestParts).toEqual({ 'message in': 119 });
  });

  it('gives null when the page never made the mark', () => {
    expect(taskFigures([task(7, 7, 1_000_000, 90, 90)])).toBeNull();
  });
});

describe('frameCosts', () => {
  const mark = { name: MARK, ph: 'R', pid: 7, tid: 7, ts: 1_000_000 };
  const ev = (name: string, tid: number, ts: number, durMs: number, cpuMs = durMs) => ({ name, ph: 'X', pid: 7, tid, ts, dur: durMs * 1000, tdur: cpuMs * 1000 });

  it("sums the marked thread's CPU time inside each frame, a task cut by the frame's edge counted for its share", () => {
    const costs = frameCosts(
      [
        mark,
        task(7, 7, 1_100_000, 40, 20), // inside the first frame, half of it waiting for a CPU
        task(7, 7, 1_130_000, 40, 40), // half inside the first frame
        task(7, 9, 1_110_000, 50, 50), // another thread: not the page's frame
        task(7, 7, 1_500_000, 70, 70), // the second frame
      ],
      // Frames as [start, duration] in ms from the mark.
      [
        [100, 50],
        [500, 80],
      ],
    );
    expect(costs?.map((c) => c.cpuMs)).toEqual([40, 70]);
  });

  it("finds the collector in a frame: its pauses on the main thread, and the pool threads' CPU", () => {
    const [f] = frameCosts(
      [
        mark,
        task(7, 7, 1_100_000, 60, 50),
        ev('MajorGC', 7, 1_110_000, 30),
        ev('MinorGC', 7, 1_115_000, 5), // inside the major one: counted once
        ev('MinorGC', 7, 1_150_000, 4),
        ev('ThreadPool_RunTask', 9, 1_080_000, 40, 20), // half inside the frame
        ev('ThreadPool_RunTask', 11, 1_120_000, 10, 10),
        { name: 'ThreadPool_RunTask', ph: 'X', pid: 8, tid: 8, ts: 1_100_000, dur: 60_000, tdur: 60_000 }, // another process
        ev('MajorGC', 9, 1_120_000, 10), // not the main thread's pause
      ],
      [[100, 60]],
    )!;
    expect(f).toEqual({ cpuMs: 50, gcMs: 34, poolMs: 20 });
  });

  it('needs the mark', () => {
    expect(frameCosts([task(7, 7, 0, 60, 60)], [[0, 60]])).toBeNull();
  });
});

describe('keepTrace', () => {
  it('keeps the trace of a pass with a long frame, with the frames to find in it, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-traces-'));
    try {
      const trace = Buffer.from(JSON.stringify({ traceEvents: [] }));
      expect(keepTrace(dir, trace, [[120, 40]])).toBeNull();
      expect(keepTrace(undefined, trace, [[120, 60]])).toBeNull();
      expect(readdirSync(dir)).toEqual([]);
      const kept = keepTrace(dir, trace, [[120, 40], [300, 61]]);
      expect(kept && readFileSync(kept, 'utf8')).toBe('{"traceEvents":[]}');
      expect(JSON.parse(readFileSync(kept!.replace(/\.json$/, '.frames.json'), 'utf8'))).toEqual({ mark: MARK, frames: [[300, 61]] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
