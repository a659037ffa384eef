import { describe, expect, it } from 'vitest';
import { articleUrl, siteOf } from '../../src/core/memory/article-url';
import { earlierItems, remembered, retentionCutoff, type Remembered } from '../../src/core/memory/earlier';
import { indexPackNames } from '../../src/core/memory/entity-key';
import { articleMemory } from '../../src/core/memory/extract';
import { LIMITS, MEMORY_FILE_VERSION, parseMemoryFile, type ArticleMemory } from '../../src/core/memory/records';
import { linkToText, textFragment } from '../../src/core/memory/text-fragment';
import type { CardModel, PackEntity } from '../../src/core/types';

const choe: PackEntity = { id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui', aliases: ['Choe Son-hui'], summary: '' };

function card(over: Partial<CardModel> & Pick<CardModel, 'id' | 'name'>): CardModel {
  return { type: 'person', pageOnly: true, mentionCount: 1, background: [], fromArticle: { roles: [], statements: [], sentences: [] }, ...over };
}

describe('article URL', () => {
  it('drops the fragment and tracking parameters, keeps the rest', () => {
    expect(articleUrl('https://news.example/a/1?id=7&utm_source=x&fbclid=y&gclid=z#top')).toBe('https://news.example/a/1?id=7');
    expect(articleUrl('https://news.example/a/1?utm_medium=mail')).toBe('https://news.example/a/1');
  });

  it('takes the canonical link, then og:url, when they are on the page’s own site', () => {
    expect(articleUrl('https://m.news.example/a/1?ref=app', { canonical: 'https://www.news.example/a/1' })).toBe('https://www.news.example/a/1');
    expect(articleUrl('https://news.example/amp/1', { canonical: '/a/1' })).toBe('https://news.example/a/1');
    expect(articleUrl('https://news.example/x', { ogUrl: 'https://news.example/a/2#frag' })).toBe('https://news.example/a/2');
  });

  it('a hostile page cannot file its facts under another site’s article', () => {
    expect(articleUrl('https://evil.example/fake', { canonical: 'https://news.example/a/1', ogUrl: 'https://news.example/a/1' })).toBe('https://evil.example/fake');
    expect(articleUrl('https://news.example.evil.test/x', { canonical: 'https://news.example/a/1' })).toBe('https://news.example.evil.test/x');
    expect(articleUrl('https://news.example/x', { canonical: 'javascript:alert(1)' })).toBe('https://news.example/x');
  });

  it('files nothing for non-web pages', () => {
    expect(articleUrl('file:///tmp/a.html')).toBeNull();
    expect(articleUrl('not a url')).toBeNull();
    expect(siteOf('https://www.BBC.co.uk/news')).toBe('bbc.co.uk');
  });
});

describe('text fragment', () => {
  it('encodes the characters the syntax reserves', () => {
    expect(textFragment('Kim-Trump summit, Hanoi & more')).toBe(':~:text=Kim%2DTrump%20summit%2C%20Hanoi%20%26%20more');
  });
  it('links a long sentence by its first and last words', () => {
    const f = textFragment('one two three four five six seven eight nine ten eleven twelve');
    expect(f).toBe(':~:text=one%20two%20three%20four%20five,eight%20nine%20ten%20eleven%20twelve');
    expect(linkToText('https://a.example/x', 'Hello there')).toBe('https://a.example/x#:~:text=Hello%20there');
  });
});

describe('what is stored of an article', () => {
  const packNames = indexPackNames([choe]);
  const meta = { url: 'https://a.example/1', title: 'T', outlet: 'A News', published: '2019-02-01', readAt: 1 };

  it('keeps roles, dated statements, definitions and at most three sentences, cut short', () => {
    const long = 'x'.repeat(1000);
    const m = articleMemory(
      [
        card({
          id: 'choe-son-hui',
          name: 'Choe Son Hui',
          pageOnly: false,
          fromArticle: {
            roles: [{ text: 'vice foreign minister', sentence: 0 }],
            statements: [{ text: 'We will not talk', date: '2019-03-15', dateText: 'March 15', sentence: 1 }],
            sentences: [0, 1, 2, 3, 4].map((i) => ({ text: `Sentence ${i} ${long}`, sentence: i })),
          },
        }),
      ],
      packNames,
      meta,
    )!;
    const e = m.entities[0]!;
    expect(e.key).toBe('pack:choe-son-hui');
    expect(e.roles).toEqual(['vice foreign minister']);
    expect(e.statements).toEqual([{ text: 'We will not talk', date: '2019-03-15' }]);
    expect(e.sentences).toHaveLength(3);
    expect(e.sentences[0]!.length).toBeLessThanOrEqual(LIMITS.sentence);
  });

  it('one page-only person in two articles is one key; a surname alone is not filed', () => {
    const a = articleMemory([card({ id: 'p1', name: 'Yoon Suk Yeol', fromArticle: { roles: [{ text: 'president', sentence: 0 }], statements: [], sentences: [] } })], packNames, meta)!;
    const b = articleMemory([card({ id: 'p9', name: 'Yoon Suk-yeol', fromArticle: { roles: [{ text: 'former prosecutor', sentence: 0 }], statements: [], sentences: [] } })], packNames, meta)!;
    expect(a.entities[0]!.key).toBe(b.entities[0]!.key);
    expect(articleMemory([card({ id: 'k', name: 'Kim', fromArticle: { roles: [{ text: 'a general', sentence: 0 }], statements: [], sentences: [] } })], packNames, meta)).toBeNull();
  });

  it('a page-only spelling the pack knows is filed under the pack entity, joined with it', () => {
    const m = articleMemory(
      [
        card({ id: 'choe-son-hui', name: 'Choe Son Hui', pageOnly: false, fromArticle: { roles: [], statements: [], sentences: [{ text: 'Choe spoke.', sentence: 0 }] } }),
        card({ id: 'page-choe', name: 'Choe Son-hui', fromArticle: { roles: [{ text: 'first vice minister', sentence: 1 }], statements: [], sentences: [] } }),
      ],
      packNames,
      meta,
    )!;
    expect(m.entities).toHaveLength(1);
    expect(m.entities[0]).toMatchObject({ key: 'pack:choe-son-hui', roles: ['first vice minister'], sentences: ['Choe spoke.'] });
  });

  it('never files the reader’s own notes', () => {
    expect(articleMemory([card({ id: 'note-abc', name: 'My Term Here', pageOnly: false, fromArticle: { roles: [{ text: 'x', sentence: 0 }], statements: [], sentences: [] } })], packNames, meta)).toBeNull();
  });
});

describe('earlier items', () => {
  const entry = (text: string) => ({ key: 'pack:x', name: 'X Y', type: 'person' as const, roles: [], statements: [], sentences: [text] });
  const at = (url: string, published: string | undefined, readAt: number, text: string): Remembered => remembered({ url, title: url, outlet: 'O', readAt, ...(published ? { published } : {}) }, entry(text))!;

  it('newest first by the article’s date, one per article, never the current one', () => {
    const items = earlierItems([at('https://a/1', '2019-01-01', 5, 'old'), at('https://a/3', '2019-06-01', 1, 'newest'), at('https://a/2', '2019-03-01', 9, 'mid'), at('https://a/cur', '2019-09-01', 9, 'cur')], 'https://a/cur', 5);
    expect(items.map((i) => i.text)).toEqual(['newest', 'mid', 'old']);
    expect(items[0]).toMatchObject({ date: '2019-06-01', outlet: 'O', href: 'https://a/3#:~:text=newest' });
  });

  it('prefers a dated statement over a role over a sentence', () => {
    const e = remembered({ url: 'https://a/1', title: '', outlet: 'O', readAt: 1 }, { ...entry('s'), roles: ['minister'], statements: [{ text: 'said this', date: '2019-01-02' }] })!;
    expect(earlierItems([e], null, 1)[0]).toMatchObject({ kind: 'statement', text: 'said this', factDate: '2019-01-02' });
    // A role links to the sentence that gave it (the page may split the noun phrase itself).
    const role = remembered({ url: 'https://a/1', title: '', outlet: 'O', readAt: 1 }, { ...entry('The minister, Choe, spoke.'), roles: ['minister'] })!;
    expect(earlierItems([role], null, 1)[0]).toMatchObject({ kind: 'role', text: 'minister', href: `https://a/1#:~:text=${encodeURIComponent('The minister, Choe, spoke.').replace(/-/g, '%2D')}` });
    expect(remembered({ url: 'https://a/1', title: '', outlet: 'O', readAt: 1 }, { roles: [], statements: [], sentences: [] })).toBeNull();
  });

  it('retention cut-offs', () => {
    expect(retentionCutoff('forever', 1e12)).toBeNull();
    expect(retentionCutoff('1y', 1e12)).toBeLessThan(1e12 - 365 * 86_400_000);
    expect(retentionCutoff('3m', 1e12)).toBeGreaterThan(retentionCutoff('1y', 1e12)!);
  });
});

describe('export file', () => {
  const article: ArticleMemory = { url: 'https://a.example/1', title: 'T', outlet: 'O', published: '2019-01-01', readAt: 1, entities: [{ key: 'name:x y', name: 'X Y', type: 'person', roles: ['r'], statements: [], sentences: [] }] };

  it('accepts the current version and migrates a version-0 draft', () => {
    expect(parseMemoryFile(JSON.stringify({ format: 'backstory-memory', version: MEMORY_FILE_VERSION, articles: [article] }))).toMatchObject({ ok: true });
    const { published, ...old } = article;
    const r = parseMemoryFile({ articles: [{ ...old, date: published }] });
    expect(r.ok && r.file.articles[0]!.published).toBe('2019-01-01');
  });

  it('refuses a broken file whole, saying where', () => {
    const bad = { format: 'backstory-memory', version: 1, articles: [article, { ...article, url: 'nope' }] };
    const r = parseMemoryFile(bad);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^articles\[1\]\.url: /);
    expect(parseMemoryFile('{')).toMatchObject({ ok: false });
    expect(parseMemoryFile({ version: 99, articles: [] })).toMatchObject({ ok: false, error: expect.stringMatching(/newer/) });
    expect(parseMemoryFile({ version: 1, format: 'backstory-memory', articles: [{ ...article, entities: [{ ...article.entities[0], key: 'Kim' }] }] })).toMatchObject({ ok: false });
  });
});
