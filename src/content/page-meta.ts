// What the page says about itself, for the reading memory: its canonical link, og:url, site name
// and title. The background decides what to trust (a canonical link on another site is ignored).
import type { AnalyzeRequest } from '../shared/messages';

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
