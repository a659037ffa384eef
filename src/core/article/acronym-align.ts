// Does a run of words spell an acronym? The letter-alignment half of the acronym reader, after
// Schwartz & Hearst (2003) but stricter: every content word of the long form must give the
// acronym its initial (function words and hyphenated parts may be skipped), so "(2019)",
// "(pictured)" and "(R-Texas)" never pair with the words before them. Beyond S&H: a digit
// matches a number word ("G7" = Group of Seven), a letter before a digit may stand for that many
// words ("W3C" = World Wide Web Consortium), and a spelling whose letters are all word initials
// wins over a shorter one that borrows letters from inside words ("Secure Sockets Layer (SSL)",
// not "Sockets Layer").
import { FUNCTION_WORDS } from './text';

export interface Word {
  text: string;
  /** Lower case without diacritics: what letters are compared against. */
  folded: string;
  start: number;
  end: number;
  /** True when a hyphen joins this word to the previous one ("Non-Proliferation"). */
  hyphenPart: boolean;
  /** True when a hyphen follows ("e" in "e-commerce"): a letter that starts a compound, never
   *  the Italian "e" or the Spanish "y". */
  hyphenNext?: boolean;
}

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}'’.]*/gu;
// An elided article or preposition is not the word's initial: "l'Atlantique" gives an "A".
const ELISION = /^(?:[ldjmnstc]|qu|dell|dall|nell|sull|all)['’](?=\p{L})/iu;

const ASCII = /^[\x20-\x7e]*$/;
const foldLetters = (s: string) => (ASCII.test(s) ? s : s.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();

export function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let w = m[0];
    let at = m.index;
    // A trailing dot belongs to the word only in dotted abbreviations ("U.S.").
    if (w.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(w)) w = w.replace(/\.+$/, '');
    const elided = ELISION.exec(w);
    if (elided && w.length > elided[0].length + 1) {
      at += elided[0].length;
      w = w.slice(elided[0].length);
    }
    const start = offset + at;
    const prev = text[m.index - 1];
    const next = text[at + w.length];
    out.push({ text: w, folded: foldLetters(w), start, end: start + w.length, hyphenPart: prev === '-' || prev === '‐', hyphenNext: next === '-' || next === '‐' });
  }
  return out;
}

/** One thing the long form must supply: a letter, or a number written as digits or a word. */
type Unit = { letter: string } | { number: string };

const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', twenty: '20', first: '1', second: '2', third: '3', fourth: '4', fifth: '5',
};

function numberMatches(w: Word, n: string): boolean {
  return w.folded === n || new RegExp(`^${n}(?:st|nd|rd|th)$`).test(w.folded) || NUMBER_WORDS[w.folded] === n;
}

/** The letters the long form must supply; a plural "s" after capitals is not one of them.
 *  More than one reading when a letter may be repeated by the digit after it ("W3C"). */
export function unitReadings(short: string): Unit[][] {
  let readings = readingsCache.get(short);
  if (!readings) {
    if (readingsCache.size > 5_000) readingsCache.clear();
    readingsCache.set(short, (readings = readUnits(short)));
  }
  return readings;
}
const readingsCache = new Map<string, Unit[][]>();

function readUnits(short: string): Unit[][] {
  const core = short.replace(/[^\p{L}\p{N}]/gu, '');
  const singular = /\p{Lu}s$/u.test(core) && core.length > 2 ? core.slice(0, -1) : core;
  const units: Unit[] = [];
  for (const m of foldLetters(singular).matchAll(/\p{N}+|\p{L}/gu)) units.push(/\p{N}/u.test(m[0]) ? { number: m[0] } : { letter: m[0] });
  const readings = [units];
  const repeated: Unit[] = [];
  let changed = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1];
    if ('letter' in u && next && 'number' in next && /^[2-4]$/.test(next.number)) {
      for (let k = 0; k < Number(next.number); k++) repeated.push(u);
      i++;
      changed = true;
    } else {
      repeated.push(u);
    }
  }
  if (changed) readings.push(repeated);
  return readings;
}

const isFunctionWord = (w: Word) => FUNCTION_WORDS.has(w.folded) && !(w.hyphenNext && w.folded.length === 1);
const isSkippable = (w: Word) => isFunctionWord(w) || w.hyphenPart;

/** Can units[ui..] be aligned to ws[wi..], ending inside the last word? `ci` is the index of the
 *  last matched character inside ws[wi], or -1 when the next unit must start a word. `strict`
 *  takes letters from word starts only. */
function align(ws: Word[], units: Unit[], strict: boolean, ui: number, wi: number, ci: number, memo: Map<number, boolean>, skip = 0): boolean {
  if (ui === units.length) return ci >= 0 && wi === ws.length - 1;
  // Memoized: repeated letters in long words would otherwise make the search exponential.
  const key = ((ui * (ws.length + 1) + wi) * 64 + Math.min(ci + 1, 63)) * 2 + skip;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = alignStep(ws, units, strict, ui, wi, ci, memo, skip);
  memo.set(key, result);
  return result;
}

