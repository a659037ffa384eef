// The saved news-page fixtures (tests/fixtures/pages): loading one into jsdom the way the browser
// parses it, its expectations, and the >1 MB page built from a template.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PAGES_DIR = resolve(__dirname, '../fixtures/pages');

export interface Expected {
  /** What the fixture reproduces. */
  about: string;
  /** Entity id → mentions highlighted on the page as served (its scripts not run), exactly. */
  highlights: Record<string, number>;
  /** Selectors (each must match something) inside which nothing may be highlighted. */
  notHighlighted: string[];
  /** In Chromium, after the page's own scripts ran (`waitFor: 'fixtureDone'` waits for
   *  html[data-fixture-done]); defaults to `highlights`. */
  chromium?: { highlights: Record<string, number>; waitFor?: 'fixtureDone' };
}

export function fixtureNames(): string[] {
  return readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/\.html$/, ''))
    .sort();
}

export function fixtureHtml(name: string): string {
  return readFileSync(resolve(PAGES_DIR, `${name}.html`), 'utf8');
}

export function expected(name: string): Expected {
  return JSON.parse(readFileSync(resolve(PAGES_DIR, `${name}.expected.json`), 'utf8')) as Expected;
}

/** Replaces the current jsdom document's head and body with the fixture's (scripts stay in the
 *  DOM as text but do not run, so the page is as served). */
export function loadFixture(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.removeAttribute('data-backstory');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
}

/** A page over `minBytes` made of the mega-menu story's body repeated (with its chrome kept
 *  once), and how many copies of the article paragraphs it holds. */
export function bigPage(minBytes = 1_100_000): { html: string; copies: number } {
  const html = fixtureHtml('mega-menu');
  const start = html.indexOf('<p>President');
  const end = html.indexOf('</article>');
  const body = html.slice(start, end);
  const copies = Math.ceil(minBytes / body.length);
  const filler = Array.from({ length: copies }, (_, i) => `<section class="part" id="part-${i}">${body}</section>`).join('\n');
  return { html: html.slice(0, start) + filler + html.slice(end), copies };
}
