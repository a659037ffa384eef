// The organizations pack, from Supraverden's list of international organizations and bodies
// (CC BY-SA 4.0: the pack keeps that licence and its credit). An abbreviation is an alias when it
// names only this body; it needs evidence on the page (`ambiguous`, with words of the full name
// and the headquarters as context) when it is short, an English word ("WHO"), or another's.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Pack, PackEntity, PackSource } from '../../../src/core/types';
import { commonReason } from './common-words';
import type { SourceNote } from './sources';
import { idOf, nameKey, spokenDate } from './text';

export interface Organization {
  key: string;
  sprvdId: string;
  wikidata?: string;
  family?: string;
  type?: string;
  name: string;
  abbreviations: string[];
  otherNames: string[];
  formerNames: string[];
  year?: string;
  headquarters?: string;
  website?: string;
  source?: string;
}

export const TRIMMED_FILE = 'organizations.json';
export const CREDIT = 'Supraverden (Confirmordeny)';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() && v !== 'null' && v !== 'none' ? v.trim() : typeof v === 'number' ? String(v) : undefined);
const strs = (o: Record<string, unknown>, prefix: RegExp) =>
  Object.entries(o)
    .filter(([k]) => prefix.test(k))
    .map(([, v]) => str(v))
    .filter((v): v is string => v !== undefined);

/** The fields the builder uses, from Supraverden's general_list.yaml. */
export function organizationsFromYaml(text: string): Organization[] {
  const raw = parse(text) as Record<string, Record<string, unknown>>;
  return Object.entries(raw).map(([key, o]) => {
    const org: Organization = {
      key,
      sprvdId: str(o.SPRVD_id) ?? key,
      name: str(o.Name_en) ?? key,
      abbreviations: [str(o.Abbreviation_en), ...strs(o, /^Abbreviation_other(_\d+)?_en$/)].filter((v): v is string => v !== undefined),
      otherNames: strs(o, /^Name_other(_\d+)?_en$/),
      formerNames: strs(o, /^Name_former(_\d+)?_en$/),
    };
    const optional = { wikidata: o.Wikidata_code, family: o.Org_family, type: o.Type, year: o.Year_established, headquarters: o.Headquarters, website: o.Website, source: o.Source } as const;
    for (const [k, v] of Object.entries(optional)) {
      const s = str(v);
      if (s) (org as unknown as Record<string, string>)[k] = s;
    }
    return org;
  });
}

/** The vendored copy's text: the fields used, one organization a line. */
export function trimSupraverden(dir: string): string {
  const orgs = organizationsFromYaml(readFileSync(join(dir, 'general_list.yaml'), 'utf8'));
  return `[\n${orgs.map((o) => JSON.stringify(o)).join(',\n')}\n]\n`;
}

export function readSupraverden(dir: string): Organization[] {
  const trimmed = join(dir, TRIMMED_FILE);
  if (existsSync(trimmed)) return JSON.parse(readFileSync(trimmed, 'utf8')) as Organization[];
  return organizationsFromYaml(readFileSync(join(dir, 'general_list.yaml'), 'utf8'));
}

const WEAK_WORDS = new Set(['the', 'of', 'for', 'and', 'on', 'in', 'de', 'des', 'la', 'le', 'et', 'du', 'organization', 'organisation', 'international', 'agency', 'office', 'fund', 'bank', 'council', 'committee', 'commission', 'union', 'institute', 'centre', 'center', 'european', 'world']);

/** Words of the full name and the headquarters that, on a page, point at this body. */
function contextOf(org: Organization): string[] {
  const words = org.name.split(/[\s,()]+/).filter((w) => w.length >= 4 && /^\p{Lu}/u.test(w) && !WEAK_WORDS.has(w.toLowerCase()));
  const hq = org.headquarters?.split(',')[0]?.trim();
  return [...new Set([org.name, ...org.otherNames, ...words, ...(hq && hq.length > 2 ? [hq] : [])])].slice(0, 20);
}

/** "UN specialized agency", "EU institution", or the family the body belongs to. */
function kindOf(org: Organization): string {
  if (org.type) return org.type;
  const family = familyOf(org);
  return family ? `Body of the ${family}` : 'International organization';
}

/** The family a body belongs to ("UN and affiliates"), unless it is the family's own head. */
function familyOf(org: Organization): string | undefined {
  const family = org.family?.replace(/ entities$/, '');
  if (!family || family === 'none' || nameKey(family) === nameKey(org.name)) return undefined;
  return family;
}

