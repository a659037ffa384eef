// Acronym definitions found in the text, after Schwartz & Hearst (2003) but stricter: every
// content word of the long form must give its initial to the acronym (function words may be
// skipped), so "(2019)", "(pictured)" and "(R-Texas)" never pair with the words before them.
import type { AcronymDefinition, Sentence } from '../types';
import { FUNCTION_WORDS, fold } from './text';

interface Word {
  text: string;
  start: number;
  end: number;
  /** True when a hyphen joins this word to the previous one ("Non-Proliferation"). */
  hyphenPart: boolean;
}

const WORD = /[\p{L}\p{N}&][\p{L}\p{N}'’.]*/gu;

function words(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    let w = m[0];
    // A trailing dot belongs to the word only in dotted abbreviations ("U.S.").
    if (w.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(w)) w = w.replace(/\.+$/, '');
    const start = offset + m.index;
    const prev = text[m.index - 1];
    out.push({ text: w, start, end: start + w.length, hyphenPart: prev === '-' || prev === '‐' });
  }
  return out;
}

/** An acronym as written: 2–10 letters/digits, mostly capitals ("IAEA", "ICBMs", "MoU", "U.N."). */
export function isAcronymCandidate(s: string): boolean {
  if (!/^\p{L}[\p{L}\p{N}.&-]{1,11}$/u.test(s)) return false;
  const core = s.replace(/[.&-]/g, '');
  if (core.length < 2 || core.length > 10) return false;
  const upper = (core.match(/\p{Lu}/gu) ?? []).length;
  const lower = (core.match(/\p{Ll}/gu) ?? []).length;
  return upper >= 2 && upper > lower;
}

/** The letters the long form must supply; a plural "s" after capitals is not one of them. */
function acronymLetters(short: string): string[] {
  const core = short.replace(/[^\p{L}\p{N}]/gu, '');
  const singular = /\p{Lu}s$/u.test(core) && core.length > 2 ? core.slice(0, -1) : core;
  return [...singular.toLowerCase()];
}

/** Writes "ICBMs" as "ICBM": the matcher already allows a plural "s" on acronyms. */
export function singularAcronym(short: string): string {
  return /\p{Lu}{2,}s$/u.test(short) ? short.slice(0, -1) : short;
}

function isSkippable(w: Word): boolean {
  return FUNCTION_WORDS.has(w.text.toLowerCase()) || w.hyphenPart;
}

/** Can letters[li..] be aligned to ws[wi..] exactly, ending inside the last word? `ci` is the
 *  index of the last matched character inside ws[wi], or -1 when the next letter must start a word. */
