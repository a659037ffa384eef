import { describe, expect, it } from 'vitest';
import { findAcronymDefinitions, findPageEntities, splitSentences } from '../../src/core/article/index';
import { surnameOf } from '../../src/core/article/page-entities';
import { PEOPLE } from './article-fixture';

function pageEntities(text: string) {
  const sentences = splitSentences([{ text, kind: 'body' }]);
  return findPageEntities(sentences, findAcronymDefinitions(sentences), PEOPLE);
}

describe('findPageEntities', () => {
  it('turns an acronym the pack lacks into an entity typed by its head word', () => {
    const found = pageEntities('Inspectors of the International Atomic Energy Agency (IAEA) were expelled. Both sides cited the military demarcation line (MDL).');
    expect(found).toEqual([
      { id: 'page-iaea', type: 'organization', name: 'International Atomic Energy Agency', aliases: ['IAEA', 'International Atomic Energy Agency'], summary: '' },
      { id: 'page-mdl', type: 'term', name: 'military demarcation line', aliases: ['MDL', 'military demarcation line'], summary: '' },
    ]);
  });

  it('never duplicates what the pack knows, even in another spelling or a shorter expansion', () => {
    expect(pageEntities('The Supreme People’s Assembly (SPA) met. Troops left the demilitarized zone (DMZ). The Korean Central News Agency (KCNA) said so.')).toEqual([]);
    expect(pageEntities('US Secretary of State Mike Pompeo and President Donald J. Trump spoke.')).toEqual([]);
  });

  it('keeps a different meaning of a pack acronym as its own entity', () => {
    expect(pageEntities('A single-page application (SPA) loads once.').map((e) => [e.id, e.name])).toEqual([['page-spa', 'single-page application']]);
  });

  it('finds titled people and people introduced by a role appositive, with the surname readers use', () => {
    const found = pageEntities(
      'Foreign Minister Ri Yong Ho said little. Vice President Mike Pence disagreed. Kim Yong Nam, the ceremonial head of state, retired.',
    );
    expect(found.map((e) => [e.id, e.type, e.name, e.short])).toEqual([
      ['page-ri-yong-ho', 'person', 'Ri Yong Ho', ['Ri']],
      ['page-mike-pence', 'person', 'Mike Pence', ['Pence']],
      ['page-kim-yong-nam', 'person', 'Kim Yong Nam', ['Kim']],
    ]);
  });

  it('does not take places, organizations or the thing after "of the" for a person', () => {
    expect(pageEntities('The leader of the Democratic People’s Republic of Korea spoke. The May Day Stadium, the largest venue in the city, was full.')).toEqual([]);
  });

  it('orders Korean names surname first and Western names surname last', () => {
    expect(surnameOf('Song Young-moo')).toBe('Song');
    expect(surnameOf('Chung Eui-yong')).toBe('Chung');
    expect(surnameOf('Charles Kupperman')).toBe('Kupperman');
    expect(surnameOf('Sung Kim')).toBe('Kim');
  });
});
