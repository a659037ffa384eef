// The regression floor over the eval corpus (tests/eval): what `npm run eval` reports, held to
// the targets so a change that loses mentions or invents them fails here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR, loadCorpus, loadPack } from '../eval/lib/corpus';
import { evaluateCorpus } from '../eval/lib/evaluate';
import { f1, precision, recall } from '../eval/lib/score-mentions';

const corpus = loadCorpus();
const pack = loadPack();

describe('eval corpus', () => {
  it('has at least 18 articles of 250–600 words, on Korea and off-topic traps', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(18);
    expect(corpus.filter((a) => a.meta.topic === 'korea').length).toBeGreaterThanOrEqual(10);
    expect(corpus.filter((a) => a.meta.topic === 'trap').length).toBeGreaterThanOrEqual(8);
    for (const a of corpus) {
      const words = a.runs.reduce((n, r) => n + (r.text.match(/\S+/g)?.length ?? 0), 0);
      expect({ article: a.name, inRange: words >= 250 && words <= 600 }).toEqual({ article: a.name, inRange: true });
    }
  });

  it('marks gold only with ids of the pack, and only on Korea articles', () => {
    const ids = new Set(pack.entities.map((e) => e.id));
    const unknown = corpus.flatMap((a) => a.gold.filter((g) => !ids.has(g.entityId)).map((g) => `${a.name}: ${g.surface} → ${g.entityId}`));
    expect(unknown).toEqual([]);
    for (const a of corpus.filter((x) => x.meta.topic === 'trap')) expect({ article: a.name, gold: a.gold.length }).toEqual({ article: a.name, gold: 0 });
  });

  it('has a facts gold file only for articles that exist', () => {
    const names = new Set(corpus.map((a) => a.name));
    const facts = readdirSync(join(EVAL_DIR, 'facts')).map((f) => f.replace(/\.json$/, ''));
    expect(facts.filter((f) => !names.has(f))).toEqual([]);
  });
});

describe('eval floor (issue targets)', () => {
  const result = evaluateCorpus(corpus, pack);
  const misses = result.articles.flatMap((a) => a.mentions.misses.map((m) => `${a.name}: ${m.surface} → ${m.entityId}  ${m.context}`));
  const falseHits = result.articles.flatMap((a) => a.mentions.falsePositives.map((m) => `${a.name}: ${m.surface} → ${m.entityId}  ${m.context}`));

  it('finds pack mentions with precision ≥ 0.98', () => {
    expect(precision(result.mentions), `false hits:\n${falseHits.join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('finds pack mentions with recall ≥ 0.95', () => {
    expect(recall(result.mentions), `misses:\n${misses.join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('reads acronym definitions with F1 ≥ 0.92', () => {
    const detail = result.articles.flatMap((a) =>
      a.facts ? [...a.facts.acronyms.misses.map((m) => `${a.name} missed ${m}`), ...a.facts.acronyms.falseHits.map((m) => `${a.name} false ${m}`)] : [],
    );
    expect(f1(result.facts.acronyms), detail.join('\n')).toBeGreaterThanOrEqual(0.92);
  });
});
