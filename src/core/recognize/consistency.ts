// Document-level decisions: what the article's mentions of one name say together. A name seen
// capitalised mid-sentence, or with evidence anywhere, is a name everywhere in the article (the
// matcher then finds every mention, sentence starts and headlines included); a word capitalised
// only where every word is (sentence starts, headlines) is not a name by that alone.
import type { EntityType } from '../types';
import type { Candidate } from './candidates';
import { isTitleWord } from './candidates';
import { KOREAN_SURNAMES } from '../article/lexicon';
import { DEMONYMS, EVENT_HEADS, FIRST_NAMES, NOT_NAMES } from './lexicon';
import { isAcronymName, looksLikeOrganization } from './organizations';
import { personByCue, personByWords, personShaped } from './people';
import { inGazetteer, looksLikePlace } from './places';

export interface NameEvidence {
  /** Spellings as written, with how often each occurs mid-sentence. */
  surfaces: Map<string, number>;
  words: string[];
  mid: number;
  initial: number;
  titled: boolean;
  speaks: boolean;
  locative: boolean;
  based: boolean;
  person: boolean;
}

export function gather(into: Map<string, NameEvidence>, key: string, c: Candidate): void {
  let e = into.get(key);
  if (!e) into.set(key, (e = { surfaces: new Map(), words: c.words, mid: 0, initial: 0, titled: false, speaks: false, locative: false, based: false, person: false }));
  e.surfaces.set(c.text, (e.surfaces.get(c.text) ?? 0) + (c.initial ? 0 : 1));
  if (c.initial) e.initial++;
  else e.mid++;
  e.titled ||= c.titled;
  e.speaks ||= c.speaks;
  e.locative ||= c.locative;
  e.based ||= c.based;
  e.person ||= personByCue(c);
}

/** Abbreviations common in news copy that are not names of anything. */
const NOT_ACRONYM_NAMES = new Set([
  'GMT', 'TV', 'CEO', 'CFO', 'GDP', 'AIDS', 'HIV', 'PM', 'AM', 'OK', 'VS', 'CPI', 'PPI', 'IPO', 'FOB', 'CIF', 'MLN', 'BLN', 'PCT',
  'JSON', 'HTML', 'CSS', 'API', 'URL', 'PDF', 'USB', 'SMS', 'GPS', 'HTTP', 'HTTPS', 'XML', 'SQL', 'RAM', 'CPU', 'FAQ', 'DIY', 'DNA', 'ID',
]);

/** Holidays and the like: capitalised, not a person, place or organization. */
const NOT_NAME_PHRASES = new Set(['new year', "new year's", 'new year’s', "new year's day", "new year's eve", 'christmas eve', 'christmas day', 'good friday', 'boxing day']);

const noName = (w: string) => {
  const l = w.toLowerCase();
  return NOT_NAMES.has(l) || DEMONYMS.has(l) || DEMONYMS.has(l.replace(/s$/, '')) || isTitleWord(w);
};

/** The type a name is recognised as, or null when the article gives no reason to call it a name. */
export function decide(e: NameEvidence, common: ReadonlySet<string> = new Set()): EntityType | null {
  const { words } = e;
  if (words.every(noName) || NOT_NAME_PHRASES.has(words.join(' ').toLowerCase())) return null;
  if (words.length === 1 && NOT_ACRONYM_NAMES.has(words[0]!.replace(/\./g, ''))) return null;
  const single = words.length === 1;
  if (!single && EVENT_HEADS.has(words[words.length - 1]!.toLowerCase())) return 'event';
  if (looksLikeOrganization(words)) return 'organization';
  if (looksLikePlace(words) || e.based) return 'place';
  // "the two Koreas": the plural of a listed place.
  if (single && /\p{Ll}s$/u.test(words[0]!) && inGazetteer(words[0]!.slice(0, -1))) return e.mid > 0 ? 'place' : null;
  if (isAcronymName(words)) return 'organization';
  if (!single && (personByWords(words) || e.person)) return 'person';
  // Past here the words alone prove nothing: a name capitalised only where any word is, is not
  // one, nor one word the article also writes in lower case ("The Standoff" beside "the standoff").
  if (e.mid === 0) return null;
  if (single && common.has(words[0]!.toLowerCase())) return null;
  if (single && (FIRST_NAMES.has(words[0]!.toLowerCase()) || KOREAN_SURNAMES.has(words[0]!.toLowerCase()))) return 'person';
  if (single) return e.locative ? 'place' : 'organization';
  return personShaped(words) ? 'person' : 'organization';
}

export { inGazetteer };