function align(ws: Word[], letters: string[], li: number, wi: number, ci: number, memo = new Map<string, boolean>()): boolean {
  if (li === letters.length) return ci >= 0 && wi === ws.length - 1;
  // Memoized: repeated letters in long words would otherwise make the search exponential.
  const key = `${li},${wi},${ci}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const result = alignStep(ws, letters, li, wi, ci, memo);
  memo.set(key, result);
  return result;
}

function alignStep(ws: Word[], letters: string[], li: number, wi: number, ci: number, memo: Map<string, boolean>): boolean {
  const letter = letters[li];
  if (ci >= 0) {
    const w = (ws[wi]?.text ?? '').toLowerCase();
    for (let p = w.indexOf(letter ?? '', ci + 1); p > 0; p = w.indexOf(letter ?? '', p + 1)) {
      if (align(ws, letters, li + 1, wi, p, memo)) return true;
    }
    return align(ws, letters, li, wi + 1, -1, memo);
  }
  const w = ws[wi];
  if (!w) return false;
  if (w.text[0]?.toLowerCase() === letter && align(ws, letters, li + 1, wi, 0, memo)) return true;
  return isSkippable(w) && align(ws, letters, li, wi + 1, -1, memo);
}

/** The shortest run of words ending at the end of `ws` that spells the acronym, or null. */
function longFormBefore(ws: Word[], letters: string[]): Word[] | null {
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  for (let i = ws.length - 1; i >= Math.max(0, ws.length - maxWords); i--) {
    const w = ws[i];
    if (!w || w.text[0]?.toLowerCase() !== letters[0] || FUNCTION_WORDS.has(w.text.toLowerCase()) || w.hyphenPart) continue;
    const span = ws.slice(i);
    if (align(span, letters, 1, 0, 0)) return span;
  }
  return null;
}

/** The shortest prefix of `ws` (after an article) that spells the acronym, or null. */
function longFormAfter(ws: Word[], letters: string[], whole: boolean): Word[] | null {
  const body = /^(?:the|a|an)$/i.test(ws[0]?.text ?? '') ? ws.slice(1) : ws;
  const first = body[0];
  if (!first || first.text[0]?.toLowerCase() !== letters[0]) return null;
  const maxWords = Math.min(letters.length + 5, letters.length * 2, body.length);
  for (let n = whole ? body.length : 1; n <= maxWords; n++) {
    const span = body.slice(0, n);
    if (align(span, letters, 1, 0, 0)) return span;
  }
  return null;
}

function spanText(sentence: string, span: Word[]): string {
  const first = span[0];
  const last = span[span.length - 1];
  return first && last ? sentence.slice(first.start, last.end) : '';
}

function plausible(short: string, long: string): boolean {
  return long.length >= short.length + 2 && fold(long) !== fold(short) && /\s|-/u.test(long);
}

const COMMA_OR = /,\s+or\s/u;

function definitionsIn(text: string, sentence: number): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const add = (short: string, span: Word[] | null) => {
    if (!span) return;
    const long = spanText(text, span);
    if (plausible(short, long)) out.push({ short: singularAcronym(short), long, sentence });
  };
  // "Long Form (LF)" and "LF (Long Form)".
  for (const m of text.matchAll(/\(\s*([^()]{1,120}?)\s*[),;]/gu)) {
    const inner = m[1] ?? '';
    const before = text.slice(0, m.index).replace(/[\s,]+$/u, '');
    if (isAcronymCandidate(inner)) {
      add(inner, longFormBefore(words(before), acronymLetters(inner)));
      continue;
    }
    const prev = /([\p{L}\p{N}.&-]+)$/u.exec(before)?.[1];
    if (prev && isAcronymCandidate(prev)) {
      const innerStart = m.index + m[0].indexOf(inner);
      add(prev, longFormAfter(words(inner, innerStart), acronymLetters(prev), true));
    }
  }
  // "LF, or Long Form," and "Long Form, or LF,". Most sentences have no ", or": the pattern would
  // still be tried at every word.
  if (!COMMA_OR.test(text)) return out;
  for (const m of text.matchAll(/([\p{L}\p{N}.&-]+),\s+or\s+([^,;:()]{2,120})/gu)) {
    const left = m[1] ?? '';
    const right = m[2] ?? '';
    const rightStart = m.index + m[0].length - right.length;
    if (isAcronymCandidate(left)) {
      add(left, longFormAfter(words(right, rightStart), acronymLetters(left), false));
    }
    const rightShort = /^([\p{L}\p{N}.&-]+)(?=[\s.,;:]|$)/u.exec(right)?.[1]?.replace(/\.$/, '');
    if (rightShort && isAcronymCandidate(rightShort)) {
      const leftEnd = m.index + left.length;
      add(rightShort, longFormBefore(words(text.slice(0, leftEnd)), acronymLetters(rightShort)));
    }
  }
  return out;
}

/** Every acronym the article defines, first definition per acronym. `memo` (sentence text → its
 *  definitions) lets a page that grows look only at its new sentences. */
export function findAcronymDefinitions(sentences: Sentence[], memo?: Map<string, AcronymDefinition[]>): AcronymDefinition[] {
  const seen = new Set<string>();
  const out: AcronymDefinition[] = [];
  const inSentence = (text: string, i: number): AcronymDefinition[] => {
    if (!memo) return definitionsIn(text, i);
    let own = memo.get(text);
    if (!own) memo.set(text, (own = definitionsIn(text, 0)));
    return own.map((d) => ({ ...d, sentence: i }));
  };
  sentences.forEach((s, i) => {
    for (const d of inSentence(s.text, i)) {
      if (seen.has(d.short)) continue;
      seen.add(d.short);
      out.push(d);
    }
  });
  return out;
}
