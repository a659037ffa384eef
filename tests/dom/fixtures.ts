// Shared by the DOM tests: a small inline pack and helpers that run the real pipeline on a page.
import { analyzeArticle, type Analysis } from '../../src/core/analyze';
import type { Pack } from '../../src/core/types';
import { findArticleRoot } from '../../src/content/article-root';
import { Highlighter } from '../../src/content/highlight';
import { markRanges } from '../../src/ui/mark-ranges';
import { collectRuns, type DomRun } from '../../src/content/runs';

export const PACK: Pack = {
  id: 'test',
  version: 1,
  title: 'Test pack',
  language: 'en',
  sources: [{ id: 'src', title: 'Test source', date: '2019-09' }],
  entities: [
    { id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui', short: ['Choe'], summary: 'A senior diplomat of North Korea.' },
    { id: 'kim-jong-un', type: 'person', name: 'Kim Jong Un', summary: 'Leader of North Korea since 2011.' },
    { id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', short: ['Pompeo'], summary: 'US Secretary of State in 2019.' },
    {
      id: 'yongbyon',
      type: 'place',
      name: 'Yongbyon',
      aliases: ['Nyongbyon'],
      summary: 'Site of the main nuclear complex of the North.',
      facts: [{ text: 'Its reactor was offered up for closure at the Hanoi meeting.', date: '2019-02-28', source: 'src' }],
    },
  ],
};

export function page(html: string): HTMLElement {
  document.documentElement.removeAttribute('data-backstory');
  document.head.innerHTML = '';
  document.body.innerHTML = html;
  return document.body;
}

export interface Annotated {
  runs: DomRun[];
  analysis: Analysis;
  highlighter: Highlighter;
}

/** Runs the whole pipeline synchronously on the current document and wraps every accepted hit. */
export function annotate(pack: Pack = PACK): Annotated {
  const runs = collectRuns(findArticleRoot(document));
  const analysis = analyzeArticle(runs, pack, { firstMentionOnly: false });
  const highlighter = new Highlighter();
  runs.forEach((run, i) => {
    const shown = (analysis.hits[i] ?? []).filter((h) => h.entityId !== null && h.hidden !== true);
    const ids = shown.map((h) => h.entityId!);
    highlighter.highlightRun(run, shown.flatMap((h, k) => [h.start, h.end, k]), ids, markRanges);
  });
  return { runs, analysis, highlighter };
}

/** Entity id and text of every mention element, in document order. */
export function mentions(root: ParentNode = document): [string, string][] {
  return Array.from(root.querySelectorAll('backstory-mention')).map((el) => [el.getAttribute('data-backstory-entity') ?? '', el.textContent ?? '']);
}
