// Scores highlights against CoNLL gold names. Rules (stated in the eval's output too):
// - a gold PER/LOC/ORG mention is found when ONE highlight covers every character of it (the
//   highlight's type is not compared: a reader meets the name either way);
// - an entity (a document's distinct gold type + name) is found when any of its mentions is;
// - a highlight is right when it overlaps a gold name of any type, MISC included ("Iraqi",
//   "Olympics" are names; highlighting them is not noise);
// - only body runs count: the headline and the dateline are left out on both sides.
import type { GoldName, NameType, NamesDoc } from './names-conll';

export interface Span {
  run: number;
  start: number;
  end: number;
}

export interface TypeCounts {
  found: number;
  total: number;
}

export interface NamesScore {
  docs: number;
  mentions: Record<'PER' | 'LOC' | 'ORG' | 'ALL', TypeCounts>;
  entities: TypeCounts;
  highlights: { right: number; total: number };
  missed: { doc: number; gold: GoldName; context: string }[];
  wrong: { doc: number; span: Span; surface: string; context: string }[];
}

export const SCORED_TYPES = ['PER', 'LOC', 'ORG'] as const;

export function emptyScore(): NamesScore {
  const z = () => ({ found: 0, total: 0 });
  return { docs: 0, mentions: { PER: z(), LOC: z(), ORG: z(), ALL: z() }, entities: z(), highlights: { right: 0, total: 0 }, missed: [], wrong: [] };
}

const context = (text: string, start: number, end: number) =>
  `${text.slice(Math.max(0, start - 30), start)}«${text.slice(start, end)}»${text.slice(end, end + 30)}`.replace(/\s+/g, ' ');

export function scoreDoc(doc: NamesDoc, highlights: readonly Span[], into: NamesScore): void {
  into.docs++;
  const spans = highlights.filter((h) => doc.scored.has(h.run));
  const gold = doc.gold.filter((g) => doc.scored.has(g.run));
  const entities = new Map<string, boolean>();
  for (const g of gold) {
    if (g.type === 'MISC') continue;
    const found = spans.some((h) => h.run === g.run && h.start <= g.start && h.end >= g.end);
    for (const key of [g.type, 'ALL'] as const) {
      into.mentions[key].total++;
      if (found) into.mentions[key].found++;
    }
    const ek = `${g.type}|${g.surface.toLowerCase()}`;
    entities.set(ek, (entities.get(ek) ?? false) || found);
    if (!found) into.missed.push({ doc: doc.index, gold: g, context: context(doc.runs[g.run]!.text, g.start, g.end) });
  }
  for (const f of entities.values()) {
    into.entities.total++;
    if (f) into.entities.found++;
  }
  for (const h of spans) {
    into.highlights.total++;
    if (gold.some((g) => g.run === h.run && g.start < h.end && h.start < g.end)) into.highlights.right++;
    else {
      const text = doc.runs[h.run]!.text;
      into.wrong.push({ doc: doc.index, span: h, surface: text.slice(h.start, h.end), context: context(text, h.start, h.end) });
    }
  }
}

export const ratio = (c: TypeCounts) => (c.total ? c.found / c.total : 1);
export const typeName = (t: NameType) => ({ PER: 'people', LOC: 'places', ORG: 'organizations', MISC: 'misc' })[t];
