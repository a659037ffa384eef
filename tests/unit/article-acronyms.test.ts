import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, isAcronymCandidate } from '../../src/core/article/acronyms';
import { splitSentences } from '../../src/core/article/sentences';

const defs = (text: string) => findAcronymDefinitions(splitSentences([{ text, kind: 'body' }])).map(({ short, long }) => [short, long]);

describe('findAcronymDefinitions', () => {
  it('pairs a long form with the acronym after it, skipping function words and leading articles', () => {
    expect(defs('Delegates of the Supreme People’s Assembly (SPA) met in spring.')).toEqual([['SPA', 'Supreme People’s Assembly']]);
    expect(defs('Inspectors from the International Atomic Energy Agency (IAEA) left.')).toEqual([['IAEA', 'International Atomic Energy Agency']]);
    expect(defs('The Democratic People’s Republic of Korea (DPRK) replied.')).toEqual([['DPRK', 'Democratic People’s Republic of Korea']]);
    expect(defs('It left the Non-Proliferation Treaty (NPT) in 2003.')).toEqual([['NPT', 'Non-Proliferation Treaty']]);
  });

  it('uses letters inside a word and writes plural acronyms in the singular', () => {
    expect(defs('It tested intercontinental ballistic missiles (ICBMs) twice.')).toEqual([['ICBM', 'intercontinental ballistic missiles']]);
  });

  it('reads the reverse order and the "X, or Y" order', () => {
    expect(defs('The KCNA (Korean Central News Agency) carried it.')).toEqual([['KCNA', 'Korean Central News Agency']]);
    expect(defs('The SAC, or State Affairs Commission, met.')).toEqual([['SAC', 'State Affairs Commission']]);
    expect(defs('The State Affairs Commission, or SAC, met.')).toEqual([['SAC', 'State Affairs Commission']]);
  });

  it('rejects parentheses that are not acronyms or do not spell the words before them', () => {
    expect(defs('The summit (2019) was short. Kim (pictured) waved. Senator Cruz (R-Texas) objected.')).toEqual([]);
    expect(defs('Officials said the plan (NATO) would fail.')).toEqual([]);
    expect(isAcronymCandidate('pictured')).toBe(false);
    expect(isAcronymCandidate('R-Texas')).toBe(false);
    expect(isAcronymCandidate('MoU')).toBe(true);
  });

  it('keeps the first definition of each acronym with its sentence index', () => {
    const found = findAcronymDefinitions(
      splitSentences([{ text: 'Nothing here. The Korean People’s Army (KPA) moved. Later the Korean People’s Army (KPA) withdrew.', kind: 'body' }]),
    );
    expect(found).toEqual([{ short: 'KPA', long: 'Korean People’s Army', sentence: 1 }]);
  });
});

describe('findAcronymDefinitions on hostile text', () => {
  it('stays fast when letters repeat in long words', () => {
    const text = `${'a'.repeat(40)} `.repeat(14) + 'zzz (AAAAAAAAAA) and more.';
    const t0 = performance.now();
    expect(defs(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
