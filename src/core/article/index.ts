// Facts drawn from the article itself: sentences, acronym definitions, page-only entities,
// roles and statements. Pure functions over the page's text runs.
export { splitSentences } from './sentences';
export { findAcronymDefinitions } from './acronyms';
export { findPageEntities } from './page-entities';
export { extractFacts, locateMentions, type ExtractOptions } from './facts';
export { findDates, type FoundDate } from './dates';
