// Folding shared by the regex builder (pack side) and the resolver (page side), so that a surface
// the regex matched always finds its candidates: "Sŏn-hŭi", "Son Hui" and "son-hui" fold alike.

/** Symbol standing for any run of spaces/NBSP or one hyphen between name words. */
export const SEP = ' ';
/** Symbol standing for any apostrophe ('’‘ʼ). */
export const APOS = "'";

export const SPACE_CHARS = [' ', '\u00A0'];
export const HYPHEN_CHARS = ['-', '\u2010', '\u2011'];
export const APOS_CHARS = ["'", '\u2019', '\u2018', '\u02BC'];

const SPACE_SET = new Set(SPACE_CHARS);
const HYPHEN_SET = new Set(HYPHEN_CHARS);
const APOS_SET = new Set(APOS_CHARS);

export function isSpace(ch: string): boolean {
  return SPACE_SET.has(ch);
}
export function isHyphen(ch: string): boolean {
  return HYPHEN_SET.has(ch);
}
export function isApostrophe(ch: string): boolean {
  return APOS_SET.has(ch);
}

const MARKS = /\p{M}/gu;
const COMBINING = /^\p{M}$/u;
/** Most surfaces and pack forms: printable ASCII, folded with three native calls. */
const PLAIN_ASCII = /^[\x20-\x7e]*$/;
const ASCII_SEPS = /[ -]+/g;
const EDGE_SEPS = /^ | $/g;

/** Removes diacritics, keeps case: "Sŏn" → "Son". */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Vowels a page may print with a diacritic the pack lacks (or without one the pack has):
 *  McCune–Reischauer (ŏ ŭ), Hepburn (ō ū) and the usual European accents. Consonants are matched
 *  in both cases plus whatever diacritic the pack itself wrote: a class per vowel keeps the
 *  combined regex small enough to compile fast with 10,000 entities. */
const VOWEL_VARIANTS: Map<string, string[]> = (() => {
  const map = new Map<string, Set<string>>();
  const ranges: [number, number][] = [
    [0xc0, 0x17f],
    [0x1cd, 0x1dc],
  ];
  for (const v of 'aeiouy') map.set(v, new Set([v, v.toUpperCase()]));
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c++) {
      const ch = String.fromCharCode(c);
      const base = stripDiacritics(ch).toLowerCase();
      map.get(base)?.add(ch);
    }
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
})();

const variantCache = new Map<string, string[]>();

/** Characters the regex accepts where the pack wrote `ch` (in a case-insensitive form). */
export function letterVariants(ch: string): string[] {
  let out = variantCache.get(ch);
  if (out) return out;
  const base = foldLetter(ch);
  const set = new Set(VOWEL_VARIANTS.get(base) ?? [base, base.toUpperCase()]);
  for (const c of [ch, ch.toLowerCase(), ch.toUpperCase()]) if ([...c].length === 1) set.add(c);
  out = [...set];
  variantCache.set(ch, out);
  return out;
}

/** `ch` as written, lower- and upper-cased: for names the page will not re-accent. */
export function caseVariants(ch: string): string[] {
  const set = new Set([ch, ch.toLowerCase(), ch.toUpperCase(), foldLetter(ch), foldLetter(ch).toUpperCase()]);
  return [...set].filter((c) => [...c].length === 1);
}

const foldCache = new Map<string, string>();

export function foldLetter(ch: string): string {
  let out = foldCache.get(ch);
  if (out === undefined) {
    const base = stripDiacritics(ch).toLowerCase();
    out = base.length === 1 ? base : ch.toLowerCase();
    foldCache.set(ch, out);
  }
  return out;
}

/** The lookup key of a surface or pack form: case and diacritics folded, any apostrophe → "'",
 *  a run of spaces or a hyphen → one SEP. */
export function foldKey(s: string): string {
  if (PLAIN_ASCII.test(s)) return s.toLowerCase().replace(ASCII_SEPS, SEP).replace(EDGE_SEPS, '');
  let out = '';
  let pendingSep = false;
  for (const ch of s.normalize('NFC')) {
    if (isSpace(ch) || isHyphen(ch)) {
      pendingSep = true;
      continue;
    }
    if (pendingSep && out) out += SEP;
    pendingSep = false;
    if (isApostrophe(ch)) out += APOS;
    else if (!COMBINING.test(ch)) out += foldLetter(ch);
  }
  return out;
}

const NON_ASCII = /[^\x00-\x7f]/;
const unitFolds = new Map<string, string>();

/** One UTF-16 unit of `foldText`: spaces, hyphens and apostrophes to their ASCII symbol, letters
 *  lower-cased without diacritics when that stays one unit. */
function foldUnit(ch: string): string {
  let out = unitFolds.get(ch);
  if (out === undefined) {
    if (isSpace(ch)) out = ' ';
    else if (isHyphen(ch)) out = '-';
    else if (isApostrophe(ch)) out = APOS;
    else if (ch >= '\uD800' && ch <= '\uDFFF') out = ch;
    else {
      const f = foldLetter(ch);
      const lower = ch.toLowerCase();
      out = f.length === 1 ? f : lower.length === 1 ? lower : ch;
    }
    unitFolds.set(ch, out);
  }
  return out;
}

/** Folded UTF-16 units, filled as met (0: not yet known). */
const UNIT_FOLD = new Uint16Array(0x10000);
const FINAL_SIGMA = 0x3c2;
const SIGMA = 0x3c3;

/** One UTF-16 unit as the scanner sees it: ASCII lower-cased, others through `foldUnit`. Unit by
 *  unit, so offsets in the page text carry over and no folded copy of the page is made; "ς" and
 *  "σ" fold alike since a unit cannot know whether it ends a word. */
export function foldCode(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  let f = UNIT_FOLD[c]!;
  if (f === 0) {
    f = c === FINAL_SIGMA ? SIGMA : foldUnit(String.fromCharCode(c)).charCodeAt(0);
    UNIT_FOLD[c] = f;
  }
  return f;
}

/** The scanner's folding of a whole string (pack forms): `foldCode` unit by unit, same length. */
export function foldText(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
}
