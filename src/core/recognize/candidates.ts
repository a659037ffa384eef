// Capitalised word sequences in one sentence that may be names, with the cues around them. A pure
// function of the sentence's text, so a page's sentences are read once (AnalysisMemo).
import { ABBREVIATED_TITLES, HONORIFICS, NON_NAME as TITLE_COMPLEMENT, SPEECH_VERBS, TITLE_HEADS, TITLE_MODIFIERS } from '../article/lexicon';
import { tokenize, type Token } from '../article/text';
import { PLACE_HEADS } from './gazetteer';
import { CALENDAR, COMPANY_SUFFIXES, DEMONYMS, FIRST_NAMES, NAME_PARTICLES, ORG_HEADS, SENTENCE_OPENERS } from './lexicon';

export interface Candidate {
  /** Offsets in the sentence's text. */
  start: number;
  end: number;
  text: string;
  words: string[];
  /** Capitalised where any word would be: the sentence's first word, or first after a quote or colon. */
  initial: boolean;
  /** A title or courtesy title stands right before it ("Foreign Minister X", "Mr. X"). */
  titled: boolean;
  /** "X said", "X, 63, said", "X told": a speaker. */
  speaks: boolean;
  /** "in X", "from X", "near X". */
  locative: boolean;
  /** "X-based", "X-born". */
  based: boolean;
}

