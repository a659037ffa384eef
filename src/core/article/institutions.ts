// Institutions that speak: "The White House said …", "North Korea's Foreign Ministry said on
// Tuesday that …", "according to the Kremlin, …". A reader wants their statements on a card of
// their own, not lost or handed to the nearest person, so the page makes them organizations —
// only when the grammar shows them speaking, since "a visit to the Pentagon" needs no card.
import type { Sentence } from '../types';
import { statementsAt } from './statements';

export interface SpeakingInstitution {
  name: string;
}

/** Seats of government and state media named by a place or a fixed name rather than a head noun. */
const FIXED = /\b(?:White House|Blue House|Kremlin|Pentagon|Élysée Palace|Elysee Palace|Élysée|Elysee|Downing Street|Foreign Office|Home Office|State Department|Justice Department|Treasury Department|Defense Department|Xinhua|TASS|Zhongnanhai|Vatican)\b/gu;

const HEADS = 'Ministry|Department|Party|Court|Agency|Office|Council|Commission|Cabinet|Command|Parliament|Senate|Secretariat|Chiefs of Staff';
const CAP = "\\p{Lu}[\\p{L}'’.-]*";
/** "Supreme Court", "Unification Ministry", "Ministry of Foreign Affairs", "the Democratic Party",
 *  "North Korea's Foreign Ministry": capitalized words ending in a head noun, or the head and its
 *  "of" complement, after an optional possessive place name. */
const HEADED = new RegExp(
  `(?:(${CAP}(?:\\s+${CAP}){0,2})['’]s\\s+)?((?:${CAP}\\s+){0,3}(?:${HEADS})(?:\\s+of\\s+(?:the\\s+)?${CAP}(?:\\s+(?:and\\s+)?${CAP}){0,3})?)\\b`,
  'gu',
);
/** "China's foreign ministry", "the Chinese defence ministry": news often writes the office in
 *  lower case after the country that owns it. */
const LOWER = new RegExp(
  `\\b(?:(${CAP}(?:\\s+${CAP}){0,2})['’]s|[Tt]he\\s+(${CAP}))\\s+((?:foreign|defen[cs]e|unification|interior|home|finance|trade|commerce|justice|health|education|economy|transport|labou?r|culture|environment|agriculture|energy|industry)\\s+(?:ministry|department|office))\\b`,
  'gu',
);
const LEADING_ARTICLE = /^(?:The|A|An|In|On|At|After|Before|Meanwhile|But|And)\s+/u;
const GOVERNED = /\b(?:of|for|at|to|in|with|from|by|about|against|on|into|inside|outside|near|toward|towards|within|without|via)\s+(?:the\s+)?$/iu;

/** The institutions the page reports speaking, in order of first speech, each once. */
export function speakingInstitutions(sentences: Sentence[]): SpeakingInstitution[] {
  const out: SpeakingInstitution[] = [];
  const seen = new Set<string>();
  sentences.forEach((s, si) => {
    for (const c of candidates(s.text)) {
      // "a visit to the Pentagon": an object of a preposition does not speak ("officials at the
      // Pentagon said" do, for it, as statementsAt reads them).
      const before = s.text.slice(0, c.start);
      if (seen.has(c.name) || (GOVERNED.test(before) && !/\b(?:according\s+to|(?:officials?|spokes(?:man|woman|person)|representatives?|sources?)\s+(?:at|for|of|from))\s+(?:the\s+)?$/iu.test(before))) continue;
      if (statementsAt(sentences, si, c.start, c.end).length === 0) continue;
      seen.add(c.name);
      out.push({ name: c.name });
    }
  });
  return out;
}

/** Any word an institution's name needs: most sentences have none, and skip the patterns. */
const ANY_HEAD = /Ministry|Department|Party|Court|Agency|Office|Council|Commission|Cabinet|Command|Parliament|Senate|Secretariat|Staff|ministry|department|office|House|Kremlin|Pentagon|Élysée|Elysee|Downing|Xinhua|TASS|Zhongnanhai|Vatican/u;

type Candidate = { name: string; start: number; end: number };
/** Candidates by sentence text: a page is read again on every update, its sentences mostly the same. */
const cache = new Map<string, Candidate[]>();
const CACHE_LIMIT = 20_000;

function candidates(text: string): Candidate[] {
  if (!ANY_HEAD.test(text)) return [];
  let found = cache.get(text);
  if (!found) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, (found = scan(text)));
  }
  return found;
}

function scan(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(FIXED)) out.push({ name: m[0], start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(LOWER)) {
    const owner = m[1] ? `${m[1]}'s` : (m[2] ?? '');
    const start = m.index + (m[1] ? 0 : m[0].indexOf(m[2] ?? ''));
    out.push({ name: `${owner} ${m[3] ?? ''}`, start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(HEADED)) {
    let start = m.index;
    let name = m[0];
    const lead = LEADING_ARTICLE.exec(name);
    // "The Supreme Court": the article is not part of the name.
    if (lead && !m[1]) {
      start += lead[0].length;
      name = name.slice(lead[0].length);
    }
    // A head alone ("Ministry said") names nothing in particular.
    if (!/\s/u.test(name)) continue;
    if (out.some((o) => start < o.end && o.start < start + name.length)) continue;
    out.push({ name, start, end: start + name.length });
  }
  return out;
}
