// The countries pack builder on real Factbook records (tests/fixtures/world/factbook: eight
// countries cut from the January 2026 snapshot to the sections the builder reads).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCountriesPack } from '../../scripts/pack/world/countries';
import { parseLeader } from '../../scripts/pack/world/factbook-leader';
import { readFactbook } from '../../scripts/pack/world/factbook-read';
import { packProblems } from '../../scripts/pack/world/write';
import type { PackEntity } from '../../src/core/types';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/world/factbook');
const META = { dataDate: '2026-01-22', commit: '8662a8b17a784841ab4528631b04090eb2f183eb' };
const built = buildCountriesPack(readFactbook(FIXTURE), META);
const byName = (name: string): PackEntity => {
  const e = built.pack.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity named ${name}: ${built.pack.entities.map((x) => x.name).join(', ')}`);
  return e;
};
const NO_WORDS = new Set<string>();

describe('a leader read from the Factbook', () => {
  it.each([
    ['President LEE Jae-myung (since 4 June 2025)', 'ks', { title: 'President', name: 'Lee Jae-myung', short: 'Lee', since: '2025-06-04' }],
    ['President PRABOWO Subianto Djojohadikusumo (since 20 October 2024)', 'id', { name: 'Prabowo Subianto', short: 'Prabowo', aliases: ['Prabowo Subianto Djojohadikusumo'] }],
    ['President Vladimir Vladimirovich PUTIN (since 7 May 2012)', 'rs', { name: 'Vladimir Putin', short: 'Putin' }],
    ['State Affairs Commission President KIM Jong Un (since 17 December 2011)', 'kn', { title: 'State Affairs Commission President', name: 'Kim Jong Un', short: 'Kim' }],
    ['President Luiz In&aacute;cio LULA da Silva (since 1 January 2023)', 'br', { name: 'Luiz Inácio Lula da Silva', short: 'Lula' }],
    ['Prime Minister ABIY Ahmed Ali (since April 2018)', 'et', { name: 'Abiy Ahmed', since: '2018-04' }],
    ['President Donald J. TRUMP (since 20 January 2025)', 'us', { name: 'Donald Trump', aliases: ['Donald J. Trump'] }],
  ])('%s → the name a newspaper uses', (text, code, expected) => {
    expect(parseLeader(text, code, NO_WORDS)).toMatchObject(expected);
  });

  it('reads a monarch without a short form, matched with the title too', () => {
    const king = parseLeader('King CHARLES III (since 8 September 2022); represented by Governor General Mary SIMON (since 26 July 2021)', 'ca', NO_WORDS);
    expect(king).toMatchObject({ title: 'King', name: 'Charles III', monarch: true, since: '2022-09-08', aliases: ['King Charles III'] });
    expect(king?.short).toBeUndefined();
  });

  it('names nobody for a vacant office', () => {
    expect(parseLeader('President (vacant)', 'ha', NO_WORDS)).toBeNull();
  });
});

describe('the countries pack', () => {
  it('validates as the build would bundle it, under CC0 with a Factbook page for each country', () => {
    expect(packProblems(built.pack)).toEqual([]);
    expect(built.pack).toMatchObject({ format: 3, id: 'world-countries', license: 'CC0-1.0', asOf: '2026-01-22' });
    expect(built.pack.sources.find((s) => s.id === 'factbook-ks')).toEqual({
      id: 'factbook-ks',
      title: 'South Korea — The World Factbook',
      publisher: 'Central Intelligence Agency, The World Factbook',
      url: 'https://web.archive.org/web/2026/https://www.cia.gov/the-world-factbook/countries/korea-south/',
      date: '2026-01-22',
    });
  });

  it('gives a country its card: what and where, capital, population with its year, and dated facts', () => {
    const korea = byName('South Korea');
    expect(korea.type).toBe('place');
    expect(korea.summary).toBe('A country in Eastern Asia (East and Southeast Asia). Capital: Seoul; population 51.5 million (2025 est.).');
    expect(korea.aliases).toContain('Republic of Korea');
    expect(korea.facts).toContainEqual({ text: 'Chief of state: President Lee Jae-myung, since 4 June 2025.', date: '2025-06-04', source: 'factbook-ks' });
    expect(korea.facts).toContainEqual({ text: 'Population: 51,486,343 (2025 estimate).', date: '2025', source: 'factbook-ks' });
  });

  it("makes the leader a person whose fact names the office and the country (linked both ways)", () => {
    const lee = byName('Lee Jae-myung');
    expect(lee).toMatchObject({ id: 'lee-jae-myung', type: 'person', short: ['Lee'] });
    expect(lee.summary).toBe('President of South Korea since June 2025 (The World Factbook, January 2026).');
    expect(lee.facts).toEqual([{ text: 'President of South Korea (chief of state) since 4 June 2025.', date: '2025-06-04', source: 'factbook-ks' }]);
    const prabowo = byName('Prabowo Subianto');
    expect(prabowo.facts![0]!.text).toBe('President of Indonesia (chief of state and head of government) since 20 October 2024.');
  });

  it('keeps one person for a leader of several places, with the sovereign country first', () => {
    const trump = built.pack.entities.filter((e) => e.name === 'Donald Trump');
    expect(trump).toHaveLength(1);
    expect(trump[0]!.summary).toMatch(/^President of the United States since January 2025; also head of state or government in 1 other country or territory/);
    expect(trump[0]!.facts!.map((f) => f.source).sort()).toEqual(['factbook-gq', 'factbook-us']);
  });

  it('asks for evidence before "Jordan" (also a given name) and before abbreviations such as "US"', () => {
    const jordan = built.pack.entities.find((e) => e.id === 'jordan')!;
    expect(jordan.name).toBe('Hashemite Kingdom of Jordan');
    expect(jordan.ambiguous).toEqual(['Jordan']);
    expect(jordan.context).toEqual(expect.arrayContaining(['Amman', 'Jordanian']));
    const us = byName('United States');
    expect(us.ambiguous).toEqual(expect.arrayContaining(['US', 'USA']));
    expect(us.aliases).toContain('United States of America');
  });

  it('dates a leader the Factbook gives no "since" for by the data date, and says so', () => {
    const madagascar = byName('Madagascar');
    expect(madagascar.facts).toContainEqual({ text: 'Chief of state: Michael Randrianirina, as of January 2026.', date: '2026-01-22', source: 'factbook-ma' });
  });
});
