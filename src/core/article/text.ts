// Small text helpers shared by the article extractors: folding for comparisons, slugs for ids.

const ASCII = /^[\x20-\x7e]*$/;

/** Folds case, diacritics, curly apostrophes/quotes and hyphen/space runs so spelling variants compare equal. */
export function fold(s: string): string {
  // Printable ASCII has nothing to decompose or strip: the common case skips both passes.
  return (ASCII.test(s) ? s : s.normalize('NFKD').replace(/\p{M}/gu, ''))
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[-‐‑–—_/]+/g, ' ')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Like `fold`, and drops a leading article: "the Supreme People's Assembly" ~ "Supreme Peoples Assembly". */
export function foldName(s: string): string {
  return fold(s).replace(/^(?:the|a|an) /, '');
}

export function slug(s: string): string {
  return fold(s).replace(/ /g, '-') || 'x';
}

/** Lower-case words that may sit inside a name or long form without carrying an initial, in
 *  English and in the languages whose names news copy leaves untranslated (compared folded:
 *  "für" as "fur"). */
export const FUNCTION_WORDS = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'to', 'at', '&', 'a', 'an',
  'de', 'du', 'des', 'la', 'le', 'les', 'et', 'en', 'au', 'aux',
  'del', 'da', 'di', 'della', 'dei', 'degli', 'e', 'y', 'el', 'los', 'las', 'para', 'do', 'dos', 'das',
  'von', 'van', 'fur', 'der', 'die', 'und', 'zur', 'zum',
]);

export interface Token {
  text: string;
  start: number;
  end: number;
}

/** Word tokens with offsets; keeps "Korea's", "Jae-in" and "U.S." whole. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.\-‐]*/gu)) {
    let w = m[0].replace(/[-‐'’]+$/u, '');
    // Keep a trailing dot only on dotted abbreviations ("U.S."); "Gen." is "Gen" followed by a dot.
    if (w.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(w)) w = w.replace(/\.+$/, '');
    out.push({ text: w, start: m.index, end: m.index + w.length });
  }
  return out;
}

/** True when only spaces (and at most a hyphen-free gap) separate two offsets. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  return /^[ \t\u00a0]+$/u.test(text.slice(from, to));
}

/** Text on one line, cut to `max` characters with an ellipsis: how cards and the memory shorten a
 *  sentence, and how drafted packs shorten a title. */
export function clip(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
