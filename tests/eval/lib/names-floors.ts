// Floors for the names dev set (only when the data is present), a little under where it stands.
import type { NamesResult } from './names-eval';
import { ratio } from './names-score';

export const NAMES_FLOORS = { PER: 0, LOC: 0, ORG: 0, ALL: 0, precision: 0 };

export function namesFloorFailures(r: NamesResult): string[] {
  const out: string[] = [];
  for (const t of ['PER', 'LOC', 'ORG', 'ALL'] as const) {
    const v = ratio(r.ours.mentions[t]);
    if (v < NAMES_FLOORS[t]) out.push(`names ${t} mention recall ${v.toFixed(3)} < ${NAMES_FLOORS[t]}`);
  }
  const p = r.ours.highlights.total ? r.ours.highlights.right / r.ours.highlights.total : 1;
  if (p < NAMES_FLOORS.precision) out.push(`names precision ${p.toFixed(3)} < ${NAMES_FLOORS.precision}`);
  return out;
}
