// Who said what: "X said (on August 31) that …", "X told reporters …", "“…,” X said.",
// "“…,” said X.", "X's statement that “…”", "according to X, …", and "“…,” she said." /
// "She warned that …" resolved to the person the previous sentence is about.
import type { Sentence } from '../types';
import { findDates, type FoundDate } from './dates';
import { SET_OFF_NAME_BEFORE, SPEECH_VERBS } from './lexicon';
import { clean, quoteFrom, quoteUntil } from './quotes';

export interface RawStatement {
  text: string;
  /** Offsets in the sentence of the reported words, to keep dates inside them out. */
  spanStart: number;
  spanEnd: number;
  /** Where the speech verb (or attribution) is, to pick the nearest date. */
  anchor: number;
  /** Taken from inside quotation marks: a quoted phrase of one or two words still counts. */
  quoted?: boolean;
  /** For a statement made by "he" or "she": which, to check against the antecedent's gender. */
  pronoun?: 'he' | 'she';
  date?: FoundDate;
}

const VERBS = [...SPEECH_VERBS].join('|');
const OBJECT_VERBS = /^(?:told|tells|asked|asks|urged|urges|warned|warns|promised|promises)$/u;
const QUOTING_VERBS = /^(?:called|calls|described|describes)$/u;
const PLEDGE_VERBS = /^(?:promised|promises|vowed|vows|pledged|pledges|threatened|threatens|offered|offers|agreed|agrees)$/u;
const ADVERBS = '(?:also|later|previously|again|earlier|then|reportedly|publicly|recently|repeatedly|once|has|had|have|further|separately|only)';
const APPOSITIVE = '(?:,\\s*[^,“”"]{1,100},)?';
// "Smith met Jones on Monday and said …": Jones is not the subject; the phrase holds no "and".
const DATE_PHRASE = '(?:(?:on|in|last|this|early|late)\\s+(?:(?!\\band\\b)[^,“”"]){1,25}?\\s+)?';
const SUBJECT_VERB = new RegExp(`^${APPOSITIVE}\\s+(?:${ADVERBS}\\s+)*${DATE_PHRASE}(${VERBS})\\b`, 'u');
/** "Lund thanked the volunteers and said …": the subject of a first verb is the subject of the
 *  speech verb it is joined to (no comma, no second subject between). */
