// Quotations that may run over several sentences of one paragraph: find where one opens or
// closes and return its words without the quotation marks.
import type { Sentence } from '../types';

const OPEN = /[“"]/u;
const CLOSE = /[”"]/u;
const MAX_SENTENCES = 4;

/** Text of the quotation opening at `offset` of sentence `si`, across sentences of the same run. */
export function quoteFrom(sentences: Sentence[], si: number, offset: number): { text: string; end: number; endSentence: number } | null {
  const first = sentences[si];
  if (!first || !OPEN.test(first.text[offset] ?? '')) return null;
  const parts: string[] = [];
  for (let k = si; k < sentences.length && k < si + MAX_SENTENCES; k++) {
    const s = sentences[k];
    if (!s || s.run !== first.run) break;
    const from = k === si ? offset + 1 : 0;
    const rest = s.text.slice(from);
    const close = rest.search(CLOSE);
    if (close >= 0) {
      parts.push(rest.slice(0, close));
      return { text: clean(parts.join(' ')), end: from + close + 1, endSentence: k };
    }
    parts.push(rest);
  }
  return null;
}

/** Text of the quotation closing at `offset` of sentence `si`, looking back across the run. */
export function quoteUntil(sentences: Sentence[], si: number, offset: number): { text: string; start: number; startSentence: number } | null {
  const last = sentences[si];
  if (!last) return null;
  const parts: string[] = [];
  for (let k = si; k >= 0 && k > si - MAX_SENTENCES; k--) {
    const s = sentences[k];
    if (!s || s.run !== last.run) break;
    const upto = k === si ? offset : s.text.length;
    const head = s.text.slice(0, upto);
    const open = Math.max(head.lastIndexOf('“'), head.lastIndexOf('"'));
    if (open >= 0) {
      parts.unshift(head.slice(open + 1));
      return { text: clean(parts.join(' ')), start: open, startSentence: k };
    }
    parts.unshift(head);
  }
  return null;
}

/** Collapses spaces and trailing commas; drops quotation marks only when they wrap the whole text. */
export function clean(s: string): string {
  let t = s.replace(/\s+/gu, ' ').trim().replace(/[\s,;:]+$/u, '');
  if (/^[“"][^“”"]*[”"]$/u.test(t)) t = t.slice(1, -1).replace(/[\s,;:]+$/u, '');
  // A closing full stop is punctuation of the quote, not part of what was said ("U.S." keeps its dot).
  return t.replace(/(?<![.\p{Lu}])\.$/u, '').trim();
}
