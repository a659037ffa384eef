// @vitest-environment jsdom
// Highlighting with the real mark.js and the real core pipeline: what gets wrapped, what never
// does, and that removing the highlights gives back the page exactly.
import { describe, expect, it } from 'vitest';
import { annotate, mentions, page } from './fixtures';

const LONG = 'Talks between the two sides have stalled for weeks, and neither capital has shown much interest in moving first.';

const PAGES: Record<string, string> = {
  plain: `<article><h1>Kim Jong Un waits</h1><p>${LONG} Kim Jong Un met officials.</p><p>Choe Son Hui answered Mike Pompeo. Later, Choe spoke again and Pompeo replied.</p></article>`,
  splitByTags: `<article><p>${LONG}</p><p>The minister <b>Choe</b> Son <i>Hui</i> spoke; so did Mike <em>Pompeo</em>, twice.</p></article>`,
  inLink: `<article><p>${LONG}</p><p>Read about <a href="/y">the Yongbyon site</a> and <a href="/k"><span>Kim</span> Jong Un</a>.</p></article>`,
  sameNodeTwice: `<article><p>${LONG}</p><p>Yongbyon, Yongbyon and again Nyongbyon.</p></article>`,
  whitespace: `<article>\n  <p>${LONG}</p>\n  <p>\n    Kim Jong Un\n    and Mike   Pompeo.\n  </p>\n</article>`,
};

