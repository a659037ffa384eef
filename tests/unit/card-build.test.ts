import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, extractFacts, findPageEntities, splitSentences } from '../../src/core/article/index';
import { buildCards } from '../../src/core/card/build';
import type { PackSource } from '../../src/core/types';
import { marked, PEOPLE } from './article-fixture';

const SOURCES: PackSource[] = [{ id: 'src-1', title: 'A column on stalled talks', date: '2019-09' }];

function cardsOf(paragraphs: Parameters<typeof marked>[0], notes?: Record<string, string>) {
  const { runs, mentions } = marked(paragraphs);
  const sentences = splitSentences(runs);
  const definitions = findAcronymDefinitions(sentences);
  const pageEntities = findPageEntities(sentences, definitions, PEOPLE);
  const entities = [...PEOPLE, ...pageEntities];
  const runKinds = runs.map((r) => r.kind);
  const facts = extractFacts(sentences, mentions, entities, definitions, { pageDate: '2019-09-03', runKinds });
  return buildCards({ entities, pageEntityIds: new Set(pageEntities.map((e) => e.id)), sources: SOURCES, mentions, sentences, facts, notes, runKinds });
}

describe('buildCards', () => {
  it('makes one card per mentioned entity, in order of first mention, with counts and notes', () => {
    const cards = cardsOf(
      ['[[Pompeo|mike-pompeo]] spoke after [[Choe Son Hui|choe-son-hui]] did.', '[[Choe|choe-son-hui]] answered him again.'],
      { 'choe-son-hui': 'Check her April promotion.' },
    );
    expect(cards.map((c) => [c.id, c.mentionCount, c.note])).toEqual([
      ['mike-pompeo', 1, undefined],
      ['choe-son-hui', 2, 'Check her April promotion.'],
    ]);
    expect(cards[1]?.summary).toBe('A senior North Korean diplomat.');
  });

  it('carries roles, dated statements and the pack background with source title', () => {
    const [spa, choe] = cardsOf([
      'Deputies of the [[Supreme People’s Assembly|supreme-peoples-assembly]] (SPA) gathered in the capital for two days.',
      'The First Vice Foreign Minister, [[Choe Son Hui|choe-son-hui]], stated on August 31 that dialogue was fading fast.',
    ]);
    expect(spa?.fromArticle.definition).toEqual({ long: 'Supreme People’s Assembly', sentence: 0 });
    expect(spa?.background).toEqual([{ text: 'Met in April 2019 for its first session after elections.', date: '2019-04', source: 'A column on stalled talks' }]);
    expect(choe?.fromArticle.roles).toEqual([{ text: 'First Vice Foreign Minister', sentence: 1 }]);
    expect(choe?.fromArticle.statements).toEqual([{ text: 'dialogue was fading fast', date: '2019-08-31', dateText: 'August 31', sentence: 1 }]);
  });

  it('marks page-only entities, with their definition and no summary', () => {
    const cards = cardsOf(['Inspectors of the [[International Atomic Energy Agency|page-iaea]] ([[IAEA|page-iaea]]) were sent home.']);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ id: 'page-iaea', pageOnly: true, mentionCount: 2, type: 'organization' });
    expect(cards[0]?.summary).toBeUndefined();
    expect(cards[0]?.fromArticle.definition).toEqual({ long: 'International Atomic Energy Agency', sentence: 0 });
  });

  it('shows at most three sentences, preferring informative body text over the headline and repeats of statements', () => {
    const cards = cardsOf([
      { heading: '[[Kim Jong Un|kim-jong-un]] sets a deadline' },
      '[[Kim Jong Un|kim-jong-un]] sets a deadline',
      '[[Kim Jong Un|kim-jong-un]], the North Korean leader, gave Washington until December to change its approach.',
      '“Time is short,” [[Kim|kim-jong-un]] said.',
      '[[Kim|kim-jong-un]] waved.',
      'Analysts expect [[Kim|kim-jong-un]] to resume missile tests in the new year if nothing changes.',
      'Diplomats in Seoul think [[Kim|kim-jong-un]] wants relief from sanctions before any further summit.',
    ]);
    const picked = cards[0]?.fromArticle.sentences.map((s) => s.text) ?? [];
    expect(picked).toHaveLength(3);
    expect(picked[0]).toContain('North Korean leader');
    expect(picked).not.toContain('Kim Jong Un sets a deadline');
    expect(picked).not.toContain('“Time is short,” Kim said.');
    expect(picked).not.toContain('Kim waved.');
    const indices = cards[0]?.fromArticle.sentences.map((s) => s.sentence) ?? [];
    expect([...indices].sort((a, b) => a - b)).toEqual(indices);
  });

  it('does not give the pack entity a definition meaning something else', () => {
    const cards = cardsOf(['The [[SPA|supreme-peoples-assembly]] (single-page application) loads once in Pyongyang offices.']);
    expect(cards.find((c) => c.id === 'supreme-peoples-assembly')?.fromArticle.definition).toBeUndefined();
  });
});

