// The baseline beside ours: compromise (MIT), a general-purpose JavaScript NLP library, run on the
// same runs. Its people, places and organizations become highlights; its spans are trimmed of the
// punctuation it sometimes keeps ("Somerset.").
import nlp from 'compromise';
import type { RunText } from '../../../src/core/types';
import type { Span } from './names-score';

interface OffsetJson {
  offset: { start: number; length: number };
}

export function compromiseSpans(runs: readonly RunText[]): Span[] {
  const out: Span[] = [];
  runs.forEach((r, run) => {
    const doc = nlp(r.text);
    for (const view of [doc.people(), doc.places(), doc.organizations()]) {
      for (const j of view.json({ offset: true }) as OffsetJson[]) {
        let start = j.offset.start;
        let end = start + j.offset.length;
        while (start < end && !/[\p{L}\p{N}]/u.test(r.text[start]!)) start++;
        while (end > start && !/[\p{L}\p{N}.]/u.test(r.text[end - 1]!)) end--;
        if (end > start && r.text[end - 1] === '.' && !/\b\p{Lu}\.$/u.test(r.text.slice(start, end))) end--;
        if (end > start) out.push({ run, start, end });
      }
    }
  });
  return out;
}
