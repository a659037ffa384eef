// The countries pack: every Factbook country and territory as a place, and its chief of state and
// head of government as persons, linked both ways (the country's fact names the leader, the
// leader's fact names the office and the country). Every sentence is composed here from the
// Factbook's field values; facts are dated by what they state ("since 4 June 2025").
import countryNames from 'i18n-iso-countries';
import { createRequire } from 'node:module';
import type { Pack, PackEntity, PackFact, PackSource } from '../../../src/core/types';
import type { FactbookCountry } from './factbook-read';
import { parseLeader, type Leader } from './factbook-leader';
import { isCommonWord, isOrdinaryWord } from './common-words';
import { idOf, isoDate, nameKey, roundedCount, spokenDate } from './text';

countryNames.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));

export interface FactbookMeta {
  /** The snapshot's last data update (the pack's asOf): "2026-01-22". */
  dataDate: string;
  /** The snapshot's commit in github.com/factbook/factbook.json. */
  commit: string;
}

export const FACTBOOK_PUBLISHER = 'Central Intelligence Agency, The World Factbook';

/** Display names where the Factbook's short form is not the name a reader knows. */
const NAME_OVERRIDES: Record<string, { name: string; aliases?: string[] }> = {
  cg: { name: 'Democratic Republic of the Congo', aliases: ['DR Congo', 'Congo-Kinshasa'] },
  cf: { name: 'Republic of the Congo', aliases: ['Congo-Brazzaville'] },
  dr: { name: 'Dominican Republic' },
  sv: { name: 'Svalbard' },
  gz: { name: 'Gaza Strip' },
  um: { name: 'United States Pacific Island Wildlife Refuges' },
  sh: { name: 'Saint Helena, Ascension and Tristan da Cunha', aliases: ['Saint Helena'] },
  bm: { name: 'Burma', aliases: ['Myanmar'] },
};
/** Factbook codes whose ISO 3166 code no name lookup finds. */
const ISO_OVERRIDES: Record<string, string> = {
  ks: 'KR', kn: 'KP', bm: 'MM', cg: 'CD', cf: 'CG', dr: 'DO', fm: 'FM', vt: 'VA', la: 'LA', sy: 'SY', ir: 'IR', rs: 'RU', tw: 'TW',
  sh: 'SH', vq: 'VI', vi: 'VG', rn: 'MF', tb: 'BL', nn: 'SX', uc: 'CW', wf: 'WF', ck: 'CC', hm: 'HM', fs: 'TF', io: 'IO', bv: 'BV',
  we: 'PS', gz: 'PS', um: 'UM', sv: 'SJ', jn: 'SJ', kv: 'XK', iv: 'CI', mk: 'MK', tz: 'TZ', ga: 'GM', bf: 'BS', nl: 'NL', cv: 'CV',
  sx: 'GS', fk: 'FK', pc: 'PN', bo: 'BY', md: 'MD', mc: 'MO', ee: '',
};
/** The Factbook's own page names where they do not follow from the country's name. */
const SLUG_OVERRIDES: Record<string, string> = {
  ks: 'korea-south', kn: 'korea-north', cg: 'congo-democratic-republic-of-the', cf: 'congo-republic-of-the', bf: 'bahamas-the',
  ga: 'gambia-the', fm: 'micronesia-federated-states-of', iv: 'cote-divoire', tu: 'turkey-turkiye', sv: 'svalbard',
  sh: 'saint-helena-ascension-and-tristan-da-cunha', vt: 'holy-see-vatican-city', ct: 'central-african-republic',
  ae: 'united-arab-emirates', io: 'british-indian-ocean-territory', um: 'united-states-pacific-island-wildlife-refuges',
  vq: 'virgin-islands', fk: 'falkland-islands-islas-malvinas', gz: 'gaza-strip',
};
/** Sovereign names that are also common given names or another place: named only with evidence. */
const GATED_COUNTRY_NAMES = new Set(['Georgia', 'Jordan', 'Chad', 'Jersey']);
/** What the card calls an entry that is neither a sovereign country nor a dependency. */
const SPECIAL_KINDS: Record<string, string> = {
  ay: 'The continent around the South Pole',
  wi: 'A territory whose sovereignty is disputed',
  pf: 'Islands whose sovereignty is disputed',
  pg: 'Islands whose sovereignty is disputed',
  gz: 'A Palestinian territory',
  we: 'A Palestinian territory',
  tw: 'A self-governing island territory',
  um: 'A group of US island wildlife refuges',
};
const REGIONS: Record<string, string> = {
  africa: 'Africa', antarctica: 'Antarctica', 'australia-oceania': 'Australia and Oceania', 'central-america-n-caribbean': 'Central America and the Caribbean',
  'central-asia': 'Central Asia', 'east-n-southeast-asia': 'East and Southeast Asia', europe: 'Europe', 'middle-east': 'the Middle East',
  'north-america': 'North America', 'south-america': 'South America', 'south-asia': 'South Asia',
};

