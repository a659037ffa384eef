// Card assembly: one card per entity the page mentions, merging the pack's background with
// what the article itself says (roles, statements, definition, telling sentences).
import { locateMentions } from '../article/facts';
import { foldName } from '../article/text';
import { isLaterThan } from '../pack/date-order';
import type { AcronymDefinition, ArticleFacts, CardFact, CardModel, Mention, PackEntity, PackSource, RunKind, Sentence } from '../types';
import { SentencePicker } from './sentences';

export interface CardInput {
  entities: PackEntity[];
  pageEntityIds: ReadonlySet<string>;
  sources: PackSource[];
  mentions: Mention[];
  sentences: Sentence[];
  facts: ArticleFacts;
  notes?: Record<string, string>;
  /** Kind of each run (index = run), to keep headlines out of the card's sentences. */
  runKinds?: RunKind[];
  /** Sentence text → its folded form, kept by the page's session (see `AnalysisMemo`). */
  foldedSentences?: Map<string, string>;
  /** The article's date (YYYY-MM-DD): pack facts dated after it go under "Later". */
  pageDate?: string;
}

/** The page's definition of this entity: its acronym with an expansion that names the entity. */
export function definitionFor(entity: PackEntity, definitions: AcronymDefinition[], pageOnly: boolean): AcronymDefinition | undefined {
  const forms = [entity.name, ...(entity.aliases ?? []), ...(entity.ambiguous ?? [])];
  const names = forms.map(foldName);
  return definitions.find((d) => {
    if (!forms.includes(d.short)) return false;
    if (pageOnly) return true;
    const long = foldName(d.long);
    // "Demilitarized Zone" for "Korean Demilitarized Zone" still names it; "single-page application" does not.
    return names.some((n) => n === long || (long.includes(' ') && long.split(' ').every((w) => n.split(' ').includes(w))));
  });
}

export function buildCards(input: CardInput): CardModel[] {
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const first = new Map<string, number>();
  const counts = new Map<string, number>();
  const sentencesOf = new Map<string, number[]>();
  input.mentions.forEach((m, order) => {
    counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    if (!first.has(m.entityId)) first.set(m.entityId, order);
  });
  for (const l of locateMentions(input.sentences, input.mentions)) {
    const list = sentencesOf.get(l.mention.entityId) ?? [];
    list.push(l.sentence);
    sentencesOf.set(l.mention.entityId, list);
  }
  const firstPos = (id: string) => {
    const m = input.mentions[first.get(id) ?? 0];
    return m ? [m.run, m.start] : [Infinity, Infinity];
  };
  const ids = [...counts.keys()].filter((id) => byId.has(id));
  // Grouped once: per card, a pass over every statement, role and source added up on long pages.
  const statementsOf = groupBy(input.facts.statements, (s) => s.entityId);
  const rolesOf = groupBy(input.facts.roles, (r) => r.entityId);
  const sourceById = new Map<string, PackSource>();
  for (const s of input.sources) if (!sourceById.has(s.id)) sourceById.set(s.id, s);
  const picker = new SentencePicker(input.sentences, input.facts, input.runKinds, input.foldedSentences);
  ids.sort((a, b) => {
    const [ra = 0, sa = 0] = firstPos(a);
    const [rb = 0, sb = 0] = firstPos(b);
    return ra - rb || sa - sb;
  });

  return ids.map((id) => {
    const e = byId.get(id) as PackEntity;
    const pageOnly = input.pageEntityIds.has(id);
    const definition = definitionFor(e, input.facts.definitions, pageOnly);
    const statements = (statementsOf.get(id) ?? [])
      .map(({ text, date, dateText, sentence }) => ({ text, sentence, ...(date ? { date } : {}), ...(dateText ? { dateText } : {}) }));
    const facts = (e.facts ?? []).map((f): CardFact => {
      const source = sourceById.get(f.source);
      // The publisher is what a reader recognises and can look up; packs made before format 2 may lack one.
      return { text: f.text, ...(f.date ? { date: f.date } : {}), ...(source ? { source: source.publisher ?? source.title } : {}), ...(source?.url ? { url: source.url } : {}) };
    });
    const pageDate = input.pageDate;
    const isLater = (f: CardFact) => pageDate !== undefined && f.date !== undefined && isLaterThan(f.date, pageDate);
    const later = facts.filter(isLater);
    const card: CardModel = {
      id,
      name: e.name,
      type: e.type,
      pageOnly,
      mentionCount: counts.get(id) ?? 0,
      background: later.length ? facts.filter((f) => !isLater(f)) : facts,
      ...(later.length ? { later } : {}),
      fromArticle: {
        roles: (rolesOf.get(id) ?? []).map(({ text, sentence }) => ({ text, sentence })),
        statements,
        ...(definition ? { definition: { long: definition.long, sentence: definition.sentence } } : {}),
        sentences: picker.pick(id, sentencesOf.get(id) ?? [], definition?.sentence),
      },
    };
    if (e.summary) card.summary = e.summary;
    const note = input.notes?.[id];
    if (note) card.note = note;
    return card;
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
