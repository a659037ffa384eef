// The pack builder's merge (scripts/pack/merge.ts) over real extractions of short articles:
// one person across two articles and two spellings becomes one entity citing both; two
// different Kims stay two; two roles for one name in one month are reported as a conflict.
import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../scripts/pack/article-input';
import { findingsOf, textRuns, type ArticleFinding } from '../../scripts/pack/extract';
import { mergeFindings } from '../../scripts/pack/merge';
import { parsePack } from '../../src/core/pack/schema';

function article(index: number, meta: ArticleMeta, text: string): ArticleFinding {
  return { index, where: `test-${index + 1}.txt`, meta, ...findingsOf(textRuns(text, meta.title), meta.date) };
}

const september3 = article(
  0,
  { url: 'https://news.example/a', title: 'Leader tours a factory', outlet: 'Example News', date: '2019-09-03' },
  `North Korean leader Kim Jong Un inspected a machine-tool factory on Monday.

Foreign Minister Ri Yong Ho said on September 2 that the talks could resume "if Washington changes course".`,
);
const september20 = article(
  1,
  { url: 'https://wire.example/b', title: 'Envoy arrives in New York', outlet: 'Example Wire', date: '2019-09-20' },
  `Vice Chairman Kim Yong Chol arrived in New York on Thursday.

North Korean Foreign Minister Ri Yong-ho told reporters that sanctions must be lifted first.`,
);
const september25 = article(
  2,
  { url: 'https://daily.example/c', title: 'A parade in the capital', outlet: 'Example Daily', date: '2019-09-25' },
  `Defense Minister Ri Yong Ho attended the parade.`,
);

const opts = { id: 'test-draft', title: 'Test draft' };

describe('pack builder: merging articles', () => {
  it('files one person met in two articles, under two spellings, as one entity citing both', () => {
    const { pack } = mergeFindings([september3, september20], opts);
    const ri = pack.entities.filter((e) => e.name.startsWith('Ri Yong'));
    expect(ri).toHaveLength(1);
    const sources = new Map(pack.sources.map((s) => [s.id, s]));
    const cited = new Set(ri[0]!.facts!.map((f) => sources.get(f.source)?.url));
    expect(cited).toEqual(new Set(['https://news.example/a', 'https://wire.example/b']));
    expect(ri[0]!.facts!.map((f) => f.text)).toEqual(
      expect.arrayContaining(['Described as Foreign Minister.', 'Described as North Korean Foreign Minister.', 'Said sanctions must be lifted first.']),
    );
    // The statement dated in the text keeps its own date; the others take their article's.
    expect(ri[0]!.facts!.find((f) => f.text.includes('talks could resume'))?.date).toBe('2019-09-02');
    expect(ri[0]!.facts!.find((f) => f.text.includes('sanctions'))?.date).toBe('2019-09-20');
    expect(parsePack(pack)).toMatchObject({ ok: true });
  });

  it('never merges two different Kims, though both go by "Kim"', () => {
    const { pack } = mergeFindings([september3, september20], opts);
    const kims = pack.entities.filter((e) => e.short?.includes('Kim'));
    expect(kims.map((e) => e.name).sort()).toEqual(['Kim Jong Un', 'Kim Yong Chol']);
    expect(kims.find((e) => e.name === 'Kim Jong Un')?.facts?.map((f) => f.text)).toEqual(['Described as North Korean leader.']);
    expect(kims.find((e) => e.name === 'Kim Yong Chol')?.facts?.map((f) => f.text)).toEqual(['Described as Vice Chairman.']);
  });

  it('reports two different roles for one name in one month, with the articles for each', () => {
    const { report } = mergeFindings([september3, september20, september25], opts);
    expect(report.conflicts).toHaveLength(1);
    const c = report.conflicts[0]!;
    expect(c).toMatchObject({ name: 'Ri Yong Ho', month: '2019-09' });
    // "Foreign Minister" sits inside "North Korean Foreign Minister": the same role, not a conflict.
    expect(c.roles.map((r) => r.text).sort()).toEqual(['Defense Minister', 'North Korean Foreign Minister']);
    expect(c.roles.find((r) => r.text === 'Defense Minister')?.cited.map((x) => x.url)).toEqual(['https://daily.example/c']);
  });

  it('reports no conflict for roles in different months', () => {
    const october = { ...september25, meta: { ...september25.meta, date: '2019-10-01' } };
    expect(mergeFindings([september3, september20, october], opts).report.conflicts).toEqual([]);
  });

  it('cites only articles that gave a fact, each with publisher, title, address and date', () => {
    const { pack, report } = mergeFindings([september3, september20], opts);
    expect(pack.sources).toEqual([
      { id: 'a1', title: 'Leader tours a factory', publisher: 'Example News', url: 'https://news.example/a', date: '2019-09-03' },
      { id: 'a2', title: 'Envoy arrives in New York', publisher: 'Example Wire', url: 'https://wire.example/b', date: '2019-09-20' },
    ]);
    for (const e of pack.entities) for (const f of e.facts ?? []) expect(f.date).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    expect(report.incomplete).toEqual([]);
  });

  it('writes asOf, the newest article date, when the schema takes it', () => {
    const { pack } = mergeFindings([september20, september3], opts);
    expect((pack as { asOf?: string }).asOf).toBe('2019-09-20');
  });
});
