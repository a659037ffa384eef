// Reads the World Factbook: either a raw snapshot of github.com/factbook/factbook.json (one JSON per
// country under a region folder, 11 MB) or the project's trimmed copy
// (scripts/pack/sources/factbook/countries.json), which holds only the fields the builder uses.
// Both give the same records: `trimFactbook` is how the vendored copy is made.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { plain } from './text';

/** One country or territory, fields as plain text (the Factbook's values, not our sentences). */
export interface FactbookCountry {
  /** The Factbook's own code: "ks" South Korea, "kn" North Korea. */
  code: string;
  region: string;
  short: string;
  long: string;
  abbreviation: string;
  governmentType: string;
  capital: string;
  dependency: string;
  independence: string;
  location: string;
  population: string;
  adjective: string;
  chiefOfState: string;
  headOfGovernment: string;
}

/** The trimmed copy's file, relative to a source folder. */
export const TRIMMED_FILE = 'countries.json';
/** Regions that hold no country: the world, the oceans, the Factbook's own metadata. */
const SKIPPED_REGIONS = new Set(['world', 'oceans', 'meta']);

type Raw = Record<string, any>;
const text = (v: Raw | undefined): string => plain(typeof v?.text === 'string' ? v.text : undefined);

/** The fields the builder uses, from one raw Factbook file. */
export function trimFactbook(raw: Raw, code: string, region: string): FactbookCountry {
  const g: Raw = raw.Government ?? {};
  const cn: Raw = g['Country name'] ?? {};
  const ex: Raw = g['Executive branch'] ?? {};
  const people: Raw = raw['People and Society'] ?? {};
  return {
    code,
    region,
    short: text(cn['conventional short form']),
    long: text(cn['conventional long form']),
    abbreviation: text(cn.abbreviation),
    governmentType: text(g['Government type']),
    capital: text(g.Capital?.name),
    dependency: text(g['Dependency status']),
    independence: text(g.Independence),
    location: text(raw.Geography?.Location),
    population: text(people.Population?.total ?? people.Population),
    adjective: text(people.Nationality?.adjective),
    chiefOfState: typeof ex['chief of state']?.text === 'string' ? ex['chief of state'].text : '',
    headOfGovernment: typeof ex['head of government']?.text === 'string' ? ex['head of government'].text : '',
  };
}

/** Every country and territory of a Factbook folder (raw snapshot or trimmed copy), sorted by code. */
export function readFactbook(dir: string): FactbookCountry[] {
  const trimmed = join(dir, TRIMMED_FILE);
  if (existsSync(trimmed)) return JSON.parse(readFileSync(trimmed, 'utf8')) as FactbookCountry[];
  const out: FactbookCountry[] = [];
  for (const region of readdirSync(dir, { withFileTypes: true })) {
    if (!region.isDirectory() || SKIPPED_REGIONS.has(region.name) || region.name.startsWith('.')) continue;
    for (const file of readdirSync(join(dir, region.name))) {
      if (!file.endsWith('.json')) continue;
      const raw = JSON.parse(readFileSync(join(dir, region.name, file), 'utf8')) as Raw;
      out.push(trimFactbook(raw, file.replace(/\.json$/, ''), region.name));
    }
  }
  if (out.length === 0) throw new Error(`${dir}: neither ${TRIMMED_FILE} nor region folders of Factbook country files`);
  return out.sort((a, b) => a.code.localeCompare(b.code));
}