/** "Organisation" ↔ "Organization": the other spelling, when the name has one. */
function otherSpelling(name: string): string | undefined {
  const other = name.replace(/Organisation/g, 'Organization') !== name ? name.replace(/Organisation/g, 'Organization') : name.replace(/Organization/g, 'Organisation');
  return other !== name ? other : undefined;
}

export function buildOrganizationsPack(orgs: Organization[], note: SourceNote): { pack: Pack; gated: string[] } {
  const when = spokenDate(note.dataDate.slice(0, 7));
  // Forms more than one body claims: none of them may have it as a plain alias.
  const claims = new Map<string, number>();
  for (const o of orgs) for (const f of new Set([o.name, ...o.abbreviations, ...o.otherNames].map(nameKey))) claims.set(f, (claims.get(f) ?? 0) + 1);
  const sources: PackSource[] = [];
  const entities: PackEntity[] = [];
  const gated: string[] = [];
  const ids = new Set<string>();
  for (const o of orgs) {
    const url = o.website ?? o.source;
    if (!url || !/^https?:\/\//.test(url)) continue;
    const baseId = idOf(o.abbreviations[0] && /^[A-Z]/.test(o.abbreviations[0]) ? `${o.abbreviations[0]}-${o.name}` : o.name);
    let id = baseId;
    for (let n = 2; ids.has(id); n++) id = `${baseId}-${n}`;
    ids.add(id);
    const sourceId = `supraverden-${idOf(o.sprvdId)}`;
    sources.push({ id: sourceId, title: `${o.name} (Supraverden entry ${o.sprvdId}, citing ${o.website ? 'its website' : 'its founding document'})`, publisher: CREDIT, url, date: note.dataDate });
    const kind = kindOf(o);
    const established = o.year && /^\d{4}$/.test(o.year) ? o.year : undefined;
    const summaryParts = [`${kind}${established ? `, established in ${established}` : ''}.`];
    if (o.headquarters) summaryParts.push(`Headquarters: ${o.headquarters}.`);
    const entity: PackEntity = { id, type: 'organization', name: o.name, summary: summaryParts.join(' '), facts: [] };
    if (established) entity.facts!.push({ text: `Established in ${established}.`, date: established, source: sourceId });
    if (o.headquarters) entity.facts!.push({ text: `Headquartered in ${o.headquarters}, according to Supraverden (${when}).`, date: note.dataDate, source: sourceId });
    const family = familyOf(o);
    if (family) entity.facts!.push({ text: `Part of the ${family} (Supraverden, ${when}).`, date: note.dataDate, source: sourceId });
    if (entity.facts!.length === 0) delete entity.facts;

    const aliases: string[] = [];
    const ambiguous: string[] = [];
    const seen = new Set([nameKey(o.name)]);
    const spelling = otherSpelling(o.name);
    for (const form of [...o.abbreviations, ...o.otherNames, ...(spelling && !claims.has(nameKey(spelling)) ? [spelling] : [])]) {
      const k = nameKey(form);
      if (seen.has(k) || form.length < 2) continue;
      seen.add(k);
      const isAbbreviation = !/\s/.test(form) && /^[\p{Lu}\d&.-]+$/u.test(form.replace(/[a-z]/g, '')) && /\p{Lu}.*\p{Lu}/u.test(form);
      const needsEvidence = (claims.get(k) ?? 1) > 1 || commonReason(form) !== null || (isAbbreviation && form.replace(/[^\p{L}\d]/gu, '').length <= 3);
      if (needsEvidence) {
        ambiguous.push(form);
        if (isAbbreviation) gated.push(form);
      } else if ((claims.get(k) ?? 1) === 1) aliases.push(form);
    }
    if (aliases.length) entity.aliases = aliases;
    if (ambiguous.length) {
      entity.ambiguous = ambiguous;
      entity.context = contextOf(o).filter((w) => !ambiguous.includes(w));
    }
    entities.push(entity);
  }
  const pack: Pack = {
    format: 3,
    id: 'world-organizations',
    version: 1,
    title: 'World: international organizations and bodies (Supraverden)',
    language: 'en',
    description: `${entities.length} international organizations and bodies with their abbreviations, founding year, headquarters and family, from Supraverden (${note.repository} at ${note.commit.slice(0, 12)}, data of ${spokenDate(note.dataDate)}). Short or shared abbreviations are highlighted only when the page also names the body or its headquarters.`,
    asOf: note.dataDate,
    license: 'CC-BY-SA-4.0',
    credit: CREDIT,
    sources,
    entities,
  };
  return { pack, gated };
}
