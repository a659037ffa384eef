// What the memory keeps of one analysed page: per entity on its cards, the roles, dated
// statements, acronym definition and a few mentioning sentences, cut to the caps in records.ts.
import { clip } from '../article/text';
import { isNoteEntityId } from '../note-ids';
import type { CardModel } from '../types';
import { entityKey, type PackNameIndex } from './entity-key';
import { LIMITS, type ArticleMemory, type EntityEntry } from './records';

export interface ArticleMeta {
  /** The URL the article is filed under (article-url.ts). */
  url: string;
  title: string;
  outlet: string;
  published?: string;
  readAt: number;
}

function distinct(texts: string[], max: number, len: number): string[] {
  const out: string[] = [];
  for (const t of texts) {
    const c = clip(t, len);
    if (c && !out.includes(c)) out.push(c);
    if (out.length === max) break;
  }
  return out;
}

export function entryOfCard(card: CardModel, packNames: PackNameIndex): EntityEntry | null {
  // The reader's own notes are theirs, not the article's: not filed.
  if (isNoteEntityId(card.id)) return null;
  const key = entityKey({ id: card.id, name: card.name, fromPack: !card.pageOnly }, packNames);
  if (key === null) return null;
  const fa = card.fromArticle;
  const statements: EntityEntry['statements'] = [];
  for (const s of fa.statements) {
    const text = clip(s.text, LIMITS.statement);
    if (!text || statements.some((x) => x.text === text)) continue;
    statements.push(s.date && /^\d{4}-\d{2}-\d{2}$/.test(s.date) ? { text, date: s.date } : { text });
    if (statements.length === LIMITS.statements) break;
  }
  const entry: EntityEntry = {
    key,
    name: clip(card.name, LIMITS.name),
    type: card.type,
    roles: distinct(fa.roles.map((r) => r.text), LIMITS.roles, LIMITS.role),
    statements,
    sentences: distinct(fa.sentences.map((s) => s.text), LIMITS.sentences, LIMITS.sentence),
  };
  if (fa.definition) entry.definition = clip(fa.definition.long, LIMITS.definition);
  const said = entry.roles.length + entry.statements.length + entry.sentences.length + (entry.definition ? 1 : 0);
  return said > 0 ? entry : null;
}

/** The record for one article, or null when it says nothing about any entity. Cards of the same
 *  key (a page-only name the pack also knows) are joined into one entry. */
export function articleMemory(cards: readonly CardModel[], packNames: PackNameIndex, meta: ArticleMeta): ArticleMemory | null {
  const byKey = new Map<string, { entry: EntityEntry; mentions: number }>();
  for (const card of cards) {
    const entry = entryOfCard(card, packNames);
    if (!entry) continue;
    const had = byKey.get(entry.key);
    if (!had) {
      byKey.set(entry.key, { entry, mentions: card.mentionCount });
      continue;
    }
    const e = had.entry;
    e.roles = distinct([...e.roles, ...entry.roles], LIMITS.roles, LIMITS.role);
    e.sentences = distinct([...e.sentences, ...entry.sentences], LIMITS.sentences, LIMITS.sentence);
    for (const s of entry.statements) if (e.statements.length < LIMITS.statements && !e.statements.some((x) => x.text === s.text)) e.statements.push(s);
    e.definition ??= entry.definition;
    had.mentions += card.mentionCount;
  }
  if (byKey.size === 0) return null;
  const entities = [...byKey.values()]
    .sort((a, b) => b.mentions - a.mentions)
    .slice(0, LIMITS.entities)
    .map((x) => x.entry);
  const out: ArticleMemory = {
    url: meta.url,
    title: clip(meta.title, LIMITS.title),
    outlet: clip(meta.outlet, LIMITS.outlet) || 'unknown',
    readAt: meta.readAt,
    entities,
  };
  if (meta.published) out.published = meta.published;
  return out;
}
