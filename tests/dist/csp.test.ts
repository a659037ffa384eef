// The extension's own pages run under a strict content security policy: only scripts shipped in
// the package, no eval, no plugins, nothing fetched from elsewhere. The pages themselves must fit
// it (an inline script or handler would be blocked and the page would silently not work).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));

/** Directive name → its sources, lower-cased, as a browser reads a policy string. */
function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    // The first occurrence of a directive wins; repeats are ignored by browsers.
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  return out;
}

/** A source that lets in code or content from outside the package. */
function isRemote(source: string): boolean {
  return source === '*' || /^[a-z][a-z0-9+.-]*:/.test(source) || /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+/.test(source);
}

/** A URL in a page that points outside the package (any scheme, or protocol-relative). */
function isRemoteUrl(url: string): boolean {
  return /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(url.trim());
}

describe('extension CSP', () => {
  const policy: unknown = manifest.content_security_policy?.extension_pages;

  it('is set for extension pages (MV3 object form, nothing else relaxed)', () => {
    expect(typeof policy).toBe('string');
    expect(Object.keys(manifest.content_security_policy)).toEqual(['extension_pages']);
  });

  const csp = parseCsp(String(policy ?? ''));

  it("runs only the package's own scripts: script-src 'self' and nothing more", () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
  });

  it('never allows eval, inline code or wasm from strings', () => {
    for (const [name, sources] of csp) {
      for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'"]) {
        expect(sources, `${name} must not allow ${bad}`).not.toContain(bad);
      }
    }
  });

  it('names no remote source in any directive', () => {
    for (const [name, sources] of csp) {
      expect(sources.filter(isRemote), name).toEqual([]);
    }
  });

  it("blocks plugins: object-src 'none'", () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  it('the policy parser and remote check catch what they should (so the checks above can fail)', () => {
    const loose = parseCsp("script-src 'self' 'unsafe-eval' https://cdn.example.com; object-src *");
    expect(loose.get('script-src')).toContain("'unsafe-eval'");
    expect(loose.get('script-src')!.filter(isRemote)).toEqual(['https://cdn.example.com']);
    expect(['popup.js', '../icons/icon-32.png', 'https://x.example/a.js', '//x.example/a.js', 'data:text/javascript,1'].map(isRemoteUrl)).toEqual([false, false, true, true, true]);
    expect(['*', 'data:', 'cdn.example.com', '*.example.org', "'self'", "'none'"].map(isRemote)).toEqual([true, true, true, true, false, false]);
  });

  it('the built manifest carries the same policy', () => {
    const built = resolve(root, 'dist/manifest.json');
    if (!existsSync(built)) return; // unit runs without a build; `npm test` builds first
    expect(JSON.parse(readFileSync(built, 'utf8')).content_security_policy).toEqual(manifest.content_security_policy);
  });
});

describe('extension pages fit the policy', () => {
  const pages = [manifest.action.default_popup, manifest.options_ui.page].map((p: string) => ({
    page: p,
    html: readFileSync(resolve(root, 'src', p.replace(/\.html$/, '').split('/')[0]!, p.split('/').pop()!), 'utf8'),
  }));

  it.each(pages)('$page: scripts only from files in the package, none inline', ({ html }) => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attrs ?? '')?.[1];
      expect(src, 'every script has a src').toBeDefined();
      expect(isRemoteUrl(src!), `${src} is a local file`).toBe(false);
      expect((body ?? '').trim(), 'no inline script body').toBe('');
    }
  });

  it.each(pages)('$page: no inline event handlers, javascript: URLs or remote resources', ({ html }) => {
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    const urls = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter(isRemoteUrl)).toEqual([]);
  });
});
