// The leaders-2021, organizations and US Congress builders on records cut from their real sources
// (tests/fixtures/world/<source>/), with the Factbook fixture for the people they share.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCountriesPack } from '../../scripts/pack/world/countries';
import { readFactbook } from '../../scripts/pack/world/factbook-read';
import { buildOrganizationsPack, readSupraverden } from '../../scripts/pack/world/supraverden';
import { buildCongressPack, readCongress } from '../../scripts/pack/world/us-congress';
import { buildLeadersPack, parseCsv, readLeaders } from '../../scripts/pack/world/wikidata-leaders';
import { packProblems } from '../../scripts/pack/world/write';
import type { Pack, PackEntity } from '../../src/core/types';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/world');
const countries = () => buildCountriesPack(readFactbook(`${FIXTURES}/factbook`), { dataDate: '2026-01-22', commit: '8662a8b17a784841ab4528631b04090eb2f183eb' });
const named = (pack: Pack, name: string): PackEntity | undefined => pack.entities.find((e) => e.name === name);

describe('leaders of 2021–2022 (Wikidata)', () => {
  const note = { repository: 'github.com/every-politician-scrapers/world-leaders-2021', commit: 'be7039cf5952d8121c4f1e24eea64cc5dd465633', dataDate: '2022-10-09', license: 'CC0-1.0' };
  const fb = countries();
  const { pack, merged } = buildLeadersPack(readLeaders(`${FIXTURES}/wikidata-leaders`), note, fb.persons, fb.pack);

  it('makes a person with office and years, citing the Wikidata item', () => {
    expect(packProblems(pack)).toEqual([]);
    const moon = named(pack, 'Moon Jae-in')!;
    expect(moon.facts).toEqual([{ text: 'President of South Korea from 2017 to 2022 (Wikidata).', date: '2017', source: 'wikidata-q21001' }]);
    expect(pack.sources.find((s) => s.id === 'wikidata-q21001')).toMatchObject({ url: 'https://www.wikidata.org/wiki/Q21001', publisher: 'Wikidata', date: '2022-10-09' });
    expect(named(pack, 'Joko Widodo')?.summary).toBe('President of Indonesia (since 2014), according to Wikidata (October 2022).');
  });

  it("adds a leader the Factbook also has to the Factbook's person instead of a second entity", () => {
    expect(merged).toBe(2); // Emmanuel Macron and Charles III
    expect(named(pack, 'Emmanuel Macron')).toBeUndefined();
    const macron = named(fb.pack, 'Emmanuel Macron')!;
    expect(macron.facts!.map((f) => f.text)).toContain('President of the French Republic since 2017, still in office when Wikidata was queried in October 2022 (Wikidata).');
    expect(fb.pack.sources.map((s) => s.id)).toContain('wikidata-q3052772');
  });

  it("takes Wikidata's label as the merged person's name when the Factbook's order of names only allowed a guess", () => {
    const { pack: countriesPack, persons } = countries();
    const rows = [{ country: 'Turkey', position: 'Q1', positionLabel: 'President of Turkey', officeholder: 'Q39259', name: 'Recep Tayyip Erdoğan', start: '2014' }];
    const erdogan = { id: 'recep-erdogan', type: 'person' as const, name: 'Recep Erdogan', aliases: ['Recep Tayyip Erdogan'], summary: 'x', facts: [] };
    persons.set('recep tayyip erdogan', erdogan);
    countriesPack.entities.push(erdogan);
    buildLeadersPack(rows, note, persons, countriesPack);
    expect(erdogan).toMatchObject({ id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', aliases: ['Recep Erdogan'] });
  });

  it('reads quoted CSV fields with commas and quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });
});

describe('international organizations (Supraverden)', () => {
  const note = { repository: 'github.com/confirmordeny/supraverden', commit: '59ab4fa0f92f3c75bb45e230908e612f15e8dbdf', dataDate: '2026-06-24', license: 'CC-BY-SA-4.0' };
  const { pack } = buildOrganizationsPack(readSupraverden(`${FIXTURES}/supraverden`), note);

  it('keeps the source licence and its credit', () => {
    expect(packProblems(pack)).toEqual([]);
    expect(pack).toMatchObject({ license: 'CC-BY-SA-4.0', credit: 'Supraverden (Confirmordeny)' });
  });

  it('makes a distinctive abbreviation an alias, with the founding year and headquarters', () => {
    const nato = named(pack, 'North Atlantic Treaty Organisation')!;
    expect(nato.aliases).toEqual(['NATO', 'North Atlantic Treaty Organization']);
    expect(nato.facts).toContainEqual({ text: 'Established in 1949.', date: '1949', source: 'supraverden-sprvd0232360' });
    expect(pack.sources.find((s) => s.id === 'supraverden-sprvd0232360')?.url).toBe('https://nato.int');
    expect(named(pack, 'Association of Southeast Asian Nations')?.aliases).toEqual(['ASEAN']);
  });

  it('asks for evidence before an abbreviation that is a word ("WHO") or two letters ("EU")', () => {
    const who = named(pack, 'World Health Organization')!;
    expect(who.ambiguous).toEqual(['WHO']);
    expect(who.context).toEqual(expect.arrayContaining(['World Health Organization', 'Geneva']));
    expect(who.summary).toBe('UN specialized agency, established in 1948. Headquarters: Geneva, Switzerland.');
    expect(named(pack, 'European Union')?.ambiguous).toEqual(['EU']);
  });
});

describe('US Congress', () => {
  const note = { repository: 'github.com/unitedstates/congress-legislators', commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb', dataDate: '2026-06-15', license: 'CC0-1.0' };
  const fb = countries();
  const { pack, merged } = buildCongressPack(readCongress(`${FIXTURES}/us-congress`), note, fb.persons, fb.pack);

  it('gives a member chamber, state, party and term dates, citing the Biographical Directory', () => {
    expect(packProblems(pack)).toEqual([]);
    const cantwell = named(pack, 'Maria Cantwell')!;
    expect(cantwell.summary).toBe('US senator for Washington (Democrat) since 2001.');
    expect(cantwell.facts![0]).toEqual({ text: 'US senator for Washington (Democrat); current term 3 January 2025 to 3 January 2031.', date: '2025-01-03', source: 'bioguide-c000127' });
    expect(cantwell.facts).toContainEqual({ text: 'Earlier a member of the House of Representatives, first from 5 January 1993.', date: '1993-01-05', source: 'bioguide-c000127' });
    expect(pack.sources.find((s) => s.id === 'bioguide-c000127')?.url).toBe('https://bioguide.congress.gov/search/bio/C000127');
    expect(named(pack, 'Alexandria Ocasio-Cortez')?.summary).toBe("US representative for New York's 14th district (Democrat) since 2019.");
  });

  it("puts the president's terms on the Factbook's person, and keeps the vice president here", () => {
    expect(merged).toBe(1);
    const trump = named(fb.pack, 'Donald Trump')!;
    expect(trump.facts!.map((f) => f.text)).toContain('President of the United States from 20 January 2017 to 20 January 2021 (Republican).');
    expect(named(pack, 'J.D. Vance')).toMatchObject({ aliases: ['James David Vance', 'JD Vance'], short: ['Vance'] });
  });
});