const usable = (s: string) => (s && s.toLowerCase() !== 'none' ? s : '');
const firstClause = (s: string) => s.split(/[;,]/)[0]!.trim();

export interface CountryInfo {
  code: string;
  iso: string;
  id: string;
  name: string;
  /** Names a page may use for the country: evidence for its cities and leaders. */
  words: string[];
  capital: string;
}

/** The name, aliases and ISO code of a Factbook country. */
export function countryInfo(c: FactbookCountry): CountryInfo & { aliases: string[]; ambiguous: string[] } {
  const override = NAME_OVERRIDES[c.code];
  const short = usable(c.short);
  const long = usable(c.long);
  const name = override?.name ?? (short || long);
  const iso = ISO_OVERRIDES[c.code] ?? countryNames.getAlpha2Code(short.replace(/^The /, ''), 'en') ?? countryNames.getAlpha2Code(long, 'en') ?? '';
  const isoNames = iso ? (countryNames.getNames('en', { select: 'all' })[iso] as string[] | undefined) ?? [] : [];
  const full = new Set<string>();
  const ambiguous = new Set<string>();
  const add = (form: string) => {
    if (!form || form === name || /[,(]/.test(form) || form === 'Congo') return;
    // Abbreviations ("US", "ROK"), and words that are also other things, need evidence on the page.
    if (/^[A-Z.]+$/.test(form) || isCommonWord(form)) ambiguous.add(form);
    else full.add(form);
  };
  for (const a of override?.aliases ?? []) add(a);
  if (short && short !== name) add(short);
  if (long && long !== name) add(long);
  if (name.startsWith('The ')) add(name.slice(4));
  for (const n of isoNames) add(n);
  for (const a of c.abbreviation.split(/[,;]| or /)) add(a.replace(/[()]/g, '').trim());
  for (const a of full) if (ambiguous.has(a)) full.delete(a);
  const words = [name, ...full, ...c.adjective.split(/[,;/]|\bor\b/).map((s) => s.replace(/\(.*\)/, '').trim())].filter((w) => w.length > 2);
  return { code: c.code, iso, id: idOf(name), name, aliases: [...full], ambiguous: [...ambiguous], words: [...new Set(words)], capital: capitalOf(c.capital) };
}

/** "Chisinau in Romanian (Chisinau in Russian)" → "Chisinau"; "no official capital" → "". */
function capitalOf(raw: string): string {
  const s = usable(raw).replace(/\s*\(.*$/, '').split(';')[0]!.replace(/ in [A-Z][a-z]+$/, '').trim();
  return /^\p{Lu}/u.test(s) ? s : '';
}

/** "unincorporated, unorganized territory of the US; administered by …" → "An unincorporated,
 *  unorganized territory of the US"; "part of the Kingdom of Denmark" → "Part of the Kingdom of Denmark". */
export function dependencyKind(status: string): string {
  const phrase = status
    .split(/;|, with /)[0]!
    .replace(/^(\S+ is |is )?(an? )?/i, '')
    .replace(/ since \d{4}$/, '')
    .trim();
  if (/^(one of|part of|administered|self-governing|with the exception)/i.test(phrase)) return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  return `${/^[aeiou]/i.test(phrase) ? 'An' : 'A'} ${phrase}`;
}

function slugOf(c: FactbookCountry, name: string): string {
  return SLUG_OVERRIDES[c.code] ?? idOf(name.replace(/^The /, ''));
}

/** The Factbook page of a country. The site went offline in February 2026: the address is the
 *  Internet Archive's copy of the page as the Factbook published it. */
export function factbookUrl(slug: string): string {
  return `https://web.archive.org/web/2026/https://www.cia.gov/the-world-factbook/countries/${slug}/`;
}

/** "51,486,343 (2025 est.)" → { count, year }. */
function population(s: string): { count: number; year: string } | null {
  const m = /^([\d,]+)\s*\((?:[^)]*?)(\d{4})(?:\s*est\.)?\)/.exec(s);
  if (!m) return null;
  return { count: Number(m[1]!.replace(/,/g, '')), year: m[2]! };
}

export interface LeaderRecord {
  entity: PackEntity;
  /** The countries this person leads, for the wording of the summary. */
  offices: string[];
}

export interface CountriesResult {
  pack: Pack;
  countries: CountryInfo[];
  /** Persons by `nameKey` of every full form: other builders add their facts here rather than a second entity. */
  persons: Map<string, PackEntity>;
}

/** The countries-and-leaders pack from Factbook records. */
export function buildCountriesPack(records: FactbookCountry[], meta: FactbookMeta): CountriesResult {
  const asOfText = spokenDate(meta.dataDate.slice(0, 7));
  const sources: PackSource[] = [];
  const entities: PackEntity[] = [];
  const countries: CountryInfo[] = [];
  const persons = new Map<string, PackEntity>();
  const personOffices = new Map<PackEntity, string[]>();
  const dependencyLines = new Set<string>();
  /** Which office a person's summary names first: a sovereign country's, the most populous one's. */
  const weight = new Map<string, number>();
  const usedIds = new Set<string>();
  const infos = records.filter((c) => c.code !== 'ee' && (usable(c.short) || usable(c.long))).map((c) => ({ c, info: countryInfo(c) }));
  const allWords = new Set(infos.flatMap(({ info }) => info.words.flatMap((w) => w.split(/\s+/))));

  for (const { c, info } of infos) {
    const sourceId = `factbook-${c.code}`;
    sources.push({ id: sourceId, title: `${info.name} — The World Factbook`, publisher: FACTBOOK_PUBLISHER, url: factbookUrl(slugOf(c, info.name)), date: meta.dataDate });
    const facts: PackFact[] = [];
    const fact = (text: string, date: string) => facts.push({ text, date, source: sourceId });

    const pop = population(c.population);
    const leaders: { role: string; leader: Leader }[] = [];
    const chief = parseLeader(c.chiefOfState, c.code, allWords);
    const head = parseLeader(c.headOfGovernment, c.code, allWords);
    if (chief) leaders.push({ role: 'chief of state', leader: chief });
    if (head && !(chief && nameKey(head.name) === nameKey(chief.name))) leaders.push({ role: 'head of government', leader: head });
    const both = chief && head && nameKey(head.name) === nameKey(chief.name);
    for (const { role, leader } of leaders) {
      const roles = both && role === 'chief of state' ? 'chief of state and head of government' : role;
      const when = leader.since ? `since ${spokenDate(leader.since)}` : `as of ${asOfText}`;
      fact(`${capitalize(roles)}: ${leader.title ? `${leader.title} ` : ''}${leader.name}, ${when}.`, leader.since ?? meta.dataDate);
      const person = personFor(leader, persons, usedIds, entities);
      // "President of South Korea"; an office that names its own country keeps it ("President of China", for Hong Kong).
      const officeOf = !leader.title ? `${capitalize(roles)} of ${theName(info.name)}` : / of /.test(leader.title) ? `${leader.title}, for ${theName(info.name)}` : `${leader.title} of ${theName(info.name)}`;
      person.facts!.push({ text: `${officeOf}${leader.title ? ` (${roles})` : ''} ${when}.`, date: leader.since ?? meta.dataDate, source: sourceId });
      const offices = personOffices.get(person) ?? [];
      const line = leader.since ? `${officeOf} since ${spokenDate(leader.since.slice(0, 7))}` : officeOf;
      offices.push(line);
      if (c.dependency) dependencyLines.add(line);
      weight.set(line, (c.dependency ? 0 : 1e12) + (pop?.count ?? 0));
      personOffices.set(person, offices);
    }
    // Only a short value ("presidential republic"); longer ones are the Factbook's prose.
    if (c.governmentType && c.governmentType.length <= 80 && !/[;:]/.test(c.governmentType)) fact(`Government type in ${asOfText}: ${c.governmentType}.`, meta.dataDate);
    if (pop) fact(`Population: ${pop.count.toLocaleString('en-US')} (${pop.year} estimate).`, pop.year);
    const indep = /^([^();]+?)\s*(\([^)]*\))?(?:;|$)/.exec(c.independence);
    const indepDate = indep ? isoDate(indep[1]!) : null;
    if (indep && indepDate) fact(`Independence: ${spokenDate(indepDate)}${indep[2] ? ` ${indep[2]}` : ''}.`, indepDate);

    const where = REGIONS[c.region] ?? c.region;
    // "metropolitan France: Western Europe, bordering …" → "Western Europe".
    const location = c.code === 'um' ? '' : firstClause(c.location.replace(/^[^:,;]*:\s*/, ''));
    const what = SPECIAL_KINDS[c.code] ?? (c.dependency ? dependencyKind(c.dependency) : 'A country');
    const sameAsRegion = nameKey(location) === nameKey(where.replace(/^the /, ''));
    const place = location && !sameAsRegion && !/^(continent|islands?|group of|archipelago)\b/.test(location) ? `${/^(Middle East|Caribbean)/.test(location) ? 'the ' : ''}${location} (${where})` : where;
    const parts = [c.code === 'ay' ? `${what}.` : `${what} in ${place}.`];
    const capital = info.capital;
    if (capital || pop) parts.push(capitalize([capital ? `Capital: ${capital}` : '', pop ? `population ${roundedCount(pop.count)} (${pop.year} est.)` : ''].filter(Boolean).join('; ') + '.'));
    const gated = GATED_COUNTRY_NAMES.has(info.name);
    const entity: PackEntity = {
      id: info.id,
      type: 'place',
      // A gated name cannot be the entity's name (a name is always matched): the long form is, or "Georgia (country)".
      name: gated ? usable(c.long) || `${info.name} (country)` : info.name,
      summary: capitalize(parts.join(' ')),
    };
    const aliases = info.aliases.filter((a) => a !== entity.name);
    const ambiguous = [...info.ambiguous, ...(gated ? [info.name] : [])].filter((a) => a !== entity.name && !aliases.includes(a));
    if (aliases.length) entity.aliases = aliases;
    if (ambiguous.length) {
      entity.ambiguous = ambiguous;
      entity.context = [...new Set([...info.words.filter((w) => !ambiguous.includes(w) && w !== entity.name), ...(capital ? [capital] : []), entity.name])].slice(0, 20);
    }
    if (facts.length) entity.facts = facts;
    usedIds.add(entity.id);
    entities.push(entity);
    countries.push(info);
  }

  for (const [person, lines] of personOffices) {
    // A sovereign country's office first: "President of the United States", not of Guam.
    const offices = [...lines].sort((x, y) => (weight.get(y) ?? 0) - (weight.get(x) ?? 0));
    const more = offices.length > 1 ? `; also head of state or government in ${offices.length - 1} other ${offices.length === 2 ? 'country or territory' : 'countries and territories'}` : '';
    person.summary = `${offices[0]}${more} (The World Factbook, ${asOfText}).`;
  }

  const pack: Pack = {
    format: 3,
    id: 'world-countries',
    version: 1,
    title: 'World: countries, territories and their leaders (CIA World Factbook)',
    language: 'en',
    description: `${countries.length} countries and territories with their capital, population, government type and current chief of state and head of government, as The World Factbook gave them in its final edition (data of ${spokenDate(meta.dataDate)}; snapshot github.com/factbook/factbook.json at ${meta.commit.slice(0, 12)}). Leaders change: each fact says since when it was true.`,
    asOf: meta.dataDate,
    license: 'CC0-1.0',
    sources,
    entities,
  };
  return { pack, countries, persons };
}

