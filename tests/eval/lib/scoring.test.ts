// The eval harness must itself be right, or the floor it guards means nothing.
import { describe, expect, it } from 'vitest';
import type { ArticleFacts, Mention, PackEntity } from '../../../src/core/types';
import { ArticleFormatError, parseArticle } from './parse';
import { saysTheSame, scoreFacts, type FactsGold } from './score-facts';
import { f1, precision, recall, scoreMentions } from './score-mentions';
import { findBestLongForm, isValidShortForm, schwartzHearst } from './schwartz-hearst';
import type { EvalResult } from './evaluate';
import { floorFailures } from './floors';
import { normRole } from './normalize';

const ARTICLE = `title: Test page
date: 2019-09-03
topic: korea
---
# [[Kim Jong Un|kim-jong-un]] meets envoys
caption: A photo of [[Pyongyang|pyongyang]].

First line of a paragraph where [[Choe Son Hui|choe-son-hui]] speaks
and its second line, where Minister [[Choe|choe-son-hui]]’s aides listen.

Launches of [[ICBMs|icbm]] resumed.
`;

describe('parseArticle', () => {
  const parsed = parseArticle(ARTICLE);

  it('reads the header', () => {
    expect(parsed.meta).toEqual({ title: 'Test page', date: '2019-09-03', topic: 'korea' });
  });

  it('makes one run per heading, caption and paragraph, joining paragraph lines with a space', () => {
    expect(parsed.runs.map((r) => r.kind)).toEqual(['heading', 'caption', 'body', 'body']);
    expect(parsed.runs[2]!.text).toBe('First line of a paragraph where Choe Son Hui speaks and its second line, where Minister Choe’s aides listen.');
    expect(parsed.runs.some((r) => /\[\[|\]\]|\|/.test(r.text))).toBe(false);
  });

  it('gives gold spans in the offsets of the stripped text', () => {
    for (const g of parsed.gold) expect(parsed.runs[g.run]!.text.slice(g.start, g.end)).toBe(g.surface);
    expect(parsed.gold.map((g) => [g.run, g.surface, g.entityId])).toEqual([
      [0, 'Kim Jong Un', 'kim-jong-un'],
      [1, 'Pyongyang', 'pyongyang'],
      [2, 'Choe Son Hui', 'choe-son-hui'],
      [2, 'Choe', 'choe-son-hui'],
      [3, 'ICBMs', 'icbm'],
    ]);
    const second = parsed.gold[3]!;
    expect(parsed.runs[2]!.text.indexOf('Choe’s')).toBe(second.start);
  });

  it('rejects broken files with a message naming the file', () => {
    expect(() => parseArticle('title: x\ntopic: korea\nno separator', 'bad.txt')).toThrow(/bad\.txt.*---/);
    expect(() => parseArticle('title: x\ntopic: sports\n---\ntext', 'bad.txt')).toThrow(ArticleFormatError);
    expect(() => parseArticle('title: x\ntopic: korea\n---\nan [[open|mark', 'bad.txt')).toThrow(/unbalanced/);
  });
});

describe('scoreMentions', () => {
  const runs = [{ text: 'The Yongbyon nuclear complex and Kim Jong Un.', kind: 'body' as const }];
  const gold = [
    { run: 0, start: 4, end: 12, entityId: 'yongbyon', surface: 'Yongbyon' },
    { run: 0, start: 33, end: 44, entityId: 'kim-jong-un', surface: 'Kim Jong Un' },
  ];
  const m = (entityId: string, start: number, end: number, run = 0): Mention => ({ entityId, run, start, end, surface: runs[0]!.text.slice(start, end) });

  it('counts an overlapping span of the same entity in the same run as a hit', () => {
    const s = scoreMentions([m('yongbyon', 4, 28), m('kim-jong-un', 33, 44)], gold, runs);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 0, 0]);
  });

  it('counts a wrong entity, another run or a disjoint span as a false hit and a miss', () => {
    const s = scoreMentions([m('pyongyang', 4, 12), m('kim-jong-un', 33, 44, 1), m('kim-jong-un', 0, 3)], gold, runs);
    expect([s.tp, s.fp, s.fn]).toEqual([0, 3, 2]);
    expect(s.misses[0]!.context).toContain('«Yongbyon»');
  });

  it('matches each gold mention once, so a duplicate prediction is a false hit', () => {
    const s = scoreMentions([m('yongbyon', 4, 12), m('yongbyon', 4, 12)], gold, runs);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 1, 1]);
  });

  it('ignores page-only entities', () => {
    const s = scoreMentions([m('page-ri-yong-ho', 33, 44), m('kim-jong-un', 33, 44)], gold, runs);
    expect([s.tp, s.fp, s.fn, s.ignored]).toEqual([1, 0, 1, 1]);
  });

  it('computes precision, recall and F1, treating nothing-to-find as perfect', () => {
    expect(precision({ tp: 3, fp: 1, fn: 0 })).toBe(0.75);
    expect(recall({ tp: 3, fp: 0, fn: 3 })).toBe(0.5);
    expect(f1({ tp: 1, fp: 1, fn: 1 })).toBeCloseTo(0.5);
    expect(precision({ tp: 0, fp: 0, fn: 2 })).toBe(1);
    expect(f1({ tp: 0, fp: 2, fn: 2 })).toBe(0);
  });
});

