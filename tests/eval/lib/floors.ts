// The floors `npm run eval` (exit code) and tests/unit/eval-floor.test.ts hold each set to. The
// sealed test set has its own, lower where its prose is harder: it is never tuned on, so its
// floors only guard against a change that loses what already generalizes.
import type { EvalSet } from './corpus';
import type { EvalResult } from './evaluate';
import { precision, recall, type Counts } from './score-mentions';

export interface Floor {
  precision: number;
  recall: number;
}

export type FloorKind = 'mentions' | 'acronyms' | 'roles' | 'statements';

export const FLOORS: Record<EvalSet, Record<FloorKind, Floor>> = {
  dev: {
    mentions: { precision: 0.98, recall: 0.95 },
    acronyms: { precision: 0.95, recall: 0.9 },
    roles: { precision: 0.97, recall: 0.95 },
    statements: { precision: 0.97, recall: 0.92 },
  },
  // Regression guards a little under where the sealed set stands (it was never tuned on: the rules
  // that moved it were written for dev articles on the patterns).
  test: {
    mentions: { precision: 0.95, recall: 0.9 },
    acronyms: { precision: 0.95, recall: 0.8 },
    roles: { precision: 0.9, recall: 0.9 },
    statements: { precision: 0.9, recall: 0.82 },
  },
};

export function countsOf(r: EvalResult, kind: FloorKind): Counts {
  return kind === 'mentions' ? r.mentions : r.facts[kind];
}

/** Ours must beat Schwartz–Hearst on acronym recall and match it on precision, on every set. */
export const MUST_BEAT_BASELINE: boolean = true;

/** Every floor the result falls under, and where ours fails to beat the baseline on acronyms
 *  (recall strictly higher, precision at least as high), as readable lines; empty when it holds. */
export function floorFailures(set: EvalSet, r: EvalResult): string[] {
  const out: string[] = [];
  for (const [kind, floor] of Object.entries(FLOORS[set]) as [FloorKind, Floor][]) {
    const c = countsOf(r, kind);
    if (precision(c) < floor.precision) out.push(`${set} ${kind} precision ${precision(c).toFixed(3)} < ${floor.precision}`);
    if (recall(c) < floor.recall) out.push(`${set} ${kind} recall ${recall(c).toFixed(3)} < ${floor.recall}`);
  }
  if (!MUST_BEAT_BASELINE) return out;
  const ours = r.facts.acronyms;
  const sh = r.baselineAcronyms;
  if (recall(ours) <= recall(sh)) out.push(`${set} acronyms recall ${recall(ours).toFixed(3)} does not beat Schwartz–Hearst ${recall(sh).toFixed(3)}`);
  if (precision(ours) < precision(sh)) out.push(`${set} acronyms precision ${precision(ours).toFixed(3)} below Schwartz–Hearst ${precision(sh).toFixed(3)}`);
  return out;
}
