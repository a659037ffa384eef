// Reads a CDP CPU profile of the bench bundle: self time per function, and per source file (the
// unminified bundle keeps esbuild's "// src/…" markers, which map a line back to its module).

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  totalMs: number;
  functions: { name: string; module: string; ms: number }[];
  modules: { module: string; ms: number }[];
}

/** Line (0-based) → module, from the bundle's `// path` markers. */
export function moduleLines(bundle: string): (line: number) => string {
  const marks: { line: number; module: string }[] = [];
  bundle.split('\n').forEach((text, line) => {
    const m = /^\s*\/\/ ((?:src|scripts|node_modules)\/\S+)$/.exec(text);
    if (m) marks.push({ line, module: m[1]!.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*/, '$1') });
  });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let found = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid]!.line <= line) {
        found = marks[mid]!.module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
}

export function summarize(profile: CpuProfile, bundleUrl: string, moduleOf: (line: number) => string, top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's delta is the time until the next sample: it belongs to the sampled node.
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i]!;
    self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const fns = new Map<string, { name: string; module: string; ms: number }>();
  const mods = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const f = byId.get(id)?.callFrame;
    if (!f) continue;
    totalMs += ms;
    const module = f.url === bundleUrl ? moduleOf(f.lineNumber) : f.url ? f.url.replace(/^.*\//, '') : `(${f.functionName || 'native'})`;
    const name = f.functionName || '(anonymous)';
    const key = `${name}@${module}`;
    const e = fns.get(key) ?? { name, module, ms: 0 };
    e.ms += ms;
    fns.set(key, e);
    mods.set(module, (mods.get(module) ?? 0) + ms);
  }
  return {
    totalMs,
    functions: [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, top),
    modules: [...mods].map(([module, ms]) => ({ module, ms })).sort((a, b) => b.ms - a.ms).slice(0, top),
  };
}
