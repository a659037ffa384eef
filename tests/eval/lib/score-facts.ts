// Fact scoring against tests/eval/facts/*.json: roles, statements and acronym definitions,
// each one-to-one (a gold item is matched at most once, duplicates of a prediction count once).
import type { ArticleFacts, PackEntity } from '../../../src/core/types';
import { normLong, normRole, normShort, normText, words } from './normalize';
import type { Counts } from './score-mentions';

export interface FactsGold {
  roles: { name: string; role: string }[];
  statements: { name: string; date?: string; contains: string }[];
  acronyms: { short: string; long: string }[];
}

export interface FactKindScore extends Counts {
  /** Gold items nothing matched, described for the report. */
  misses: string[];
  /** Predictions that matched no gold item. */
  falseHits: string[];
}

export interface FactsScore {
  roles: FactKindScore;
  statements: FactKindScore;
  acronyms: FactKindScore;
}

/** What scoreFacts needs from an Analysis (kept narrow so tests can pass plain objects). */
export interface FactsInput {
  facts: ArticleFacts;
  pageEntities: readonly PackEntity[];
}

/** Share of the gold `contains` words a predicted statement must hold to count as the same one. */
export const STATEMENT_WORD_OVERLAP = 0.5;

export function scoreFacts(analysis: FactsInput, gold: FactsGold, packEntities: readonly PackEntity[]): FactsScore {
  const byId = new Map<string, PackEntity>();
  for (const e of [...packEntities, ...analysis.pageEntities]) byId.set(e.id, e);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const sameEntity = (id: string, goldName: string) => {
    const want = normText(goldName);
    const e = byId.get(id);
    if (!e) return normText(id) === want;
    return [e.name, ...(e.aliases ?? [])].some((n) => normText(n) === want);
  };

  const roles = matchOneToOne(
    uniqueBy(analysis.facts.roles, (r) => `${r.entityId}\u0000${normRole(r.text)}`),
    gold.roles,
    (p, g) => sameEntity(p.entityId, g.name) && normRole(p.text) === normRole(g.role),
    (p) => `${nameOf(p.entityId)} — ${p.text}`,
    (g) => `${g.name} — ${g.role}`,
  );

  const statements = matchOneToOne(
    uniqueBy(analysis.facts.statements, (s) => `${s.entityId}\u0000${normText(s.text)}`),
    gold.statements,
    (p, g) => sameEntity(p.entityId, g.name) && (g.date === undefined || p.date === g.date) && saysTheSame(p.text, g.contains),
    (p) => `${nameOf(p.entityId)}${p.date ? ` (${p.date})` : ''}: ${p.text}`,
    (g) => `${g.name}${g.date ? ` (${g.date})` : ''}: …${g.contains}…`,
  );

  return { roles, statements, acronyms: scoreAcronyms(analysis.facts.definitions, gold.acronyms) };
}

/** Acronym pairs against the gold; shared by our extractor and the Schwartz–Hearst baseline. */
export function scoreAcronyms(predicted: readonly { short: string; long: string }[], gold: FactsGold['acronyms']): FactKindScore {
  return matchOneToOne(
    uniqueBy(predicted, (d) => `${normShort(d.short)}\u0000${normLong(d.long)}`),
    gold,
    (p, g) => normShort(p.short) === normShort(g.short) && normLong(p.long) === normLong(g.long),
    (p) => `${p.short} = ${p.long}`,
    (g) => `${g.short} = ${g.long}`,
  );
}

/** The predicted statement holds the gold words, or enough of them (a shorter or longer cut of the same clause). */
export function saysTheSame(predicted: string, contains: string): boolean {
  const p = normText(predicted);
  const c = normText(contains);
  if (!c) return false;
  if (p.includes(c) || (p.length > 0 && c.includes(p) && words(p).length >= 3)) return true;
  const have = new Set(words(predicted));
  const want = words(contains);
  return want.filter((w) => have.has(w)).length / want.length >= STATEMENT_WORD_OVERLAP;
}

function matchOneToOne<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  same: (p: P, g: G) => boolean,
  describeP: (p: P) => string,
  describeG: (g: G) => string,
): FactKindScore {
  const used = new Set<number>();
  const falseHits: string[] = [];
  let tp = 0;
  for (const p of predicted) {
    const i = gold.findIndex((g, k) => !used.has(k) && same(p, g));
    if (i >= 0) {
      used.add(i);
      tp++;
    } else {
      falseHits.push(describeP(p));
    }
  }
  const misses = gold.filter((_, k) => !used.has(k)).map(describeG);
  return { tp, fp: falseHits.length, fn: misses.length, misses, falseHits };
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