/** "the United States", "the Philippines", "South Korea": a country's name inside a sentence. */
export function theName(name: string): string {
  if (/^The /.test(name)) return `the ${name.slice(4)}`;
  return /^(United|Republic|Democratic|Federated|Kingdom|Holy See|Czech Republic|Central African|Dominican Republic)\b|\b(Islands|Republic|Emirates|Netherlands|Philippines|Bahamas|Maldives|Comoros|Seychelles|Gambia|Territories|Lands|Strip|Bank|Refuges)$/.test(name)
    ? `the ${name}`
    : name;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The person entity for a leader: one per person, however many countries they lead. */
function personFor(leader: Leader, persons: Map<string, PackEntity>, usedIds: Set<string>, entities: PackEntity[]): PackEntity {
  const existing = persons.get(nameKey(leader.name));
  if (existing) return existing;
  let id = idOf(leader.name);
  for (let n = 2; usedIds.has(id); n++) id = `${idOf(leader.name)}-${n}`;
  usedIds.add(id);
  const entity: PackEntity = { id, type: 'person', name: leader.name, summary: '', facts: [] };
  if (leader.aliases.length) entity.aliases = [...leader.aliases];
  if (leader.short && !isOrdinaryWord(leader.short)) entity.short = [leader.short];
  for (const form of [leader.name, ...leader.aliases]) persons.set(nameKey(form), entity);
  entities.push(entity);
  return entity;
}