describe('scoreFacts', () => {
  const pack: PackEntity[] = [
    { id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui', aliases: ['Choe Son-hui'], summary: '' },
    { id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', summary: '' },
  ];
  const page: PackEntity[] = [{ id: 'page-ri-yong-ho', type: 'person', name: 'Ri Yong Ho', summary: '' }];
  const gold: FactsGold = {
    roles: [
      { name: 'Choe Son Hui', role: 'First Vice Foreign Minister' },
      { name: 'Ri Yong Ho', role: 'Foreign Minister' },
    ],
    statements: [{ name: 'Choe Son Hui', date: '2019-08-31', contains: 'expectations of talks are fading' }],
    acronyms: [
      { short: 'IAEA', long: 'International Atomic Energy Agency' },
      { short: 'ICBMs', long: 'intercontinental ballistic missiles' },
    ],
  };
  const facts = (f: Partial<ArticleFacts>): { facts: ArticleFacts; pageEntities: PackEntity[] } => ({
    facts: { roles: [], statements: [], definitions: [], ...f },
    pageEntities: page,
  });

  it('matches roles by entity name and normalized title, ignoring case, punctuation, "the" and a leading nationality', () => {
    const s = scoreFacts(
      facts({
        roles: [
          { entityId: 'choe-son-hui', text: 'North Korean first vice foreign minister', sentence: 0 },
          { entityId: 'page-ri-yong-ho', text: 'the Foreign Minister,', sentence: 1 },
          { entityId: 'mike-pompeo', text: 'Foreign Minister', sentence: 2 },
        ],
      }),
      gold,
      pack,
    ).roles;
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 0]);
    expect(s.falseHits).toEqual(['Mike Pompeo — Foreign Minister']);
  });

  it('counts a different title as a false hit and a miss', () => {
    const s = scoreFacts(facts({ roles: [{ entityId: 'choe-son-hui', text: 'Vice Foreign Minister', sentence: 0 }] }), gold, pack).roles;
    expect([s.tp, s.fp, s.fn]).toEqual([0, 1, 2]);
  });

  it('needs the gold date and enough of the gold words for a statement', () => {
    const said = (text: string, date?: string) => ({ entityId: 'choe-son-hui', text, sentence: 0, ...(date ? { date } : {}) });
    const right = scoreFacts(facts({ statements: [said('our expectations of talks are fading away', '2019-08-31')] }), gold, pack).statements;
    expect([right.tp, right.fp, right.fn]).toEqual([1, 0, 0]);
    const wrongDay = scoreFacts(facts({ statements: [said('our expectations of talks are fading away', '2019-08-30')] }), gold, pack).statements;
    expect([wrongDay.tp, wrongDay.fp, wrongDay.fn]).toEqual([0, 1, 1]);
    const other = scoreFacts(facts({ statements: [said('the weather in Pyongyang was mild', '2019-08-31')] }), gold, pack).statements;
    expect(other.tp).toBe(0);
  });

  it('counts one acronym pair once however often it is found, folding plurals', () => {
    const def = (short: string, long: string) => ({ short, long, sentence: 0 });
    const s = scoreFacts(
      facts({ definitions: [def('IAEA', 'International Atomic Energy Agency'), def('IAEA', 'international atomic energy agency'), def('ICBM', 'intercontinental ballistic missile'), def('SPA', 'spa')] }),
      gold,
      pack,
    ).acronyms;
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 0]);
  });

  it('keeps acronyms case-sensitive', () => {
    const s = scoreFacts(facts({ definitions: [{ short: 'Iaea', long: 'International Atomic Energy Agency', sentence: 0 }] }), gold, pack).acronyms;
    expect(s.tp).toBe(0);
  });
});

