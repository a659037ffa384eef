// Acronym definitions found in the text, in the ways writers give them: "Long Form (LF)",
// "LF (Long Form)", quoted ("the Long Form (the "LF")", `"LF" = Long Form`), in apposition
// ("Long Form, or LF,", "Long Form or LF", "Long Form, LF,", "Long Form, known as LF", "Long
// Form, hereafter LF", "LF, short for Long Form", "LF stands for Long Form"), as a glossary line
// ("LF: Long Form"), "known as LF" after the long form's sentence, and in a parenthesis that
// goes on ("(LF, founded 1999)", "(LF; formerly XY)"). Whatever the wording, the long form must
// spell the acronym (acronym-align.ts, then Schwartz & Hearst's reading with guards in
// acronym-loose.ts): a wrong expansion on a card is worse than none. What real writers do was
// measured on the real acronym sets (tests/eval/README.md).
import type { AcronymDefinition, Sentence } from '../types';
import { longFormAfter, longFormBefore, permutedLongFormBefore, spells, words, type Word } from './acronym-align';
import { isKindWord, isLooseShortForm, looseLongFormBefore } from './acronym-loose';
import { fold, FUNCTION_WORDS } from './text';

/** An acronym as written: 2–10 letters/digits, starting with a letter or digit, mostly capitals
 *  ("IAEA", "ICBMs", "MoU", "IaaS", "U.N.", "R&D"), or one capital with digits ("G7", "W3C"). */
export function isAcronymCandidate(s: string): boolean {
  if (!/^[\p{L}\p{N}][\p{L}\p{N}.&+-]{1,11}$/u.test(s)) return false;
  const core = s.replace(/[.&+-]/g, '');
  if (core.length < 2 || core.length > 10 || !/\p{L}/u.test(core)) return false;
  const upper = (core.match(/\p{Lu}/gu) ?? []).length;
  const lower = (core.match(/\p{Ll}/gu) ?? []).length;
  const digits = (core.match(/\p{N}/gu) ?? []).length;
  if (upper >= 2) return lower <= upper;
  return upper === 1 && lower === 0 && digits > 0 && /^\p{Lu}/u.test(core);
}

/** An all-lower-case short form ("dpa"): accepted only when every word of a capitalized long
 *  form gives exactly its initial ("Deutsche Presse-Agentur, or dpa"). Three letters at least:
 *  "so", "us" and "to" follow ", or" too often. */
function isLowerCaseAcronym(s: string): boolean {
  return /^\p{Ll}{3,5}$/u.test(s);
}

/** Writes "ICBMs" as "ICBM": the matcher already allows a plural "s" on acronyms. */
export function singularAcronym(short: string): string {
  return /\p{Lu}{2,}s$/u.test(short) ? short.slice(0, -1) : short;
}

function spanText(sentence: string, span: Word[]): string {
  const first = span[0];
  const last = span[span.length - 1];
  return first && last ? sentence.slice(first.start, last.end) : '';
}

/** A long form never crosses a semicolon or a bracket it did not open ("KN-23) and X"), nor a
 *  comma in a list of other acronyms ("KN-23, KN-24"); "a poly(A) tail" and
 *  "complete, verifiable and irreversible denuclearization" are long forms. */
function crossesClause(long: string): boolean {
  if (long.includes(';')) return true;
  let depth = 0;
  for (const c of long) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    if (depth < 0) return true;
  }
  return depth !== 0 || (long.includes(',') && words(long).some((w) => isAcronymCandidate(w.text)));
}

/** Does the word ending at `end` start with one of `letters` (any case)? */
function lastWordStartsWith(text: string, end: number, letters: string): boolean {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}'’.]/u.test(text[i - 1]!)) i--;
  const c = text[i]?.toLowerCase();
  return !!c && letters.toLowerCase().includes(c);
}

