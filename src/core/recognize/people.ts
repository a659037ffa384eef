// People: evidence that a capitalised sequence names a person.
import { KOREAN_SURNAMES } from '../article/lexicon';
import type { Candidate } from './candidates';
import { FIRST_NAMES, NAME_PARTICLES } from './lexicon';

const INITIAL = /^\p{Lu}\.$/u;
/** "Kyeong-doo", "Jae-in": the hyphenated given name of Korean and Chinese names. */
const HYPHEN_GIVEN = /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u;
const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’]+(?:[-‐]\p{Lu}?[\p{Ll}'’]+)*|\p{Lu}\.|(?:al|el|bin|ibn|abu|van|von|de)[-‐]\p{Lu}\p{Ll}+|Mc\p{Lu}\p{Ll}+|Mac\p{Lu}\p{Ll}+|O['’]\p{Lu}\p{Ll}+|Jr\.?|Sr\.?|II|III)$/u;

/** Every word could stand in a person's name (no acronyms, digits or all-caps words). */
export function personShaped(words: readonly string[]): boolean {
  return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w) || NAME_PARTICLES.has(w));
}

/** The name's own words say person: a known given name, an initial, a particle, a Korean/Chinese shape. */
export function personByWords(words: readonly string[]): boolean {
  if (!personShaped(words)) return false;
  const first = (words[0] ?? '').toLowerCase();
  if (FIRST_NAMES.has(first) || FIRST_NAMES.has(first.split(/[-‐]/)[0] ?? '')) return true;
  if (words.some((w) => INITIAL.test(w)) || words.some((w) => NAME_PARTICLES.has(w))) return true;
  if (words.length <= 3 && KOREAN_SURNAMES.has(first) && words.slice(1).every((w) => HYPHEN_GIVEN.test(w) || /^\p{Lu}\p{Ll}{1,5}$/u.test(w))) return true;
  return words.length === 2 && HYPHEN_GIVEN.test(words[1] ?? '');
}

/** Evidence around one mention: a title, "X said", "X, 63,". */
export function personByCue(c: Candidate): boolean {
  return personShaped(c.words) && (c.titled || c.speaks);
}
