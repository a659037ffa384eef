// The kinds of statement failure seen on held-out news, each with invented sentences: fragments
// taken for speech, statements given to the nearest name rather than the speaker, and relative
// dates left unresolved.
import { describe, expect, it } from 'vitest';
import { extractFacts, findAcronymDefinitions, splitSentences } from '../../src/core/article/index';
import type { ArticleFacts, PackEntity } from '../../src/core/types';
import { marked } from './article-fixture';

const CAST: PackEntity[] = [
  { id: 'vale', type: 'person', name: 'Orla Vale', short: ['Vale'], summary: '' },
  { id: 'brandt', type: 'person', name: 'Tobias Brandt', short: ['Brandt'], summary: '' },
  { id: 'okoro', type: 'person', name: 'Ada Okoro', short: ['Okoro'], summary: '' },
  { id: 'press', type: 'organization', name: 'Harbour Press Agency', aliases: ['HPA'], summary: '' },
  // Places the world packs bring: named in nearly every sentence of international news.
  { id: 'lisbon', type: 'place', name: 'Lisbon', summary: '' },
  { id: 'norway', type: 'place', name: 'Norway', summary: '' },
];

function factsOf(paragraphs: string[], pageDate?: string): ArticleFacts {
  const { runs, mentions } = marked(paragraphs);
  const sentences = splitSentences(runs);
  return extractFacts(sentences, mentions, CAST, findAcronymDefinitions(sentences), { pageDate, runKinds: runs.map((r) => r.kind) });
}
const said = (f: ArticleFacts) => f.statements.map((s) => [s.entityId, s.text]);
const dated = (f: ArticleFacts) => f.statements.map((s) => [s.entityId, s.date, s.dateText]);

describe('fragments are not statements', () => {
  it('a credit to an agency is not what was said', () => {
    const f = factsOf([
      '[[Vale|vale]] said in remarks carried by the [[Harbour Press Agency|press]].',
      '[[Brandt|brandt]] said the ferry would sail again, according to a dispatch by [[HPA|press]].',
    ]);
    expect(said(f)).toEqual([['brandt', 'the ferry would sail again']]);
  });

  it('a programme named after "told" is not what was said', () => {
    const f = factsOf(['[[Vale|vale]] told Channel Nine’s “Morning Harbour Report” on Sunday.', '[[Okoro|okoro]] told Channel Nine’s Sunday Desk.']);
    expect(said(f)).toEqual([]);
  });

  it('a time phrase after "said" is skipped to the clause, or nothing is taken', () => {
    const f = factsOf(['[[Vale|vale]] said Tuesday at a regular news briefing that the port would reopen.', '[[Brandt|brandt]] said Tuesday at a regular news briefing.'], '2022-05-12');
    expect(said(f)).toEqual([['vale', 'the port would reopen']]);
    expect(dated(f)).toEqual([['vale', '2022-05-10', 'Tuesday']]);
  });

  it('a noun phrase that only looks like a clause is not speech (shapes seen in real wire copy)', () => {
    const f = factsOf([
      '[[Harbour Press Agency|press]] on Friday announced its long-awaited move into shipping with a cranes venture set to open in May.',
      '[[Brandt|brandt]] denied the charge and reached a settlement with the port.',
      '[[Vale|vale]] told a news conference in Oslo ferry fares could rise.',
      '"That is the end of it," [[Okoro|okoro]] told reporters who witnessed the vote.',
    ]);
    expect(said(f)).toEqual([['okoro', 'That is the end of it']]);
  });

  it('the object of "told" may be a capitalized modifier and its noun ("told Danish radio the …")', () => {
    const f = factsOf(['[[Vale|vale]] told Danish radio the ferry would sail on time.']);
    expect(said(f)).toEqual([['vale', 'the ferry would sail on time']]);
  });

  it('"told Reuters as he left" takes no statement, and a tag of another speaker at the end is cut', () => {
    const f = factsOf([
      '[[Okoro|okoro]] told Harbour Radio as she left the hall.',
      '[[Vale|vale]] said on Friday that the quay had reopened, the port authority said.',
    ], '2022-05-13');
    expect(said(f)).toEqual([['vale', 'the quay had reopened']]);
  });

  it('an object noun phrase after the verb is not speech', () => {
    const f = factsOf(['[[Okoro|okoro]] complained about the expense of the new terminal.', '[[Brandt|brandt]] described the expense.', '[[Vale|vale]] complained the terminal had cost twice the estimate.']);
    expect(said(f)).toEqual([['vale', 'the terminal had cost twice the estimate']]);
  });
});

