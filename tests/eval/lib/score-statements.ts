// Statement figures as a reader meets them on cards: is each shown statement its speaker's, are
// the (up to two) statements a popup card shows per speaker found, and does a statement the text
// dates carry that date; and identity, whether a person's card shows a role the text gives. Scored beside the one-to-one statement P/R of score-facts.
import type { ArticleRole, ArticleStatement, PackEntity } from '../../../src/core/types';
import { normRole, normText } from './normalize';
import type { FactsGold } from './score-facts';
import { saysTheSame } from './score-facts';

/** How many statements the popup card shows per speaker (src/shared/card-view.ts, compact). */
export const SHOWN_PER_SPEAKER = 2;

export interface StatementFigures {
  /** Shown statements (unique per speaker and text). */
  shown: number;
  /** …of which the gold gives to the same speaker. */
  ownSpeaker: number;
  /** Shown statements the gold gives to another speaker only, described. */
  misattributed: string[];
  /** Sum over gold speakers of min(2, their gold statements). */
  wanted: number;
  /** …of which the speaker's first two shown statements match. */
  found: number;
  /** Gold statements the text dates. */
  dated: number;
  /** …shown, with the same date, on their speaker's card. */
  datedShown: number;
  /** People the gold gives a role (identity: does their card show one of them?). */
  titled: number;
  /** …whose card shows a role the gold gives them. */
  identified: number;
}

export const NO_FIGURES: StatementFigures = { shown: 0, ownSpeaker: 0, misattributed: [], wanted: 0, found: 0, dated: 0, datedShown: 0, titled: 0, identified: 0 };

export function addFigures(a: StatementFigures, b: StatementFigures): StatementFigures {
  return {
    shown: a.shown + b.shown,
    ownSpeaker: a.ownSpeaker + b.ownSpeaker,
    misattributed: [...a.misattributed, ...b.misattributed],
    wanted: a.wanted + b.wanted,
    found: a.found + b.found,
    dated: a.dated + b.dated,
    datedShown: a.datedShown + b.datedShown,
    titled: a.titled + b.titled,
    identified: a.identified + b.identified,
  };
}

export function scoreStatements(
  predicted: readonly ArticleStatement[],
  gold: FactsGold['statements'],
  entities: readonly PackEntity[],
  roles: { predicted: readonly ArticleRole[]; gold: FactsGold['roles'] } = { predicted: [], gold: [] },
): StatementFigures {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const sameEntity = (id: string, goldName: string) => {
    const want = normText(goldName);
    const e = byId.get(id);
    return e ? [e.name, ...(e.aliases ?? [])].some((n) => normText(n) === want) : normText(id) === want;
  };
  const seen = new Set<string>();
  const shown = predicted.filter((p) => {
    const k = `${p.entityId}\u0000${normText(p.text)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  let ownSpeaker = 0;
  const misattributed: string[] = [];
  for (const p of shown) {
    if (gold.some((g) => sameEntity(p.entityId, g.name) && saysTheSame(p.text, g.contains))) ownSpeaker++;
    else {
      const other = gold.find((g) => saysTheSame(p.text, g.contains));
      if (other) misattributed.push(`${nameOf(p.entityId)}: ${p.text}  (gold: ${other.name})`);
    }
  }

  let wanted = 0;
  let found = 0;
  for (const speaker of new Set(gold.map((g) => g.name))) {
    const theirs = gold.filter((g) => g.name === speaker);
    wanted += Math.min(SHOWN_PER_SPEAKER, theirs.length);
    const ids = new Set(shown.filter((p) => sameEntity(p.entityId, speaker)).map((p) => p.entityId));
    // The card of the entity that says most of this speaker's statements.
    let best = 0;
    for (const id of ids) {
      const first = shown.filter((p) => p.entityId === id).slice(0, SHOWN_PER_SPEAKER);
      const used = new Set<number>();
      let n = 0;
      for (const p of first) {
        const i = theirs.findIndex((g, k) => !used.has(k) && saysTheSame(p.text, g.contains));
        if (i >= 0) {
          used.add(i);
          n++;
        }
      }
      best = Math.max(best, n);
    }
    found += best;
  }

  const datedGold = gold.filter((g) => g.date !== undefined);
  const datedShown = datedGold.filter((g) => shown.some((p) => sameEntity(p.entityId, g.name) && p.date === g.date && saysTheSame(p.text, g.contains))).length;
  const titledPeople = [...new Set(roles.gold.map((g) => g.name))];
  const identified = titledPeople.filter((name) =>
    roles.predicted.some((r) => sameEntity(r.entityId, name) && roles.gold.some((g) => g.name === name && normRole(g.role) === normRole(r.text))),
  ).length;
  return { shown: shown.length, ownSpeaker, misattributed, wanted, found, dated: datedGold.length, datedShown, titled: titledPeople.length, identified };
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((n / d) * 100).toFixed(1)}%`);

/** The lines `npm run eval` prints for one set. */
export function describeFigures(f: StatementFigures): string[] {
  return [
    `  shown that are the card's speaker's  ${pct(f.ownSpeaker, f.shown)} (${f.ownSpeaker} of ${f.shown}; misattributed ${f.misattributed.length})`,
    `  found, of up to ${SHOWN_PER_SPEAKER} shown per speaker  ${pct(f.found, f.wanted)} (${f.found} of ${f.wanted})`,
    `  text-dated shown with that date     ${pct(f.datedShown, f.dated)} (${f.datedShown} of ${f.dated})`,
    `  identity: titled people shown a role ${pct(f.identified, f.titled)} (${f.identified} of ${f.titled})`,
    ...f.misattributed.map((m) => `    misattributed: ${m}`),
  ];
}
