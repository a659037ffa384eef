import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, extractFacts, splitSentences } from '../../src/core/article/index';
import type { ArticleFacts } from '../../src/core/types';
import { marked, PEOPLE } from './article-fixture';

function factsOf(paragraphs: Parameters<typeof marked>[0], pageDate?: string): ArticleFacts {
  const { runs, mentions } = marked(paragraphs);
  const sentences = splitSentences(runs);
  return extractFacts(sentences, mentions, PEOPLE, findAcronymDefinitions(sentences), { pageDate, runKinds: runs.map((r) => r.kind) });
}
const roles = (f: ArticleFacts) => f.roles.map((r) => [r.entityId, r.text]);
const said = (f: ArticleFacts) => f.statements.map((s) => [s.entityId, s.text, s.date, s.dateText]);

describe('roles', () => {
  it('reads a title written before the name, keeping the longest and dropping its shorter copies', () => {
    const f = factsOf([
      'Pyongyang’s First Vice Foreign Minister [[Choe Son Hui|choe-son-hui]] criticized US Secretary of State [[Mike Pompeo|mike-pompeo]] this week.',
      'Minister [[Choe|choe-son-hui]] spoke first.',
    ]);
    expect(roles(f)).toEqual([
      ['choe-son-hui', 'Pyongyang’s First Vice Foreign Minister'],
      ['mike-pompeo', 'US Secretary of State'],
    ]);
  });

  it('reads appositives after and before the name, "who is" and "is the", without the article', () => {
    const f = factsOf([
      '[[Kim Jong Un|kim-jong-un]], the North Korean leader, arrived late.',
      'Seoul sent its top official, [[Moon Jae-in|moon-jae-in]], to the border.',
      '[[Choe|choe-son-hui]], who is a veteran negotiator, stayed home.',
      '[[Trump|donald-trump]] is the US president.',
    ]);
    expect(roles(f)).toEqual([
      ['kim-jong-un', 'North Korean leader'],
      ['moon-jae-in', 'top official'],
      ['choe-son-hui', 'veteran negotiator'],
      ['donald-trump', 'US president'],
    ]);
  });

  it('gives no role from a list, a clause or a title that belongs to the next person', () => {
    const f = factsOf([
      '[[Kim Jong Un|kim-jong-un]], [[Donald Trump|donald-trump]] and [[Moon Jae-in|moon-jae-in]] shook hands.',
      '[[Choe|choe-son-hui]], who was promoted in April, spoke.',
      'A spokesman for President [[Moon Jae-in|moon-jae-in]] declined to comment.',
      'When [[Trump|donald-trump]] left, nobody spoke.',
    ]);
    expect(roles(f)).toEqual([['moon-jae-in', 'President']]);
  });
});

describe('statements', () => {
  it('reads "X said on <date> that …" with the date normalized from the page date', () => {
    const f = factsOf(['The diplomat [[Choe|choe-son-hui]] declared on August 31 that the mood for talks had soured badly.'], '2019-09-03');
    expect(said(f)).toEqual([['choe-son-hui', 'the mood for talks had soured badly', '2019-08-31', 'August 31']]);
  });

  it('reads a quotation before the speaker, in both word orders, across sentences of the quote', () => {
    const f = factsOf([
      '“We have waited long enough. Our patience is gone,” [[Choe|choe-son-hui]] told reporters on Saturday.',
      '“The offer stands,” said US Secretary of State [[Mike Pompeo|mike-pompeo]].',
    ], '2019-09-03');
    expect(said(f)).toEqual([
      ['choe-son-hui', 'We have waited long enough. Our patience is gone', '2019-08-31', 'Saturday'],
      ['mike-pompeo', 'The offer stands', undefined, undefined],
    ]);
  });

  it('reads a quotation in the next paragraph after "said … that:", and a possessive "statement that"', () => {
    const f = factsOf([
      '[[Choe|choe-son-hui]] said in April that:',
      '“Dialogue is slipping away from us.”',
      '[[Pompeo|mike-pompeo]]’s recent comment that “their conduct cannot be overlooked” angered the North.',
      'Critics mocked [[Trump|donald-trump]]’s remark, made at a rally, that the talks were going well.',
    ], '2019-09-03');
    expect(said(f)).toEqual([
      ['choe-son-hui', 'Dialogue is slipping away from us', '2019-04', 'April'],
      ['mike-pompeo', 'their conduct cannot be overlooked', undefined, undefined],
      ['donald-trump', 'the talks were going well', undefined, undefined],
    ]);
  });

  it('resolves he/she to the person the previous sentence names, and reads ", saying …"', () => {
    const f = factsOf([
      '[[Choe|choe-son-hui]] met envoys in Stockholm.',
      'She warned that the North might rethink its pause on testing.',
      '[[Moon|moon-jae-in]] welcomed the speech on January 2, saying it showed a sincere wish for peace.',
    ], '2019-01-05');
    expect(said(f)).toEqual([
      ['choe-son-hui', 'the North might rethink its pause on testing', undefined, undefined],
      ['moon-jae-in', 'it showed a sincere wish for peace', '2019-01-02', 'January 2'],
    ]);
  });

  it('takes nothing from participles, headlines or prepositional phrases; an unplaceable weekday stays as written', () => {
    const f = factsOf([
      { heading: '[[Trump|donald-trump]] says the deal is dead' },
      'The talks promised by [[Trump|donald-trump]] at the border never happened.',
      'An aide to [[Moon|moon-jae-in]] said the plan was still alive.',
      '[[Pompeo|mike-pompeo]] said on Saturday that talks would resume soon.',
    ]);
    expect(said(f)).toEqual([['mike-pompeo', 'talks would resume soon', undefined, 'Saturday']]);
  });
});