const CAPITAL = /^\p{Lu}/u;
/** "al-Assad", "bin-Laden", "de-Gaulle": a lower-case particle joined to a capitalised name. */
const PARTICLE_JOINED = /^(?:al|el|bin|ibn|abu|van|von|de|da|di|du|le|la)[-‐]\p{Lu}/u;
const BASED = /^(\p{Lu}[\p{L}.'’]*)[-‐](?:based|born|led|run|backed|owned|controlled|registered|listed|headquartered)$/u;
const POSSESSIVE = /['’]s$/u;
const INNER_POSSESSIVE = /^(?:People|Women|Children|Men|Year|Veterans|Workers)['’]s$/u;
/** "US-South Korea", "U.S.-led": a compound of names is not one name. */
const COMPOUND = /^[\p{L}.]+[-‐]\p{Lu}|^\p{Lu}{2,}[-‐]/u;

const lower = (w: string) => w.toLowerCase().replace(/\.$/, '');
const isCapital = (w: string) => (CAPITAL.test(w) && !/\d/.test(w)) || PARTICLE_JOINED.test(w);
/** Kinship words are titles in lower case only ("his son"); capitalised they are names ("Choe Son Hui"). */
const KINSHIP = new Set(['son', 'daughter', 'brother', 'sister', 'wife', 'husband', 'father', 'mother', 'grandfather', 'grandson']);
// A page repeats its words: what a spelling is, is decided once (bounded, cleared when full).
const titleWords = new Map<string, boolean>();
export const isTitleWord = (w: string): boolean => {
  let v = titleWords.get(w);
  if (v === undefined) {
    if (titleWords.size > 20_000) titleWords.clear();
    titleWords.set(w, (v = titleWord(w)));
  }
  return v;
};
/** Titles of rank the article lexicon (written for politics) lacks. */
const MORE_TITLES = new Set(['emperor', 'empress', 'archbishop', 'bishop', 'pope', 'cardinal', 'sheikh', 'emir', 'sultan', 'tsar', 'czar', 'rabbi', 'imam', 'ayatollah']);
const titleWord = (w: string): boolean => {
  const l = lower(w);
  if (KINSHIP.has(l)) return false;
  if (MORE_TITLES.has(l)) return true;
  return TITLE_HEADS.has(l) || HONORIFICS.has(l) || ABBREVIATED_TITLES[l] !== undefined || TITLE_HEADS.has(l.split(/[-‐]/).pop() ?? '');
};
const isTitleModifier = (w: string) => TITLE_MODIFIERS.has(lower(w));
const isOrgEnd = (w: string) => ORG_HEADS.has(lower(w)) || COMPANY_SUFFIXES.has(w.toLowerCase());
/** Heads after which "of"/"for" continues a name: "Bank of England", "Gulf of Mexico". */
const takesOf = (w: string) => ORG_HEADS.has(lower(w)) || PLACE_HEADS.has(lower(w)) || /^(?:republic|kingdom|university|duke|prince|princess|king|queen|state|states|isle|house|palace|church|museum|school|college|sea|gulf|bay|cape|lake|mount|strait|straits)$/.test(lower(w));

const SPEAKS_AFTER = new RegExp(
  `^(?:['’]s\\s+(?:spokes\\w+|office)\\s+said|,\\s*(?:\\d{1,3}|aged \\d{1,3}),|,\\s+(?:who|whose)\\s|\\s+\\(\\d{1,3}\\)|\\s+(?:has\\s+|had\\s+|also\\s+|later\\s+)?(?:${[...SPEECH_VERBS].join('|')})\\b)`,
  'u',
);
/** "…, said Henke.": the speaker after the verb. */
const SPEAKS_BEFORE = /\b(?:said|says|told|added|asked|according to)\s+$/u;
const LOCATIVE_BEFORE = /\b(?:in|from|to|near|at|outside|across|throughout|into|across|toward|towards|via|visit(?:ed|ing|s)?)\s+(?:the\s+)?$/u;

function gapOk(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (gap === ' ' || gap === '\u00a0') return true;
  // A plural's possessive inside a name: "Workers' Party".
  if (/^['’] $/u.test(gap) && a.text.endsWith('s')) return true;
  // An initial or an abbreviation keeps its dot: "J. Smith", "U.S. Steel".
  if (gap === '. ' && /^\p{Lu}$/u.test(a.text)) return true;
  return gap === ' & ';
}

/** Splits a capitalised run at a title in it: "Foreign Minister Jeong Kyeong-doo" → title, then
 *  the name. Runs that end in an organisation's head are kept whole ("General Motors"). */
function splitAtTitles(run: Token[]): { tokens: Token[]; titled: boolean }[] {
  const last = run[run.length - 1];
  if (!last || isOrgEnd(last.text) || run.length === 1) return [{ tokens: run, titled: false }];
  const out: { tokens: Token[]; titled: boolean }[] = [];
  let current: Token[] = [];
  let titled = false;
  for (let i = 0; i < run.length; i++) {
    const t = run[i]!;
    const titleAhead = isTitleModifier(t.text) && run.slice(i + 1).some((n) => isTitleWord(n.text)) && !run.slice(i + 1).some((n) => isOrgEnd(n.text));
    // A title word at the end of a run is part of the name ("Billie Jean King", "Larry King").
    if ((isTitleWord(t.text) && i < run.length - 1) || titleAhead) {
      // One word right before a title is its portfolio or a nationality ("Education Minister X"),
      // not a name of its own.
      if (current.length > 1) out.push({ tokens: current, titled });
      current = [];
      titled = true;
      // The title's complement: "Secretary of State", "Minister for Foreign Affairs".
      if (isTitleWord(t.text) && /^(?:of|for)$/.test(run[i + 1]?.text ?? '')) {
        i++;
        while (i + 1 < run.length && TITLE_COMPLEMENT.has(lower(run[i + 1]!.text))) i++;
      }
      continue;
    }
    current.push(t);
  }
  if (current.length) out.push({ tokens: current, titled });
  return out;
}

/** What one sentence gives recognition: its candidates, and the words it writes in lower case
 *  (a word the article writes in lower case is a common word, not a name, wherever it is capitalised). */
export interface SentenceNames {
  candidates: Candidate[];
  lower: string[];
}

export function readSentence(text: string): SentenceNames {
  const lower = new Set<string>();
  for (const m of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{Ll}'’-]*/gu)) lower.add(m[0]);
  return { candidates: findCandidates(text), lower: [...lower] };
}

export function findCandidates(text: string): Candidate[] {
  const tokens = tokenize(text);
  const out: Candidate[] = [];
  // A line with no lower-case word ("Local · Community", a title in title case) capitalises
  // every word: it confirms names found elsewhere and starts none.
  const label = !tokens.some((t) => /^\p{Ll}{3,}/u.test(t.text) && !NAME_PARTICLES.has(t.text) && t.text !== 'of' && t.text !== 'for' && t.text !== 'and' && t.text !== 'the');
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isCapital(t.text) || (COMPOUND.test(t.text) && !/^\p{Lu}\p{Ll}+[-‐]\p{Lu}\p{Ll}+$/u.test(t.text))) {
      i++;
      continue;
    }
    const based = BASED.exec(t.text);
    if (based) {
      push(out, text, tokens, [{ text: based[1]!, start: t.start, end: t.start + based[1]!.length }], false, true);
      i++;
      continue;
    }
    const run: Token[] = [t];
    let j = i + 1;
    // A possessive ends a name ("Korea's Democratic Party" is two names), except a plural noun's
    // inside one ("Supreme People's Assembly", "New Year's Address").
    while (j < tokens.length && (!POSSESSIVE.test(run[run.length - 1]!.text) || INNER_POSSESSIVE.test(run[run.length - 1]!.text))) {
      const prev = run[run.length - 1]!;
      const n = tokens[j]!;
      if (isCapital(n.text) && !BASED.test(n.text) && gapOk(text, prev, n)) {
        run.push(n);
        j++;
        continue;
      }
      // Particles, one or more ("van der"), or "of" after a head, then a capitalised word.
      let k = j;
      if ((n.text === 'of' || n.text === 'for') && (takesOf(prev.text) || isTitleWord(prev.text))) k++;
      else while (k < tokens.length && k - j < 3 && NAME_PARTICLES.has(tokens[k]!.text)) k++;
      const after = tokens[k];
      const joined = tokens.slice(j, k + 1);
      if (k > j && after && isCapital(after.text) && !BASED.test(after.text) && joined.every((x, q) => gapOk(text, q === 0 ? prev : joined[q - 1]!, x))) {
        run.push(...joined);
        j = k + 1;
        continue;
      }
      break;
    }
    i = j;
    // "McCune–Reischauer", "Franco-German": names joined by a dash make a compound, not a name.
    const joinedBefore = /\p{L}[–—-]$/u.test(text.slice(0, run[0]!.start));
    if (joinedBefore || /^[–—-]\p{Lu}/u.test(text.slice(run[run.length - 1]!.end))) continue;
    for (const part of splitAtTitles(run)) push(out, text, tokens, part.tokens, part.titled, false);
  }
  if (label) for (const c of out) c.initial = true;
  return out;
}

function push(out: Candidate[], text: string, all: Token[], run: Token[], titled: boolean, based: boolean): void {
  let words = [...run];
  // Sentence openers and calendar words are not part of a name ("Despite Britain's …", "Friday").
  const isOpenerAt = (k: number) => {
    const w = words[k];
    return !!w && (CALENDAR.has(lower(w.text)) || !isCapital(w.text) || (k === 0 && atSentenceStart(text, w) && SENTENCE_OPENERS.has(lower(w.text))));
  };
  while (words.length && isOpenerAt(0)) words.shift();
  while (words.length && CALENDAR.has(lower(words[words.length - 1]!.text))) words.pop();
  // A particle or "of" cannot end a name.
  while (words.length && !isCapital(words[words.length - 1]!.text)) words.pop();
  // "Australian Tom Moody", "Controversial Australian Anthony Hill": nationality adjectives (and
  // at a sentence start, any words) before a person's known given name are not part of the name.
  const given = words.findIndex((w, k) => k > 0 && FIRST_NAMES.has(w.text.toLowerCase()));
  if (given > 0 && given < words.length - 1 && words.slice(0, given).every((w) => DEMONYMS.has(w.text.toLowerCase()) || atSentenceStart(text, words[0]!))) words = words.slice(given);
  while (words.length > 2 && DEMONYMS.has(words[0]!.text.toLowerCase()) && !ORG_HEADS.has(lower(words[words.length - 1]!.text))) words.shift();
  const first = words[0];
  const lastTok = words[words.length - 1];
  if (!first || !lastTok) return;
  let end = lastTok.end;
  const raw = text.slice(first.start, end);
  const stripped = raw.replace(/['’]s?$/u, '');
  end = first.start + stripped.length;
  if (!stripped || !/\p{L}{2}|\p{Lu}\./u.test(stripped)) return;
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, first.start - 30), first.start);
  // The word before the name: tokens are in order, so search back from the name's first token.
  let at = all.indexOf(first);
  if (at < 0) at = all.findIndex((t) => t.start >= first.start);
  const prevWord = at > 0 ? all[at - 1] : undefined;
  out.push({
    start: first.start,
    end,
    text: stripped,
    words: stripped.split(/\s+/).filter((w) => w !== '&'),
    initial: atSentenceStart(text, first),
    titled: titled || (!!prevWord && isTitleWord(prevWord.text) && /^\.?\s+$/u.test(text.slice(prevWord.end, first.start))),
    speaks: SPEAKS_AFTER.test(after) || SPEAKS_BEFORE.test(before),
    locative: LOCATIVE_BEFORE.test(before),
    // "Family-controlled" at a sentence start says nothing; "the Velmora-based firm" does.
    based: based && !atSentenceStart(text, first),
  });
}

/** "SEOUL", "WASHINGTON, D.C.", "SEOUL, South Korea (Reuters)" before a dash that opens a story. */
const DATELINE = /^\s*\p{Lu}[\p{Lu}\s.'’-]*(?:,\s*\p{Lu}[\p{L}\s.]*)?(?:\s*\([^)]*\))?\s*$/u;

/** Where any word is capitalised: the sentence's start, after an opening quote, a bracket or a
 *  colon, or after a dateline. */
export function atSentenceStart(text: string, t: Token): boolean {
  // Only the few characters before the word matter: a quote, a colon or a dash, or nothing.
  let i = t.start - 1;
  while (i >= 0 && /\s/u.test(text[i]!)) i--;
  if (i < 0) return true;
  // (Not after a dash: in prose a dash does not capitalise the word after it; after a dateline's
  // dash, "SEOUL, South Korea —", the story begins.)
  if (/["“‘'(:]/u.test(text[i]!)) return true;
  if (/[—–-]/u.test(text[i]!) && DATELINE.test(text.slice(0, i))) return true;
  // Only punctuation before it: "(Reuters) -", "… ".
  for (let k = i; k >= 0; k--) if (/[\p{L}\p{N}]/u.test(text[k]!)) return false;
  return true;
}
