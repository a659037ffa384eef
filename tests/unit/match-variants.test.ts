import { describe, expect, it } from 'vitest';
import { linked } from './match-fixture';

describe('spelling variants derived from pack names', () => {
  it('accepts hyphenated and spaced romanizations in either case after the hyphen', () => {
    expect(linked('Kim Jong Un, Kim Jong-un and Kim Jong-Un are one man.')).toEqual([
      'Kim Jong Un→kim-jong-un',
      'Kim Jong-un→kim-jong-un',
      'Kim Jong-Un→kim-jong-un',
    ]);
    expect(linked('Choe Son Hui and Choe Son-hui were both printed.')).toEqual([
      'Choe Son Hui→choe-son-hui',
      'Choe Son-hui→choe-son-hui',
    ]);
  });

  it('folds diacritics on both sides: the page may add or drop them', () => {
    // The pack writes "Choe Sŏn-hŭi" and "Kim Chŏng-ŭn"; pages print both ways.
    expect(linked('A note from Choe Sŏn-hŭi arrived.')).toEqual(['Choe Sŏn-hŭi→choe-son-hui']);
    expect(linked('Kim Chong-un in one transcription.')).toEqual(['Kim Chong-un→kim-jong-un']);
    expect(linked('Kim Jŏng Ŭn in another.')).toEqual(['Kim Jŏng Ŭn→kim-jong-un']);
  });

  it('treats straight and curly apostrophes alike, and accepts the name without one', () => {
    expect(linked("The Supreme People's Assembly met.")).toEqual(["Supreme People's Assembly→supreme-peoples-assembly"]);
    expect(linked('The Supreme People’s Assembly met.')).toEqual(['Supreme People’s Assembly→supreme-peoples-assembly']);
    expect(linked('The Workers Party of Korea met.')).toEqual(['Workers Party of Korea→workers-party-of-korea']);
  });

  it('highlights the name, not the possessive', () => {
    expect(linked("Mike Pompeo's remarks and Mike Pompeo’s tone")).toEqual(['Mike Pompeo→mike-pompeo', 'Mike Pompeo→mike-pompeo']);
  });

  it('matches acronym plurals for equipment, inside the highlighted span', () => {
    expect(linked('Two ICBMs and six F-35As were counted.')).toEqual(['ICBMs→icbm', 'F-35As→f-35a']);
  });

  it('accepts a capital at the start of a lower-case term, and a lower-case start of a titled event', () => {
    expect(linked('Intercontinental ballistic missile tests resumed.')).toEqual(['Intercontinental ballistic missile→icbm']);
    expect(linked('Hanoi Summit coverage; the hanoi summit in lower case is not a name.')).toEqual(['Hanoi Summit→hanoi-summit']);
  });

  it('accepts ALL-CAPS headlines for full names but keeps lower-case common words out', () => {
    expect(linked({ runs: [{ text: 'KIM JONG UN VISITS YONGBYON', kind: 'heading' }] })).toEqual([
      'KIM JONG UN→kim-jong-un',
      'YONGBYON→yongbyon',
    ]);
    expect(linked('the pyongyang skyline')).toEqual([]);
    expect(linked('PyongYang')).toEqual([]);
  });

  it('uses explicit pack aliases for spellings no rule derives', () => {
    expect(linked('Inspectors never reached Nyongbyon.')).toEqual(['Nyongbyon→yongbyon']);
  });
});