function alignStep(ws: Word[], units: Unit[], strict: boolean, ui: number, wi: number, ci: number, memo: Map<number, boolean>, skip: number): boolean {
  const unit = units[ui]!;
  if (ci >= 0) {
    if ('letter' in unit) {
      const w = ws[wi]?.folded ?? '';
      for (let p = w.indexOf(unit.letter, ci + 1); p > 0 && p < 63; p = w.indexOf(unit.letter, p + 1)) {
        // Strict takes a letter inside a word only where a number ends ("2A" in "Pacific
        // Pipeline 2A (PP2A)"), which starts a part of its own.
        if (strict && !/\p{N}/u.test(w[p - 1]!)) continue;
        if (align(ws, units, strict, ui + 1, wi, p, memo, skip)) return true;
      }
    }
    return align(ws, units, strict, ui, wi + 1, -1, memo, skip);
  }
  const w = ws[wi];
  if (!w) return false;
  if ('number' in unit) {
    if (numberMatches(w, unit.number) && align(ws, units, strict, ui + 1, wi, Math.min(w.folded.length, 63) - 1 || 0, memo, skip)) return true;
    // A number that starts a word gives the letters after it too ("2A").
    const rest = w.folded.slice(unit.number.length);
    if (w.folded.startsWith(unit.number) && /^\p{L}/u.test(rest) && align(ws, units, strict, ui + 1, wi, unit.number.length - 1, memo, skip)) return true;
  } else if (w.folded[0] === unit.letter && align(ws, units, strict, ui + 1, wi, 0, memo, skip)) {
    return true;
  }
  // One content word inside the long form may give nothing (see longFormBefore).
  if (!isSkippable(w) && skip > 0 && ui > 0) return align(ws, units, strict, ui, wi + 1, -1, memo, skip - 1);
  return isSkippable(w) && align(ws, units, strict, ui, wi + 1, -1, memo, skip);
}

export function spells(span: Word[], short: string, strict: boolean): boolean {
  return unitReadings(short).some((units) => {
    const first = span[0];
    if (!first) return false;
    return align(span, units, strict, 0, 0, -1, new Map());
  });
}

function startsLikeAcronym(w: Word, short: string): boolean {
  if (isSkippable(w)) return false;
  return unitReadings(short).some((units) => {
    const u = units[0];
    return u !== undefined && ('letter' in u ? w.folded[0] === u.letter : numberMatches(w, u.number));
  });
}

function windowSize(short: string): number {
  const n = Math.max(...unitReadings(short).map((u) => u.length));
  return Math.min(n + 5, n * 2);
}

/** The run of words ending at the end of `ws` that spells the acronym: the shortest whose letters
 *  are all word initials, else the shortest at all; null when none does. Failing both, an acronym
 *  of four or more letters may pass over one inner content word when every letter it does take
 *  is a word initial ("Comprehensive Nuclear-Test-Ban Treaty Organization (CTBTO)"). */
export function longFormBefore(ws: Word[], short: string): Word[] | null {
  const from = Math.max(0, ws.length - windowSize(short));
  const readings = unitReadings(short);
  // Every candidate span ends at the last word, so one memo per reading serves all their starts.
  const memos = [0, 1, 2].map(() => readings.map(() => new Map<number, boolean>()));
  const spellsFrom = (i: number, tier: number) =>
    readings.some((units, r) => align(ws, units, tier !== 1, 0, i, -1, memos[tier]![r]!, tier === 2 ? 1 : 0));
  let loose = -1;
  let skipping = -1;
  const mayPassOver = Math.min(...readings.map((u) => u.length)) >= 4;
  for (let i = ws.length - 1; i >= from; i--) {
    if (!startsLikeAcronym(ws[i]!, short)) continue;
    if (spellsFrom(i, 0)) return ws.slice(i);
    if (loose < 0 && spellsFrom(i, 1)) loose = i;
    if (loose < 0 && skipping < 0 && mayPassOver && spellsFrom(i, 2)) skipping = i;
  }
  if (loose >= 0) return ws.slice(loose);
  return skipping < 0 ? null : ws.slice(skipping);
}

/** The prefix of `ws` (after an article) that spells the acronym: the shortest whose letters
 *  are all word initials, else the longest that gives every word's initial ("DMZ, or
 *  demilitarized zone", not "demilitarized"); null when none does. With `whole`, only all of
 *  `ws` will do. */
export function longFormAfter(ws: Word[], short: string, whole: boolean): Word[] | null {
  const body = /^(?:the|a|an)$/i.test(ws[0]?.text ?? '') ? ws.slice(1) : ws;
  const first = body[0];
  if (!first || !startsLikeAcronym(first, short)) return null;
  const maxWords = Math.min(windowSize(short), body.length);
  let loose: Word[] | null = null;
  for (let n = whole ? body.length : 1; n <= maxWords; n++) {
    const span = body.slice(0, n);
    if (spells(span, short, true)) return span;
    if (spells(span, short, false)) loose = span;
  }
  return loose;
}

/** "International Organization of Legal Metrology (OIML)": a name translated from another
 *  language keeps its acronym, whose letters are then the initials of its capitalized words in
 *  another order. Exactly one initial per content word, every word capitalized. */
export function permutedLongFormBefore(ws: Word[], short: string): Word[] | null {
  if (!/^\p{Lu}{3,10}$/u.test(short)) return null;
  const want = [...foldLetters(short)].sort().join('');
  let content = 0;
  for (let i = ws.length - 1; i >= 0 && content < short.length; i--) {
    const w = ws[i]!;
    if (isFunctionWord(w)) continue;
    if (!/^\p{Lu}/u.test(w.text) || w.hyphenPart) return null;
    content++;
    if (content === short.length) {
      const span = ws.slice(i);
      const initials = span.filter((x) => !isFunctionWord(x)).map((x) => x.folded[0]).sort().join('');
      return initials === want ? span : null;
    }
  }
  return null;
}