/** A long form starts where a word does: not after a slash, comma or dot inside a token
 *  ("1,2-dichloro…", "trade/investment…" cut after the mark), nor at a lone lower-case letter
 *  that names a variant ("c reactor" is part of a longer name). */
function cutsIntoWord(text: string, span: Word[]): boolean {
  const head = span[0]!;
  if (/[,./\p{L}\p{N}]/u.test(text[head.start - 1] ?? ' ')) return true;
  return /^\p{Ll}$/u.test(head.text) && !head.hyphenNext;
}

function plausible(short: string, span: Word[], long: string, loose: boolean): boolean {
  if (long.length < short.length + 2 || fold(long) === fold(short)) return false;
  if (span.length > 1 || loose) return true;
  // One long compound word ("Bundesnachrichtendienst (BND)"): only for a capitalized acronym of
  // three or more letters, so a ticker or a nickname in brackets does not pass.
  return /^\p{Lu}{3,}$/u.test(short) && long.length >= 12;
}

// What may stand between a long form and its acronym, or open a parenthesis before it:
// "or", "known as", "hereafter", "abbreviated", "usually shortened to", "the".
const LEAD_IN = /^(?:(?:or|also|better|more|commonly|widely|usually|often|now|simply|hereafter|hereinafter|henceforth|subsequently)\s+)*(?:(?:known|referred to|abbreviated|shortened|written|called)(?:\s+(?:as|to))?\s+)?(?:the\s+)?/iu;
const QUOTES = /^["“”‘’']+|["“”‘’']+$/gu;
// After the acronym: what says the long form follows.
const EXPANDS_AS = /^(?:,\s*|\s+|\(\s*)(?:or|short for|which stands for|standing for|stands for|is short for|an? (?:abbreviation|acronym) (?:for|of)|meaning|=)\s+/iu;

// A possessive is not part of either form: "the Agency's (IAEA's) inspectors".
const POSSESSIVE = /['’]s?$/u;
const cleanShort = (s: string) =>
  s
    .replace(QUOTES, '')
    .replace(/[.,;:]+$/u, (m) => (/^(?:\p{L}\.)+$/u.test(s) ? m : ''))
    .replace(POSSESSIVE, '');

function definitionsIn(text: string, sentence: number): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  const add = (short: string, span: Word[] | null, loose = false): boolean => {
    if (!span) return false;
    const long = spanText(text, span).replace(POSSESSIVE, '');
    if (crossesClause(long) || cutsIntoWord(text, span) || !plausible(short, span, long, loose)) return false;
    out.push({ short: singularAcronym(short), long, sentence });
    return true;
  };
  // Tokenized once per sentence; a long form before an offset is a tail of these words.
  let all: Word[] | undefined;
  /** The long form ending just before `end`, for an acronym written after it. */
  const wordsBefore = (end: number) => {
    all ??= words(text);
    let n = 0;
    while (n < all.length && all[n]!.end <= end) n++;
    return all.slice(Math.max(0, n - 25), n);
  };
  const before = (short: string, end: number, allowPermuted: boolean) => {
    const ws = wordsBefore(end);
    if (isLowerCaseAcronym(short)) return strictCapitalized(longFormBefore(ws, short), short);
    const found = longFormBefore(ws, short) ?? (allowPermuted ? permutedLongFormBefore(ws, short) : null);
    if (found) return found;
    // One word more before the acronym: "the Mutual Legal Assistance Treaty agreement (MLAT)" is
    // the treaty's name; "the Joint Security Area checkpoint (JSA)" runs to the bracket, as the
    // real sets' gold has it (tests/eval/README.md).
    const shorter = extraWordAtEnd(ws) ? longFormBefore(ws.slice(0, -1), short) : null;
    return !shorter || isKindWord(ws[ws.length - 1]!) ? shorter : [...shorter, ws[ws.length - 1]!];
  };
  /** Schwartz & Hearst's letters-anywhere reading, when the strict one finds nothing. */
  const looseBefore = (short: string, end: number) => {
    const ws = wordsBefore(end);
    // Initials first, as for capital acronyms ("Korea Institute for Defense Analyses (Kida)"),
    // then S&H's rightmost letters.
    const initials = isAcronymCandidate(short) ? null : longFormBefore(ws, short);
    return initials && initials.length > 1 ? initials : looseLongFormBefore(text, ws, short);
  };
  /** The long form starting at `start`, for an acronym written before it. */
  const after = (short: string, start: number, end: number, whole: boolean) => {
    if (isLowerCaseAcronym(short)) return null;
    return longFormAfter(words(text.slice(start, end), start), short, whole);
  };

  // "Long Form (LF)", "Long Form (the "LF", …)", "LF (Long Form)", "LF (short for Long Form)".
  for (const m of text.matchAll(/\(\s*([^()]{1,120}?)\s*[),;]/gu)) {
    const raw = m[1] ?? '';
    const rawStart = m.index + m[0].indexOf(raw);
    // Only the last few characters can hold the word before the bracket (a regex anchored at
    // the end still scans from the start).
    const tail = text.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const prevMatch = /(["“”']?[\p{L}\p{N}][\p{L}\p{N}.&+-]*["“”']?)$/u.exec(tail);
    const prev = prevMatch && (prevMatch.index > 0 || m.index <= 40) ? prevMatch[1] : undefined;
    const prevShort = prev ? cleanShort(prev) : undefined;
    const expands = EXPANDS_AS.exec(` ${raw}`);
    if (prevShort && expands && isAcronymCandidate(prevShort)) {
      const from = rawStart + expands[0].length - 1;
      add(prevShort, after(prevShort, from, rawStart + raw.length, false));
      continue;
    }
    const inner = cleanShort(raw.replace(LEAD_IN, ''));
    if (isAcronymCandidate(inner) || isLowerCaseAcronym(inner)) {
      if (!add(inner, before(inner, m.index, true)) && !isLowerCaseAcronym(inner) && !/^[IVX]+$/u.test(inner)) add(inner, looseBefore(inner, m.index), true);
      continue;
    }
    if (isLooseShortForm(inner) && add(inner, looseBefore(inner, m.index), true)) continue;
    if (prevShort && isAcronymCandidate(prevShort) && add(prevShort, after(prevShort, rawStart, rawStart + raw.length, true))) continue;
    // "the Korean Central News Agency (Korean: …; KCNA)": the acronym closes a bracket that
    // opens with the name in another language.
    const close = text.indexOf(')', rawStart);
    const last = close > 0 && close - rawStart < 200 ? LAST_SEGMENT.exec(text.slice(rawStart, close)) : null;
    if (last && isAcronymCandidate(last[1]!) && add(last[1]!, before(last[1]!, m.index, false))) continue;
    // "KOTRA (Korea Trade-Investment Promotion Agency)": S&H's reading of the whole bracket.
    if (prevShort && (isAcronymCandidate(prevShort) || isLooseShortForm(prevShort)) && !/^[IVX]+$/u.test(prevShort)) {
      const ws = words(raw, rawStart);
      const body = /^(?:the|a|an)$/iu.test(ws[0]?.text ?? '') ? ws.slice(1) : ws;
      const span = looseLongFormBefore(text, body, prevShort);
      // Not a variant of the short form itself ("Hwasong15 (Hwasong15B variant)").
      const sameStem = span && fold(span[0]!.text).slice(0, 3) === fold(prevShort).slice(0, 3);
      if (span && span[0] === body[0] && !sameStem) add(prevShort, span, true);
    }
  }

  // A glossary line: "ICBM: intercontinental ballistic missile", "DMZ - demilitarized zone". Every
  // content word gives its initial, so a dateline ("SEOUL - North Korea said") is no definition.
  const gloss = GLOSSARY.exec(text);
  if (gloss && isAcronymCandidate(gloss[1]!)) {
    const from = gloss[0].length;
    const span = after(gloss[1]!, from, from + text.slice(from).search(/[,;:()]|\.\s|\.?$/u), false);
    if (span && spells(span, gloss[1]!, false)) add(gloss[1]!, span);
  }

  // "the Korean Central News Agency, KCNA, said": the acronym alone between commas after its
  // long form, every letter a word initial: a comma is a weak cue ("Austin, TX."), and a
  // list of acronyms has no long form before it.
  for (const m of COMMA_CAPITALS.test(text) ? text.matchAll(COMMA_SHORT) : []) {
    const short = m[1] ?? '';
    if (!isAcronymCandidate(short) || out.some((d) => d.short === singularAcronym(short))) continue;
    // Cheap test first: with every letter an initial, the word before the comma starts with
    // the acronym's last letter.
    if (!lastWordStartsWith(text, m.index, singularAcronym(short).slice(-1))) continue;
    const span = longFormBefore(wordsBefore(m.index), short);
    if (span && span.length > 1 && spells(span, short, true)) add(short, span);
  }

  // "intercontinental ballistic missiles or ICBMs": "or" without a comma, every content word
  // giving its initial.
  if (text.includes(' or ')) {
    for (const m of text.matchAll(BARE_OR)) {
      const short = cleanShort(m[1] ?? '');
      if (!isAcronymCandidate(short) || !lastWordStartsWith(text, m.index, short)) continue;
      const span = longFormBefore(wordsBefore(m.index), short);
      if (span && spells(span, short, false)) add(short, span);
    }
  }

  // Apposition and glossary forms. Most sentences have none of the cue words: skip them cheaply.
  if (!APPOSITION_CUE.test(text)) return out;
  // "Long Form, or LF,", "Long Form, better known as the LF", "Long Form, hereafter LF".
  for (const m of text.matchAll(LONG_THEN_SHORT)) {
    const short = cleanShort(m[1] ?? '');
    if (isAcronymCandidate(short) || isLowerCaseAcronym(short)) add(short, before(short, m.index, false));
  }
  // "LF, or Long Form", "LF, short for Long Form", "LF stands for Long Form", `"LF" = Long Form`.
  for (const m of text.matchAll(SHORT_THEN_LONG)) {
    const short = cleanShort(m[1] ?? '');
    if (!isAcronymCandidate(short)) continue;
    const from = m.index + m[0].length;
    const end = text.slice(from).search(/[,;:()]|$/u);
    add(short, after(short, from, from + end, false));
  }
  return out;
}

const APPOSITION_CUE = /,\s+or\s|known as|, (?:\w+ )?called |hereafter|hereinafter|henceforth|abbreviated|shortened to|short for|stands for|standing for|written as|=|referred to as|(?:abbreviation|acronym) (?:for|of)/iu;
const GLOSSARY = /^\[?\s*([\p{L}\p{N}][\p{L}\p{N}.&+-]{1,11}?)\s*\]?\s*(?::|\s[-–—])\s+/u;
const LAST_SEGMENT = /[;,]\s*(\p{Lu}[\p{Lu}\p{N}&.-]{1,9})\s*$/u;
const COMMA_CAPITALS = /,\s+\p{Lu}[\p{Lu}\p{N}]/u;
const COMMA_SHORT = /(?<=[\p{L}\p{N}]),\s+(\p{Lu}[\p{Lu}\p{N}&.-]{1,9}s?)(?=\s*(?:[,;]|\.?$))/gu;
const BARE_OR = /(?<=[\p{L}\p{N}])\s+or\s+([\p{L}\p{N}][\p{L}\p{N}.&+-]{1,11}?)(?=[\s,.;:)]|$)/gu;
const SHORT_WORD = `["“‘']?([\\p{L}\\p{N}][\\p{L}\\p{N}.&+-]{1,11}?)["”’']?`;
const LONG_THEN_SHORT = new RegExp(
  `(?:,\\s+(?:or(?:\\s+simply)?|(?:(?:also|better|more|commonly|widely|usually|often|now)\\s+)*(?:known|referred to|abbreviated|shortened|written|called)(?:\\s+(?:as|to))?|hereafter|hereinafter(?:\\s+referred to as)?|henceforth)|\\s+(?:(?:also|better|more|commonly|widely|usually|often)\\s+)*(?:known|referred to|abbreviated|shortened)\\s+(?:as|to)|\\s+(?:hereafter|hereinafter))\\s+(?:the\\s+)?${SHORT_WORD}(?=[\\s,.;:)]|$)`,
  'gu',
);
const SHORT_THEN_LONG = new RegExp(
  `(?<![\\p{L}\\p{N}])${SHORT_WORD}(?:,\\s+(?:or|short for|which stands for|standing for|an? (?:abbreviation|acronym) (?:for|of))|\\s+(?:stands for|is short for|=))\\s+(?:the\\s+)?`,
  'giu',
);

const CLAUSE_WORDS = new Set(['said', 'says', 'say', 'told', 'tells', 'reports', 'warns', 'adds', 'added', 'wrote', 'writes', 'is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'can', 'could', 'may', 'might', 'also', 'which', 'who', 'that', 'this', 'there', 'here', 'then', 'now', 'today', 'yesterday', 'tomorrow']);

/** A lower-case content word at the end, which the acronym's letters may leave out. */
function extraWordAtEnd(ws: Word[]): boolean {
  const w = ws[ws.length - 1];
  if (!w || ws.length <= 2 || w.hyphenPart || !/^\p{Ll}{3,}$/u.test(w.text) || FUNCTION_WORDS.has(w.folded)) return false;
  // A verb, an adverb or a clause word ends the clause, not the name: "the News Agency reported (KCNA)".
  return !/(?:ed|ing|ly)$/u.test(w.text) && !CLAUSE_WORDS.has(w.folded);
}

/** A long form for a lower-case acronym: capitalized words, each giving exactly its initial. */
function strictCapitalized(span: Word[] | null, short: string): Word[] | null {
  if (!span || !span.every((w) => /^\p{Lu}/u.test(w.text))) return null;
  return spells(span, short, true) && span.length === short.length ? span : null;
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
    const own = inSentence(s.text, i);
    // includes() first: the case-insensitive regex costs more than the rest of the sentence.
    const earlier = i > 0 && s.text.includes(' as ') && KNOWN_AS.test(s.text) ? namedEarlier(sentences[i - 1]!.text, s.text, own, i - 1) : [];
    for (const d of [...own, ...earlier]) {
      if (seen.has(d.short)) continue;
      seen.add(d.short);
      out.push(d);
    }
  });
  return out;
}

const KNOWN_AS = /\b(?:known|referred to|abbreviated)\s+as\s/iu;
const KNOWN_AS_SHORT = new RegExp(`\\b(?:known|referred to|abbreviated)\\s+as\\s+(?:the\\s+)?${SHORT_WORD}(?=[\\s,.;:)]|$)`, 'giu');

/** "The two countries signed a mutual legal assistance treaty in 1998. Known as the MLAT, it
 *  …": the name is in the sentence before the one that gives its short form. Only a run of
 *  words each giving its initial (letters inside them allowed), the nearest to the end of that
 *  sentence. */
function namedEarlier(prev: string, text: string, own: AcronymDefinition[], sentence: number): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (const m of text.matchAll(KNOWN_AS_SHORT)) {
    const short = cleanShort(m[1] ?? '');
    if (!isAcronymCandidate(short) || own.some((d) => d.short === singularAcronym(short))) continue;
    const ws = words(prev);
    for (let end = ws.length; end > 1; end--) {
      const span = longFormBefore(ws.slice(Math.max(0, end - 25), end), short);
      if (span && span.length > 1 && spells(span, short, false)) {
        out.push({ short: singularAcronym(short), long: spanText(prev, span), sentence });
        break;
      }
    }
  }
  return out;
}
