import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostFromScriptId, parseSite, patternMatches, scriptIdFor, singleHostOf, siteLabel } from '../../src/core/sites';

describe('parseSite: what the reader types becomes one site pattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['https://www.example.com/world/asia?x=1#top', 'www.example.com'],
    ['http://news.example.co.kr', 'news.example.co.kr'],
    ['example.com:8080/path', 'example.com'],
    ['localhost:8737', 'localhost'],
    ['http://127.0.0.1:9000/demo', '127.0.0.1'],
    ['example.org.', 'example.org'],
  ])('%s → *://%s/*', (input, host) => {
    expect(parseSite(input)).toEqual({ ok: true, host, pattern: `*://${host}/*` });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['ftp://example.com', 'scheme'],
    ['file:///home/me/page.html', 'scheme'],
    ['chrome://extensions', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['*.example.com', 'wildcard'],
    ['https://*/*', 'wildcard'],
    ['intranet', 'host'],
    ['exa mple.com', 'host'],
    ['-bad-.com', 'host'],
    ['https://user:pw@example.com', 'host'],
    ['999.1.1.1', 'host'],
    ['example.123', 'host'],
    ['https://', 'host'],
  ])('refuses %j (%s)', (input, error) => {
    expect(parseSite(input)).toEqual({ ok: false, error });
  });

  it('never yields a pattern wider than one host', () => {
    for (const input of ['*', '<all_urls>', '*://*/*', 'http://*', 'all']) {
      const r = parseSite(input);
      if (r.ok) expect(r.pattern).not.toMatch(/\*\.|:\/\/\*\//);
    }
  });
});

describe('script ids', () => {
  it('round-trip a host and ignore ids that are not ours', () => {
    expect(hostFromScriptId(scriptIdFor('www.example.com'))).toBe('www.example.com');
    expect(hostFromScriptId('other-extension-script')).toBeNull();
    expect(hostFromScriptId('backstory-site:not a host')).toBeNull();
  });
});

describe('patternMatches', () => {
  it('matches the host and, for *. patterns, its subdomains only', () => {
    expect(patternMatches('*://*.bbc.co.uk/*', 'https://www.bbc.co.uk/news/world')).toBe(true);
    expect(patternMatches('*://*.bbc.co.uk/*', 'http://bbc.co.uk/')).toBe(true);
    expect(patternMatches('*://*.bbc.co.uk/*', 'https://notbbc.co.uk/')).toBe(false);
    expect(patternMatches('*://*.bbc.co.uk/*', 'https://bbc.co.uk.evil.example/')).toBe(false);
    expect(patternMatches('*://example.com/*', 'https://www.example.com/')).toBe(false);
    expect(patternMatches('*://example.com/*', 'http://EXAMPLE.com:8080/a')).toBe(true);
  });

  it('respects the scheme and ignores the port', () => {
    expect(patternMatches('http://127.0.0.1/*', 'http://127.0.0.1:8737/index.html')).toBe(true);
    expect(patternMatches('http://127.0.0.1/*', 'https://127.0.0.1/')).toBe(false);
    expect(patternMatches('*://example.com/*', 'ftp://example.com/')).toBe(false);
    expect(patternMatches('*://example.com/*', 'not a url')).toBe(false);
    expect(patternMatches('garbage', 'https://example.com/')).toBe(false);
  });

  it('covers every default news site the manifest lists (their pages match their own pattern)', () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../manifest.json'), 'utf8'));
    const matches: string[] = manifest.content_scripts[0].matches;
    for (const pattern of matches) {
      const host = siteLabel(pattern);
      expect(patternMatches(pattern, `https://www.${host}/story`) || patternMatches(pattern, `http://${host}/story`), pattern).toBe(true);
    }
  });
});

describe('siteLabel', () => {
  it('names a pattern by its host', () => {
    expect(siteLabel('*://*.nytimes.com/*')).toBe('nytimes.com');
    expect(siteLabel('http://localhost/*')).toBe('localhost');
    expect(siteLabel('weird')).toBe('weird');
  });
});

describe('singleHostOf: which granted origins get a per-host script', () => {
  it('names the host of a one-host grant', () => {
    expect(singleHostOf('*://example.com/*')).toBe('example.com');
    expect(singleHostOf('https://news.example.org/*')).toBe('news.example.org');
  });
  it('refuses grants wider than one host', () => {
    expect(singleHostOf('*://*/*')).toBeNull();
    expect(singleHostOf('*://*.example.com/*')).toBeNull();
    expect(singleHostOf('<all_urls>')).toBeNull();
  });
});
