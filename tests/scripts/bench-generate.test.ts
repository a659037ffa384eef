// @vitest-environment jsdom
// The bench's inputs must be what its report claims: pages of the stated size and mention density,
// packs of distinct realistic entities. A wrong generator would make every figure misleading.
import { describe, expect, it } from 'vitest';
import { MENTION_DENSITY, generatePage } from '../../scripts/bench/article';
import { syntheticEntities } from '../../scripts/bench/names';
import { ENTITY_TYPES, type PackEntity } from '../../src/core/types';

describe('syntheticEntities', () => {
  const ents = syntheticEntities(10_000);

  it('makes the requested number of entities with distinct ids and names', () => {
    expect(ents).toHaveLength(10_000);
    expect(new Set(ents.map((e) => e.id)).size).toBe(10_000);
    expect(new Set(ents.map((e) => e.name)).size).toBe(10_000);
  });

  it('covers every entity type and the alias shapes packs use', () => {
    expect(new Set(ents.map((e) => e.type))).toEqual(new Set(ENTITY_TYPES));
    expect(ents.some((e) => e.short?.length)).toBe(true);
    expect(ents.some((e) => e.aliases?.some((a) => /^[A-Z]{2,}/.test(a) && a === a.toUpperCase()))).toBe(true);
    expect(ents.some((e) => e.ambiguous?.length && e.context?.length)).toBe(true);
  });

  it('is the same on every run (figures stay comparable)', () => {
    expect(syntheticEntities(50).map((e) => e.name)).toEqual(ents.slice(0, 50).map((e) => e.name));
  });
});

describe('generatePage', () => {
  const entities: PackEntity[] = [
    { id: 'lt', type: 'organization', name: 'Bureau <of> "Tests" & Co', summary: '' },
    ...syntheticEntities(60),
  ];
  const page = generatePage({ chars: 200_000, entities, title: 'A test page' });
  const doc = new DOMParser().parseFromString(page.html, 'text/html');
  const body = doc.querySelector('#bench-article .article-body');

  it('reaches the requested size, and the size it reports is the text on the page', () => {
    const text = body?.textContent ?? '';
    expect(page.textChars).toBeGreaterThanOrEqual(200_000);
    expect(Math.abs(text.length - page.textChars) / page.textChars).toBeLessThan(0.03);
  });

  it('plants names at news density', () => {
    const perChar = page.mentions / page.textChars;
    expect(perChar).toBeGreaterThan(MENTION_DENSITY * 0.95);
    expect(perChar).toBeLessThan(MENTION_DENSITY * 1.05);
  });

  it('plants names at a higher density when asked (the dense page: over 15,000 in 1.6 M characters)', () => {
    const dense = generatePage({ chars: 200_000, entities, title: 'A dense page', density: 0.0105 });
    expect(dense.mentions / dense.textChars).toBeGreaterThan(15_000 / 1_600_000);
    expect(dense.mentions / dense.textChars).toBeLessThan(0.0105 * 1.05);
  });

  it('writes names as text, never as markup', () => {
    expect(doc.querySelector('of')).toBeNull();
    expect(body?.textContent).toContain('Bureau <of> "Tests" & Co');
  });

  it('has headings, links, inline tags, site chrome and a block to append', () => {
    expect(body?.querySelectorAll('h2').length).toBeGreaterThan(3);
    expect(body?.querySelectorAll('a[href]').length).toBeGreaterThan(10);
    expect(body?.querySelectorAll('em, strong').length).toBeGreaterThan(3);
    expect(doc.querySelector('nav')).not.toBeNull();
    expect(doc.querySelector('aside')).not.toBeNull();
    const tpl = doc.querySelector('template#bench-append') as HTMLTemplateElement | null;
    expect(tpl?.content.querySelectorAll('p').length).toBe(page.appendParagraphs);
  });
});
