// @vitest-environment jsdom
// The resumable run collector: stopped after every few dozen nodes, it must hand the annotator
// exactly the runs a plain recursive walk of the article finds (same text, nodes, block, kind).
import { describe, expect, it } from 'vitest';
import { findArticleRoot, isExcludedRegion, type ArticleRoot } from '../../src/content/article-root';
import { isInline, isInsideSkipped, isSkipped } from '../../src/shared/dom-kinds';
import { RunCollector, collectRuns, collectRunsIn, type DomRun } from '../../src/content/runs';
import type { RunKind } from '../../src/core/types';
import { bigPage, fixtureHtml, fixtureNames, loadFixture } from './page-fixtures';

/** The walk as first written (recursive, full checks on every element): the reference. */
function referenceRuns(article: ArticleRoot): DomRun[] {
  const runs: DomRun[] = [];
  const kindOf = (el: Element, inherited: RunKind): RunKind =>
    /^h[1-6]$/.test(el.localName) ? 'heading' : el.localName === 'figcaption' || el.localName === 'caption' ? 'caption' : inherited;
  let nodes: Text[] = [];
  let block: Element | null = null;
  let kind: RunKind = 'body';
  const flush = () => {
    const text = nodes.map((n) => n.data).join('');
    if (nodes.length && block && text.trim() !== '') runs.push({ text, kind, nodes, block });
    nodes = [];
  };
  const walk = (el: Element, root: Element, b: Element, k: RunKind) => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if ((child as Text).data.length > 0) {
          if (nodes.length === 0) [block, kind] = [b, k];
          nodes.push(child as Text);
        }
        continue;
      }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const c = child as Element;
      if (c.localName === 'br' || isSkipped(c) || isExcludedRegion(c, root)) flush();
      else if (isInline(c)) walk(c, root, b, k);
      else {
        flush();
        walk(c, root, c, kindOf(c, k));
        flush();
      }
    }
  };
  for (const container of [...article.extraHeadings, article.root]) {
    if (isInsideSkipped(container)) continue;
    let k: RunKind = 'body';
    for (let e: Element | null = container; e && k === 'body'; e = e.parentElement) k = kindOf(e, 'body');
    walk(container, container, container, k);
    flush();
  }
  return runs;
}

function stepped(article: ArticleRoot): { runs: DomRun[]; steps: number } {
  const collector = new RunCollector(article);
  let steps = 0;
  // A deadline already past: each step walks one batch of nodes and stops.
  while (!collector.step(performance.now() - 1)) steps++;
  return { runs: collector.runs, steps };
}

const shape = (runs: DomRun[]) => runs.map((r) => ({ text: r.text, kind: r.kind, nodes: r.nodes, block: r.block }));

describe('RunCollector', () => {
  for (const name of fixtureNames()) {
    it(`stepped with a past deadline, finds the same runs as a recursive walk: ${name}`, () => {
      loadFixture(fixtureHtml(name));
      const article = findArticleRoot(document);
      const reference = shape(referenceRuns(article));
      expect(reference.length).toBeGreaterThan(0);
      expect(shape(stepped(article).runs)).toEqual(reference);
      expect(shape(collectRuns(article))).toEqual(reference);
    });
  }

  it('stops and resumes many times on a >1 MB page, and still finds every run', () => {
    loadFixture(bigPage().html);
    const article = findArticleRoot(document);
    const { runs, steps } = stepped(article);
    expect(steps).toBeGreaterThan(100);
    expect(shape(runs)).toEqual(shape(referenceRuns(article)));
  });

  it('leaves out runs holding claimed text, as collectRunsIn does', () => {
    loadFixture(fixtureHtml(fixtureNames()[0]!));
    const article = findArticleRoot(document);
    const claimed = new WeakSet<Text>([collectRuns(article)[0]!.nodes[0]!]);
    const collector = new RunCollector(article, claimed);
    collector.step(Number.POSITIVE_INFINITY);
    expect(collector.runs.map((r) => r.text)).toEqual(collectRuns(article).slice(1).map((r) => r.text));
    expect(collectRunsIn(article.root, claimed).map((r) => r.text)).toEqual(
      collectRunsIn(article.root).filter((r) => !r.nodes.some((n) => claimed.has(n))).map((r) => r.text),
    );
  });
});
