// The whole pure pipeline for one page: runs of text in, hits to highlight and cards out.
// The worker's page sessions (background/analysis) and `npm run eval` both call this, so what is
// evaluated is what ships.
import { findAcronymDefinitions, extractFacts, findPageEntities, splitSentences } from './article/index';
import { buildCards } from './card/build';
import { recognizeNames } from './recognize/index';
import type { SentenceNames } from './recognize/candidates';
import { compileMatcherWith, mentionsFromHits, scanRuns, type Matcher, type MatchOptions, type ScanMemo } from './match/index';
import type { AcronymDefinition, ArticleFacts, CardModel, Hit, Mention, Pack, PackEntity, RunText, Sentence } from './types';

export interface Analysis {
  sentences: Sentence[];
  definitions: AcronymDefinition[];
  pageEntities: PackEntity[];
  /** Those of pageEntities that name recognition found (src/core/recognize), for the eval. */
  recognized: PackEntity[];
  matcher: Matcher;
  /** Per run, every regex match in order with the resolver's decision. */
  hits: Hit[][];
  mentions: Mention[];
  facts: ArticleFacts;
  cards: CardModel[];
}

export interface AnalyzeOptions extends MatchOptions {
  pageDate?: string;
  notes?: Record<string, string>;
}

/** What one page's passes can share: results that depend only on a run's or a sentence's own
 *  text, so a page that grows (live blogs, infinite scroll) is read again only where it is new. */
export class AnalysisMemo {
  readonly sentences = new Map<string, Sentence[]>();
  readonly definitions = new Map<string, AcronymDefinition[]>();
  readonly names = new Map<string, string[]>();
  readonly foldedSentences = new Map<string, string>();
  readonly recognition = new Map<string, SentenceNames>();
  private readonly scans = new WeakMap<Matcher, ScanMemo>();

  scansOf(matcher: Matcher): ScanMemo {
    let memo = this.scans.get(matcher);
    if (!memo) this.scans.set(matcher, (memo = new Map()));
    return memo;
  }
}

export function analyzeArticle(runs: RunText[], pack: Pack, options: AnalyzeOptions, memo?: AnalysisMemo): Analysis {
  const sentences = splitSentences(runs, memo?.sentences);
  const definitions = findAcronymDefinitions(sentences, memo?.definitions);
  const defined = findPageEntities(sentences, definitions, pack.entities, memo?.names);
  const recognized = recognizeNames({ sentences, runKinds: runs.map((r) => r.kind), pack: pack.entities, found: defined, memo: memo?.recognition });
  const pageEntities = [...defined, ...recognized];
  const entities = [...pack.entities, ...pageEntities];
  // The pack's matcher is compiled once; a page's own names are added to a copy of it.
  const matcher = compileMatcherWith(pack.entities, pageEntities);
  // No page text: the matcher joins the runs only if its resolver needs page evidence.
  const evidence = { definitions: definitions.map(({ short, long }) => ({ short, long })) };
  const hits = scanRuns(matcher, runs, evidence, options, memo?.scansOf(matcher));
  const mentions = mentionsFromHits(hits);
  const facts = extractFacts(sentences, mentions, entities, definitions, { pageDate: options.pageDate, runKinds: runs.map((r) => r.kind) });
  const cards = buildCards({
    entities,
    pageEntityIds: new Set(pageEntities.map((e) => e.id)),
    sources: pack.sources,
    mentions,
    sentences,
    facts,
    notes: options.notes,
    runKinds: runs.map((r) => r.kind),
    foldedSentences: memo?.foldedSentences,
    pageDate: options.pageDate,
  });
  return { sentences, definitions, pageEntities, recognized, matcher, hits, mentions, facts, cards };
}