const COORDINATED_VERB = new RegExp(
  `^${APPOSITIVE}\\s+(?:${ADVERBS}\\s+)*(?:\\p{Ll}+ed|met|spoke|went|made|took|held|gave|left|sat|stood|came|rose|sent|wrote|told|shook|flew)\\b(?:\\s+[^\\s,.;:“”"]+){0,8}?\\s+and\\s+(?:then\\s+|later\\s+|also\\s+)?(${VERBS})\\b`,
  'u',
);
const POSSESSIVE = /^['’]s\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|comments?|remarks?|warning|claim|assertion|declaration|announcement|message|pledge|threat|promise|insistence|argument|words|demand|vow)(?:,[^,“”"]{1,60},)?\s+that\s+/u;
/** What may stand between a speech verb and "that": when, where, to whom, in what form — a
 *  phrase opened by a preposition (or the object of "told"), without a verb of its own. */
const BEFORE_THAT = /^((?:\s+[^\s“”"]+){0,12}?)\s+that(?:\s+|(?=:\s*$))/u;
const PP_OPENER = /^\s*(?:,\s*)?(?:on|in|at|to|during|via|through|last|this|earlier|later|again|also|publicly|repeatedly|after|before|while|from|with|over|by|when|early|late|once|yesterday|today|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/u;
const VERBISH = /\b(?:is|was|were|are|be|been|has|have|had|would|will|could|can|did|does|do|should|may|might|must)\b|[.;:!?]/u;
const PREPOSITIONAL = /^(?:\s*,?\s*(?:on|in|at|to|during|via)\s+(?:a\s+|an\s+|the\s+|his\s+|her\s+|its\s+)?(?:[\p{L}-]+\s+){0,2}?(?:statement|speech|interview|address|briefing|conference|Twitter|tweet|letter|message|reporters|journalists|meeting|session|broadcast|television|radio|remarks)\b,?)+/u;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The reported words starting at `from` in sentence `si`: a quotation, a colon-introduced quote in
 *  the next paragraph, or the rest of the clause. */
function reportedFrom(sentences: Sentence[], si: number, from: number): { text: string; start: number; end: number } | null {
  const s = sentences[si];
  if (!s) return null;
  const lead = /^[\s,]*/u.exec(s.text.slice(from))?.[0].length ?? 0;
  const at = from + lead;
  const rest = s.text.slice(at);
  if (/^[“"]/u.test(rest)) {
    const q = quoteFrom(sentences, si, at);
    return q ? { text: q.text, start: at, end: q.endSentence === si ? q.end : s.text.length } : null;
  }
  if (/^:?\s*$/u.test(rest)) {
    // "… said on August 31 that:" and the quotation is the next paragraph.
    const next = sentences[si + 1];
    if (next && /^[“"]/u.test(next.text)) {
      const q = quoteFrom(sentences, si + 1, 0);
      return q ? { text: q.text, start: s.text.length, end: s.text.length } : null;
    }
    return null;
  }
  // "said the offer was “everything it could afford” and accused the union of …": what was said
  // ends with the quotation; the second verb is the writer's account of what the speaker did.
  const second = /[”"](?=\s+and\s+\p{Ll}+ed\b)/u.exec(rest);
  if (second) return { text: clean(rest.slice(0, second.index + 1)), start: at, end: at + second.index + 1 };
  // "… said Russia backed the plan, and the Chinese spokesman told reporters …": the next clause
  // has its own speaker.
  const next = NEXT_SPEAKER_CLAUSE.exec(rest);
  if (next) {
    const close = /[”"]/u.test(next[0][1] ?? '') ? next[0][1] : '';
    return { text: clean(rest.slice(0, next.index) + close), start: at, end: at + next.index };
  }
  return { text: clean(rest.replace(/[.!?]+(["”’]?)$/u, '$1')), start: at, end: s.text.length };
}

// ", while …" is the writer's aside often enough that the reported words are taken to end there.
const NEXT_SPEAKER_CLAUSE = new RegExp(`[,;][”"]?\\s+(?:(?:and|but)\\s+(?=[^“”"]{0,80}?\\b(?:${VERBS})\\b)|(?:while|whereas)\\s)`, 'u');

/** "X said (…) that …" and friends, with the mention ending at `mentionEnd`. */
function subjectVerb(sentences: Sentence[], si: number, mentionEnd: number, mentionStart = mentionEnd): RawStatement | null {
  const s = sentences[si];
  if (!s) return null;
  // "Jane Holloway (Con), told MPs …", "Sir Alan Pryce (pictured), said …": step over a short
  // bracket after the name.
  const bracket = /^\s*\([^()“”"]{1,40}\)(?=[,\s])/u.exec(s.text.slice(mentionEnd));
  if (bracket) mentionEnd += bracket[0].length;
  // "The minister, Choe Son Hui, stated …": the name is itself the appositive; step over its closing comma.
  // "…, Minister Gunnar Einarsson, said", "…, the Blue House, said": a title or "the" may stand
  // between the comma and the name.
  const before = s.text.slice(0, mentionStart);
  let setOff = (SET_OFF_NAME_BEFORE.test(before) || /,\s*(?:the\s+|(?:\p{Lu}[\p{L}.-]*\s+){1,3})$/u.test(before)) && /^,\s/u.test(s.text.slice(mentionEnd));
  // "Her predecessor, Anders Kvale, a historian, has said …": the set-off name has its own appositive.
  if (setOff && !SUBJECT_VERB.test(s.text.slice(mentionEnd + 1)) && !POSSESSIVE.test(s.text.slice(mentionEnd + 1)) && SUBJECT_VERB.test(s.text.slice(mentionEnd))) setOff = false;
  const after = setOff ? s.text.slice(mentionEnd + 1) : s.text.slice(mentionEnd);
  if (setOff) mentionEnd += 1;
  const possessive = POSSESSIVE.exec(after);
  if (possessive) {
    const r = reportedFrom(sentences, si, mentionEnd + possessive[0].length);
    if (!r) return null;
    return { text: r.text, spanStart: r.start, spanEnd: r.end, anchor: mentionEnd };
  }
  const m = SUBJECT_VERB.exec(after) ?? COORDINATED_VERB.exec(after);
  if (!m) return null;
  const verb = m[1] ?? '';
  const verbEnd = mentionEnd + m[0].length;
  const rest = s.text.slice(verbEnd);
  if (QUOTING_VERBS.test(verb)) {
    // "called Pence a “political dummy”", "described the handshake as … “end the past”": the quotation is what was said.
    const open = /^[^“”".;]{0,80}?[“"]/u.exec(rest);
    if (!open) return null;
    const at = verbEnd + open[0].length - 1;
    const q = quoteFrom(sentences, si, at);
    return q ? { text: q.text, spanStart: at, spanEnd: q.endSentence === si ? q.end : s.text.length, anchor: verbEnd, quoted: true } : null;
  }
  const thatMatch = BEFORE_THAT.exec(rest);
  const between = thatMatch?.[1] ?? '';
  const that = thatMatch && !VERBISH.test(between) && (between === '' || PP_OPENER.test(between) || OBJECT_VERBS.test(verb)) ? thatMatch : null;
  let from: number;
  if (that) from = verbEnd + that[0].length;
  else {
    let skip = PREPOSITIONAL.exec(rest)?.[0].length ?? 0;
    const dateLead = /^\s*(?:(?:on|in|last)\s+|(?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)\b))/u.exec(rest.slice(skip));
    if (dateLead) {
      const d = findDates(rest.slice(skip))[0];
      if (d && d.start <= dateLead[0].length) skip += d.end;
    }
    // "the talks promised at Panmunjom": a participle, not speech; "promised to close …" is a pledge.
    const pledge = PLEDGE_VERBS.test(verb) && /^\s*to\s+\p{Ll}/u.test(rest.slice(skip));
    if (!pledge && /^\s*(?:in|on|at|to|for|with|by|of|from|as)\b/u.test(rest.slice(skip))) return null;
    if (OBJECT_VERBS.test(verb) && !/^\s*[,:“"]/u.test(rest.slice(skip))) {
      // "told reporters North Korea would …": step over the object (one word, or a capitalized name).
      // "told her the fares were …": a pronoun object, not the determiner of the next word.
      const obj = /^\s*(?:me|him|her|us|them|you)(?=\s+(?:the|a|an|this|these|those|it|he|she|they|we|I|there|its|his|their|our|my)\s)|^\s*(?:(?:the|a|an|his|her|its|their)\s+)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*|[\p{L}'’.-]+)/u.exec(rest.slice(skip));
      if (!obj) return null;
      // "told a news conference in Pretoria …": a determined lower-case object may run on; only a
      // clause that plainly starts after it ("told the paper the plan …") is taken.
      if (/^\s*(?:the|a|an|his|her|its|their)\s+\p{Ll}/u.test(obj[0]) && !/^\s+(?:the|a|an|this|these|those|it|he|she|they|we|I|there|its|his|her|their|our|my|\p{Lu})/u.test(rest.slice(skip + obj[0].length))) return null;
      // "told CNN's “State of the Union”": what follows a possessive object is a programme or medium.
      if (/['’]s$/u.test(obj[0])) return null;
      skip += obj[0].length;
      // "told German radio the body …": a capitalized modifier and its noun.
      const noun = /^\s+(\p{Ll}+)(?=\s+(?:the|a|an|it|he|she|they|we|its|his|her|their)\s)/u.exec(rest.slice(skip));
      if (noun && /^\s*\p{Lu}/u.test(obj[0]) && !CLAUSE_BREAK.test(noun[1] ?? '') && !/^(?:that|so|then|how|why|what|whether)$/u.test(noun[1] ?? '')) skip += noun[0].length;
    }
    const tail = rest.slice(skip);
    // "X said, adding …" or "X said, however, …": only a quotation may follow the comma.
    if (/^\s*,/u.test(tail) && !/^\s*,\s*[“"]/u.test(tail)) return null;
    if (/^\s*(?:in|on|at|to|for|with|by|of)\b/u.test(tail)) return null;
    from = verbEnd + skip;
  }
  const r = reportedFrom(sentences, si, from);
  if (!r || (!that && !/^[\s,]*[“"]/u.test(s.text.slice(from)) && !isClause(r.text))) return null;
  return { text: withoutSource(r), spanStart: r.start, spanEnd: r.end, anchor: verbEnd };
}

const NOT_SUBJECT = /^(?:who|whom|whose|which|where|about|above|across|after|against|along|among|around|as|at|before|behind|by|during|for|from|in|into|of|off|on|onto|over|since|through|to|toward|towards|under|until|upon|via|with|within|without|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|[\p{L}-]+ed|\p{Lu}[\p{L}-]*['’]s)$/u;
const FINITE = /^(?:is|was|were|are|am|be|been|has|have|had|would|will|could|can|did|does|do|should|may|might|must|shall|cannot|won['’]t|isn['’]t|wasn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|said|made|took|gave|went|came|saw|knew|thought|told|got|kept|sent|stood|left|felt|found|held|meant|paid|put|ran|set|sold|spent|won|lost|began|became|brought|bought|built|fell|fought|grew|heard|led|rose|saw|sought|struck|taught|understood|wrote|\p{Ll}+ed|\p{Ll}{3,}s)$/u;
const IRREGULAR = /^(?:is|was|has|does|had|said|needed|used)$/u;
const NOUN_BEFORE = /^(?:a|an|the|its|his|her|their|our|my|your|this|that|these|those|some|many|several|few|two|three|four|of|in|on|at|with|for|from|by|into|to|about)$/u;
/** Words ending in s that are not verbs, for the test above. */
const NOT_VERB_S = /^(?:this|his|hers|ours|yours|theirs|its|across|unless|perhaps|always|whereas|plus|news|series|less|afterwards|towards|sometimes|us|as|yes|bus|gas|was)$/u;
/** Where the main clause's verb can no longer be: a second clause or a subordinate one opens. */
const CLAUSE_BREAK = /^(?:and|but|or|as|because|when|after|while|if|although|though|before|since|until|which|who|whom|whose|where)$/u;

/** What follows a speech verb without "that" or a quotation is speech only as a clause: a subject
 *  and a finite verb, never a bare noun phrase ("the expense"), a time ("Tuesday at a briefing"),
 *  a credit ("carried by KCNA") or a programme. */
export function isClause(text: string): boolean {
  const ws = text.replace(/[“”"]/gu, '').split(/\s+/u).filter(Boolean).map((w) => w.replace(/[^\p{L}'’-]+/gu, ''));
  const first = ws[0] ?? '';
  if (!first || NOT_SUBJECT.test(first) || NOT_SUBJECT.test(first.toLowerCase())) return false;
  // The verb follows a short subject, before any second clause: "denied the charge and reached a
  // deal" has its only verb after "and", "added a shot as the team won" after "as".
  const words = ws.slice(1, 8).map((w) => w.toLowerCase());
  const stop = words.findIndex((w) => CLAUSE_BREAK.test(w));
  const main = words.slice(0, stop < 0 ? undefined : stop);
  // A regular -s or -ed form right after a determiner or a preposition is a noun or an adjective
  // ("a cables venture", "the injured"), not the verb.
  return main.some((w, i) => {
    if (!FINITE.test(w) || (w !== 'was' && NOT_VERB_S.test(w))) return false;
    const prev = i === 0 ? (ws[0] ?? '').toLowerCase() : (main[i - 1] ?? '');
    return !(/(?:s|ed)$/u.test(w) && !IRREGULAR.test(w) && NOUN_BEFORE.test(prev));
  });
}

/** "…, Interfax news agency said" / "…,” Orr said": a speaker's tag at the end belongs to a
 *  quotation or report around these words, not to them. */
const ANOTHER_TAG = new RegExp(`(?:,|[”"])\\s*,?\\s+[^,“”"]{1,60}?\\s+(?:${VERBS})\\s*[.!?]?$`, 'u');

/** "… would protect the country, according to a dispatch by KCNA": the credit is not what was said. */
function withoutSource(r: { text: string }): string {
  return clean(r.text.replace(ANOTHER_TAG, '').replace(/,?\s+(?:according\s+to|as\s+(?:reported|carried|quoted)\s+by|in\s+(?:remarks|comments|a\s+statement)\s+(?:carried|reported|published)\s+by)\s+[^,“”"]*$/u, ''));
}

const AFTER_QUOTE_VERB = new RegExp(`^${APPOSITIVE}\\s+(?:${VERBS})\\b`, 'u');
// Between "said" and the speaker only a title, or a role set off by a comma right before the name
// ("said the leader's sister, Kim Yo Jong"); past a comma the words are the speaker's appositive,
// and a name in it ("said X, an engineer who chaired an IETF group") is not the speaker.
const QUOTE_THEN_VERB = new RegExp(`[”"]\\s*,?\\s+(?:${VERBS})\\s+[^“”",]{0,80}(?:,\\s*(?:(?:Sir|Dame|Dr|Mr|Mrs|Ms|Prof)\\.?\\s+)?)?$`, 'u');

/** "“…,” X said." and "“…,” said X." */
function quoteThenSpeaker(sentences: Sentence[], si: number, mentionStart: number, mentionEnd: number): RawStatement | null {
  const s = sentences[si];
  if (!s) return null;
  const before = s.text.slice(0, mentionStart);
  let close = -1;
  // A straight quote after a space or at the start opens a quotation ("Vale told me …"): the name
  // inside it is not the speaker of the quotation before.
  const direct = /(?<=\S)[”"]\s*,?\s*(?:the\s+)?$/u.exec(before);
  if (direct && AFTER_QUOTE_VERB.test(s.text.slice(mentionEnd))) close = direct.index;
  else {
    const inverted = QUOTE_THEN_VERB.exec(before);
    // The words between "said" and the name may only be a title ("said Foreign Minister …").
    if (inverted && !/[.;:]\s/u.test(inverted[0])) close = inverted.index;
  }
  if (close < 0) return null;
  const q = quoteUntil(sentences, si, close);
  if (!q) return null;
  return { text: q.text, spanStart: q.startSentence === si ? q.start : 0, spanEnd: close + 1, anchor: mentionEnd };
}

/** "According to X, …" / "…, according to X." */
function accordingTo(sentences: Sentence[], si: number, mentionStart: number, mentionEnd: number): RawStatement | null {
  const s = sentences[si];
  if (!s) return null;
  const lead = /(?:^|,\s*)according\s+to\s+(?:the\s+)?$/iu.exec(s.text.slice(0, mentionStart));
  if (!lead) return null;
  if (lead.index === 0) {
    const comma = s.text.indexOf(',', mentionEnd);
    if (comma < 0) return null;
    return { text: clean(s.text.slice(comma + 1).replace(/[.!?]+$/u, '')), spanStart: comma + 1, spanEnd: s.text.length, anchor: mentionEnd };
  }
  if (!/^\s*[.!?]?\s*$/u.test(s.text.slice(mentionEnd))) return null;
  return { text: clean(s.text.slice(0, lead.index)), spanStart: 0, spanEnd: lead.index, anchor: mentionStart };
}

// "quoted officials as saying …": the words are the officials', not the sentence subject's.
const PARTICIPLE = /(?:,\s*|\s)(?<!\bas\s)saying\s+(?:that\s+)?|,\s*calling\s+(?:it|them|him|her|the\s+[\p{L}-]+)\s+(?=[“"])/u;

/** "Moon welcomed the address on January 2, saying it showed …" / "…, calling it “very exciting”":
 *  the sentence's subject said it. Only for the sentence's first speaker, before the participle. */
export function participleAfter(sentences: Sentence[], si: number, subjectEnd: number): RawStatement | null {
  const s = sentences[si];
  if (!s) return null;
  const m = PARTICIPLE.exec(s.text.slice(subjectEnd));
  if (!m) return null;
  const r = reportedFrom(sentences, si, subjectEnd + m.index + m[0].length);
  return r ? { text: r.text, spanStart: r.start, spanEnd: r.end, anchor: subjectEnd + m.index } : null;
}

/** Is the mention the object of a preposition ("a spokesman for President Moon", "the office of …",
 *  "representatives of A, B and C")? Then it is not the speaker. */
export function governedByPreposition(text: string, start: number): boolean {
  const before = text.slice(0, start);
  if (/\baccording\s+to\s+(?:the\s+)?$/iu.test(before)) return false;
  // "Secretary of State Mike Pompeo" is a title, not a preposition's object: the word before "of"
  // is capitalized. "Officials at the Joint Chiefs of Staff said" speak for it: "the" ends the test.
  return GOVERNED_NAME.test(before) || GOVERNED_LIST.test(before) || OPENING_PREPOSITION.test(before);
}

/** "In Hanoi, …", "At the Kremlin …": a preposition opening the sentence. */
const OPENING_PREPOSITION = /^\s*(?:In|At|From|On|Near|Outside|Inside|Across|Throughout|After|Before|During)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}.'’-]*\s+){0,6}$/u;

const PREPOSITIONS = '(?:of|for|to|in|with|from|by|at|about|against|on|alongside|beside|besides|between|among|near|under|over|into|toward|towards|behind|without)';
const CAPS = "(?:[\\p{Lu}][\\p{L}.'’-]*\\s*)+";
// "The party (KDP) of Massoud Barzani said": a bracket closes the noun the preposition follows.
const GOVERNED_NAME = new RegExp(`(?:(?:^|[^\\p{L}])\\p{Ll}[\\p{L}'’-]*|\\))\\s+${PREPOSITIONS}\\s+(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,6}$`, 'u');
/** "Representatives of First Bank, Norwest and First Chicago said": the last of a list after a preposition. */
const GOVERNED_LIST = new RegExp(`\\s${PREPOSITIONS}\\s+(?:the\\s+)?(?:${CAPS},\\s+)*${CAPS},?\\s+and\\s+(?:the\\s+)?(?:[\\p{Lu}][\\p{L}.'’-]*\\s+){0,6}$`, 'u');

/** Every statement attributed to the mention at [start, end) of sentence `si`. */
export function statementsAt(sentences: Sentence[], si: number, start: number, end: number, pageDate?: string): RawStatement[] {
  const text = sentences[si]?.text ?? '';
  const subject = !governedByPreposition(text, start);
  const found =
    quoteThenSpeaker(sentences, si, start, end) ??
    (subject ? subjectVerb(sentences, si, end, start) : null) ??
    accordingTo(sentences, si, start, end);
  if (!found || words(found.text) < (found.quoted ? 1 : 3)) return [];
  // "Tremblay said Desrochers had told him the quotas were unfair, and that mills were closing":
  // Desrochers speaks inside Tremblay's words, and the "and that" clause is Tremblay's again.
  if (found.spanStart >= end && INSIDE_REPORTED.test(text.slice(0, start))) {
    const inner = clean(found.text.split(/,?\s+and\s+that\s+/u)[0] ?? '');
    return words(inner) < (found.quoted ? 1 : 3) ? [] : [withDate(sentences, si, { ...found, text: inner }, pageDate)];
  }
  return splitJoinedClauses(found).map((st) => withDate(sentences, si, st, pageDate));
}

/** The mention stands in the reported words of a speech verb before it, in the same clause. */
const INSIDE_REPORTED = new RegExp(`\\b(?:${VERBS})\\s+(?:that\\s+)?(?:[^\\s,;:“”"]+\\s+){0,6}$`, 'u');

/** "… replied that the offer was poor and that his members would stay out": two things said,
 *  the second clause joined to the same verb. */
export function splitJoinedClauses(st: RawStatement): RawStatement[] {
  if (st.quoted) return [st];
  const parts = st.text.split(/,?\s+and\s+that\s+/u).filter((p) => words(p) >= 3);
  return parts.length < 2 ? [st] : parts.map((text) => ({ ...st, text: clean(text) }));
}

// "The rest is seldom covered, she added, because states will not agree": the tag sits inside
// the reported words, set off by commas.
const PRONOUN_MID = new RegExp(`,\\s+(?:he|she)\\s+(?:${VERBS}),\\s+`, 'u');
const PRONOUN_TAG = new RegExp(`[”"]\\s*,?\\s+(?:(?:he|she)\\s+(?:${VERBS})|(?:${VERBS})\\s+(?:he|she))\\b`, 'u');
const PRONOUN_LEAD = new RegExp(`^(?:[^,“”"]{0,60}?,?\\s+)?(?:[Hh]e|[Ss]he)(?=\\s+(?:\\p{Ll}+\\s+)?(?:${VERBS})\\b)`, 'u');

/** What each of the three patterns below needs somewhere: "he" or "she" after a space or at the
 *  start. Most sentences have neither, and this one test spares them three regexes: the pass runs
 *  over every sentence of the page on every update. */
const PRONOUN_ANY = /(?:^|\s)(?:[Hh]e|[Ss]he)\b/u;

/** A quotation closed by "he said"/"she added", or a sentence opening "She warned that …". */
export function pronounStatementAt(sentences: Sentence[], si: number, pageDate?: string): RawStatement | null {
  const s = sentences[si];
  if (!s || !PRONOUN_ANY.test(s.text)) return null;
  const tag = PRONOUN_TAG.exec(s.text);
  const mid = tag ? null : PRONOUN_MID.exec(s.text);
  let found: RawStatement | null = null;
  if (mid && !/[“”"]/u.test(s.text)) {
    const said = `${s.text.slice(0, mid.index)} ${s.text.slice(mid.index + mid[0].length)}`;
    found = { text: clean(said.replace(/[.!?]+$/u, '')), spanStart: 0, spanEnd: s.text.length, anchor: mid.index };
  } else if (tag) {
    const q = quoteUntil(sentences, si, tag.index);
    if (q) found = { text: q.text, spanStart: q.startSentence === si ? q.start : 0, spanEnd: tag.index + 1, anchor: tag.index + tag[0].length };
  } else {
    // "She warned that …", "On June 13 she said …", "At a party meeting in December, he said …".
    const lead = PRONOUN_LEAD.exec(s.text);
    if (lead) found = subjectVerb(sentences, si, lead[0].length);
    const pronoun = /^(?:[^,“”"]{0,60}?,?\s+)?(?:[Hh]e|[Ss]he)\b/u.exec(s.text);
    if (!found && pronoun) found = participleAfter(sentences, si, pronoun[0].length);
    // The person meant is named before the pronoun, not between it and the reported words.
    const at = (lead ?? pronoun)?.[0].length;
    if (found && at !== undefined) found = { ...found, spanStart: Math.min(found.spanStart, at - 3) };
  }
  if (!found || words(found.text) < 3) return null;
  const said = (mid ?? tag)?.[0] ?? /(?:^|\s)(?:[Hh]e|[Ss]he)\b/u.exec(s.text)?.[0] ?? '';
  const pronoun = /\b[Ss]he\b/u.test(said) ? 'she' : /\b[Hh]e\b/u.test(said) ? 'he' : undefined;
  return withDate(sentences, si, pronoun ? { ...found, pronoun } : found, pageDate);
}

const ROLE_SPEAKER = new RegExp(`(?:^|[,;]\\s+)[Tt]he\\s+((?:[\\p{Ll}-]+\\s+){0,3}?)([\\p{Ll}-]+)(?=\\s+(?:${VERBS})\\b)`, 'u');

/** "The secretary said the companies had agreed …": a speaker named by a role alone. Returns the
 *  role's head noun ("secretary") and what was said; the caller finds who holds that role. */
export function roleSpeakerAt(sentences: Sentence[], si: number, isTitleHead: (w: string) => boolean, pageDate?: string): { head: string; raw: RawStatement } | null {
  const s = sentences[si];
  if (!s) return null;
  const m = ROLE_SPEAKER.exec(s.text);
  const head = m?.[2] ?? '';
  if (!m || !isTitleHead(head)) return null;
  const found = subjectVerb(sentences, si, m.index + m[0].length);
  if (!found || words(found.text) < 3) return null;
  return { head, raw: withDate(sentences, si, found, pageDate) };
}

/** The date nearest the attribution, outside the reported words. */
export function withDate(sentences: Sentence[], si: number, st: RawStatement, pageDate?: string): RawStatement {
  const text = sentences[si]?.text ?? '';
  // A date before the attribution belongs to it only within the same clause ("The Kremlin said on
  // May 2 that …, and the spokesman told …": May 2 is not the spokesman's).
  const dates = findDates(text, pageDate).filter(
    (d) => (d.end <= st.spanStart || d.start >= st.spanEnd) && !(d.end <= st.anchor && /[,;][”"]?\s+(?:and|but|while|whereas)\s/u.test(text.slice(d.end, st.anchor))),
  );
  let best: FoundDate | undefined;
  for (const d of dates) {
    const dist = Math.min(Math.abs(d.start - st.anchor), Math.abs(d.end - st.anchor));
    const bestDist = best ? Math.min(Math.abs(best.start - st.anchor), Math.abs(best.end - st.anchor)) : Infinity;
    if (dist < bestDist) best = d;
  }
  return best ? { ...st, date: best } : st;
}
