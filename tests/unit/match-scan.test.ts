// Where the scanner looks for names: the prefilter reports ASCII starts of forms and non-ASCII
// units, and every name the page prints must still be found, in document order. Node 20 has no
// regex modifiers, so this runs the case-insensitive fallback; tests/e2e/matcher-engine.test.ts
// checks the case-sensitive first letter in Chromium.
import { describe, expect, it } from 'vitest';
import { buildIndex, type CompiledIndex } from '../../src/core/match/compile';
import { SurfaceLookup } from '../../src/core/match/lookup';
import { findMatches } from '../../src/core/match/scan';
import type { PackEntity, RunKind } from '../../src/core/types';
import { SCAN_ENTITIES, SCAN_TEXTS } from './scan-texts';
import { hitsOf, linked } from './match-fixture';

const e = (x: Omit<PackEntity, 'summary'>): PackEntity => ({ summary: '', ...x });

describe('scanner candidates', () => {
  it('finds names whose first letters are printed with accents, in any case, or after a curly apostrophe', () => {
    const entities = [
      e({ id: 'emile', type: 'person', name: 'Emile Zola' }),
      e({ id: 'obrien', type: 'person', name: "Robert O'Brien" }),
      e({ id: 'oslo', type: 'place', name: 'Oslo' }),
    ];
    const runs = ['Émile Zola wrote; ÉMILE ZOLA in a headline style; Robert O’Brien spoke; in ‘Oslo’ too.'];
    expect(hitsOf({ runs, entities })).toEqual(['Émile Zola→emile', 'ÉMILE ZOLA→emile', 'Robert O’Brien→obrien', 'Oslo→oslo']);
  });

  it('finds a name after an underscore or non-ASCII punctuation, never inside a word', () => {
    expect(linked('tag_Pyongyang, «Pyongyang», but not NorthPyongyang, 平Pyongyang or Pyongyangese.')).toEqual([
      'Pyongyang→pyongyang',
      'Pyongyang→pyongyang',
    ]);
  });

  it('finds a name right after an underscore that follows non-ASCII punctuation', () => {
    expect(linked('Filed as «_Pyongyang» and «_DPRK».')).toEqual(['Pyongyang→pyongyang', 'DPRK→dprk']);
  });

  it('prefers the longer name that starts earlier when its accented letters come after a shorter one', () => {
    // "Choe Sŏn-hŭi" starts before "Sŏn"; its first non-ASCII letter comes after where "Son" starts.
    const entities = [
      e({ id: 'son', type: 'place', name: 'Son' }),
      e({ id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui' }),
      e({ id: 'ri-son', type: 'person', name: 'Ri Sŏn Gwon' }),
    ];
    expect(hitsOf({ runs: ['Ri Sŏn Gwon met Choe Sŏn-hŭi in Son.'], entities })).toEqual([
      'Ri Sŏn Gwon→ri-son',
      'Choe Sŏn-hŭi→choe-son-hui',
      'Son→son',
    ]);
  });

  it('finds forms that start with a non-ASCII letter or hold general punctuation', () => {
    const entities = [
      e({ id: 'seoul', type: 'place', name: '서울', aliases: ['Seoul'] }),
      e({ id: 'ab', type: 'organization', name: 'A–B Group' }),
    ];
    expect(hitsOf({ runs: ['In 서울 (Seoul), the A–B Group met.'], entities })).toEqual(['서울→seoul', 'Seoul→seoul', 'A–B Group→ab']);
  });

  it('finds every mention in a long run, the same with a pack too big for the prefilter', () => {
    const small = [e({ id: 'pompeo', type: 'person', name: 'Mike Pompeo' })];
    // Distinct first letters, so the prefilter's source would be too long.
    const many = [...small, ...Array.from({ length: 12_000 }, (_, i) => e({ id: `x${i}`, type: 'term', name: `Q${(i * 7919).toString(36)} Unit` }))];
    expect(buildIndex(many).prefilter).toBeNull();
    expect(buildIndex(small).prefilter).not.toBeNull();
    const text = 'Mike Pompeo said. '.repeat(200) + 'MIKE POMPEO.';
    expect(hitsOf({ runs: [text], entities: small })).toHaveLength(201);
    expect(hitsOf({ runs: [text], entities: many })).toHaveLength(201);
  });
});

describe('scanner candidates, in this engine', () => {
  it('the prefilter finds exactly the matches of the plain walk over every position', () => {
    const index = buildIndex(SCAN_ENTITIES);
    const lookup = new SurfaceLookup(index);
    const plain = { ...index, prefilter: null };
    const spans = (ix: CompiledIndex, text: string, kind: RunKind) => findMatches(ix, lookup, { text, kind }).map((m) => `${m.start}:${m.end}`);
    let withNames = 0;
    for (const text of SCAN_TEXTS) {
      for (const kind of ['body', 'heading'] as const) {
        const expected = spans(plain, text, kind);
        expect(spans(index, text, kind), `${kind}: ${text}`).toEqual(expected);
        if (expected.length > 0) withNames++;
      }
    }
    expect(withNames).toBeGreaterThan(300);
  });
});
