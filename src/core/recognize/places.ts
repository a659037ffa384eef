// Places: the gazetteer, a place's head word ("Gyeonggi Province", "Lake Chad"), and cues.
import { CITIES, COUNTRIES, PLACE_HEADS, PLACE_OPENERS, REGIONS } from './gazetteer';

const key = (name: string) => name.toLowerCase().replace(/[‐]/g, '-');

export function inGazetteer(name: string): boolean {
  const k = key(name);
  return COUNTRIES.has(k) || CITIES.has(k) || REGIONS.has(k);
}

/** By its own words, a place: listed, or named with a place's head or opener. */
export function looksLikePlace(words: readonly string[]): boolean {
  if (inGazetteer(words.join(' '))) return true;
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (words.length >= 2 && PLACE_HEADS.has(last)) return true;
  const first = words[0]?.toLowerCase().replace(/\.$/, '') ?? '';
  // "North Korea", "New Zealand", "Lake Geneva": an opener before a listed or unknown name.
  return words.length >= 2 && PLACE_OPENERS.has(first) && (first !== 'new' || inGazetteer(words.slice(1).join(' ')));
}
