// What the page says about itself, for the reading memory: its canonical link, og:url, site name
// and title. The background decides what to trust (a canonical link on another site is ignored).
import type { AnalyzeRequest } from '../shared/messages';
import type { PageAbout } from './analysis-client';
import { pageDate } from './page-date';

function attr(doc: Document, selector: string, name: string): string | undefined {
  const value = doc.querySelector(selector)?.getAttribute(name)?.trim();
  return value ? value.slice(0, 2048) : undefined;
}

export function pageMeta(doc: Document): NonNullable<AnalyzeRequest['page']> {
  const out: NonNullable<AnalyzeRequest['page']> = {};
  const canonical = attr(doc, 'link[rel~="canonical" i][href]', 'href');
  const ogUrl = attr(doc, 'meta[property="og:url"][content]', 'content');
  const siteName = attr(doc, 'meta[property="og:site_name"][content]', 'content');
  const title = attr(doc, 'meta[property="og:title"][content]', 'content') ?? (doc.title.trim() || undefined);
  if (canonical) out.canonical = canonical;
  if (ogUrl) out.ogUrl = ogUrl;
  if (siteName) out.siteName = siteName.slice(0, 300);
  if (title) out.title = title.slice(0, 1000);
  return out;
}

/** The last reading per document, with the address it was read at. */
const read = new WeakMap<Document, { url: string; about: PageAbout }>();

/** The page's date and metadata, read once per address: a live page sends them with every
 *  update, and its head does not change between updates (a single-page site that moves to
 *  another article changes its address, and is read again). */
export function aboutPage(doc: Document): PageAbout {
  const url = doc.URL;
  const known = read.get(doc);
  if (known?.url === url) return known.about;
  const about: PageAbout = { pageDate: pageDate(doc), page: pageMeta(doc) };
  read.set(doc, { url, about });
  return about;
}
