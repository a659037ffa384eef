// Runs the shipped pipeline over the whole corpus and scores it; `npm run eval` prints this
// and the floor test asserts on it, so both see the same numbers.
import { analyzeArticle } from '../../../src/core/analyze';
import type { Pack } from '../../../src/core/types';
import { splitSentences } from '../../../src/core/article';
import type { CorpusArticle } from './corpus';
import { schwartzHearst } from './schwartz-hearst';
import { scoreAcronyms, scoreFacts, type FactKindScore, type FactsScore } from './score-facts';
import { addCounts, scoreMentions, type Counts, type MentionScore } from './score-mentions';
import { addFigures, NO_FIGURES, scoreStatements, type StatementFigures } from './score-statements';

export interface ArticleResult {
  name: string;
  topic: CorpusArticle['meta']['topic'];
  words: number;
  mentions: MentionScore;
  facts?: FactsScore;
  /** The Schwartz–Hearst baseline's acronym pairs on the same sentences. */
  baseline?: FactKindScore;
  statementFigures?: StatementFigures;
}

export interface EvalResult {
  articles: ArticleResult[];
  mentions: Counts;
  facts: { roles: Counts; statements: Counts; acronyms: Counts };
  baselineAcronyms: Counts;
  statementFigures?: StatementFigures;
}

/** The facts gold predates name recognition: it names pack entities and the people the article
 *  titles. Facts about a name only recognition found are scored when the gold names it, and left
 *  out otherwise (as mentions of page-only entities are), so a newly seen name is not a false hit
 *  by default. Statements the gold does name keep being scored, wrong speakers included. */
function withoutUngradedRecognized(analysis: ReturnType<typeof analyzeArticle>, gold: NonNullable<CorpusArticle['facts']>) {
  const named = new Set([...gold.roles, ...gold.statements].map((g) => g.name.toLowerCase()));
  const ungraded = new Set(analysis.recognized.filter((e) => !named.has(e.name.toLowerCase())).map((e) => e.id));
  if (!ungraded.size) return analysis;
  const keep = (f: { entityId: string }) => !ungraded.has(f.entityId);
  return { ...analysis, facts: { ...analysis.facts, roles: analysis.facts.roles.filter(keep), statements: analysis.facts.statements.filter(keep) } };
}

const ZERO: Counts = { tp: 0, fp: 0, fn: 0 };

export function evaluateCorpus(corpus: readonly CorpusArticle[], pack: Pack): EvalResult {
  const articles = corpus.map((a): ArticleResult => {
    const analysis = analyzeArticle(a.runs, pack, { firstMentionOnly: false, pageDate: a.meta.date });
    const words = a.runs.reduce((n, r) => n + (r.text.match(/\S+/g)?.length ?? 0), 0);
    return {
      name: a.name,
      topic: a.meta.topic,
      words,
      mentions: scoreMentions(analysis.mentions, a.gold, a.runs),
      ...(a.facts
        ? {
            facts: scoreFacts(withoutUngradedRecognized(analysis, a.facts), a.facts, pack.entities),
            baseline: scoreAcronyms(
              splitSentences(a.runs).flatMap((s) => schwartzHearst(s.text)),
              a.facts.acronyms,
            ),
            statementFigures: scoreStatements(analysis.facts.statements, a.facts.statements, [...pack.entities, ...analysis.pageEntities], {
              predicted: analysis.facts.roles,
              gold: a.facts.roles,
            }),
          }
        : {}),
    };
  });
  const sum = (pick: (r: ArticleResult) => Counts | undefined) =>
    articles.reduce((acc, r) => {
      const c = pick(r);
      return c ? addCounts(acc, c) : acc;
    }, ZERO);
  return {
    articles,
    mentions: sum((r) => r.mentions),
    facts: {
      roles: sum((r) => r.facts?.roles),
      statements: sum((r) => r.facts?.statements),
      acronyms: sum((r) => r.facts?.acronyms),
    },
    baselineAcronyms: sum((r) => r.baseline),
    statementFigures: articles.reduce((acc, r) => (r.statementFigures ? addFigures(acc, r.statementFigures) : acc), NO_FIGURES),
  };
}