describe('a statement goes to its speaker, not to the nearest name', () => {
  it('a name inside a quotation is not the speaker of the quotation before it', () => {
    const f = factsOf(['[[Brandt|brandt]] said the pier was "beyond repair," and that the crews had left. "[[Vale|vale]] told me, \'the pier stays shut,\'" [[Brandt|brandt]] said.']);
    expect(said(f).filter(([id]) => id === 'vale')).toEqual([]);
    expect(said(f)).toContainEqual(['brandt', "Vale told me, 'the pier stays shut,'"]);
  });

  it('a name in the speaker’s appositive after "said X," is not the speaker of the quotation', () => {
    const f = factsOf(['"The quay was never the weak point," said [[Ada Okoro|okoro]], an engineer who advised the [[Harbour Press Agency|press]] for years.']);
    expect(said(f)).toEqual([['okoro', 'The quay was never the weak point']]);
  });

  it('reported speech inside a statement ends where the outer speaker resumes ("and that …")', () => {
    const f = factsOf(['[[Okoro|okoro]] said [[Vale|vale]] had told her the fares were "far too high," and that ridership was falling.']);
    expect(said(f)).toEqual([
      ['okoro', 'Vale had told her the fares were "far too high,"'],
      ['okoro', 'ridership was falling'],
      ['vale', 'the fares were "far too high,"'],
    ]);
  });

  it('a joint letter is said by each signer, not by the one named last', () => {
    const f = factsOf(['In a joint letter, [[Vale|vale]] and her deputy, Minister [[Tobias Brandt|brandt]], wrote that the ferry contract would be cancelled.']);
    expect(said(f).map(([id]) => id).sort()).toEqual(['brandt', 'vale']);
  });

  it('"quoted X as saying" is X speaking, and the last of a list after "of" is not the speaker', () => {
    const f = factsOf([
      'The [[Harbour Press Agency|press]] quoted dock workers as saying the cranes had stopped.',
      'Representatives of [[Orla Vale|vale]], [[Ada Okoro|okoro]] and [[Tobias Brandt|brandt]] said the talks were over.',
      'The Harbour Party (HP) of [[Tobias Brandt|brandt]] said it would join the coalition.',
    ]);
    expect(said(f)).toEqual([]);
  });

  it('"Dockers have criticised X, saying …" is not X speaking', () => {
    const f = factsOf(['Dockers have criticised [[Tobias Brandt|brandt]], the harbour chief, saying he ignored their safety reports.']);
    expect(said(f)).toEqual([]);
  });

  it('a paragraph opening with "she" is not given to the person the paragraph before named last', () => {
    const f = factsOf([
      '[[Ada Okoro|okoro]] has run the port authority since 2015. [[Okoro|okoro]] rebuilt the north quay.',
      'The mayor, [[Tobias Brandt|brandt]], praised the work in a speech.',
      'In March she told the council that the quay would reopen in the summer.',
    ]);
    expect(said(f).filter(([id]) => id === 'brandt')).toEqual([]);
  });

  it('a place after a preposition opening the sentence is not the subject ("In Lisbon she …, saying")', () => {
    const f = factsOf(['In [[Lisbon|lisbon]] she spoke to reporters beside [[Tobias Brandt|brandt]], saying the ferry talks had stalled.']);
    expect(said(f).filter(([id]) => id === 'lisbon' || id === 'brandt')).toEqual([]);
  });

  it('a dateline is not the subject, nor a place that only qualifies a title ("Norwegian" written as "Norway")', () => {
    const f = factsOf(['[[LISBON|lisbon]] — Hours after [[Norway|norway]] Trade Minister [[Orla Vale|vale]] left the talks on Monday saying the quotas were fair, the dockers walked out.']);
    expect(said(f).filter(([id]) => id !== 'vale')).toEqual([]);
  });

  it('the subject of "said" two clauses away is the speaker, not the object of the first verb', () => {
    const f = factsOf(['[[Okoro|okoro]] met [[Brandt|brandt]] on Monday and said the harbour dues would double.'], '2022-05-12');
    expect(said(f).filter(([id]) => id === 'brandt')).toEqual([]);
  });
});

describe('two speakers in one sentence', () => {
  it('the first statement stops where the second speaker’s clause begins, and keeps its date to itself', () => {
    const f = factsOf(['[[Vale|vale]] said on May 2 that the ferry would run again, and the harbour master, [[Tobias Brandt|brandt]], told reporters that the pier was safe.'], '2022-05-12');
    expect(f.statements.map((s) => [s.entityId, s.text, s.date])).toEqual([
      ['vale', 'the ferry would run again', '2022-05-02'],
      ['brandt', 'the pier was safe', undefined],
    ]);
  });
});

describe('the subject of the speech verb, however far the grammar puts it', () => {
  it('a set-off name with its own appositive before the verb', () => {
    const f = factsOf(['[[Vale|vale]] retired in May. Her successor, [[Tobias Brandt|brandt]], a surveyor and former harbour master, has said the breakwater needs rebuilding.']);
    expect(said(f)).toEqual([['brandt', 'the breakwater needs rebuilding']]);
  });

  it('a subject with two verbs joined by "and" ("thanked them and said")', () => {
    const f = factsOf(['The harbour master, [[Tobias Brandt|brandt]], thanked the divers and said the wreck would be lifted in spring.']);
    expect(said(f)).toEqual([['brandt', 'the wreck would be lifted in spring']]);
  });
});

describe('roles a card can show', () => {
  const roles = (f: ArticleFacts) => f.roles.map((r) => [r.entityId, r.text]);

  it('splits two titles joined by "and", drops a qualifier of time, and ignores "her successor"', () => {
    const f = factsOf([
      '[[Vale|vale]] retired in May. Her successor, [[Tobias Brandt|brandt]], an engineer and former port director, has said little.',
      'The port’s director at the time of the flood, [[Ada Okoro|okoro]], kept the logs.',
    ]);
    expect(roles(f)).toEqual([
      ['brandt', 'engineer'],
      ['brandt', 'former port director'],
      ['okoro', 'director'],
    ]);
  });
});

describe('a quotation that goes on', () => {
  it('a quotation standing alone after one speaker’s quotation, in the same paragraph, is that speaker’s', () => {
    const f = factsOf([
      '"We are not moving the ferry," said [[Orla Vale|vale]]. "The timetable stays as it is."',
      '"Nobody asked the crews." The union has called a meeting.',
    ]);
    expect(said(f)).toEqual([
      ['vale', 'We are not moving the ferry'],
      ['vale', 'The timetable stays as it is'],
    ]);
  });
});
