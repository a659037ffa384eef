// One article → what it says about the people and acronyms it introduces. The extraction is the
// extension's own: the content script's article finding, run collection and page date for HTML
// (on a jsdom document), then `analyzeArticle` with an empty pack, so every titled person and
// every defined acronym comes out as a page entity, exactly as a reader's card would show them.
import { analyzeArticle } from '../../src/core/analyze';
import { foldName } from '../../src/core/article/text';
import { entityKey, type PackNameIndex } from '../../src/core/memory/entity-key';
import type { EntityType, Pack, RunText } from '../../src/core/types';
import { findArticleRoot } from '../../src/content/article-root';
import { pageDate } from '../../src/content/page-date';
import { collectRuns } from '../../src/content/runs';
import { isoDate, isWebUrl, type ArticleMeta } from './article-input';

export interface FoundStatement {
  text: string;
  /** ISO date the article gives the statement, when it gives one. */
  date?: string;
}

/** A page entity of one article, filed under the reading memory's key. */
export interface FoundEntity {
  key: string;
  name: string;
  type: EntityType;
  short: string[];
  roles: string[];
  statements: FoundStatement[];
  definition?: { short: string; long: string };
}

export interface ArticleFinding {
  index: number;
  where: string;
  meta: ArticleMeta;
  entities: FoundEntity[];
  /** Page entities with a one-word name: never filed, as the reading memory never files them. */
  unfiled: string[];
}

const EMPTY_PACK: Pack = { id: 'draft', version: 1, title: 'draft', language: 'en', sources: [], entities: [] };
const NO_PACK_NAMES: PackNameIndex = new Map();

/** A text article's runs: the title as a heading (as a page's h1), then one run per paragraph
 *  (blank-line separated; one per line when the text has no blank lines). */
export function textRuns(text: string, title?: string): RunText[] {
  const normalized = text.replace(/\r\n?/g, '\n').trim();
  const blocks = /\n\s*\n/.test(normalized) ? normalized.split(/\n\s*\n/) : normalized.split('\n');
  const runs: RunText[] = title ? [{ text: title, kind: 'heading' }] : [];
  for (const b of blocks) {
    const t = b.replace(/\s*\n\s*/g, ' ').trim();
    if (t) runs.push({ text: t, kind: 'body' });
  }
  return runs;
}

function metaContent(doc: Document, selector: string): string | undefined {
  const v = doc.querySelector(selector)?.getAttribute('content')?.replace(/\s+/g, ' ').trim();
  return v || undefined;
}

/** Address, title and outlet a saved page states about itself. */
export function htmlMeta(doc: Document): ArticleMeta {
  const canonical = doc.querySelector('link[rel~=canonical]')?.getAttribute('href')?.trim();
  const ogUrl = metaContent(doc, 'meta[property="og:url"]');
  const url = [canonical, ogUrl].find(isWebUrl);
  const docTitle = doc.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  // "Story headline | The Outlet": the part after the last separator names the site.
  const split = docTitle ? /^(.+?)\s+[|–—-]\s+([^|–—-]+)$/.exec(docTitle) : null;
  const h1 = doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || undefined;
  const title = metaContent(doc, 'meta[property="og:title"]') ?? h1 ?? split?.[1] ?? docTitle;
  const outlet = metaContent(doc, 'meta[property="og:site_name"]') ?? metaContent(doc, 'meta[name="application-name"]') ?? split?.[2]?.trim();
  const out: ArticleMeta = {};
  if (url) out.url = url;
  if (title) out.title = title;
  if (outlet) out.outlet = outlet;
  const date = pageDate(doc);
  if (date) out.date = date;
  return out;
}

/** Analyses one article's runs and files its page entities. */
export function findingsOf(runs: RunText[], date: string | undefined): Pick<ArticleFinding, 'entities' | 'unfiled'> {
  const analysis = analyzeArticle(runs, EMPTY_PACK, date ? { firstMentionOnly: false, pageDate: date } : { firstMentionOnly: false });
  const defs = new Map(analysis.definitions.map((d) => [foldName(d.long), d]));
  const entities: FoundEntity[] = [];
  const unfiled: string[] = [];
  const byId = new Map<string, FoundEntity>();
  for (const e of analysis.pageEntities) {
    const key = entityKey({ id: e.id, name: e.name, fromPack: false }, NO_PACK_NAMES);
    if (key === null) {
      unfiled.push(e.name);
      continue;
    }
    const found: FoundEntity = { key, name: e.name, type: e.type, short: [...(e.short ?? [])], roles: [], statements: [] };
    const d = e.type === 'person' ? undefined : defs.get(foldName(e.name));
    if (d) found.definition = { short: d.short, long: d.long };
    entities.push(found);
    byId.set(e.id, found);
  }
  for (const r of analysis.facts.roles) byId.get(r.entityId)?.roles.push(r.text);
  for (const s of analysis.facts.statements) {
    const found = byId.get(s.entityId);
    if (found) found.statements.push(s.date ? { text: s.text, date: s.date } : { text: s.text });
  }
  return { entities, unfiled };
}

/** An HTML page: jsdom document in, the content script's own reading of it out. */
export function analyzeHtml(doc: Document, fallback: ArticleMeta): { meta: ArticleMeta } & Pick<ArticleFinding, 'entities' | 'unfiled'> {
  const meta = { ...fallback, ...htmlMeta(doc) };
  return { meta, ...findingsOf(htmlRuns(doc), meta.date) };
}

/** The runs the content script would send for this page. */
export function htmlRuns(doc: Document): RunText[] {
  return collectRuns(findArticleRoot(doc)).map((r) => ({ text: r.text, kind: r.kind }));
}

export function analyzeText(text: string, meta: ArticleMeta): Pick<ArticleFinding, 'entities' | 'unfiled'> {
  return findingsOf(textRuns(text, meta.title), isoDate(meta.date));
}
