// Name recognition without a pack, one rule family per block, on sentences written for these tests.
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analyze';
import type { Pack, PackEntity, RunText } from '../../src/core/types';

const pack = (entities: PackEntity[] = []): Pack => ({ id: 't', version: 1, title: 't', language: 'en', sources: [], entities });

/** Each highlighted surface with the type of the entity it belongs to ("Velmora:place"). */
function highlights(runs: RunText[] | string, entities: PackEntity[] = []): string[] {
  const r = typeof runs === 'string' ? [{ text: runs, kind: 'body' as const }] : runs;
  const a = analyzeArticle(r, pack(entities), { firstMentionOnly: false });
  const types = new Map([...entities, ...a.pageEntities].map((e) => [e.id, e.type]));
  return a.mentions.map((m) => `${m.surface}:${types.get(m.entityId)}`);
}

function ids(text: string): Map<string, string> {
  const a = analyzeArticle([{ text, kind: 'body' }], pack(), { firstMentionOnly: false });
  return new Map(a.mentions.map((m) => [m.surface, m.entityId]));
}

describe('people', () => {
  it('takes a known given name as evidence, also at a sentence start', () => {
    expect(highlights('Gareth Pollinder opened the depot on the hill. Later that week the depot closed.')).toEqual(['Gareth Pollinder:person']);
  });

  it('takes an age apposition or a speech verb as evidence for an unknown given name', () => {
    expect(highlights('The harbour was quiet, according to Tobiah Mensworth, 63, a fisherman.')).toContain('Tobiah Mensworth:person');
    expect(highlights('Residents were angry, and Orsolya Thenard said the vote was rushed.')).toContain('Orsolya Thenard:person');
  });

  it('finds the surname alone after the full name as the same person, and files no new name for it', () => {
    const found = ids('Critics met Gareth Pollinder at noon. Pollinder declined to answer.');
    expect(found.get('Pollinder')).toBe(found.get('Gareth Pollinder'));
    expect(found.get('Pollinder')).toBe('page-gareth-pollinder');
  });

  it('keeps particles and hyphenated given names inside the name', () => {
    expect(highlights('The award went to Ludovic van der Berghe on Tuesday.')).toContain('Ludovic van der Berghe:person');
    expect(highlights('The league hired Bae Soo-hyun as its coach.')).toContain('Bae Soo-hyun:person');
  });
});

describe('places', () => {
  it('knows countries and cities from the gazetteer, even at a sentence start', () => {
    expect(highlights('Ankara hosted the fair this spring.')).toEqual(['Ankara:place']);
  });

  it('reads cues: "X-based" and a place head word', () => {
    expect(highlights('The Velmora-based firm hired staff.')).toEqual(['Velmora:place']);
    expect(highlights('Farmers in Tolland Province lost crops.')).toEqual(['Tolland Province:place']);
  });
});

describe('organizations', () => {
  it('recognises organisational heads, "of" names and acronyms used as names', () => {
    expect(highlights('Growers joined the Tarvin Orchard Association last year.')).toEqual(['Tarvin Orchard Association:organization']);
    expect(highlights('Officials at the Ministry of Coastal Affairs disagreed.')).toEqual(['Ministry of Coastal Affairs:organization']);
    expect(highlights('A complaint reached the regulator, and FTRA rejected it.')).toEqual(['FTRA:organization']);
  });
});

describe('document-level consistency', () => {
  it('a word opening the story after a dateline ("VELMORA — Protesters …", "(Reuters) -") is at a sentence start', () => {
    const found = highlights('VELMORA — Protesters filled the square on Saturday. Gareth Pollinder said the vote was rushed.');
    expect(found.filter((h) => h.startsWith('Protesters'))).toEqual([]);
  });

  it('marks a name found mid-sentence at every other mention, sentence starts and the headline included', () => {
    const runs: RunText[] = [
      { text: 'Pellworth wins the vote', kind: 'heading' },
      { text: 'Voters backed Pellworth on Sunday. Pellworth will now lead the council.', kind: 'body' },
    ];
    const a = analyzeArticle(runs, pack(), { firstMentionOnly: false });
    expect(a.mentions.map((m) => [m.run, m.surface])).toEqual([
      [0, 'Pellworth'],
      [1, 'Pellworth'],
      [1, 'Pellworth'],
    ]);
  });

  it('gives no highlight to common words capitalised only where any word is, or to months and days', () => {
    const text =
      'Reading is a quiet pleasure. Mobile phones stay in the drawer. Nice weather helps. May brings rain on Monday in May. ' +
      'Bush roses need pruning, and a bush by the gate grew tall.';
    expect(highlights([{ text: 'Reading Nice Mobile Bush', kind: 'heading' }, { text, kind: 'body' }])).toEqual([]);
  });

  it('takes a word the article also writes in lower case for a common word, wherever it is capitalised', () => {
    expect(highlights('Critics of the Harvest say it came late. Still, the harvest was large.')).toEqual([]);
    // Without the lower-case use, the same capital mid-sentence is a name.
    expect(highlights('Critics of the Harvest say it came late.')).toEqual(['Harvest:organization']);
  });
});

describe('packs win', () => {
  it('leaves a name the pack knows to the pack entity', () => {
    const entity: PackEntity = { id: 'ankara', type: 'place', name: 'Ankara', summary: 'Capital of Turkey.' };
    const a = analyzeArticle([{ text: 'Ankara hosted the fair; Gareth Pollinder came.', kind: 'body' }], pack([entity]), { firstMentionOnly: false });
    expect(a.mentions.map((m) => m.entityId)).toEqual(['ankara', 'page-gareth-pollinder']);
    expect(a.pageEntities.map((e) => e.id)).toEqual(['page-gareth-pollinder']);
  });
});
