// Sentence splitting for article runs. Runs never cross blocks, so a heading or caption run is
// always split on its own; inside a run we only cut where a terminator is followed by what looks
// like the start of a new sentence, not by an abbreviation's continuation.
import type { RunText, Sentence } from '../types';

/** Abbreviations that are (almost) never the end of a sentence: titles before a name. */
const TITLE_ABBR = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm', 'cmdr', 'brig',
  'sen', 'rep', 'gov', 'rev', 'hon', 'pres', 'amb', 'st', 'mt', 'ft', 'jr', 'sr', 'vs', 'cf', 'e.g', 'i.e', 'approx',
]);
/** Abbreviations that only continue the sentence when a number follows ("Aug. 31", "No. 2"). */
const NUMBER_ABBR = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'vol', 'fig', 'art', 'p', 'pp',
]);
/** Words that start sentences; after "U.S." one of these means the abbreviation also ended the sentence. */
const STARTERS = new Set(
  ('the a an it its he she they we i you this that these those but and however in on at as if while when after before ' +
    'since although though yet so meanwhile there his her their our my still also even then now for with without by ' +
    'according what why how who many some both neither nor such last earlier later despite instead moreover nevertheless ' +
    'analysts officials experts one no not during under among')
    .split(' '),
);

const TERMINATOR = /(\.{3}|…|[.!?]+)(["”’')\]]*)(\s+)/gu;

/** What ends the word before a terminator (any other character, surrogate halves included, is part of it). */
const TOKEN_STOP = /[\s"“‘'(\[]/u;

function isBoundary(text: string, termStart: number, punct: string, closers: string, next: number): boolean {
  const c = text[next];
  if (c === undefined) return false;
  if (/\p{Ll}/u.test(c)) return false; // ',” he said' / '?” she asked' / 'U.S. officials'
  if (punct !== '.' || closers) return true;
  // The word before the terminator, read backwards: an end-anchored regex over the text before it
  // rescanned the whole run at every full stop.
  let from = termStart;
  while (from > 0 && !TOKEN_STOP.test(text[from - 1]!)) from--;
  const token = text.slice(from, termStart).toLowerCase();
  const nextWord = /^[\p{L}\p{N}]+/u.exec(text.slice(next))?.[0] ?? '';
  const nextIsDigit = /^\p{N}/u.test(nextWord);
  if (TITLE_ABBR.has(token)) return false;
  if (NUMBER_ABBR.has(token)) return !nextIsDigit;
  // A lone capital initial: "Donald J. Trump", "Kim J. Un" — a sentence rarely ends in one letter.
  if (/^\p{Lu}$/u.test(text.slice(termStart - 1, termStart)) && token.length === 1) return false;
  // Dotted abbreviations ("U.S.", "U.N.", "a.m."): the sentence goes on unless a typical starter follows.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return STARTERS.has(nextWord.toLowerCase());
  return true;
}

function pushSentence(out: Sentence[], run: number, text: string, from: number, to: number): void {
  let s = from;
  let e = to;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  if (e > s) out.push({ run, start: s, end: e, text: text.slice(s, e) });
}

function splitRun(text: string, run: number, out: Sentence[]): void {
  // Blank lines inside one run (e.g. <br><br>) are hard breaks.
  const hard = /\n\s*\n/g;
  let blockStart = 0;
  const blocks: [number, number][] = [];
  for (const m of text.matchAll(hard)) {
    blocks.push([blockStart, m.index]);
    blockStart = m.index + m[0].length;
  }
  blocks.push([blockStart, text.length]);
  for (const [bs, be] of blocks) {
    const block = text.slice(0, be);
    let start = bs;
    TERMINATOR.lastIndex = bs;
    for (let m = TERMINATOR.exec(block); m; m = TERMINATOR.exec(block)) {
      const [, punct = '', closers = '', space = ''] = m;
      const next = m.index + m[0].length;
      if (next >= be) break;
      if (isBoundary(block, m.index, punct, closers, next)) {
        pushSentence(out, run, text, start, next - space.length);
        start = next;
      }
    }
    pushSentence(out, run, text, start, be);
  }
}

/** Splits every run into sentences; offsets are into that run's text. `memo` (run text → its
 *  sentences) lets a page that grows split only its new runs. */
export function splitSentences(runs: RunText[], memo?: Map<string, Sentence[]>): Sentence[] {
  const out: Sentence[] = [];
  runs.forEach((r, i) => {
    if (!memo) return splitRun(r.text, i, out);
    let own = memo.get(r.text);
    if (!own) {
      own = [];
      splitRun(r.text, 0, own);
      memo.set(r.text, own);
    }
    for (const s of own) out.push({ run: i, start: s.start, end: s.end, text: s.text });
  });
  return out;
}
