// A pool worker of `npm run pack -- build`: analyses a batch of articles. One jsdom window per
// worker; each page is parsed with that window's DOMParser, so the content script's
// `instanceof Element` checks see one Element class.
import { readFileSync } from 'node:fs';
// @ts-expect-error -- the project has no @types/jsdom; only the constructor and its window are used.
import { JSDOM } from 'jsdom';
import type { ArticleInput } from './article-input';
import { analyzeHtml, analyzeText, type ArticleFinding } from './extract';

const { window } = new JSDOM('<!doctype html><html><body></body></html>') as { window: Window & typeof globalThis };
// The content modules use DOM globals, as in the browser.
for (const name of ['Element', 'Node', 'Text', 'NodeFilter', 'HTMLElement', 'Document'] as const) Object.assign(globalThis, { [name]: window[name] });
const parser = new window.DOMParser();

export interface BatchResult {
  findings: ArticleFinding[];
  failures: { index: number; where: string; message: string }[];
}

/** A saved page as a document of this worker's window. */
export function readHtml(path: string): Document {
  return parser.parseFromString(readFileSync(path, 'utf8'), 'text/html');
}

export function analyzeInput(input: ArticleInput): ArticleFinding {
  if (input.kind === 'html') {
    const doc = readHtml(input.path);
    const { meta, entities, unfiled } = analyzeHtml(doc, input.meta);
    return { index: input.index, where: input.where, meta, entities, unfiled };
  }
  const { entities, unfiled } = analyzeText(input.text, input.meta);
  return { index: input.index, where: input.where, meta: input.meta, entities, unfiled };
}

export default function analyzeBatch(batch: ArticleInput[]): BatchResult {
  const out: BatchResult = { findings: [], failures: [] };
  for (const input of batch) {
    try {
      out.findings.push(analyzeInput(input));
    } catch (e) {
      out.failures.push({ index: input.index, where: input.where, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
