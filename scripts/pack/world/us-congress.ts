// The US Congress pack, from github.com/unitedstates/congress-legislators (CC0): every current
// member with chamber, state, party and term dates, and the serving president and vice president.
// A person the Factbook pack already has (the president) gets these facts there instead.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Pack, PackEntity, PackFact, PackSource } from '../../../src/core/types';
import { isOrdinaryWord } from './common-words';
import type { SourceNote } from './sources';
import { US_STATES as STATES } from './us-states';
import { idOf, nameKey, spokenDate } from './text';

export interface Term {
  type: 'sen' | 'rep' | 'prez' | 'viceprez';
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
}

export interface Member {
  /** Biographical Directory id; a president who never sat in Congress has none. */
  bioguide?: string;
  wikidata?: string;
  first: string;
  last: string;
  nickname?: string;
  suffix?: string;
  official?: string;
  terms: Term[];
}

export interface Congress {
  legislators: Member[];
  executive: Member[];
}

export const TRIMMED_FILE = 'congress.json';


type RawPerson = { id?: { bioguide?: string; wikidata?: string }; name?: Record<string, string>; terms?: Record<string, unknown>[] };

function member(p: RawPerson): Member | null {
  const bioguide = p.id?.bioguide;
  const wikidata = p.id?.wikidata;
  const n = p.name ?? {};
  if ((!bioguide && !wikidata) || !n.first || !n.last) return null;
  const terms = (p.terms ?? []).map((t) => {
    const term: Term = { type: t.type as Term['type'], start: String(t.start), end: String(t.end) };
    if (t.state) term.state = String(t.state);
    if (typeof t.district === 'number') term.district = t.district;
    if (t.party) term.party = String(t.party);
    return term;
  });
  const m: Member = { ...(bioguide ? { bioguide } : {}), ...(wikidata ? { wikidata } : {}), first: n.first, last: n.last, terms };
  if (n.nickname) m.nickname = n.nickname;
  if (n.suffix) m.suffix = n.suffix;
  if (n.official_full) m.official = n.official_full;
  return m;
}

/** Both YAML files as the fields used; executives only from 2001 on. */
export function congressFromYaml(legislators: string, executive: string): Congress {
  const people = (text: string) => (parse(text) as RawPerson[]).map(member).filter((m): m is Member => m !== null);
  return { legislators: people(legislators), executive: people(executive).filter((m) => m.terms.some((t) => t.end >= '2001')) };
}

export function trimCongress(dir: string): string {
  const c = congressFromYaml(readFileSync(join(dir, 'legislators-current.yaml'), 'utf8'), readFileSync(join(dir, 'executive.yaml'), 'utf8'));
  const lines = (ms: Member[]) => ms.map((m) => `    ${JSON.stringify(m)}`).join(',\n');
  return `{\n  "legislators": [\n${lines(c.legislators)}\n  ],\n  "executive": [\n${lines(c.executive)}\n  ]\n}\n`;
}

export function readCongress(dir: string): Congress {
  const trimmed = join(dir, TRIMMED_FILE);
  if (existsSync(trimmed)) return JSON.parse(readFileSync(trimmed, 'utf8')) as Congress;
  return congressFromYaml(readFileSync(join(dir, 'legislators-current.yaml'), 'utf8'), readFileSync(join(dir, 'executive.yaml'), 'utf8'));
}

const CHAMBER = { sen: 'Senate', rep: 'House of Representatives' } as const;
const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;

/** "senator for Washington", "representative for Texas's 2nd district". */
function seat(t: Term): string {
  const state = STATES[t.state ?? ''] ?? t.state ?? 'an unknown state';
  if (t.type === 'sen') return `senator for ${state}`;
  if (t.district === 0 || t.district === undefined) return `representative for ${state} (at large)`;
  return `representative for ${state}'s ${ordinal(t.district)} district`;
}

/** The start of the unbroken run of terms in the chamber of the last term. */
function servingSince(terms: Term[]): string {
  const last = terms[terms.length - 1]!;
  let since = last.start;
  for (let i = terms.length - 2; i >= 0; i--) {
    const t = terms[i]!;
    if (t.type !== last.type) break;
    // Terms follow each other within days (3 January to 3 or 4 January).
    if (Date.parse(since) - Date.parse(t.end) > 40 * 86_400_000) break;
    since = t.start;
  }
  return since;
}

function namesOf(m: Member): { name: string; aliases: string[] } {
  const plain = [m.nickname ?? m.first, m.last, m.suffix].filter(Boolean).join(' ');
  const name = m.official ?? plain;
  // "J.D. Vance" is also written "JD Vance".
  const undotted = name.replace(/\b([A-Z])\.([A-Z])\./g, '$1$2');
  const aliases = [...new Set([plain, `${m.first} ${m.last}`, undotted])].filter((a) => nameKey(a) !== nameKey(name) || a !== name && a === undotted);
  return { name, aliases };
}

