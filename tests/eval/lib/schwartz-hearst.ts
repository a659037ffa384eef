// The baseline the acronym extractor is measured against: Schwartz & Hearst, "A simple algorithm
// for identifying abbreviation definitions in biomedical text" (PSB 2003), implemented as
// published so that `npm run eval` can print its precision and recall next to ours. Used only
// by the eval; the extension never loads it. Its choices are the paper's, not ours:
//
//   - candidates come from parentheses only: "long form (SF)" and, when the parenthesis holds
//     more than two words or more characters than the text before it, "SF (long form)";
//   - inside a parenthesis, text after ", " or "; " is cut off ("(SF, founded 1999)" → "SF");
//   - a short form has 2–10 characters, at most two words, at least one letter, and starts with
//     a letter or digit; in the "SF (long form)" order the short form must hold a capital;
//   - the long-form candidate is at most min(|SF| + 5, |SF| × 2) words long;
//   - the long form is found by walking the short form's characters right to left through the
//     candidate right to left; the short form's first character must start a word; the long
//     form then begins at the start of that word;
//   - a pair is dropped when the long form is shorter than the short form, holds the short form
//     as a word, or has more words than the window allows.

export interface BaselinePair {
  short: string;
  long: string;
}

const isAlnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const hasLetter = (s: string) => /\p{L}/u.test(s);
const hasCapital = (s: string) => /\p{Lu}/u.test(s);
const wordCount = (s: string) => s.split(/[\s-]+/u).filter(Boolean).length;

/** The paper's short-form test. */
export function isValidShortForm(sf: string): boolean {
  const letters = [...sf].filter(isAlnum).length;
  return hasLetter(sf) && isAlnum(sf[0]) && sf.length >= 2 && letters <= 10 && sf.length <= 10 && wordCount(sf) <= 2;
}

/** The paper's window: the last min(|SF| + 5, |SF| × 2) words before the parenthesis. */
function window(text: string, sf: string): string {
  const n = [...sf].filter(isAlnum).length;
  const max = Math.min(n + 5, n * 2);
  const ws = text.trim().split(/\s+/u);
  return ws.slice(Math.max(0, ws.length - max)).join(' ');
}

/** Right-to-left character matching (the paper's findBestLongForm). */
export function findBestLongForm(sf: string, lf: string): string | null {
  let l = lf.length - 1;
  for (let s = sf.length - 1; s >= 0; s--) {
    const c = sf[s]!.toLowerCase();
    if (!isAlnum(c)) continue;
    while ((l >= 0 && lf[l]!.toLowerCase() !== c) || (s === 0 && l > 0 && isAlnum(lf[l - 1]))) l--;
    if (l < 0) return null;
    l--;
  }
  const start = lf.lastIndexOf(' ', l) + 1;
  return lf.slice(start);
}

function pair(sf: string, lfCandidate: string): BaselinePair | null {
  const short = sf.trim();
  const candidate = lfCandidate.trim();
  if (short.length < 2 || !isValidShortForm(short)) return null;
  const long = findBestLongForm(short, candidate);
  if (!long) return null;
  const lfWords = wordCount(long);
  const sfChars = [...short].filter(isAlnum).length;
  if (long.length < short.length || long.includes(`${short} `) || long.endsWith(short)) return null;
  if (lfWords > sfChars * 2 || lfWords > sfChars + 5 || sfChars > 10) return null;
  return { short, long };
}

/** Every pair the algorithm finds in one sentence. */
export function schwartzHearst(sentence: string): BaselinePair[] {
  const out: BaselinePair[] = [];
  let open = sentence.indexOf(' (');
  while (open >= 0) {
    const close = sentence.indexOf(')', open + 2);
    if (close < 0) break;
    let inner = sentence.slice(open + 2, close);
    const before = sentence.slice(0, open);
    for (const sep of [', ', '; ']) {
      const i = inner.indexOf(sep);
      if (i >= 0) inner = inner.slice(0, i);
    }
    let found: BaselinePair | null = null;
    if (wordCount(inner) > 2 || inner.length > before.length) {
      // "SF (long form)": the word right before the parenthesis is the short form.
      const sf = before.slice(before.lastIndexOf(' ') + 1).replace(/[,;:]$/u, '');
      if (hasCapital(sf)) found = pair(sf, inner);
    } else {
      found = pair(inner, window(before, inner.trim()));
    }
    if (found) out.push(found);
    open = sentence.indexOf(' (', close + 1);
  }
  return out;
}
