import { describe, expect, it } from 'vitest';
import { ENTITIES, hitsOf, linked } from './match-fixture';

describe('acronyms', () => {
  it('are case-sensitive and word-bounded', () => {
    expect(hitsOf('The KCNA report; kcna in lower case; Kcna; KCNAS; SKCNA.')).toEqual(['KCNA→kcna']);
    expect(linked('Pyongyang said the SPA would meet, not at a spa in SPAIN.')).toEqual([
      'Pyongyang→pyongyang',
      'SPA→supreme-peoples-assembly',
    ]);
  });

  it('have no plural for a single body ("SPAs" is never the assembly)', () => {
    expect(hitsOf('Pyongyang hosted the SPA; web teams ship SPAs.')).toEqual(['Pyongyang→pyongyang', 'SPA→supreme-peoples-assembly']);
  });
});

describe('ambiguous aliases need evidence on the page', () => {
  it('stay plain without any evidence', () => {
    expect(linked('Our SPA bundle loads fast.')).toEqual([]);
    expect(linked('Put the web server in the DMZ of the office network.')).toEqual([]);
  });

  it('link with the page’s own definition, in either order', () => {
    const definitions = [{ short: 'SPA', long: 'Supreme People’s Assembly' }];
    expect(linked({ runs: ['The Supreme People’s Assembly (SPA) convened. Later the SPA voted.'], definitions })).toEqual([
      'Supreme People’s Assembly→supreme-peoples-assembly',
      'SPA→supreme-peoples-assembly',
      'SPA→supreme-peoples-assembly',
    ]);
    const reversed = [{ short: 'SPA', long: 'Supreme Peoples Assembly' }];
    expect(linked({ runs: ['The SPA (Supreme Peoples Assembly) convened.'], definitions: reversed })).toEqual([
      'SPA→supreme-peoples-assembly',
      'Supreme Peoples Assembly→supreme-peoples-assembly',
    ]);
  });

  it('link with a context word anywhere on the page', () => {
    expect(linked({ runs: ['The DMZ was quiet.', 'Soldiers at Panmunjom waved.'] })).toEqual(['DMZ→dmz']);
    expect(linked('North Korean delegates of the SPA arrived.')).toEqual(['SPA→supreme-peoples-assembly']);
  });

  it('never link when the page defines the acronym as something else, whatever the context', () => {
    const definitions = [{ short: 'SPA', long: 'single-page application' }];
    const runs = ['A single-page application (SPA) for a Pyongyang tour operator.', 'The SPA loads once.'];
    expect(linked({ runs, definitions })).toEqual(['Pyongyang→pyongyang']);
  });

  it('treat an expansion that is only part of the name as no evidence either way', () => {
    // A network "demilitarized zone (DMZ)" is not the Korean one; a Korea page's is.
    const definitions = [{ short: 'DMZ', long: 'demilitarized zone' }];
    expect(linked({ runs: ['Put servers in a demilitarized zone (DMZ). The DMZ is a subnet.'], definitions })).toEqual([]);
    expect(linked({ runs: ['Troops left the Demilitarized Zone (DMZ) near Panmunjom.'], definitions })).toEqual(['DMZ→dmz']);
  });

  it('apply a contrary definition to plain acronyms too', () => {
    const definitions = [{ short: 'KCNA', long: 'Kansas City Nursing Alliance' }];
    expect(linked({ runs: ['The Kansas City Nursing Alliance (KCNA) met.'], definitions })).toEqual([]);
  });

  it('link when the entity’s full name is on the page, even later', () => {
    expect(linked('The SPA rubber-stamped it, as the Supreme People’s Assembly always does.')).toEqual([
      'SPA→supreme-peoples-assembly',
      'Supreme People’s Assembly→supreme-peoples-assembly',
    ]);
  });

  it('find context words whatever apostrophe the page prints', () => {
    const entities = [
      { id: 'kpa', type: 'organization' as const, name: 'Korean People’s Army', ambiguous: ['KPA'], context: ["People's Army"], summary: '' },
    ];
    expect(linked({ runs: ['The KPA drilled, said the People’s Army daily.'], entities })).toEqual(['KPA→kpa']);
    expect(linked({ runs: ['The KPA drilled.'], entities })).toEqual([]);
  });

  it('link ambiguous phrases the same way', () => {
    expect(linked('The working-level talks stalled.')).toEqual([]);
    expect(linked('North Korea let the working-level talks stall. Working-level talks may resume.')).toEqual([
      'working-level talks→working-level-talks',
      'Working-level talks→working-level-talks',
    ]);
  });
});

describe('a definition that only restates an ambiguous phrasing', () => {
  const entities = ENTITIES.map((x) =>
    x.id === 'dmz' ? { ...x, ambiguous: ['DMZ', 'demilitarized zone', 'Demilitarized Zone'] } : x,
  );
  const definitions = [{ short: 'DMZ', long: 'demilitarized zone' }];

  it('is no evidence: a network "demilitarized zone (DMZ)" stays plain', () => {
    const runs = ['A demilitarized zone (DMZ) is a subnet between the internet and the LAN. Keep the DMZ small.'];
    expect(linked({ runs, definitions, entities })).toEqual([]);
  });

  it('leaves the decision to context words on a Korea page', () => {
    const runs = ['The Demilitarized Zone (DMZ) divides Korea. Guards patrol the DMZ near Panmunjom.'];
    expect(linked({ runs, definitions: [{ short: 'DMZ', long: 'Demilitarized Zone' }], entities })).toEqual([
      'Demilitarized Zone→dmz',
      'DMZ→dmz',
      'DMZ→dmz',
    ]);
  });
});