describe('highlight', () => {
  it('wraps each resolved name in backstory-mention elements carrying the entity id', () => {
    page(PAGES.plain!);
    annotate();
    const found = mentions();
    expect(found).toContainEqual(['kim-jong-un', 'Kim Jong Un']);
    expect(found).toContainEqual(['choe-son-hui', 'Choe Son Hui']);
    expect(found).toContainEqual(['mike-pompeo', 'Mike Pompeo']);
    // Short forms come after the full name was given.
    expect(found).toContainEqual(['choe-son-hui', 'Choe']);
    expect(found).toContainEqual(['mike-pompeo', 'Pompeo']);
    expect(document.querySelector('h1 backstory-mention')?.getAttribute('data-backstory-entity')).toBe('kim-jong-un');
  });

  it('wraps a name split by inline tags as adjacent pieces with the same id', () => {
    page(PAGES.splitByTags!);
    annotate();
    const choe = mentions().filter(([id]) => id === 'choe-son-hui').map(([, text]) => text);
    expect(choe.join('')).toBe('Choe Son Hui');
    expect(choe.length).toBeGreaterThan(1);
    expect(document.querySelector('b > backstory-mention')?.textContent).toBe('Choe');
    expect(mentions().filter(([id]) => id === 'mike-pompeo').map(([, t]) => t).join('')).toBe('Mike Pompeo');
  });

  it('wraps a name inside a link without breaking the link', () => {
    page(PAGES.inLink!);
    annotate();
    const link = document.querySelector('a[href="/y"]')!;
    expect(link.querySelector('backstory-mention')?.getAttribute('data-backstory-entity')).toBe('yongbyon');
    expect(link.textContent).toBe('the Yongbyon site');
    expect(mentions().filter(([id]) => id === 'kim-jong-un').map(([, t]) => t).join('')).toBe('Kim Jong Un');
  });

  it('finds every match in one text node, aliases included', () => {
    page(PAGES.sameNodeTwice!);
    annotate();
    expect(mentions()).toEqual([
      ['yongbyon', 'Yongbyon'],
      ['yongbyon', 'Yongbyon'],
      ['yongbyon', 'Nyongbyon'],
    ]);
  });

  it.each(Object.keys(PAGES))('removing highlights restores the page exactly (%s)', (name) => {
    page(PAGES[name]!);
    const before = document.body.innerHTML;
    const nodesBefore = document.body.querySelectorAll('*').length;
    const { highlighter } = annotate();
    expect(document.querySelectorAll('backstory-mention').length).toBeGreaterThan(0);
    expect(document.body.innerHTML).not.toBe(before);
    highlighter.removeAll();
    expect(document.body.innerHTML).toBe(before);
    expect(document.body.querySelectorAll('*').length).toBe(nodesBefore);
    // The text nodes we split are merged back: no empty or extra Text nodes are left behind.
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const texts = Array.from(el.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE);
      for (let i = 1; i < texts.length; i++) expect(texts[i]!.previousSibling?.nodeType).not.toBe(Node.TEXT_NODE);
    }
  });

  it('leaves text nodes the page itself kept apart unmerged', () => {
    page(`<article><p id="p">${LONG}</p></article>`);
    const p = document.getElementById('p')!;
    p.append(document.createTextNode(' Kim Jong '), document.createTextNode('Un spoke.'));
    const count = p.childNodes.length;
    const { highlighter } = annotate();
    highlighter.removeAll();
    expect(p.childNodes.length).toBe(count);
    expect(p.textContent).toBe(`${LONG} Kim Jong Un spoke.`);
  });

  it('takes its highlights off a paragraph the page added to, and leaves what the page put there in place', () => {
    page(`<article><p>${LONG}</p><p id="p">Yongbyon, then Kim Jong Un spoke.</p></article>`);
    const p = document.getElementById('p')!;
    const { highlighter } = annotate();
    const kim = p.querySelectorAll('backstory-mention')[1]!;
    expect(kim.textContent).toBe('Kim Jong Un');
    // A script of the page's puts its own element between a highlight and the text after it.
    const note = document.createElement('sup');
    note.textContent = '1';
    kim.after(note);
    highlighter.removeAll();
    expect(p.querySelectorAll('backstory-mention').length).toBe(0);
    expect(p.textContent).toBe('Yongbyon, then Kim Jong Un1 spoke.');
    expect(p.querySelector('sup')).toBe(note);
    // Our text nodes before the page's element are merged back into the page's own.
    expect(p.firstChild?.textContent).toBe('Yongbyon, then Kim Jong Un');
  });

  it('never joins text across block elements', () => {
    page(`<article><p>${LONG}</p><div>The envoy was Choe</div><div>Son Hui, people said. Kim Jong<br>Un too.</div></article>`);
    annotate();
    expect(mentions()).toEqual([]);
    // The same words inside one block are found, so the check above is about the block boundary.
    page(`<article><p>${LONG}</p><div>The envoy was Choe <span>Son Hui</span>, people said. Kim Jong Un too.</div></article>`);
    annotate();
    expect(mentions().map(([id]) => id)).toEqual(['choe-son-hui', 'choe-son-hui', 'kim-jong-un']);
  });

  it('never touches form fields, editable areas, code, scripts or SVG', () => {
    page(`<article><p>${LONG} Kim Jong Un is the first mention.</p>
      <p><input value="Kim Jong Un"><textarea>Mike Pompeo in a textarea</textarea><select><option>Yongbyon</option></select></p>
      <div contenteditable="true"><p>Mike Pompeo typed here</p></div>
      <p><code>Mike Pompeo</code></p><pre>Yongbyon in pre</pre>
      <script>var s = "Mike Pompeo";</script><style>/* Yongbyon */</style><noscript>Mike Pompeo</noscript>
      <svg><text>Mike Pompeo</text></svg><button>Mike Pompeo</button><p hidden>Mike Pompeo hidden</p>
      <template><p>Mike Pompeo</p></template></article>`);
    const textarea = document.querySelector('textarea')!;
    const { runs } = annotate();
    expect(mentions()).toEqual([['kim-jong-un', 'Kim Jong Un']]);
    expect(textarea.value).toBe('Mike Pompeo in a textarea');
    expect((document.querySelector('input') as HTMLInputElement).value).toBe('Kim Jong Un');
    // None of them even reach the core.
    expect(runs.map((r) => r.text).join('\n')).not.toContain('Pompeo');
  });

  it('keeps each run\'s text equal to its nodes after wrapping, so offsets still map to the page', () => {
    page(PAGES.splitByTags!);
    const { runs, highlighter } = annotate();
    for (const run of runs) expect(highlighter.nodesOf(run).map((n) => n.data).join('')).toBe(run.text);
  });
});
