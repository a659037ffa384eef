// STUB — to be replaced by the real article fact extractor.
import type { AcronymDefinition, ArticleFacts, Mention, PackEntity, RunText, Sentence } from '../types';

export function splitSentences(runs: RunText[]): Sentence[] {
  return runs.map((r, run) => ({ run, start: 0, end: r.text.length, text: r.text }));
}

export function findAcronymDefinitions(_sentences: Sentence[]): AcronymDefinition[] {
  return [];
}

/** Entities the pack lacks but the page establishes: acronyms defined in the text, titled people. */
export function findPageEntities(_sentences: Sentence[], _definitions: AcronymDefinition[], _pack: PackEntity[]): PackEntity[] {
  return [];
}

export interface ExtractOptions {
  /** ISO date of the page when known, to give years to "August 31". */
  pageDate?: string;
}

export function extractFacts(
  _sentences: Sentence[],
  _mentions: Mention[],
  _entities: PackEntity[],
  definitions: AcronymDefinition[],
  _options: ExtractOptions = {},
): ArticleFacts {
  return { roles: [], statements: [], definitions };
}
