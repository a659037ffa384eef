// The regression floor over the eval corpus (tests/eval): what `npm run eval` reports, held to
// the floors of tests/eval/lib/floors.ts on the dev set and on the sealed test set separately,
// so a change that loses mentions, definitions, roles or statements, or invents them, fails here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_SETS, loadCorpus, loadPack, setDir } from '../eval/lib/corpus';
import { evaluateCorpus } from '../eval/lib/evaluate';
import { FLOORS, countsOf, floorFailures, type FloorKind } from '../eval/lib/floors';
import { precision, recall } from '../eval/lib/score-mentions';

const pack = loadPack();
const corpora = Object.fromEntries(EVAL_SETS.map((set) => [set, loadCorpus(set)]));

describe('eval corpus', () => {
  it('has a dev set of at least 18 articles, on Korea and off-topic traps, and a test set of at least 6', () => {
    const dev = corpora.dev!;
    expect(dev.length).toBeGreaterThanOrEqual(18);
    expect(dev.filter((a) => a.meta.topic === 'korea').length).toBeGreaterThanOrEqual(10);
    expect(dev.filter((a) => a.meta.topic === 'trap').length).toBeGreaterThanOrEqual(8);
    expect(corpora.test!.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps every article between 250 and 600 words', () => {
    for (const a of EVAL_SETS.flatMap((s) => corpora[s]!)) {
      const words = a.runs.reduce((n, r) => n + (r.text.match(/\S+/g)?.length ?? 0), 0);
      expect({ article: a.name, inRange: words >= 250 && words <= 600 }).toEqual({ article: a.name, inRange: true });
    }
  });

  it('marks gold only with ids of the pack, and none on trap pages', () => {
    const ids = new Set(pack.entities.map((e) => e.id));
    for (const set of EVAL_SETS) {
      const corpus = corpora[set]!;
      const unknown = corpus.flatMap((a) => a.gold.filter((g) => !ids.has(g.entityId)).map((g) => `${set}/${a.name}: ${g.surface} → ${g.entityId}`));
      expect(unknown).toEqual([]);
      for (const a of corpus.filter((x) => x.meta.topic === 'trap')) expect({ article: a.name, gold: a.gold.length }).toEqual({ article: a.name, gold: 0 });
    }
  });

  it('has a facts gold file only for articles that exist, and article names unique across the sets', () => {
    for (const set of EVAL_SETS) {
      const names = new Set(corpora[set]!.map((a) => a.name));
      const facts = readdirSync(join(setDir(set), 'facts')).map((f) => f.replace(/\.json$/, ''));
      expect(facts.filter((f) => !names.has(f))).toEqual([]);
    }
    const all = EVAL_SETS.flatMap((s) => corpora[s]!.map((a) => a.name));
    expect(new Set(all).size).toBe(all.length);
  });
});

for (const set of EVAL_SETS) {
  describe(`eval floor: ${set} set`, () => {
    const result = evaluateCorpus(corpora[set]!, pack);
    const detail = (kind: FloorKind): string => {
      if (kind === 'mentions') {
        return result.articles
          .flatMap((a) => [
            ...a.mentions.misses.map((m) => `${a.name} missed ${m.surface} → ${m.entityId}  ${m.context}`),
            ...a.mentions.falsePositives.map((m) => `${a.name} false ${m.surface} → ${m.entityId}  ${m.context}`),
          ])
          .join('\n');
      }
      return result.articles
        .flatMap((a) => (a.facts ? [...a.facts[kind].misses.map((m) => `${a.name} missed ${m}`), ...a.facts[kind].falseHits.map((m) => `${a.name} false ${m}`)] : []))
        .join('\n');
    };

    for (const kind of Object.keys(FLOORS[set]) as FloorKind[]) {
      const floor = FLOORS[set][kind];
      it(`finds ${kind} with precision ≥ ${floor.precision} and recall ≥ ${floor.recall}`, () => {
        const c = countsOf(result, kind);
        expect({ precision: precision(c) >= floor.precision, recall: recall(c) >= floor.recall }, `${set} ${kind}: P ${precision(c).toFixed(3)} R ${recall(c).toFixed(3)}\n${detail(kind)}`).toEqual({ precision: true, recall: true });
      });
    }

    it('holds every floor `npm run eval` checks', () => {
      expect(floorFailures(set, result)).toEqual([]);
    });
  });
}
