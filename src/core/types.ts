// Shared shapes of the pure core. Everything here is plain data so it can cross
// message boundaries (structured clone) and run in Node for tests.

export const ENTITY_TYPES = ['person', 'place', 'organization', 'event', 'equipment', 'term'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The pack file format this version writes (docs/PACKS.md). Format 2 made dates and sources
 *  required; format 3 adds the pack's licence and credit line. Format-2 files are still read. */
export const PACK_FORMAT = 3;
/** Older formats still read, as format 3 with no licence stated. */
export const PACK_FORMATS_READ = [2, 3] as const;

// Pack files must give every field below (the schema requires them); the types leave some optional
// because packs made in memory (a merge of several packs, the reader's notes) have none to give.
export interface PackSource {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  /** When the source was published (or, for an undated page, read): "2019", "2019-09", "2019-09-03". */
  date?: string;
}

export interface PackFact {
  text: string;
  /** When what the fact states happened (not when the source said it): "2019", "2019-09" or "2019-09-03". */
  date?: string;
  /** Id of a source in the pack's `sources`. */
  source: string;
}

export interface PackEntity {
  id: string;
  type: EntityType;
  /** Display name, also matched. */
  name: string;
  /** Other full names and explicit spelling variants no rule derives ("Nyongbyon"). All-caps
   *  aliases are acronyms: matched case-sensitively, plural "s" allowed. */
  aliases?: string[];
  /** Short forms ("Choe", "Pompeo"): matched only after the entity was named in full earlier on the page. */
  short?: string[];
  /** Those of `short` readers know without the full name ("Trump"): matched on a page that never
   *  names the entity in full when it carries one of `context` ("White House", "North Korea"). */
  wellKnown?: string[];
  /** Aliases that mean other things too ("SPA"): matched only with evidence on the page
   *  (an in-text definition, or one of `context`). */
  ambiguous?: string[];
  /** Words whose presence on the page is evidence for the ambiguous aliases and the well-known short forms. */
  context?: string[];
  summary: string;
  facts?: PackFact[];
}

export interface Pack {
  /** `PACK_FORMAT` in every pack file. */
  format?: number;
  id: string;
  version: number;
  title: string;
  language: string;
  description?: string;
  /** The date up to which the pack's facts were checked. */
  asOf?: string;
  /** SPDX licence id of the pack's data ("CC0-1.0", "CC-BY-4.0"); absent: licence not stated. */
  license?: string;
  /** The credit line the licence asks to be shown ("GeoNames"); required for CC BY and ODbL packs. */
  credit?: string;
  sources: PackSource[];
  entities: PackEntity[];
}

/** A run: text of the article joined across inline elements only, never across blocks. */
export type RunKind = 'heading' | 'caption' | 'body';
export interface RunText {
  text: string;
  kind: RunKind;
}

/** A match of the combined regex inside one run, with the resolver's decision. */
export interface Hit {
  start: number;
  end: number;
  surface: string;
  /** null when the resolver rejected it (short name not yet established, no evidence, …). */
  entityId: string | null;
  kind?: 'full' | 'short' | 'acronym';
  /** Resolved to an entity but not to be highlighted (first-mention-only, or a type the reader hid):
   *  still counted and reachable from the card/popup. */
  hidden?: boolean;
}

export interface Mention {
  entityId: string;
  run: number;
  start: number;
  end: number;
  surface: string;
}

export interface Sentence {
  run: number;
  start: number;
  end: number;
  text: string;
}

export interface AcronymDefinition {
  short: string;
  long: string;
  /** Sentence index where the definition appears. */
  sentence: number;
}

export interface ArticleRole {
  entityId: string;
  text: string;
  sentence: number;
}

export interface ArticleStatement {
  entityId: string;
  /** What was said: the quotation, or the reported clause. */
  text: string;
  /** ISO date when the article gives one ("2019-08-31"); the year is inferred from the page date when known. */
  date?: string;
  /** The date as the article wrote it ("August 31"). */
  dateText?: string;
  sentence: number;
}

export interface ArticleFacts {
  roles: ArticleRole[];
  statements: ArticleStatement[];
  definitions: AcronymDefinition[];
}

export interface CardFact {
  text: string;
  date?: string;
  /** Who published the source (its title when the pack gives no publisher). */
  source?: string;
}

/** What a card shows; the same model feeds the hover card and the popup. */
export interface CardModel {
  id: string;
  name: string;
  type: EntityType;
  /** True for entities found only on this page (acronym defined in the text, titled person). */
  pageOnly: boolean;
  mentionCount: number;
  summary?: string;
  /** Pack facts up to the article's date (all of them when the page has no date). */
  background: CardFact[];
  /** Pack facts dated after the article: shown apart, so a 2019 article does not read as if 2022 had happened. */
  later?: CardFact[];
  fromArticle: {
    roles: { text: string; sentence: number }[];
    statements: { text: string; date?: string; dateText?: string; sentence: number }[];
    definition?: { long: string; sentence: number };
    sentences: { text: string; sentence: number }[];
  };
  note?: string;
}