describe('buildCards: pack facts dated after the article', () => {
  const NAMED = {
    id: 'choe-son-hui',
    type: 'person' as const,
    name: 'Choe Son Hui',
    summary: 'A diplomat.',
    facts: [
      { text: 'Promoted to First Vice Foreign Minister.', date: '2019-04', source: 'src-1' },
      { text: 'Spoke about the talks that month.', date: '2019-09', source: 'src-1' },
      { text: 'Led her side in Stockholm.', date: '2019-10-05', source: 'src-1' },
      { text: 'Became Foreign Minister.', date: '2022-06', source: 'src-1' },
      { text: 'Joined the Foreign Ministry.', date: '1988', source: 'src-1' },
    ],
  };
  const cardOn = (pageDate?: string) => {
    const sentences = splitSentences([{ text: 'Choe Son Hui spoke.', kind: 'body' }]);
    const mentions = [{ entityId: NAMED.id, run: 0, start: 0, end: 12, surface: 'Choe Son Hui' }];
    const facts = { roles: [], statements: [], definitions: [] };
    return buildCards({ entities: [NAMED], pageEntityIds: new Set(), sources: SOURCES, mentions, sentences, facts, pageDate })[0]!;
  };
  const texts = (list?: { text: string }[]) => (list ?? []).map((f) => f.text);

  it('puts them under "later", keeping the rest as background in pack order', () => {
    const card = cardOn('2019-09-03');
    // A fact dated "2019-09" may be from before the 3rd: it stays background.
    expect(texts(card.background)).toEqual(['Promoted to First Vice Foreign Minister.', 'Spoke about the talks that month.', 'Joined the Foreign Ministry.']);
    expect(texts(card.later)).toEqual(['Led her side in Stockholm.', 'Became Foreign Minister.']);
    expect(card.later?.[1]).toEqual({ text: 'Became Foreign Minister.', date: '2022-06', source: 'A column on stalled talks' });
  });

  it('cites each fact by the publisher of its source, or by the title when there is none', () => {
    const sources = [{ id: 'src-1', title: 'North Korea appoints first female foreign minister', publisher: 'Taipei Times', date: '2022-06-12' }];
    const sentences = splitSentences([{ text: 'Choe Son Hui spoke.', kind: 'body' }]);
    const mentions = [{ entityId: NAMED.id, run: 0, start: 0, end: 12, surface: 'Choe Son Hui' }];
    const [card] = buildCards({ entities: [NAMED], pageEntityIds: new Set(), sources, mentions, sentences, facts: { roles: [], statements: [], definitions: [] } });
    expect(card?.background[0]).toEqual({ text: 'Promoted to First Vice Foreign Minister.', date: '2019-04', source: 'Taipei Times' });
    expect(cardOn().background[0]?.source).toBe('A column on stalled talks');
  });

  it('splits nothing when the page has no date, or when nothing is later', () => {
    expect(texts(cardOn().background)).toHaveLength(5);
    expect(cardOn().later).toBeUndefined();
    expect(cardOn('2023-01-01').later).toBeUndefined();
  });
});
