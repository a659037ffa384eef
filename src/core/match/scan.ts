// Finds each run's raw matches: at each position where a name may start (not after a letter,
// digit or mark), the longest form ending on a word boundary whose case fits is the match, and
// the scan resumes after it. Positions come from the prefilter when the pack has one, else from
// every position of the text.
import type { RunText } from '../types';
import type { CompiledIndex } from './compile';
import { foldCode } from './fold';
import type { SurfaceLookup } from './lookup';
import { PREFIX_UNITS } from './prefilter';
import type { RawMatch } from './resolver';
import { ASCII_WORD, isWordAt, type WordTrie } from './word-trie';

const UNDERSCORE = 0x5f;
const ends: number[] = [];

export function findMatches(index: CompiledIndex, lookup: SurfaceLookup, run: RunText): RawMatch[] {
  const out: RawMatch[] = [];
  if (index.prefilter) scanCandidates(index.prefilter, index.trie, lookup, run, out);
  else scanAll(index.trie, lookup, run, out);
  return out;
}

/** The match starting at `i` (appended to `out`): its end, or -1. Longest first; a longer form
 *  whose case does not fit gives way to a shorter one. */
function matchAt(trie: WordTrie, lookup: SurfaceLookup, text: string, i: number, heading: boolean, out: RawMatch[]): number {
  ends.length = 0;
  trie.ends(text, i, ends);
  for (let k = ends.length - 1; k >= 0; k--) {
    const end = ends[k]!;
    const surface = text.slice(i, end);
    const forms = lookup.find(surface, heading);
    if (forms === null) continue;
    out.push({ start: i, end, surface, key: forms.key, forms });
    return end;
  }
  return -1;
}

function isWordUnitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 0x80 ? ASCII_WORD[c] === 1 : isWordAt(text, i);
}

function scanAll(trie: WordTrie, lookup: SurfaceLookup, run: RunText, out: RawMatch[]): void {
  const text = run.text;
  const heading = run.kind === 'heading';
  const n = text.length;
  let afterWord = false;
  for (let i = 0; i < n; i++) {
    if (!afterWord && trie.starts(foldCode(text.charCodeAt(i)))) {
      const end = matchAt(trie, lookup, text, i, heading, out);
      if (end >= 0) i = end - 1;
    }
    afterWord = isWordUnitAt(text, i);
  }
}

/** The prefilter reports, in order, positions where an ASCII prefix of a form starts after a
 *  non-word character, and non-ASCII units (and "_") that a form's first units may hold: those
 *  make every position up to PREFIX_UNITS - 1 before them (and the one after "_") a candidate.
 *  Candidates are tried in increasing order, as the plain walk would, so the matches are the same. */
function scanCandidates(re: RegExp, trie: WordTrie, lookup: SurfaceLookup, run: RunText, out: RawMatch[]): void {
  const text = run.text;
  const heading = run.kind === 'heading';
  const n = text.length;
  /** Every position before `pos` is decided (tried, or inside a match). */
  let pos = 0;
  re.lastIndex = 0;
  while (pos < n && re.test(text)) {
    const p = re.lastIndex - 1;
    const c = text.charCodeAt(p);
    let lo = p;
    let hi = p;
    if (c >= 0x80 || c === UNDERSCORE) {
      lo = p - PREFIX_UNITS + 1;
      hi = p + 1;
    } else {
      // A form starting before `p` whose first units hold a non-ASCII unit is reported only at
      // that unit, after `p`: such starts come first.
      const stop = Math.min(n, p + PREFIX_UNITS - 1);
      for (let j = p + 1; j < stop; j++) {
        const d = text.charCodeAt(j);
        if (d >= 0x80 || d === UNDERSCORE) {
          lo = j - PREFIX_UNITS + 1;
          break;
        }
      }
    }
    if (lo < pos) lo = pos;
    // The unit after "_" is a start the regex cannot report itself (no `\b` between "_" and a
    // letter): when the window ends on "_", it takes that unit in too ("«_DPRK").
    while (hi + 1 < n && text.charCodeAt(hi) === UNDERSCORE) hi++;
    if (hi >= n) hi = n - 1;
    let next = hi + 1;
    for (let i = lo; i <= hi; i++) {
      if (i > 0 && isWordUnitAt(text, i - 1)) continue;
      if (!trie.starts(foldCode(text.charCodeAt(i)))) continue;
      const end = matchAt(trie, lookup, text, i, heading, out);
      if (end >= 0) {
        next = end;
        break;
      }
    }
    pos = next;
    re.lastIndex = next;
  }
}
