// Titles and roles the article gives a named entity: a title written before the name ("US
// Secretary of State Mike Pompeo"), an appositive ("Kim Yo Jong, the leader's younger sister,"),
// "X, who is …" and "X is the …". Role text is written without a leading article.
import { ABBREVIATED_TITLES, HONORIFICS, OPENERS, SET_OFF_NAME_BEFORE, TITLE_HEADS, TITLE_MODIFIERS } from './lexicon';
import { tokenize, type Token } from './text';

const CONNECTORS = new Set(['of', 'for']);
const FINITE_VERBS = new Set(
  'is was were are be been has have had said says will would can could may might must did does do met made gave took'.split(' '),
);

const lower = (t: string) => t.toLowerCase().replace(/['’]s$/u, '');
const isCapitalized = (t: string) => /^\p{Lu}/u.test(t);

function isHead(word: string): boolean {
  const w = lower(word);
  return TITLE_HEADS.has(w) || TITLE_HEADS.has(w.split(/[-‐]/).pop() ?? '');
}

/** Is the token an abbreviated title written with its dot ("Gen.")? */
function isAbbreviatedTitle(text: string, t: Token): boolean {
  return text[t.end] === '.' && ABBREVIATED_TITLES[t.text.toLowerCase()] !== undefined;
}

function hasHead(tokens: string[]): boolean {
  return tokens.some(isHead);
}

/** The title written right before the mention: "North Korean First Vice Foreign Minister". */
export function titleBefore(text: string, mentionStart: number, blocked: (offset: number) => boolean): string | null {
  const tokens = tokenize(text.slice(0, mentionStart));
  const taken: Token[] = [];
  let boundary = mentionStart;
  for (let i = tokens.length - 1; i >= 0 && taken.length < 10; i--) {
    const t = tokens[i];
    if (!t || blocked(t.start)) break;
    const gap = text.slice(t.end, boundary);
    const dotted = isAbbreviatedTitle(text, t) || HONORIFICS.has(t.text.toLowerCase());
    if (!/^[ \t\u00a0]+$/u.test(dotted ? gap.replace(/^\./, '') : gap)) break;
    const w = lower(t.text);
    const next = taken[0];
    const ok =
      isHead(t.text) ||
      dotted ||
      TITLE_MODIFIERS.has(w) ||
      (isCapitalized(t.text) && !OPENERS.has(t.text.toLowerCase())) ||
      // "Secretary of State", but not "spokesman for President …": that title is the next person's.
      (CONNECTORS.has(w) && next !== undefined && isCapitalized(next.text) && !isHead(next.text));
    if (!ok) break;
    taken.unshift(t);
    boundary = t.start;
  }
  // Drop what cannot open a title: connectors, courtesy titles.
  while (taken[0] && (CONNECTORS.has(lower(taken[0].text)) || HONORIFICS.has(taken[0].text.toLowerCase()))) taken.shift();
  const first = taken[0];
  const last = taken[taken.length - 1];
  if (!first || !last) return null;
  const words = taken.map((t) => (isAbbreviatedTitle(text, t) ? (ABBREVIATED_TITLES[t.text.toLowerCase()] ?? t.text) : t.text));
  if (!hasHead(words)) return null;
  // The head or its complement must reach the name: "leader Kim", "Secretary of State Pompeo".
  const lastWord = words[words.length - 1] ?? '';
  if (!isHead(lastWord) && !isCapitalized(lastWord) && !isAbbreviatedTitle(text, last)) return null;
  return text.slice(first.start, isAbbreviatedTitle(text, last) ? last.end + 1 : last.end);
}

/** Checks a noun phrase offered as a role and returns it without article, or null. */
export function cleanRolePhrase(raw: string): string | null {
  let p = raw.trim();
  const rel = /\s(?:who|which|that|whose|where)\s/u.exec(p);
  if (rel) p = p.slice(0, rel.index);
  p = p.replace(/^(?:the|a|an)\s+/iu, '').replace(/[\s.]+$/u, '');
  const words = p.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 14) return null;
  if (words.some((w) => FINITE_VERBS.has(w.toLowerCase()))) return null;
  const first = words[0] ?? '';
  if (!isCapitalized(first) && !isHead(first) && !TITLE_MODIFIERS.has(lower(first)) && !/^\p{Ll}+$/u.test(first)) return null;
  if (/^\p{Ll}/u.test(first) && OPENERS.has(first)) return null;
  if (!hasHead(words.map((w) => w.replace(/[^\p{L}'’-]/gu, '')))) return null;
  return p;
}

/** ", the North Korean leader," / ", who is the …," right after the mention; "a vice chairman of
 *  the party and a former intelligence chief" gives two roles. */
export function appositivesAfter(text: string, mentionEnd: number): string[] {
  const rest = text.slice(mentionEnd);
  const m = /^,\s+(?:\d{1,3},\s+)?(?:who\s+(?:is|was|serves\s+as|served\s+as|has\s+served\s+as|became|remains)\s+)?([^,;:()“”"—–]+?)(?=\s*(?:[,;:(—–]|\.\s*$|$))/u.exec(rest);
  if (!m) return [];
  let parts = (m[1] ?? '').split(/\s+and\s+(?=(?:the|a|an)\s)/u);
  // "a Norwegian historian and former culture minister": two titles, each with its own head.
  if (parts.length < 2) {
    const split = (m[1] ?? '').split(/\s+and\s+/u);
    if (split.length === 2 && split.every((p) => hasHead(p.split(/\s+/u)))) parts = split;
  }
  if (parts.length < 2) {
    const one = appositiveAfter(text, mentionEnd);
    return one ? [one] : [];
  }
  return parts.map((p) => checkAppositive(p)).filter((r): r is string => r !== null);
}

function checkAppositive(phrase: string): string | null {
  const first = phrase.split(/\s+/)[0] ?? '';
  if (/^\p{Ll}/u.test(first) && !/^(?:the|a|an)$/u.test(first) && !isHead(first) && !TITLE_MODIFIERS.has(lower(first))) return null;
  return cleanRolePhrase(phrase);
}

/** ", the North Korean leader," / ", who is the …," right after the mention. */
export function appositiveAfter(text: string, mentionEnd: number): string | null {
  const rest = text.slice(mentionEnd);
  const m = /^,\s+(?:\d{1,3},\s+)?(?:who\s+(?:is|was|serves\s+as|served\s+as|has\s+served\s+as|became|remains)\s+)?([^,;:()“”"—–]+?)(?=\s*(?:[,;:(—–]|\.\s*$|$))/u.exec(rest);
  if (!m) return null;
  const phrase = m[1] ?? '';
  // A bare lower-case start is a clause ("however", "promoted to …"), unless it is a role word.
  const first = phrase.split(/\s+/)[0] ?? '';
  if (/^\p{Ll}/u.test(first) && !/^(?:the|a|an)$/u.test(first) && !isHead(first) && !TITLE_MODIFIERS.has(lower(first))) return null;
  return cleanRolePhrase(phrase);
}

/** "X is the …" / "X was a …". */
export function copulaAfter(text: string, mentionEnd: number): string | null {
  const rest = text.slice(mentionEnd);
  const m = /^\s+(?:is|was|has\s+been|had\s+been|serves\s+as|served\s+as|became|remains)\s+((?:the|a|an)\s+[^,;:()“”"—–]+?)(?=\s*(?:[,;:(—–]|\.\s*$|$))/u.exec(rest);
  return m ? cleanRolePhrase(m[1] ?? '') : null;
}

const RELATIONS = /^(?:successor|predecessor|sister|brother|wife|husband|father|mother|son|daughter|grandfather|grandson)$/u;

// A role phrase opens after a determiner or after a possessive ("Portugal's labour minister",
// "the union's general secretary": the owner is not part of the title).
const DETERMINER = /(?<=^|\s)(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)|[\p{L}-]+['’]s?)\s+/gu;

/** "The North Korean leader, Kim Jong Un, …" / "… forced out his national security adviser, John
 *  Bolton, …" / "Spain's economy minister, Isabel Marín Ortega, …": a determined phrase ending in
 *  a title, set off just before the name. */
export function appositiveBefore(text: string, mentionStart: number, mentionEnd: number): string | null {
  if (!/^\s*(?:[,;:—–()]|$)/u.test(text.slice(mentionEnd))) return null;
  // "The chairman of the committee, Sir Alan Pryce, …": a courtesy title may open the name.
  const before = SET_OFF_NAME_BEFORE.exec(text.slice(0, mentionStart));
  if (!before) return null;
  const clauseStart = Math.max(...[',', ';', ':', '—', '–', '(', '“', '"'].map((c) => text.lastIndexOf(c, before.index - 1))) + 1;
  const clause = text.slice(clauseStart, before.index);
  const starts = [...clause.matchAll(DETERMINER)].map((m) => m.index + m[0].length).reverse();
  for (const at of starts) {
    // "The museum's director at the time, …": when it was held is not part of the title.
    const phrase = clause.slice(at).replace(/\s+at\s+the\s+time(?:\s+of\s+[^,]{1,40})?\s*$/u, '');
    // "Her successor, …": a relation to someone unnamed says nothing about who the person is.
    if (/(?:^|\s)(?:[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+$/u.test(clause.slice(0, at)) && RELATIONS.test(phrase.trim())) continue;
    // The title ends the phrase, or its "of"/"for" complement does ("chairman of the committee").
    const ws = phrase.trim().split(/\s+/);
    const head = ws.findLastIndex(isHead);
    if (head < 0 || (head < ws.length - 1 && !/^(?:of|for)$/u.test(ws[head + 1] ?? ''))) continue;
    const role = cleanRolePhrase(phrase);
    if (role) return role;
  }
  return null;
}
