import { describe, expect, it } from 'vitest';
import type { PackEntity } from '../../src/core/types';
import { hitsOf, linked } from './match-fixture';

describe('longest match wins', () => {
  it('prefers the full name over a short form or a shorter name inside it', () => {
    expect(hitsOf('Kim Jong Un spoke; then Kim listened.')).toEqual(['Kim Jong Un→kim-jong-un', 'Kim→kim-jong-un']);
    expect(hitsOf('Delegates of the Supreme People’s Assembly gathered.')).toEqual([
      'Supreme People’s Assembly→supreme-peoples-assembly',
    ]);
    expect(hitsOf('After the Hanoi summit, nothing moved.')).toEqual(['Hanoi summit→hanoi-summit']);
  });

  it('falls back to the shorter form when a longer one breaks off mid-word', () => {
    // "Kim Jong" starts the full name but "Jongsu" is another word: only "Kim" is a candidate.
    expect(hitsOf('Kim Jong Un arrived. Kim Jongsu did not.')).toEqual(['Kim Jong Un→kim-jong-un', 'Kim→∅']);
  });
});

describe('short names', () => {
  it('link only after the full name appeared earlier on the page', () => {
    expect(linked('Pompeo spoke first. Mike Pompeo is the secretary. Pompeo spoke again.')).toEqual([
      'Mike Pompeo→mike-pompeo',
      'Pompeo→mike-pompeo',
    ]);
  });

  it('count full names from earlier runs, not later ones', () => {
    expect(linked({ runs: ['Choe was quoted.', 'Choe Son Hui issued a statement.', 'Choe’s words were sharp.'] })).toEqual([
      'Choe Son Hui→choe-son-hui',
      'Choe→choe-son-hui',
    ]);
  });

  it('resolve through titles and highlight only the name', () => {
    const text = 'Donald Trump and Mike Pompeo met Choe Son Hui. President Trump, Secretary Pompeo and Minister Choe talked.';
    expect(linked(text).slice(3)).toEqual(['Trump→donald-trump', 'Pompeo→mike-pompeo', 'Choe→choe-son-hui']);
  });

  it('link an ambiguous surname only when exactly one of its bearers was named in full', () => {
    expect(linked('Kim Jong Un watched. Kim smiled.')).toEqual(['Kim Jong Un→kim-jong-un', 'Kim→kim-jong-un']);
    expect(linked('Kim Jong Un and Kim Yo Jong watched. Kim smiled.')).toEqual(['Kim Jong Un→kim-jong-un', 'Kim Yo Jong→kim-yo-jong']);
  });

  it('stay plain when the surname belongs to someone else named on the page', () => {
    // Another Choe, named in full, makes a later bare "Choe" ambiguous.
    expect(linked('Choe Son Hui spoke. Choe Ryong Hae listened. Choe nodded.')).toEqual(['Choe Son Hui→choe-son-hui']);
    expect(linked('Donald Trump spoke. Kim Kardashian posted a photo.')).toEqual(['Donald Trump→donald-trump']);
    expect(linked('Donald Trump spoke. A deal for Trump Tower was signed. Trump said it was fine.')).toEqual([
      'Donald Trump→donald-trump',
      'Trump→donald-trump',
    ]);
    expect(linked('Donald Trump spoke. His daughter, Ivanka Trump, flew in.')).toEqual(['Donald Trump→donald-trump']);
  });

  it('stay linked after a sentence-opening word, which is not a given name', () => {
    expect(linked('Choe Son Hui spoke. Whether Choe attends is unclear. When Choe spoke, all listened.')).toEqual([
      'Choe Son Hui→choe-son-hui',
      'Choe→choe-son-hui',
      'Choe→choe-son-hui',
    ]);
    // A capitalized word the page also prints in lower case is an ordinary word, not a first name.
    expect(linked('Mike Pompeo left. Tired Pompeo slept; he was tired.')).toEqual(['Mike Pompeo→mike-pompeo', 'Pompeo→mike-pompeo']);
  });

  it('keep lower-case words and all-caps body text plain', () => {
    expect(linked('Donald Trump played his trump card under the moon.')).toEqual(['Donald Trump→donald-trump']);
  });
});

