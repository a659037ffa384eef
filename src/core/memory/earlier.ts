// Choosing what a card shows under "Earlier in your reading": from the stored entries of an
// entity, newest article first, one item per earlier article, never the article being read.
import { linkToText } from './text-fragment';
import { articleDay, type ArticleMemory, type EntityEntry } from './records';

export type EarlierKind = 'role' | 'statement' | 'definition' | 'sentence';

/** One item of the section: what an earlier article said, and a link to where it said it. */
export interface EarlierItem {
  /** The earlier article's URL with a text fragment at the fact. */
  href: string;
  /** The earlier article's URL as stored (no fragment). */
  url: string;
  /** ISO day: the article's publication date, else the day it was read. */
  date: string;
  outlet: string;
  title: string;
  kind: EarlierKind;
  text: string;
  /** ISO date the statement carries, when it carries one. */
  factDate?: string;
}

/** What an entry says, without whose it is. */
export type Facts = Pick<EntityEntry, 'roles' | 'statements' | 'definition' | 'sentences'>;

/** What an item needs of the article it comes from. */
export type ArticleInfo = Pick<ArticleMemory, 'url' | 'title' | 'outlet' | 'published' | 'readAt'>;

/** What one earlier article said about one entity, already reduced to what a card shows: the
 *  memory keeps each name's newest few of these ready, so a card's lookup is one read per name. */
export interface Remembered {
  url: string;
  title: string;
  outlet: string;
  /** Sort day: the article's publication date, else the day it was read. */
  day: string;
  readAt: number;
  kind: EarlierKind;
  text: string;
  factDate?: string;
  /** The words the link's text fragment points at. */
  anchor: string;
}

/** The most telling fact of one entry: what they said (dated), then what they are, then what an
 *  acronym stands for, then a sentence naming them. */
function bestFact(entry: Facts): { kind: EarlierKind; text: string; factDate?: string } | null {
  const s = entry.statements[0];
  if (s) return s.date ? { kind: 'statement', text: s.text, factDate: s.date } : { kind: 'statement', text: s.text };
  if (entry.roles[0]) return { kind: 'role', text: entry.roles[0] };
  if (entry.definition) return { kind: 'definition', text: entry.definition };
  if (entry.sentences[0]) return { kind: 'sentence', text: entry.sentences[0] };
  return null;
}

/** The item a stored entry gives a card, or null when it holds no fact to show. */
export function remembered(article: ArticleInfo, entry: Facts): Remembered | null {
  const fact = bestFact(entry);
  if (!fact) return null;
  // The role is a noun phrase the page may have split; the sentence or quote is on the page as is.
  const anchor = fact.kind === 'role' || fact.kind === 'definition' ? (entry.sentences[0] ?? fact.text) : fact.text;
  const out: Remembered = { url: article.url, title: article.title, outlet: article.outlet, day: articleDay(article), readAt: article.readAt, kind: fact.kind, text: fact.text, anchor };
  if (fact.factDate) out.factDate = fact.factDate;
  return out;
}

/** Newest first by article day, then by when it was read. */
export function newestFirst(a: Pick<Remembered, 'day' | 'readAt'>, b: Pick<Remembered, 'day' | 'readAt'>): number {
  if (a.day !== b.day) return a.day < b.day ? 1 : -1;
  return b.readAt - a.readAt;
}

/** `current`: the URL(s) the article being read is filed under; it never lists itself. */
export function earlierItems(list: readonly Remembered[], current: string | null | ReadonlySet<string>, limit: number): EarlierItem[] {
  const skip = typeof current === 'string' ? new Set([current]) : (current ?? new Set<string>());
  const seen = new Set<string>();
  const out: EarlierItem[] = [];
  for (const r of [...list].sort(newestFirst)) {
    if (skip.has(r.url) || seen.has(r.url)) continue;
    seen.add(r.url);
    const item: EarlierItem = { href: linkToText(r.url, r.anchor), url: r.url, date: r.day, outlet: r.outlet, title: r.title, kind: r.kind, text: r.text };
    if (r.factDate) item.factDate = r.factDate;
    out.push(item);
    if (out.length === limit) break;
  }
  return out;
}

export const RETENTIONS = ['3m', '1y', 'forever'] as const;
export type Retention = (typeof RETENTIONS)[number];

const DAY_MS = 86_400_000;

/** Articles read before this instant are forgotten; null keeps everything. */
export function retentionCutoff(retention: Retention, now: number): number | null {
  if (retention === 'forever') return null;
  return now - (retention === '3m' ? 92 : 366) * DAY_MS;
}
