import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, mentionsFromHits } from '../../src/core/match/index';
import { ENTITIES, hitsOf, scan } from './match-fixture';

describe('first mention only', () => {
  it('hides later mentions but still resolves and counts them', () => {
    const options = { firstMentionOnly: true };
    const runs = ['Mike Pompeo flew in. Pompeo met Kim Jong Un.', 'Pompeo left; Kim Jong Un stayed.'];
    expect(hitsOf({ runs, options })).toEqual([
      'Mike Pompeo→mike-pompeo',
      'Pompeo→mike-pompeo(hidden)',
      'Kim Jong Un→kim-jong-un',
      'Pompeo→mike-pompeo(hidden)',
      'Kim Jong Un→kim-jong-un(hidden)',
    ]);
    expect(mentionsFromHits(scan({ runs, options })).length).toBe(5);
  });

  it('shows the first mention that is actually linked, not an unlinked short form before it', () => {
    const runs = ['Pompeo spoke. Mike Pompeo spoke. Pompeo spoke.'];
    expect(hitsOf({ runs, options: { firstMentionOnly: true } })).toEqual([
      'Pompeo→∅',
      'Mike Pompeo→mike-pompeo',
      'Pompeo→mike-pompeo(hidden)',
    ]);
  });
});

describe('entity types', () => {
  it('hides mentions of types the reader turned off', () => {
    expect(hitsOf({ runs: ['Kim Jong Un visited Yongbyon.'], options: { types: ['place'] } })).toEqual([
      'Kim Jong Un→kim-jong-un(hidden)',
      'Yongbyon→yongbyon',
    ]);
  });
});

describe('the highlighter contract', () => {
  const alphabet = ['Kim', ' Jong', '-un', ' Un', 'Choe', ' Son', ' Hui', 'SPA', 's', 'ICBM', 'Pompeo', '’s', "'", ' ', '\u00A0', '\n', '.', 'x', 'Trump', 'ism', 'F-35A', 'Sŏn', '(', ')'];
  const text = fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((parts) => parts.join(''));

  it('returns, per run, exactly the matches of a fresh copy of the regex, in order, none empty', () => {
    const matcher = compileMatcher(ENTITIES);
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (runs) => {
        const hits = scan({ runs });
        runs.forEach((run, i) => {
          const re = new RegExp(matcher.regex.source, matcher.regex.flags);
          const expected = [...run.matchAll(re)].map((m) => [m.index, m.index + m[0].length, m[0]]);
          expect(hits[i]!.map((h) => [h.start, h.end, h.surface])).toEqual(expected);
          for (const h of hits[i]!) expect(h.end).toBeGreaterThan(h.start);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('compiles a global, case-sensitive, unicode regex', () => {
    const { regex } = compileMatcher(ENTITIES);
    expect(regex.global && regex.unicode && !regex.ignoreCase).toBe(true);
  });

  it('reuses the compiled matcher for the same pack content', () => {
    const a = compileMatcher(ENTITIES);
    expect(compileMatcher([...ENTITIES])).toBe(a);
    const other = compileMatcher([...ENTITIES, { id: 'x', type: 'term', name: 'Xylo', summary: '' }]);
    expect(other).not.toBe(a);
    expect(hitsOf({ runs: ['Xylo'], entities: [...ENTITIES, { id: 'x', type: 'term', name: 'Xylo', summary: '' }] })).toEqual(['Xylo→x']);
  });

  it('handles a pack with no names', () => {
    expect(hitsOf({ runs: ['Anything at all.'], entities: [] })).toEqual([]);
  });
});
