// Picks the few sentences of the article that say the most about one entity, for its card.
import type { ArticleFacts, ArticleStatement, RunKind, Sentence } from '../types';
import { fold } from '../article/text';

export const MAX_CARD_SENTENCES = 3;

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** What every card of one page asks about the same sentences and facts, worked out once per page
 *  rather than once per card (the headlines alone were a pass over every sentence per card). */
export class SentencePicker {
  private folded = new Map<number, string>();
  private headlines: Set<string>;
  private roleSentences = new Map<string, Set<number>>();
  private statements = new Map<string, Map<number, ArticleStatement[]>>();

  constructor(
    private readonly sentences: Sentence[],
    facts: ArticleFacts,
    private readonly runKinds?: RunKind[],
    /** Shared across a page's passes: a growing page's cards pick from mostly the same sentences. */
    private readonly foldMemo?: Map<string, string>,
  ) {
    this.headlines = new Set();
    sentences.forEach((_, i) => {
      if (this.kindOf(i) === 'heading') this.headlines.add(this.fold(i));
    });
    for (const r of facts.roles) {
      const set = this.roleSentences.get(r.entityId) ?? new Set<number>();
      set.add(r.sentence);
      this.roleSentences.set(r.entityId, set);
    }
    for (const st of facts.statements) {
      const bySentence = this.statements.get(st.entityId) ?? new Map<number, ArticleStatement[]>();
      const list = bySentence.get(st.sentence) ?? [];
      list.push(st);
      bySentence.set(st.sentence, list);
      this.statements.set(st.entityId, bySentence);
    }
  }

  private kindOf(i: number): RunKind {
    return this.runKinds?.[this.sentences[i]?.run ?? -1] ?? 'body';
  }

  private fold(i: number): string {
    let f = this.folded.get(i);
    if (f === undefined) {
      const text = this.sentences[i]?.text ?? '';
      f = this.foldMemo?.get(text);
      if (f === undefined) {
        f = fold(text);
        this.foldMemo?.set(text, f);
      }
      this.folded.set(i, f);
    }
    return f;
  }

  /** Up to three informative sentences, in reading order, none repeating a shown statement or headline. */
  pick(entityId: string, candidates: readonly number[], definitionSentence?: number): { text: string; sentence: number }[] {
    const { sentences } = this;
    const roles = this.roleSentences.get(entityId);
    const statements = this.statements.get(entityId);
    const scored: { i: number; score: number }[] = [];
    for (const i of new Set(candidates)) {
      const s = sentences[i];
      if (!s) continue;
      const kind = this.kindOf(i);
      if (kind !== 'heading' && this.headlines.has(this.fold(i))) continue;
      // A sentence that is little more than a statement already on the card would say it twice.
      const said = statements?.get(i) ?? [];
      const rest = said.reduce((t, st) => t.replace(st.text, ' '), s.text);
      if (said.length > 0 && wordCount(rest) <= 6) continue;
      const words = wordCount(s.text);
      let score = Math.min(words, 35) - (words < 5 ? 10 : 0) - (words > 60 ? 10 : 0);
      if (roles?.has(i)) score += 25;
      if (definitionSentence === i) score += 20;
      if (said.length > 0) score += 15;
      if (kind === 'heading') score -= 40;
      else if (kind === 'caption') score -= 8;
      scored.push({ i, score });
    }
    scored.sort((a, b) => b.score - a.score || a.i - b.i);
    const chosen: number[] = [];
    const seen = new Set<string>();
    for (const { i } of scored) {
      const f = this.fold(i);
      if (seen.has(f)) continue;
      seen.add(f);
      chosen.push(i);
      if (chosen.length === MAX_CARD_SENTENCES) break;
    }
    return chosen.sort((a, b) => a - b).map((i) => ({ text: sentences[i]?.text ?? '', sentence: i }));
  }
}
