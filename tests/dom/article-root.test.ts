// @vitest-environment jsdom
// Finding the article's text on news-like pages: the story is read, site chrome is not.
import { describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../src/content/article-root';
import { collectRuns } from '../../src/content/runs';
import { page } from './fixtures';

const PARA = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1} of the report, long enough to count as prose, with a clause, and another clause for good measure.</p>`).join('');

function runTexts(): string {
  return collectRuns(findArticleRoot(document)).map((r) => r.text.trim()).join('\n');
}

const NEWS_PAGE = `
  <header><a href="/">The Daily Example</a><nav><a href="/w">World</a><a href="/a">Asia</a><a href="/p">Kim Jong Un archive</a></nav></header>
  <main>
    <div class="headline-area"><h1>Envoys meet again</h1></div>
    <article>
      <p class="dek">A short standfirst.</p>
      ${PARA(4)}
      <figure><img src="x.jpg" alt=""><figcaption>Delegates at the border village.</figcaption></figure>
      <aside class="pullquote">Sidebar words</aside>
      <div class="share-tools"><a href="#">Share on A</a><a href="#">Share on B</a><a href="#">Share on C</a></div>
      ${PARA(2)}
      <div class="related-links"><h3>More on this</h3><ul><li><a href="/1">First story</a></li><li><a href="/2">Second story</a></li><li><a href="/3">Third story</a></li></ul></div>
      <form><label>Email <input></label><p>Sign up for updates</p></form>
      <div id="comments"><p>Reader comment that names Choe Son Hui, long enough to be a paragraph of text.</p></div>
    </article>
  </main>
  <aside role="complementary">${PARA(1)}</aside>
  <footer><p>Copyright notice text</p></footer>`;

describe('findArticleRoot', () => {
  it('picks the article and reads headings, captions and body, skipping site chrome', () => {
    page(NEWS_PAGE);
    const found = findArticleRoot(document);
    expect(found.root.localName).toBe('article');
    const runs = collectRuns(found);
    const kinds = new Map(runs.map((r) => [r.text.trim(), r.kind]));
    expect(kinds.get('Envoys meet again')).toBe('heading');
    expect(kinds.get('Delegates at the border village.')).toBe('caption');
    expect(kinds.get('A short standfirst.')).toBe('body');
    const text = runTexts();
    for (const gone of ['World', 'Kim Jong Un archive', 'Sidebar words', 'Share on', 'First story', 'Sign up', 'Reader comment', 'Copyright']) {
      expect(text, gone).not.toContain(gone);
    }
    // All six paragraphs of the story, on both sides of the share box and the pull quote.
    expect(runs.filter((r) => r.text.startsWith('Paragraph')).length).toBe(6);
  });

  it('prefers schema.org articleBody over a larger wrapper', () => {
    page(`<div>${PARA(1)}<div itemprop="articleBody">${PARA(3)}</div>${PARA(5)}</div>`);
    expect(findArticleRoot(document).method).toBe('articleBody');
  });

  it('ignores teaser articles in a sidebar and short ones', () => {
    page(`<aside><article>${PARA(6)}</article></aside><article><p>Teaser.</p></article><main>${PARA(3)}</main>`);
    const found = findArticleRoot(document);
    expect(found.method).toBe('main');
    expect(found.root.localName).toBe('main');
  });

  it('falls back to paragraph density, then to body', () => {
    page(`<div id="nav-ish"><a href="#">One</a></div><div id="story"><div id="text">${PARA(5)}</div></div><div>${PARA(1)}</div>`);
    expect(findArticleRoot(document)).toMatchObject({ method: 'density' });
    expect(findArticleRoot(document).root.id).toBe('text');
    page('<p>Just a line.</p>');
    expect(findArticleRoot(document)).toMatchObject({ method: 'body', root: document.body });
  });

  it('does not mistake "has-comments" or "commentary" for a comment section', () => {
    page(`<div class="post has-comments"><article class="commentary">${PARA(3)}</article></div>`);
    expect(findArticleRoot(document).root.localName).toBe('article');
    expect(runTexts()).toContain('Paragraph 3');
  });

  it('keeps a link-rich paragraph of prose but drops a list of links', () => {
    page(`<article>${PARA(3)}<p>He cited <a href="#">one report</a>, <a href="#">another</a> and <a href="#">a third</a> in a long sentence of ordinary prose that goes on.</p>
      <ul><li><a href="#">Link one</a></li><li><a href="#">Link two</a></li><li><a href="#">Link three</a></li></ul></article>`);
    const text = runTexts();
    expect(text).toContain('in a long sentence of ordinary prose');
    expect(text).not.toContain('Link two');
  });
});
