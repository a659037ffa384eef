// Sites as the reader names them ("example.com", a pasted address) turned into the match patterns
// the browser's permission and content-script APIs take, plus matching a page address against the
// patterns (the default news list, the reader's switched-off sites). Pure: no browser APIs.

/** Why an entered site was refused; each code has a UI string `options_sites_error_<code>`. */
export const SITE_ERRORS = ['empty', 'scheme', 'host', 'wildcard'] as const;
export type SiteError = (typeof SITE_ERRORS)[number];

export type SiteParse = { ok: true; host: string; pattern: string } | { ok: false; error: SiteError };

/** Registered content scripts for the reader's sites carry this id prefix plus the host. */
export const SITE_SCRIPT_PREFIX = 'backstory-site:';

const MAX_HOST = 253;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function validHost(host: string): boolean {
  if (!host || host.length > MAX_HOST) return false;
  const ip = IPV4.exec(host);
  if (ip) return ip.slice(1).every((n) => Number(n) <= 255);
  if (host === 'localhost') return true;
  const labels = host.split('.');
  // A bare word ("intranet") is more likely a typo than a site the reader means.
  if (labels.length < 2) return false;
  return labels.every((l) => LABEL.test(l)) && /[a-z]/.test(labels[labels.length - 1]!);
}

/**
 * Reads what the reader typed or the tab's address. Scheme, port, path, query and a trailing dot
 * are dropped: a site is its host name, on http and https alike (`*://host/*`), because readers
 * think of "the site", and match patterns cannot carry a port in every browser.
 */
export function parseSite(input: string): SiteParse {
  const text = input.trim();
  if (!text) return { ok: false, error: 'empty' };
  if (text.includes('*')) return { ok: false, error: 'wildcard' };
  const schemeMatch = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  // "localhost:8080" and "example.com:443" look like a scheme to the URL parser; they are hosts.
  const hasScheme = schemeMatch !== null && !/^[^/]*:\d+(\/|$)/.test(text);
  if (hasScheme && !/^https?$/i.test(schemeMatch[1]!)) return { ok: false, error: 'scheme' };
  let url: URL;
  try {
    url = new URL(hasScheme ? text : `https://${text}`);
  } catch {
    return { ok: false, error: 'host' };
  }
  if (url.username || url.password) return { ok: false, error: 'host' };
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (!validHost(host)) return { ok: false, error: 'host' };
  return { ok: true, host, pattern: patternForHost(host) };
}

export function patternForHost(host: string): string {
  return `*://${host}/*`;
}

export function scriptIdFor(host: string): string {
  return SITE_SCRIPT_PREFIX + host;
}

/** The host a registered script id stands for, or null when the id is not one of ours. */
export function hostFromScriptId(id: string): string | null {
  if (!id.startsWith(SITE_SCRIPT_PREFIX)) return null;
  const host = id.slice(SITE_SCRIPT_PREFIX.length);
  return validHost(host) ? host : null;
}

interface Pattern {
  scheme: string;
  host: string;
  /** `*.example.com`: the host and every subdomain. */
  subdomains: boolean;
}

function splitPattern(pattern: string): Pattern | null {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)\/.*$/.exec(pattern);
  if (!m) return null;
  const hostPart = m[2]!.toLowerCase();
  if (hostPart === '*') return { scheme: m[1]!, host: '', subdomains: true };
  const subdomains = hostPart.startsWith('*.');
  return { scheme: m[1]!, host: subdomains ? hostPart.slice(2) : hostPart, subdomains };
}

/** Whether `url` is one the match pattern covers (scheme and host; our patterns all end in `/*`). */
export function patternMatches(pattern: string, url: string): boolean {
  const p = splitPattern(pattern);
  if (!p) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const scheme = u.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return false;
  if (p.scheme !== '*' && p.scheme !== scheme) return false;
  const host = u.hostname.replace(/\.$/, '').toLowerCase();
  if (p.host === '') return true;
  return host === p.host || (p.subdomains && host.endsWith(`.${p.host}`));
}

/** A pattern as a reader would name the site: "*://*.bbc.co.uk/*" → "bbc.co.uk". */
export function siteLabel(pattern: string): string {
  const p = splitPattern(pattern);
  return p ? p.host || pattern : pattern;
}

/** The one host a granted origin pattern names ("*://example.com/*" → "example.com"); null for
 *  patterns wider than one host (all sites, every subdomain), which get no per-host script. */
export function singleHostOf(pattern: string): string | null {
  const p = splitPattern(pattern);
  if (!p || p.subdomains || !validHost(p.host)) return null;
  return p.host;
}
