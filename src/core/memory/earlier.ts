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

/** An entry with its article, as the store returns them. */
export interface StoredEntry {
  article: Pick<ArticleMemory, 'url' | 'title' | 'outlet' | 'published' | 'readAt'>;
  entry: EntityEntry;
}

/** The most telling fact of one entry: what they said (dated), then what they are, then what an
 *  acronym stands for, then a sentence naming them. */
export function bestFact(entry: EntityEntry): { kind: EarlierKind; text: string; factDate?: string } | null {
  const s = entry.statements[0];
  if (s) return s.date ? { kind: 'statement', text: s.text, factDate: s.date } : { kind: 'statement', text: s.text };
  if (entry.roles[0]) return { kind: 'role', text: entry.roles[0] };
  if (entry.definition) return { kind: 'definition', text: entry.definition };
  if (entry.sentences[0]) return { kind: 'sentence', text: entry.sentences[0] };
  return null;
}

/** Newest first by article day, then by when it was read. */
export function newestFirst(a: StoredEntry, b: StoredEntry): number {
  const da = articleDay(a.article);
  const db = articleDay(b.article);
  if (da !== db) return da < db ? 1 : -1;
  return b.article.readAt - a.article.readAt;
}

/** `current`: the URL(s) the article being read is filed under; it never lists itself. */
export function earlierItems(entries: readonly StoredEntry[], current: string | null | ReadonlySet<string>, limit: number): EarlierItem[] {
  const skip = typeof current === 'string' ? new Set([current]) : (current ?? new Set<string>());
  const seen = new Set<string>();
  const out: EarlierItem[] = [];
  for (const e of [...entries].sort(newestFirst)) {
    if (skip.has(e.article.url) || seen.has(e.article.url)) continue;
    const fact = bestFact(e.entry);
    if (!fact) continue;
    seen.add(e.article.url);
    // The role is a noun phrase the page may have split; the sentence or quote is on the page as is.
    const anchor = fact.kind === 'role' || fact.kind === 'definition' ? (e.entry.sentences[0] ?? fact.text) : fact.text;
    const item: EarlierItem = {
      href: linkToText(e.article.url, anchor),
      url: e.article.url,
      date: articleDay(e.article),
      outlet: e.article.outlet,
      title: e.article.title,
      kind: fact.kind,
      text: fact.text,
    };
    if (fact.factDate) item.factDate = fact.factDate;
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
