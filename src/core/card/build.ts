// STUB — to be replaced by the real card assembly.
import type { ArticleFacts, CardModel, Mention, PackEntity, PackSource, Sentence } from '../types';

export interface CardInput {
  entities: PackEntity[];
  pageEntityIds: ReadonlySet<string>;
  sources: PackSource[];
  mentions: Mention[];
  sentences: Sentence[];
  facts: ArticleFacts;
  notes?: Record<string, string>;
}

export function buildCards(input: CardInput): CardModel[] {
  const counts = new Map<string, number>();
  for (const m of input.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
  return input.entities
    .filter((e) => counts.has(e.id))
    .map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      pageOnly: input.pageEntityIds.has(e.id),
      mentionCount: counts.get(e.id) ?? 0,
      summary: e.summary,
      background: (e.facts ?? []).map((f) => ({ text: f.text, date: f.date, source: input.sources.find((s) => s.id === f.source)?.title })),
      fromArticle: { roles: [], statements: [], sentences: [] },
    }));
}
