// Roles and statements as real prose writes them, through the shipped pipeline (analyzeArticle):
// people the pack lacks, titled by a possessive phrase or an occupation, pronouns checked against
// the gender the page gives, speakers named by their title alone, clauses joined to one verb.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analyze';
import type { Pack } from '../../src/core/types';
import { PEOPLE } from './article-fixture';

const pack: Pack = { id: 'test', version: '1', title: 'Test', language: 'en', sources: [], entities: PEOPLE } as unknown as Pack;

function analyze(...paragraphs: string[]) {
  const a = analyzeArticle(paragraphs.map((text) => ({ text, kind: 'body' as const })), pack, { firstMentionOnly: false });
  const name = (id: string) => a.pageEntities.find((e) => e.id === id)?.name ?? id;
  return {
    people: a.pageEntities.filter((e) => e.type === 'person').map((e) => e.name),
    roles: a.facts.roles.map((r) => [name(r.entityId), r.text]),
    said: a.facts.statements.map((s) => [name(s.entityId), s.text]),
  };
}

describe('people the pack lacks, in real prose', () => {
  it('finds a name after a possessive title phrase and gives the title without its owner', () => {
    const r = analyze("Portugal's labour minister, Teresa Vaz Monteiro, said the offer was final. The union's general secretary, Nuno Almeida, replied that it was not.");
    expect(r.people).toEqual(['Teresa Vaz Monteiro', 'Nuno Almeida']);
    expect(r.roles).toEqual([
      ['Teresa Vaz Monteiro', 'labour minister'],
      ['Nuno Almeida', 'general secretary'],
    ]);
  });

  it('reads a title with its complement and a courtesy title or a bracket around the name', () => {
    const r = analyze('The chairman of the Transport Committee, Sir Alan Pryce (pictured), said on Friday that the timetable had failed passengers.');
    expect(r.roles).toEqual([['Alan Pryce', 'chairman of the Transport Committee']]);
    expect(r.said).toEqual([['Alan Pryce', 'the timetable had failed passengers']]);
  });

  it('reads occupations as roles after the name', () => {
    const r = analyze('Paulo Reis, an economist at a business school, said both sides were stuck. Carla Dinis, a labour lawyer, said courts rarely ruled fast.');
    expect(r.roles).toEqual([
      ['Paulo Reis', 'economist at a business school'],
      ['Carla Dinis', 'labour lawyer'],
    ]);
  });

  it('keeps "Ms. Vaz Monteiro" as the person named in full before', () => {
    const r = analyze("Portugal's labour minister, Teresa Vaz Monteiro, spoke first.", 'Ms. Vaz Monteiro later told a radio station that she would not meet the union again.');
    expect(r.people).toEqual(['Teresa Vaz Monteiro']);
    expect(r.said).toEqual([['Teresa Vaz Monteiro', 'she would not meet the union again']]);
  });
});

describe('statements in real prose', () => {
  it('gives a "she said" to the woman, not to the man named last', () => {
    const r = analyze(
      "Portugal's labour minister, Teresa Vaz Monteiro, spoke first. The union's general secretary, Nuno Almeida, spoke next.",
      'Ms. Vaz Monteiro left early. Mr. Almeida called that a provocation. She said the ministry would go to court.',
    );
    expect(r.said).toContainEqual(['Teresa Vaz Monteiro', 'the ministry would go to court']);
    expect(r.said.filter(([, t]) => t === 'the ministry would go to court')).toHaveLength(1);
  });

  it('gives "the secretary said" to the person with that title named just before', () => {
    const r = analyze(
      "The union's general secretary, Nuno Almeida, spoke on Monday.",
      'The secretary of state for infrastructure, Helena Brandão, met shipping lines. The secretary said the companies had agreed to reroute cargo.',
    );
    expect(r.said).toEqual([['Helena Brandão', 'the companies had agreed to reroute cargo']]);
  });

  it('ends a statement with its quotation when a second verb follows', () => {
    const r = analyze("Portugal's labour minister, Teresa Vaz Monteiro, said the government had offered “everything it could afford” and accused the union of moving the goalposts.");
    expect(r.said).toEqual([['Teresa Vaz Monteiro', 'the government had offered “everything it could afford”']]);
  });

  it('splits two clauses joined to one speech verb, and reads a tag inside the sentence', () => {
    const r = analyze(
      'Helga Sørensen, a former negotiator, said the talks were stuck and that nobody would move first.',
      'Research on new weapons is seldom covered, she added, because states will not agree on its meaning.',
    );
    expect(r.said).toEqual([
      ['Helga Sørensen', 'the talks were stuck'],
      ['Helga Sørensen', 'nobody would move first'],
      ['Helga Sørensen', 'Research on new weapons is seldom covered because states will not agree on its meaning'],
    ]);
  });
});
