// The article's publication date, so "on August 31" in the text can be given its year.
// Publisher metadata first (Open Graph / schema.org), then the first <time datetime> in an article.

const META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="parsely-pub-date"]',
  'meta[property="og:published_time"]',
];

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

function isoDay(value: string | null | undefined): string | undefined {
  const m = ISO_DATE.exec((value ?? '').trim());
  return m?.[1];
}

export function pageDate(doc: Document): string | undefined {
  for (const sel of META) {
    const d = isoDay(doc.querySelector(sel)?.getAttribute('content'));
    if (d) return d;
  }
  const itemprop = doc.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]');
  const fromItemprop = isoDay(itemprop?.getAttribute('datetime') ?? itemprop?.getAttribute('content'));
  if (fromItemprop) return fromItemprop;
  const time = doc.querySelector('article time[datetime], main time[datetime], time[datetime]');
  return isoDay(time?.getAttribute('datetime'));
}
