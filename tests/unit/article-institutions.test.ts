// Institutions that speak get a card of their own with what they said; those merely mentioned do not.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analyze';
import { splitSentences } from '../../src/core/article/index';
import { speakingInstitutions } from '../../src/core/article/institutions';
import type { Pack } from '../../src/core/types';
import { PEOPLE } from './article-fixture';

const pack = { id: 'test', version: '1', title: 'Test', language: 'en', sources: [], entities: PEOPLE } as unknown as Pack;
const speaking = (...paragraphs: string[]) => speakingInstitutions(splitSentences(paragraphs.map((text, i) => ({ text, kind: 'body' as const, run: i })))).map((i) => i.name);

describe('speakingInstitutions', () => {
  it('finds seats of government, ministries and courts the grammar shows speaking', () => {
    expect(
      speaking(
        'The White House said on Thursday that the tariff would stay.',
        "Brazil's Foreign Ministry, in a statement, said the envoy had been recalled.",
        'According to the Kremlin, the visit was postponed.',
        '"We will not be rushed," the Constitutional Court said.',
        // Officials speak for the office they work at.
        'Officials at the State Department said the envoy had resigned.',
        "Chile's foreign ministry said it would recall its ambassador, while the embassy stayed open.",
      ),
    ).toEqual(['White House', "Brazil's Foreign Ministry", 'Kremlin', 'Constitutional Court', 'State Department', "Chile's foreign ministry"]);
  });

  it('leaves out institutions only mentioned, or naming a spokesman\'s office', () => {
    expect(
      speaking(
        'The delegation toured the Pentagon on Monday.',
        'A visit to the Blue House was planned, the aide said.',
        'A Peruvian foreign ministry spokesman said the talks were over.',
        'Foreign Ministry spokesman Lars Berg said the talks were over.',
        'She complained about the Supreme Court.',
      ),
    ).toEqual([]);
  });
});

describe('an institution that speaks on the page', () => {
  it('gets an organization card with its dated statement, under the page-<slug> id', () => {
    const a = analyzeArticle(
      [{ text: 'The White House said on Thursday that the tariff on harbour cranes would stay in place.', kind: 'body' }],
      pack,
      { firstMentionOnly: false, pageDate: '2023-02-17' },
    );
    const card = a.cards.find((c) => c.id === 'page-white-house');
    expect(card?.type).toBe('organization');
    expect(card?.fromArticle.statements).toEqual([{ text: 'the tariff on harbour cranes would stay in place', sentence: 0, date: '2023-02-16', dateText: 'Thursday' }]);
  });

  it('is the entity an acronym definition already made, not a second one', () => {
    const a = analyzeArticle(
      [{ text: 'Officials at the Coast Guard Command (CGC) said on Monday that the channel had been cleared.', kind: 'body' }],
      pack,
      { firstMentionOnly: false, pageDate: '2023-02-17' },
    );
    expect(a.pageEntities.map((e) => e.id)).toEqual(['page-cgc']);
    expect(a.facts.statements.map((s) => [s.entityId, s.text])).toEqual([['page-cgc', 'the channel had been cleared']]);
  });

  it('speaks in lower case too, its statement ending where the writer’s "while" begins', () => {
    const a = analyzeArticle([{ text: "Chile's foreign ministry said it would recall its ambassador, while the embassy stayed open.", kind: 'body' }], pack, { firstMentionOnly: false });
    expect(a.facts.statements.map((s) => [s.entityId, s.text])).toEqual([["page-chiles-foreign-ministry", 'it would recall its ambassador']]);
  });

  it('is the pack entity when the pack knows the name', () => {
    const a = analyzeArticle([{ text: 'The Korean Central News Agency said on Friday that the launch had been a success.', kind: 'body' }], pack, { firstMentionOnly: false });
    expect(a.pageEntities.map((e) => e.id)).toEqual([]);
    expect(a.cards.find((c) => c.id === 'kcna')?.fromArticle.statements.map((s) => s.text)).toEqual(['the launch had been a success']);
  });
});
