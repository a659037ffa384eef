// Picks the few sentences of the article that say the most about one entity, for its card.
import type { ArticleFacts, RunKind, Sentence } from '../types';
import { fold } from '../article/text';

export const MAX_CARD_SENTENCES = 3;

export interface SentencePickInput {
  entityId: string;
  /** Indices of the sentences that mention the entity. */
  candidates: number[];
  sentences: Sentence[];
  facts: ArticleFacts;
  /** Sentence index of the entity's definition, when the page gives one. */
  definitionSentence?: number;
  /** The kind of each run, to keep headlines and captions behind body text. */
  runKinds?: RunKind[];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Up to three informative sentences, in reading order, none repeating a shown statement or headline. */
export function pickSentences(input: SentencePickInput): { text: string; sentence: number }[] {
  const { entityId, sentences, facts, runKinds } = input;
  const kindOf = (i: number) => runKinds?.[sentences[i]?.run ?? -1] ?? 'body';
  const headlines = new Set(sentences.filter((_, i) => kindOf(i) === 'heading').map((s) => fold(s.text)));
  const roles = new Set(facts.roles.filter((r) => r.entityId === entityId).map((r) => r.sentence));
  const statements = facts.statements.filter((s) => s.entityId === entityId);

  const scored: { i: number; score: number }[] = [];
  for (const i of new Set(input.candidates)) {
    const s = sentences[i];
    if (!s) continue;
    const kind = kindOf(i);
    const f = fold(s.text);
    if (kind !== 'heading' && headlines.has(f)) continue;
    // A sentence that is little more than a statement already on the card would say it twice.
    const said = statements.filter((st) => st.sentence === i);
    const rest = said.reduce((t, st) => t.replace(st.text, ' '), s.text);
    if (said.length > 0 && wordCount(rest) <= 6) continue;
    const words = wordCount(s.text);
    let score = Math.min(words, 35) - (words < 5 ? 10 : 0) - (words > 60 ? 10 : 0);
    if (roles.has(i)) score += 25;
    if (input.definitionSentence === i) score += 20;
    if (said.length > 0) score += 15;
    if (kind === 'heading') score -= 40;
    else if (kind === 'caption') score -= 8;
    scored.push({ i, score });
  }
  scored.sort((a, b) => b.score - a.score || a.i - b.i);
  const chosen: number[] = [];
  const seen = new Set<string>();
  for (const { i } of scored) {
    const f = fold(sentences[i]?.text ?? '');
    if (seen.has(f)) continue;
    seen.add(f);
    chosen.push(i);
    if (chosen.length === MAX_CARD_SENTENCES) break;
  }
  return chosen.sort((a, b) => a - b).map((i) => ({ text: sentences[i]?.text ?? '', sentence: i }));
}
