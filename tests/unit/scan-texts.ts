// Texts for comparing the scan with its prefilter against the plain walk: the pack's names as a
// page may print them (any case, accents dropped or added, separators changed, glued to letters)
// among words that share their first letters. Seeded: the same texts on every run.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pack, PackEntity } from '../../src/core/types';

const ROOT = resolve(import.meta.dirname, '../..');
const e = (x: Omit<PackEntity, 'summary'>): PackEntity => ({ summary: '', ...x });

/** The bundled pack, plus shapes it lacks: lower-case terms, digits, acronyms in lower case. */
export const SCAN_ENTITIES: PackEntity[] = [
  ...(JSON.parse(readFileSync(resolve(ROOT, 'src/packs/korean-peninsula.json'), 'utf8')) as Pack).entities,
  e({ id: 'max-pressure', type: 'term', name: 'maximum pressure campaign', short: ['maximum pressure'] }),
  e({ id: 'snapback', type: 'term', name: 'snapback' }),
  e({ id: 'kn-23', type: 'equipment', name: 'KN-23', aliases: ['kn-23 missile'] }),
  e({ id: 'g7', type: 'organization', name: 'G7' }),
  e({ id: 'mcc', type: 'organization', name: 'McCain Institute', aliases: ['iKorea'] }),
  e({ id: 'emile', type: 'person', name: 'Émile Durand', short: ['Durand'] }),
];

const WORDS = ['the', 'talks', 'said', 'maximum', 'snap', 'kim', 'mike', 'pompous', 'moonlight', 'sanctions', 'kn', 'g', 'i', 'durable'];
const SEPARATORS = [' ', ' ', '  ', '-', '\u00A0', ', ', '. ', '_', '’', "'", '(', ') ', '\u2010', '«', ' — '];

/** A name of the pack written as a page might: any case, accents dropped or added, separators
 *  changed, glued to letters. */
function variant(name: string, how: number): string {
  switch (how) {
    case 0:
      return name;
    case 1:
      return name.toUpperCase();
    case 2:
      return name.toLowerCase();
    case 3:
      return name.normalize('NFD').replace(/\p{M}/gu, '');
    case 4:
      return name.replace(/ /g, '-');
    case 5:
      return name.charAt(0).toLowerCase() + name.slice(1);
    default:
      return name.replace(/o/g, 'ŏ').replace(/u/g, 'ŭ');
  }
}

const names = SCAN_ENTITIES.flatMap((x) => [x.name, ...(x.aliases ?? []), ...(x.short ?? []), ...(x.ambiguous ?? [])]);
const piece = fc.oneof(
  fc.tuple(fc.constantFrom(...names), fc.integer({ min: 0, max: 6 })).map(([n, how]) => variant(n, how)),
  fc.constantFrom(...WORDS),
  fc.constantFrom(...SEPARATORS),
);
export const SCAN_TEXTS = fc.sample(fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join('')), { seed: 20191, numRuns: 400 });

