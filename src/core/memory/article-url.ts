// Which URL an article is filed under. Reading the same article again (another tracking link, an
// AMP copy, a reload) must find the same record, and a page must never be able to file facts
// under another site's article: a canonical link only counts when it names the page's own site.

/** Query parameters that only say how the reader arrived, never which article it is. */
const TRACKING = /^(?:utm_.*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ocid|cmpid|ncid|ref_src|smid|at_medium|at_campaign)$/i;

/** Leading labels that name another rendering of the same site. */
const SAME_SITE_PREFIX = /^(?:www|m|amp|mobile)\./;

function parse(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** A host as the memory names its site: lower case, a leading www./m./amp. dropped
 *  ("www.bbc.co.uk" and "m.bbc.co.uk" are one site). Stored articles, excluded sites and "Forget
 *  this site" all go through it, so they always compare alike. */
export function siteName(host: string): string {
  return host.trim().toLowerCase().replace(SAME_SITE_PREFIX, '');
}

export function siteOf(url: string): string | null {
  const u = parse(url);
  return u ? siteName(u.hostname) : null;
}

function clean(u: URL): string {
  const out = new URL(u.href);
  out.hash = '';
  for (const name of [...out.searchParams.keys()]) if (TRACKING.test(name)) out.searchParams.delete(name);
  // An emptied query leaves a bare "?" otherwise.
  if ([...out.searchParams.keys()].length === 0) out.search = '';
  return out.href;
}

export interface PageLinks {
  /** `<link rel=canonical href>` as the page wrote it (may be relative). */
  canonical?: string;
  /** `<meta property=og:url content>`. */
  ogUrl?: string;
}

/** The URL the article is filed under, or null when the page is not an http(s) page. The
 *  canonical link wins, then og:url, each only when it is on the page's own site. */
export function articleUrl(pageUrl: string, links: PageLinks = {}): string | null {
  const page = parse(pageUrl);
  if (!page) return null;
  const site = siteOf(page.href);
  for (const claimed of [links.canonical, links.ogUrl]) {
    if (!claimed) continue;
    let u: URL | null;
    try {
      u = parse(new URL(claimed, page.href).href);
    } catch {
      u = null;
    }
    if (u && siteOf(u.href) === site) return clean(u);
  }
  return clean(page);
}
