// Upper bounds for a knowledge pack. A pack is user-importable data, so every size is capped:
// far above what a real pack needs, well below what would freeze a tab or fill storage.

/** Largest pack file accepted, in bytes (UTF-8). */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

export const MAX_ENTITIES = 50_000;
export const MAX_SOURCES = 5_000;
/** Per entity, per list: `aliases`, `short`, `ambiguous`. */
export const MAX_ALIASES = 200;
export const MAX_CONTEXT_WORDS = 100;
export const MAX_FACTS = 50;

export const MAX_NAME_LENGTH = 200;
/** Aliases shorter than this would match inside ordinary prose ("a", "I"). */
export const MIN_ALIAS_LENGTH = 2;
export const MAX_TITLE_LENGTH = 300;
export const MAX_DESCRIPTION_LENGTH = 2_000;
export const MAX_SUMMARY_LENGTH = 2_000;
export const MAX_FACT_LENGTH = 1_000;
export const MAX_URL_LENGTH = 2_048;
export const MAX_VERSION = 1_000_000_000;

/** Nesting deeper than any valid pack (root → entities → entity → facts → fact is 5). */
export const MAX_DEPTH = 12;
/** Stop collecting after this many problems: one broken field repeated 50,000 times is one message's worth. */
export const MAX_REPORTED_ERRORS = 25;

/** Ids of packs, entities and sources: lowercase slug, as used in URLs and DOM attributes. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,79}$/;