describe('saysTheSame', () => {
  it('accepts a longer or shorter cut of the same words and rejects unrelated text', () => {
    expect(saysTheSame('He said the talks had “broken down” on Saturday', 'talks had broken down')).toBe(true);
    expect(saysTheSame('broken down today', 'the talks had broken down today in Stockholm')).toBe(true);
    expect(saysTheSame('we will meet again', 'the talks had broken down')).toBe(false);
  });
});

describe('schwartzHearst (the baseline, as published)', () => {
  it('finds "long form (SF)" by right-to-left matching with a word-initial first letter', () => {
    expect(schwartzHearst('We study the heat shock transcription factor (HSF) in yeast.')).toEqual([{ short: 'HSF', long: 'heat shock transcription factor' }]);
    expect(schwartzHearst('Cells need the protein kinase C (PKC) gene.')).toEqual([{ short: 'PKC', long: 'protein kinase C' }]);
  });

  it('keeps the paper\'s shortest match, which is its known weakness', () => {
    expect(schwartzHearst('It replaced Secure Sockets Layer (SSL) long ago.')).toEqual([{ short: 'SSL', long: 'Sockets Layer' }]);
  });

  it('reads "SF (long form)" when the parenthesis holds more than two words', () => {
    expect(schwartzHearst('The agency runs COVAX (COVID-19 Vaccines Global Access) now.')).toEqual([]);
    expect(schwartzHearst('It is the IMF (International Monetary Fund) that lends.')).toEqual([{ short: 'IMF', long: 'International Monetary Fund' }]);
  });

  it('cuts the parenthesis at ", " or "; " and applies the short-form rules and the window', () => {
    expect(schwartzHearst('The European Central Bank (ECB, founded 1998) sets rates.')).toEqual([{ short: 'ECB', long: 'European Central Bank' }]);
    expect(isValidShortForm('(x)')).toBe(false);
    expect(isValidShortForm('2019')).toBe(false);
    expect(isValidShortForm('ABCDEFGHIJK')).toBe(false);
    expect(isValidShortForm('R&D')).toBe(true);
    // Two letters allow at most four words: "a b c d e" is too long for "AE".
    expect(schwartzHearst('alpha beta gamma delta epsilon (AE) here.')).toEqual([]);
    expect(findBestLongForm('AE', 'alpha epsilon')).toBe('alpha epsilon');
  });
});

describe('floorFailures', () => {
  const counts = (tp: number, fp: number, fn: number) => ({ tp, fp, fn });
  const result = (ours: ReturnType<typeof counts>, baseline: ReturnType<typeof counts>): EvalResult => ({
    articles: [],
    mentions: counts(10, 0, 0),
    facts: { roles: counts(10, 0, 0), statements: counts(10, 0, 0), acronyms: ours },
    baselineAcronyms: baseline,
  });

  it('passes when every floor holds and ours beats the baseline', () => {
    expect(floorFailures('dev', result(counts(10, 0, 0), counts(8, 1, 2)))).toEqual([]);
  });

  it('names each floor a set falls under, and a tie with the baseline on recall', () => {
    const fails = floorFailures('dev', result(counts(5, 0, 5), counts(5, 0, 5)));
    expect(fails).toEqual(['dev acronyms recall 0.500 < 0.9', 'dev acronyms recall 0.500 does not beat Schwartz–Hearst 0.500']);
  });
});

describe('normRole', () => {
  it('drops a leading article and nationality, and where the person works', () => {
    expect(normRole('the North Korean Foreign Minister')).toBe('foreign minister');
    expect(normRole('economist at a Lisbon business school')).toBe('economist');
    expect(normRole('chairman of the Transport Committee')).toBe('chairman of the transport committee');
  });
});
