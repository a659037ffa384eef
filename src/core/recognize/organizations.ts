// Organizations: a head word ("Democratic Party", "Bank of England"), a company suffix, an acronym.
import { COMPANY_SUFFIXES, ORG_HEADS } from './lexicon';
import { inGazetteer } from './places';

const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u;

export function looksLikeOrganization(words: readonly string[]): boolean {
  // A head word alone ("News", "Council") names nothing in particular.
  if (words.length < 2) return false;
  const last = (words[words.length - 1] ?? '').toLowerCase();
  if (ORG_HEADS.has(last.replace(/\.$/, '')) || COMPANY_SUFFIXES.has(last)) return true;
  // "Ministry of Defence", "Bank for International Settlements": a head before "of"/"for".
  const i = words.findIndex((w, k) => k > 0 && (w === 'of' || w === 'for'));
  return i > 0 && ORG_HEADS.has((words[i - 1] ?? '').toLowerCase());
}

/** "NATO", "UEFA": an acronym used as a name (not a place's: "U.S.", "UAE"). */
export function isAcronymName(words: readonly string[]): boolean {
  return words.length === 1 && ACRONYM.test(words[0] ?? '') && !inGazetteer(words[0] ?? '');
}
