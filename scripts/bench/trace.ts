// Task lengths from a Chromium trace. A long task's wall time also counts the time the thread
// waited for a CPU, which on a shared two-CPU machine can double it; the trace gives each task's
// thread CPU time too (`tdur`), which is what the page's main thread actually spent.
// The page marks the start of a stretch with `performance.mark(MARK)`; that event (category
// blink.user_timing) names the page's main thread and the moment, so no other process's
// tasks and nothing before the mark is counted.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TRACE_CATEGORIES = ['toplevel', '__metadata', 'blink.user_timing', 'devtools.timeline'];
export const MARK = 'backstory-bench-arm';
const TASK = 'ThreadControllerImpl::RunTask';
/** What a task's time went to (devtools.timeline events; nested ones, e.g. a layout forced by a
 *  script, count in both, so the parts may add up to more than the task). */
const PARTS: Record<string, string> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  // A message from another process (an extension message's reply arrives this way): the time
  // includes decoding it and running the listeners it wakes.
  'SimpleWatcher::OnHandleReady': 'message in',
  'Receive mojo message': 'message in',
};

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

export interface TaskFigures {
  /** Longest main-thread task after the mark: wall time and thread CPU time, ms. */
  longestWallMs: number;
  longestCpuMs: number;
  /** Tasks whose CPU time was over 50 ms. */
  over50Cpu: number;
  tasks: number;
  /** Wall ms inside the longest (by CPU) task, per kind of work (script, style, layout, paint, gc). */
  longestParts: Record<string, number>;
}

/** Reads `traceEvents` (or a bare array) and sums up the tasks of the thread that made the mark, from it on; null without the mark. */
export function taskFigures(trace: unknown): TaskFigures | null {
  const events = (Array.isArray(trace) ? trace : ((trace as { traceEvents?: unknown[] })?.traceEvents ?? [])) as TraceEvent[];
  const mark = events.find((e) => e.name === MARK);
  if (!mark) return null;
  let longestWall = 0;
  let longestCpu = 0;
  let over50 = 0;
  let tasks = 0;
  let longest: TraceEvent | null = null;
  for (const e of events) {
    if (e.name !== TASK || e.ph !== 'X' || e.pid !== mark.pid || e.tid !== mark.tid) continue;
    // The task that made the mark (the probe arming) started before it and is not Backstory's.
    if (e.ts < mark.ts) continue;
    tasks++;
    const wall = (e.dur ?? 0) / 1000;
    const cpu = (e.tdur ?? e.dur ?? 0) / 1000;
    longestWall = Math.max(longestWall, wall);
    if (cpu > longestCpu || !longest) {
      longestCpu = cpu;
      longest = e;
    }
    if (cpu > 50) over50++;
  }
  const longestParts: Record<string, number> = {};
  if (longest) {
    const end = longest.ts + (longest.dur ?? 0);
    // Only the outermost event of each kind: a script's nested calls must not count twice.
    const open: Record<string, number> = {};
    const inside = events
      .filter((e) => e.ph === 'X' && PARTS[e.name] && e.pid === mark.pid && e.tid === mark.tid && e.ts >= longest.ts && e.ts < end)
      .sort((a, b) => a.ts - b.ts);
    for (const e of inside) {
      const kind = PARTS[e.name]!;
      if ((open[kind] ?? -1) > e.ts) continue;
      open[kind] = e.ts + (e.dur ?? 0);
      longestParts[kind] = (longestParts[kind] ?? 0) + (e.dur ?? 0) / 1000;
    }
  }
  return { longestWallMs: longestWall, longestCpuMs: longestCpu, over50Cpu: over50, tasks, longestParts };
}

/** What went on inside one long animation frame, from the trace. */
export interface FrameCost {
  /** The page's main thread: its CPU time in the frame. */
  cpuMs: number;
  /** Of the frame's wall time, how much went to the main thread's garbage-collection pauses. */
  gcMs: number;
  /** CPU time the page process's pool threads used meanwhile (the garbage collector's concurrent
   *  markers run there): on two CPUs they take the main thread's share. */
  poolMs: number;
}

const POOL_TASK = 'ThreadPool_RunTask';
const GC_PAUSES = new Set(['MajorGC', 'MinorGC']);

/** Each of `frames` ([start, duration] in ms from the mark, as the page's Long Animation Frames
 *  API saw them), from the trace: events overlapping the frame count for the share of their wall
 *  time inside it. A frame over 50 ms by the wall clock while other threads held the CPUs may have
 *  used far less of the main thread; null without the mark. */
export function frameCosts(trace: unknown, frames: readonly (readonly [number, number])[]): FrameCost[] | null {
  const events = (Array.isArray(trace) ? trace : ((trace as { traceEvents?: unknown[] })?.traceEvents ?? [])) as TraceEvent[];
  const mark = events.find((e) => e.name === MARK);
  if (!mark) return null;
  // Spans of the page's process; its main thread is the one that made the mark.
  const spans = events.filter((e) => e.ph === 'X' && e.pid === mark.pid && (e.dur ?? 0) > 0);
  const main = (e: TraceEvent) => e.tid === mark.tid;
  const tasks = spans.filter((e) => e.name === TASK && main(e));
  const pauses = outermost(spans.filter((e) => GC_PAUSES.has(e.name) && main(e)));
  const pool = spans.filter((e) => e.name === POOL_TASK && !main(e));
  return frames.map(([startMs, durMs]) => {
    const from = mark.ts + startMs * 1000;
    const to = from + durMs * 1000;
    const sum = (list: TraceEvent[], cpu: boolean) => {
      let total = 0;
      for (const e of list) {
        const dur = e.dur!;
        const overlap = Math.min(to, e.ts + dur) - Math.max(from, e.ts);
        if (overlap > 0) total += ((cpu ? (e.tdur ?? dur) : dur) * overlap) / dur;
      }
      return total / 1000;
    };
    return { cpuMs: sum(tasks, true), gcMs: sum(pauses, false), poolMs: sum(pool, true) };
  });
}

/** The events not inside an earlier one of the list (a major collection nests scavenges). */
function outermost(list: TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of [...list].sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    out.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  return out;
}

/** With `dir` set (BENCH_TRACE_DIR), a pass that had a frame over 50 ms leaves its trace there, to
 *  open in Chromium's DevTools (Performance) or ui.perfetto.dev, and the frames beside it: start
 *  in ms from the MARK event, and duration. Returns the trace's path, or null when none was kept. */
export function keepTrace(dir: string | undefined, trace: Buffer, frames: readonly (readonly [number, number])[]): string | null {
  const long = frames.filter(([, ms]) => ms > 50);
  if (!dir || long.length === 0) return null;
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `pass-${Date.now()}-${process.pid}`);
  writeFileSync(`${base}.json`, trace);
  writeFileSync(`${base}.frames.json`, JSON.stringify({ mark: MARK, frames: long }));
  return `${base}.json`;
}
