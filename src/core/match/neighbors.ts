// A short name standing next to another capitalized name is part of a different name:
// "Kim Kardashian", "Choe Ryong Hae", "Trump Tower", "Ivanka Trump". Titles are not names:
// "Minister Choe", "Secretary of State Pompeo", "U.S. President Trump" stay short mentions.

const TITLES = new Set(
  `president presidents vice secretary minister ministers chairman chairwoman chair chairperson leader leaders
  mr mrs ms miss mx dr gen general marshal comrade senator sen rep representative ambassador envoy adviser advisor
  director chief premier deputy foreign defense defence state commander prime king queen prince princess lady sir
  lord governor gov mayor speaker professor prof justice judge officer spokesman spokeswoman spokesperson counselor
  councillor candidate nominee sister brother colonel col lt captain capt admiral sergeant former acting interim
  first supreme special head first-vice vice-chairman vice-minister deputy-director team citizen of the`
    .split(/\s+/)
    .filter(Boolean),
);

/** Capitalized words that follow a surname without starting a name ("Trump Monday …" is rare, but
 *  dates and pronoun "I" are not given names). */
const NOT_NAME_AFTER = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december i`.split(/\s+/),
);

/** Words that open a sentence before a surname without being a given name ("When Trump …"). */
const SENTENCE_OPENERS = new Set(
  `a an the and but or nor so yet for if when while after before as since because although though unless until
  once then now still also meanwhile however instead later earlier today yesterday here there where why how what
  who whom whose which that this these those both either neither each every all some many most few several no
  not only even just perhaps maybe indeed thus hence therefore nonetheless nevertheless despite with without
  within under over at by from in into on onto of off about above across against along amid among around behind
  below beside besides between beyond during except inside near outside past per through throughout toward
  towards upon via like unlike did does do had has have was were is are will would could should can may might
  must shall let ask asked tell told says said dear thanks yes again already ever never soon whether whatever
  whenever wherever whoever whichever given following according including citing regarding considering`.split(/\s+/),
);

const NEXT_CAPITALIZED = /^[ \u00A0]+(\p{Lu}[\p{L}\p{M}]*)/u;
const PREV_WORD = /(\p{Lu}[\p{Ll}\p{M}]+)[ \u00A0]+$/u;
const WORDISH = /[\p{L}\p{M}\p{N}'’.\-]/u;
/** What can open a sentence or clause before a capitalized word. */
const SENTENCE_START = /(?:^|[.!?:;"“”‘(\[—–]|\s[-–—])[ \u00A0]*$/u;

// Quick rejections for the usual case ("Kim said", "and Kim"), so most hits never slice the text
// or run a regex: they answer false only where the regexes below cannot match.
const isSpaceAt = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0xa0;
};

/** After `end` (and an optional comma): spaces, then something other than a lower-case ASCII
 *  letter, digit or punctuation (a capital, or a non-ASCII character the regex must judge). */
function capitalAfterSpaces(text: string, end: number, comma: boolean): boolean {
  let i = end;
  if (comma && text.charCodeAt(i) === 0x2c) i++;
  if (!isSpaceAt(text, i)) return false;
  while (isSpaceAt(text, i)) i++;
  const c = text.charCodeAt(i);
  return !(c < 0x80) || (c >= 0x41 && c <= 0x5a);
}

/** Before `start`: spaces, and before them a word that is not all lower-case ASCII letters. */
function capitalizedWordBefore(text: string, start: number): boolean {
  let i = start - 1;
  if (!isSpaceAt(text, i)) return false;
  while (i >= 0 && isSpaceAt(text, i)) i--;
  while (i >= 0) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) i--;
    else return c >= 0x80 || (c >= 0x41 && c <= 0x5a);
  }
  return false;
}

/** "Kim Si-woo", "Trump Tower": the surname is the start of another capitalized name. */
export function continuesIntoName(text: string, end: number): boolean {
  if (!capitalAfterSpaces(text, end, false)) return false;
  const m = NEXT_CAPITALIZED.exec(text.slice(end, end + 40));
  if (!m) return false;
  const word = m[1]!;
  if (word.length < 2 && word !== word.toUpperCase()) return false;
  return !NOT_NAME_AFTER.has(word.toLowerCase());
}

/** "Ivanka Trump": a given name (not a title, not a word that opens sentences) precedes the surname. */
export function followsGivenName(text: string, start: number, isCommonWord: (lower: string) => boolean = () => false): boolean {
  if (!capitalizedWordBefore(text, start)) return false;
  const before = text.slice(Math.max(0, start - 60), start);
  const m = PREV_WORD.exec(before);
  if (!m) return false;
  const word = m[1]!;
  if (TITLES.has(word.toLowerCase())) return false;
  const wordStart = before.length - m[0].length;
  if (wordStart > 0 && WORDISH.test(before.charAt(wordStart - 1))) return false;
  // At a sentence start a capital proves nothing, so only an opener word is excluded there.
  // A word the page also prints in lower case ("whether") is a common word, not a given name.
  if (SENTENCE_START.test(before.slice(0, wordStart))) {
    const lower = word.toLowerCase();
    return !SENTENCE_OPENERS.has(lower) && !isCommonWord(lower);
  }
  return true;
}

/** Words after a person's full name that make the whole a different thing: a son ("Donald Trump
 *  Jr."), or a place or institution named after the person ("Kim Il Sung Square"). */
const NAMED_AFTER = new Set(
  `jr jr. sr sr. ii iii iv square street st stadium university college school tower towers airport bridge hall
  center centre park prize award foundation avenue road station library museum building hotel arena institute
  mausoleum palace plaza boulevard memorial statue portrait badge order medal`.split(/\s+/),
);
const NEXT_WORD = /^,?[ \u00A0]+([\p{L}\p{N}.]+)/u;

export function namesSomethingElse(text: string, end: number): boolean {
  if (!capitalAfterSpaces(text, end, true)) return false;
  const m = NEXT_WORD.exec(text.slice(end, end + 30));
  if (!m) return false;
  const word = m[1]!;
  if (!/^\p{Lu}/u.test(word)) return false;
  return NAMED_AFTER.has(word.toLowerCase()) || NAMED_AFTER.has(word.toLowerCase().replace(/\.$/, ''));
}
