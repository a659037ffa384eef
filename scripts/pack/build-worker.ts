// A pool worker of `npm run pack -- build`: analyses a batch of articles. One jsdom window per
// worker (html-file.ts); each page is parsed with that window's DOMParser, so the content script's
// `instanceof Element` checks see one Element class.
import type { ArticleInput } from './article-input';
import { analyzeHtml, analyzeText, type ArticleFinding } from './extract';
import { readHtml } from './html-file';

export interface BatchResult {
  findings: ArticleFinding[];
  failures: { index: number; where: string; message: string }[];
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
