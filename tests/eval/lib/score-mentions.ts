// Mention scoring: a prediction is right when it names the gold entity in the same run over an
// overlapping span, so "Yongbyon" and "Yongbyon nuclear complex" both hit a gold "Yongbyon".
import type { Mention, RunText } from '../../../src/core/types';
import type { GoldMention } from './parse';

export interface ScoredMention {
  run: number;
  start: number;
  end: number;
  entityId: string;
  surface: string;
  /** About 60 characters of the run around the mention. */
  context: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface MentionScore extends Counts {
  truePositives: ScoredMention[];
  falsePositives: ScoredMention[];
  misses: ScoredMention[];
  /** Predictions left out of scoring: page-only entities (ids starting "page-"). */
  ignored: number;
}

/** Page-only entities (defined acronyms, titled people the pack lacks) have no gold. */
export const isPageEntity = (entityId: string) => entityId.startsWith('page-');

export function scoreMentions(predicted: readonly Mention[], gold: readonly GoldMention[], runs: readonly RunText[] = []): MentionScore {
  const scored = predicted.filter((p) => !isPageEntity(p.entityId));
  const used = new Set<number>();
  const truePositives: ScoredMention[] = [];
  const falsePositives: ScoredMention[] = [];
  for (const p of scored) {
    const g = gold.findIndex(
      (x, i) => !used.has(i) && x.run === p.run && x.entityId === p.entityId && x.start < p.end && p.start < x.end,
    );
    if (g >= 0) {
      used.add(g);
      truePositives.push(withContext(p, runs));
    } else {
      falsePositives.push(withContext(p, runs));
    }
  }
  const misses = gold.filter((_, i) => !used.has(i)).map((g) => withContext(g, runs));
  return {
    tp: truePositives.length,
    fp: falsePositives.length,
    fn: misses.length,
    truePositives,
    falsePositives,
    misses,
    ignored: predicted.length - scored.length,
  };
}

function withContext(m: { run: number; start: number; end: number; entityId: string; surface: string }, runs: readonly RunText[]): ScoredMention {
  const text = runs[m.run]?.text;
  const context = text === undefined ? m.surface : snippet(text, m.start, m.end);
  return { run: m.run, start: m.start, end: m.end, entityId: m.entityId, surface: m.surface, context };
}

/** The mention with about 60 characters around it, the mention itself in «». */
export function snippet(text: string, start: number, end: number, width = 60): string {
  const side = Math.max(10, Math.floor((width - (end - start)) / 2));
  const from = Math.max(0, start - side);
  const to = Math.min(text.length, end + side);
  return `${from > 0 ? '…' : ''}${text.slice(from, start)}«${text.slice(start, end)}»${text.slice(end, to)}${to < text.length ? '…' : ''}`;
}

export function precision(c: Counts): number {
  return c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
}
export function recall(c: Counts): number {
  return c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
}
export function f1(c: Counts): number {
  const p = precision(c);
  const r = recall(c);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}
export function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}
