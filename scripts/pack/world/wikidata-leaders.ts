// The leaders-of-2021–2022 pack, from a Wikidata query of every sovereign state's heads of state
// and government (CC0). A leader the Factbook pack already has (same name) gets these offices as
// facts of that person instead of a second entity with the same name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack, PackEntity, PackSource } from '../../../src/core/types';
import { isOrdinaryWord } from './common-words';
import type { SourceNote } from './sources';
import { idOf, nameKey, spokenDate } from './text';

export interface LeaderRow {
  country: string;
  position: string;
  positionLabel: string;
  officeholder: string;
  name: string;
  start?: string;
  end?: string;
}

export const LEADERS_FILE = 'heads-2021-2022.csv';

/** RFC 4180 rows: quoted fields may hold commas and doubled quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

export function readLeaders(dir: string): LeaderRow[] {
  const [header, ...rows] = parseCsv(readFileSync(join(dir, LEADERS_FILE), 'utf8'));
  const col = (name: string) => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`${LEADERS_FILE}: no column "${name}" (columns: ${header!.join(', ')})`);
    return i;
  };
  const c = { country: col('country'), position: col('position'), positionLabel: col('positionLabel'), officeholder: col('officeholder'), name: col('officeholderLabel'), start: col('start_year'), end: col('end_year') };
  return rows.map((r) => ({
    country: r[c.country]!,
    position: r[c.position]!,
    positionLabel: r[c.positionLabel]!,
    officeholder: r[c.officeholder]!,
    name: r[c.name]!,
    ...(r[c.start] ? { start: r[c.start] } : {}),
    ...(r[c.end] ? { end: r[c.end] } : {}),
  }));
}

/** Countries whose leaders' names are family name first: the short form is the first word. */
const FAMILY_FIRST = new Set(["People's Republic of China", 'China', 'South Korea', 'North Korea', 'Vietnam', 'Cambodia', 'Taiwan', 'Hungary', 'Japan']);

function shortOf(name: string, country: string): string | undefined {
  const words = name.split(/\s+/);
  if (words.length < 2 || /\b(I|II|III|IV|V|VI|X|XVI)$/.test(name)) return undefined;
  const short = FAMILY_FIRST.has(country) && country !== 'Japan' && country !== 'Hungary' ? words[0]! : words[words.length - 1]!;
  return short.length >= 3 && /^\p{Lu}/u.test(short) && !isOrdinaryWord(short) ? short : undefined;
}

/** One office's fact: "President of Albania from 2017 to 2022." dated by its start. */
function officeText(row: LeaderRow, asOfYear: string): string {
  const r = { ...row, positionLabel: row.positionLabel.charAt(0).toUpperCase() + row.positionLabel.slice(1) };
  if (r.start && r.end) return r.start === r.end ? `${r.positionLabel} in ${r.start} (Wikidata).` : `${r.positionLabel} from ${r.start} to ${r.end} (Wikidata).`;
  if (r.start) return `${r.positionLabel} since ${r.start}, still in office when Wikidata was queried in ${asOfYear} (Wikidata).`;
  return `${r.positionLabel} in 2021–2022 (Wikidata).`;
}

/** Wikidata's label is the name English-language news uses ("Cyril Ramaphosa", "Recep Tayyip
 *  Erdoğan"), where the Factbook's order of names only lets the builder guess ("Matamela
 *  Ramaphosa"): the merged person takes it as name, the guess stays an alias. */
function preferLabel(person: PackEntity, label: string, pack: Pack): void {
  const aliases = (person.aliases ?? []).filter((a) => nameKey(a) !== nameKey(label));
  person.aliases = [...aliases, person.name];
  person.name = label;
  const id = idOf(label);
  if (!pack.entities.some((e) => e.id === id)) person.id = id;
}

export function buildLeadersPack(rows: LeaderRow[], note: SourceNote, factbookPersons: Map<string, PackEntity>, countriesPack: Pack): { pack: Pack; merged: number } {
  const asOfText = spokenDate(note.dataDate.slice(0, 7));
  const byPerson = new Map<string, LeaderRow[]>();
  for (const r of rows) {
    if (!/^Q\d+$/.test(r.officeholder) || !r.name || /^Q\d+$/.test(r.name)) continue;
    (byPerson.get(r.officeholder) ?? byPerson.set(r.officeholder, []).get(r.officeholder)!).push(r);
  }
  const sources: PackSource[] = [];
  const entities: PackEntity[] = [];
  const ids = new Set<string>();
  let merged = 0;
  for (const [qid, offices] of byPerson) {
    offices.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''));
    const name = offices[0]!.name;
    const source: PackSource = { id: `wikidata-${qid.toLowerCase()}`, title: `${name} (${qid}) — Wikidata`, publisher: 'Wikidata', url: `https://www.wikidata.org/wiki/${qid}`, date: note.dataDate };
    const facts = offices.map((r) => ({ text: officeText(r, asOfText), date: r.start ?? '2021', source: source.id }));
    const existing = factbookPersons.get(nameKey(name));
    if (existing) {
      // The same person in the Factbook pack: one entity, with both sources' facts.
      merged++;
      countriesPack.sources.push(source);
      existing.facts = [...(existing.facts ?? []), ...facts].slice(0, 50);
      if (nameKey(existing.name) !== nameKey(name)) preferLabel(existing, name, countriesPack);
      continue;
    }
    let id = idOf(name);
    for (let n = 2; ids.has(id); n++) id = `${idOf(name)}-${n}`;
    ids.add(id);
    sources.push(source);
    const latest = offices[0]!;
    const span = latest.start ? (latest.end ? ` (${latest.start}–${latest.end})` : ` (since ${latest.start})`) : '';
    const more = offices.length > 1 ? `; ${offices.length - 1} other office${offices.length > 2 ? 's' : ''} in 2021–2022` : '';
    const office = latest.positionLabel.charAt(0).toUpperCase() + latest.positionLabel.slice(1);
    const entity: PackEntity = { id, type: 'person', name, summary: `${office}${span}${more}, according to Wikidata (${asOfText}).`, facts };
    const short = shortOf(name, latest.country);
    if (short) entity.short = [short];
    entities.push(entity);
  }
  const pack: Pack = {
    format: 3,
    id: 'world-leaders-2021',
    version: 1,
    title: 'World: heads of state and government of 2021–2022 (Wikidata)',
    language: 'en',
    description: `${entities.length} heads of state and government of sovereign states who held office in 2021–2022, with their offices and years, from a Wikidata query of ${spokenDate(note.dataDate)} (${note.repository} at ${note.commit.slice(0, 12)}). Leaders the World Factbook pack also knows are kept there, with these offices added.`,
    asOf: note.dataDate,
    license: 'CC0-1.0',
    sources,
    entities,
  };
  return { pack, merged };
}