export function buildCongressPack(c: Congress, note: SourceNote, factbookPersons: Map<string, PackEntity>, countriesPack: Pack): { pack: Pack; merged: number } {
  const sources: PackSource[] = [];
  const entities: PackEntity[] = [];
  const ids = new Set<string>();
  let merged = 0;
  const sourceOf = (m: Member, name: string): PackSource =>
    m.bioguide
      ? {
          id: `bioguide-${m.bioguide.toLowerCase()}`,
          title: `${name} — Biographical Directory of the United States Congress`,
          publisher: 'United States Congress',
          url: `https://bioguide.congress.gov/search/bio/${m.bioguide}`,
          date: note.dataDate,
        }
      : { id: `wikidata-${m.wikidata!.toLowerCase()}`, title: `${name} (${m.wikidata}) — Wikidata`, publisher: 'Wikidata', url: `https://www.wikidata.org/wiki/${m.wikidata}`, date: note.dataDate };
  const add = (m: Member, facts: PackFact[], summary: string, source: PackSource) => {
    const { name, aliases } = namesOf(m);
    const existing = [name, ...aliases].map((n) => factbookPersons.get(nameKey(n))).find((e) => e !== undefined);
    if (existing) {
      merged++;
      countriesPack.sources.push(source);
      existing.facts = [...(existing.facts ?? []), ...facts].slice(0, 50);
      return;
    }
    let id = idOf(name);
    for (let n = 2; ids.has(id); n++) id = `${idOf(name)}-${n}`;
    ids.add(id);
    sources.push(source);
    const entity: PackEntity = { id, type: 'person', name, summary, facts };
    if (aliases.length) entity.aliases = aliases;
    if (m.last.length >= 3 && !isOrdinaryWord(m.last)) entity.short = [m.last];
    entities.push(entity);
  };

  for (const m of c.legislators) {
    const terms = m.terms.filter((t) => t.type === 'sen' || t.type === 'rep');
    const last = terms[terms.length - 1];
    if (!last || last.end < note.dataDate) continue;
    const { name } = namesOf(m);
    const source = sourceOf(m, name);
    const since = servingSince(terms);
    const party = last.party ?? 'no party';
    const facts: PackFact[] = [
      { text: `US ${seat(last)} (${party}); current term ${spokenDate(last.start)} to ${spokenDate(last.end)}.`, date: last.start, source: source.id },
    ];
    if (since !== last.start) facts.push({ text: `Has served in the ${CHAMBER[last.type as 'sen' | 'rep']} without a break since ${spokenDate(since)}.`, date: since, source: source.id });
    const other = terms.find((t) => t.type !== last.type);
    if (other) facts.push({ text: `Earlier a member of the ${CHAMBER[other.type as 'sen' | 'rep']}, first from ${spokenDate(other.start)}.`, date: other.start, source: source.id });
    add(m, facts, `US ${seat(last)} (${party}) since ${spokenDate(since.slice(0, 4))}.`, source);
  }

  for (const m of c.executive) {
    const terms = m.terms.filter((t) => (t.type === 'prez' || t.type === 'viceprez') && t.end >= '2001');
    const last = terms[terms.length - 1];
    if (!last || last.end < note.dataDate) continue;
    const { name } = namesOf(m);
    const source: PackSource = { ...sourceOf(m, name), id: `executive-${(m.bioguide ?? m.wikidata)!.toLowerCase()}` };
    const office = (t: Term) => (t.type === 'prez' ? 'President of the United States' : 'Vice President of the United States');
    const facts = terms.map((t) => ({
      text: t.start <= note.dataDate && t.end > note.dataDate ? `${office(t)} since ${spokenDate(t.start)}; term ends ${spokenDate(t.end)} (${t.party ?? 'no party'}).` : `${office(t)} from ${spokenDate(t.start)} to ${spokenDate(t.end)} (${t.party ?? 'no party'}).`,
      date: t.start,
      source: source.id,
    }));
    add(m, facts, `${office(last)} since ${spokenDate(last.start)} (${last.party ?? 'no party'}).`, source);
  }

  const pack: Pack = {
    format: 3,
    id: 'us-congress',
    version: 1,
    title: 'United States Congress: current members, president and vice president',
    language: 'en',
    description: `${entities.length} current members of the US Senate and House of Representatives with their state, party and term dates, and the serving vice president, from ${note.repository} at ${note.commit.slice(0, 12)} (data of ${spokenDate(note.dataDate)}). The president is in the World Factbook pack, with these facts added.`,
    asOf: note.dataDate,
    license: 'CC0-1.0',
    sources,
    entities,
  };
  return { pack, merged };
}
