// Turns a saved page or a text file into the runs the extension would read: an HTML page goes
// through the content script's own article finder and run collector (in jsdom); a text file is
// split into paragraphs at blank lines, with "# " lines as headings.
// @ts-expect-error -- the project has no @types/jsdom (as in scripts/bench-analyze.ts); only the constructor and its window are used.
import { JSDOM } from 'jsdom';
import type { RunText } from '../../src/core/types';

export interface PageText {
  runs: RunText[];
  /** The article's date (YYYY-MM-DD) as the extension would read it, when the page gives one. */
  pageDate?: string;
}

export function isHtmlPath(path: string): boolean {
  return /\.(x?html?|xht)$/i.test(path);
}

/** The content code tests `instanceof Element` and friends, which live on the jsdom window. */
function borrowDomGlobals(window: Window): void {
  const g = globalThis as Record<string, unknown>;
  for (const name of ['Node', 'Element', 'HTMLElement', 'Text', 'CharacterData', 'Document', 'NodeFilter']) {
    if (g[name] === undefined) g[name] = (window as unknown as Record<string, unknown>)[name];
  }
}

export async function readHtmlPage(html: string): Promise<PageText> {
  const { window } = new JSDOM(html) as { window: Window };
  borrowDomGlobals(window);
  // Loaded after the globals exist, as the content script is in a page.
  const { findArticleRoot } = await import('../../src/content/article-root');
  const { collectRuns } = await import('../../src/content/runs');
  const { pageDate } = await import('../../src/content/page-date');
  const doc = window.document;
  const runs = collectRuns(findArticleRoot(doc)).map(({ text, kind }) => ({ text, kind }));
  const date = pageDate(doc);
  return { runs, ...(date ? { pageDate: date } : {}) };
}

export function readTextPage(text: string): PageText {
  const runs: RunText[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const para = block.replace(/\s*\n\s*/g, ' ').trim();
    if (!para) continue;
    const heading = /^#+\s+(.*)$/.exec(para);
    runs.push(heading ? { text: heading[1]!, kind: 'heading' } : { text: para, kind: 'body' });
  }
  return { runs };
}
