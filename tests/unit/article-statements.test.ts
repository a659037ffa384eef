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

  it('an object noun phrase after the verb is not speech', () => {
    const f = factsOf(['[[Okoro|okoro]] complained about the expense of the new terminal.', '[[Brandt|brandt]] described the expense.', '[[Vale|vale]] complained the terminal had cost twice the estimate.']);
    expect(said(f)).toEqual([['vale', 'the terminal had cost twice the estimate']]);
  });
});