describe('full names inside other names', () => {
  it('do not name the person when they name a place, an institution or a son', () => {
    expect(linked('Tanks rolled across Kim Jong Un Square. Kim Jong Un watched. Kim waved.')).toEqual([
      'Kim Jong Un→kim-jong-un',
      'Kim→kim-jong-un',
    ]);
    expect(linked('Donald Trump Jr. gave the tour.')).toEqual([]);
  });

  it('do not count as the full name that makes a surname ambiguous', () => {
    // A square named after Kim Yo Jong must not make "Kim" ambiguous between the two.
    expect(linked('Kim Jong Un spoke at Kim Yo Jong Square. Kim left.')).toEqual(['Kim Jong Un→kim-jong-un', 'Kim→kim-jong-un']);
  });
});

describe('word boundaries and runs', () => {
  it('never match inside a word, but allow punctuation around the name', () => {
    expect(linked('Donald Trump spoke. Trumpism and anti-Trump slogans; Trump’s aides; (Trump)')).toEqual([
      'Donald Trump→donald-trump',
      'Trump→donald-trump',
      'Trump→donald-trump',
      'Trump→donald-trump',
    ]);
    expect(linked('The DPRK-U.S. statement')).toEqual(['DPRK→dprk']);
    expect(linked('KCNA2 and XKCNA are not KCNA.')).toEqual(['KCNA→kcna']);
  });

  it('join name words across a space or NBSP, never across a newline or two runs', () => {
    expect(linked('Kim\u00A0Jong\u00A0Un and Kim Jong\u00A0Un')).toEqual(['Kim\u00A0Jong\u00A0Un→kim-jong-un', 'Kim Jong\u00A0Un→kim-jong-un']);
    expect(hitsOf('Kim\nJong Un')).toEqual(['Kim→∅']);
    expect(hitsOf({ runs: ['Kim', 'Jong Un'] })).toEqual(['Kim→∅']);
  });
});

describe('well-known short names', () => {
  const trump: PackEntity = { id: 'donald-trump', type: 'person', name: 'Donald Trump', short: ['Trump'], wellKnown: ['Trump'], context: ['White House', 'North Korea'], summary: '' };
  const ivanka: PackEntity = { id: 'page-ivanka-trump', type: 'person', name: 'Ivanka Trump', short: ['Trump'], summary: '' };
  const only = (runs: string[], entities: PackEntity[] = [trump]) => linked({ runs, entities });

  it('link without the full name on a page that carries one of the context words', () => {
    expect(only(['The White House said Mr. Trump would travel.', 'Trump left on Monday.'])).toEqual(['Trump→donald-trump', 'Trump→donald-trump']);
    expect(only(['# Trump heads to North Korea'])).toEqual(['Trump→donald-trump']);
  });

  it('stay unlinked on a page without context: Trump Tower, a golf resort', () => {
    expect(only(['Condos in Trump Tower are for sale, and Mr. Trump is said to be pleased.'])).toEqual([]);
    expect(only(['Trump signs still stand at the entrance of the resort.'])).toEqual([]);
  });

  it('give way to another bearer of the name named on the page, and to a given name before it', () => {
    expect(only(['The White House said his daughter Ivanka Trump would attend. Trump stayed home.'], [trump, ivanka])).toEqual([
      'Ivanka Trump→page-ivanka-trump',
      'Trump→page-ivanka-trump',
    ]);
    expect(only(['At the White House, Ivanka Trump spoke.'])).toEqual([]);
  });

  it('are only a licence for short forms: an entity without the field still needs its full name', () => {
    expect(only(['The White House said Mr. Trump would travel.'], [{ ...trump, wellKnown: [] }])).toEqual([]);
  });
});
