// Facts the article states about the entities it mentions: roles and statements, per entity,
// deduplicated. Short-name mentions ("Choe") count for the entity they were resolved to.
import type { AcronymDefinition, ArticleFacts, ArticleRole, ArticleStatement, EntityType, Mention, PackEntity, RunKind, Sentence } from '../types';
import { appositiveBefore, appositivesAfter, copulaAfter, titleBefore } from './roles';
import { TITLE_HEADS } from './lexicon';
import { governedByPreposition, participleAfter, pronounStatementAt, roleSpeakerAt, statementsAt, withDate as withDateOf, type RawStatement } from './statements';
import { fold } from './text';

export interface ExtractOptions {
  /** ISO date of the page when known, to give years to "August 31". */
  pageDate?: string;
  /** Kind of each run: headlines paraphrase, so no statements are taken from them. */
  runKinds?: RunKind[];
}

const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(['person', 'organization', 'place']);

interface Located {
  mention: Mention;
  sentence: number;
  start: number;
  end: number;
}

/** Each mention with the sentence holding it and its offsets inside that sentence. */
export function locateMentions(sentences: Sentence[], mentions: Mention[]): Located[] {
  const byRun = new Map<number, number[]>();
  sentences.forEach((s, i) => {
    const list = byRun.get(s.run) ?? [];
    list.push(i);
    byRun.set(s.run, list);
  });
  const out: Located[] = [];
  for (const m of mentions) {
    const si = (byRun.get(m.run) ?? []).find((i) => {
      const s = sentences[i];
      return s !== undefined && m.start >= s.start && m.start < s.end;
    });
    const s = si === undefined ? undefined : sentences[si];
    if (si === undefined || !s) continue;
    out.push({ mention: m, sentence: si, start: m.start - s.start, end: Math.min(m.end, s.end) - s.start });
  }
  return out;
}

/** Keeps the first of equal roles and drops one contained in a longer role of the same entity. */
function dedupeRoles(roles: ArticleRole[]): ArticleRole[] {
  // Each entity's distinct folded roles, padded for whole-word containment.
  const foldedOf = new Map<string, Set<string>>();
  const folded = roles.map((r) => {
    const f = fold(r.text);
    let set = foldedOf.get(r.entityId);
    if (!set) foldedOf.set(r.entityId, (set = new Set()));
    if (f) set.add(f);
    return f;
  });
  const kept = new Set<string>();
  const out: ArticleRole[] = [];
  roles.forEach((r, i) => {
    const f = folded[i]!;
    if (!f) return;
    for (const g of foldedOf.get(r.entityId) ?? []) {
      if (g.length > f.length && ` ${g} `.includes(` ${f} `)) return;
    }
    const key = `${r.entityId}\u0000${f}`;
    if (kept.has(key)) return;
    kept.add(key);
    out.push(r);
  });
  return out;
}

function toStatement(entityId: string, sentence: number, raw: RawStatement): ArticleStatement {
  const st: ArticleStatement = { entityId, text: raw.text, sentence };
  if (raw.date) {
    st.dateText = raw.date.text;
    if (raw.date.iso) st.date = raw.date.iso;
  }
  return st;
}

const JOINED = /^(?:\s*,\s*|,?\s+and\s+)(?:(?:the|his|her|their|its)\s+[^,.;:“”"]{1,60},\s+)?(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u;
const CLAUSE_START = /(?:^|[,;]\s*)(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}$/u;

/** The speakers joined to `l` by "and" or commas before it ("Vale, Okoro and Brandt said"), when
 *  the first of them opens the clause: the subject is all of them. */
function coSpeakers(text: string, l: Located, others: readonly Located[], speaks: (id: string) => boolean): string[] {
  const out: string[] = [];
  let at = l;
  for (;;) {
    const prev = others.filter((o) => o.end <= at.start).pop();
    if (!prev || !speaks(prev.mention.entityId) || !JOINED.test(text.slice(prev.end, at.start))) break;
    out.push(prev.mention.entityId);
    at = prev;
  }
  return out.length > 0 && CLAUSE_START.test(text.slice(0, at.start)) ? out.filter((id) => id !== l.mention.entityId) : [];
}

/** The person a "he/she" in sentence `si` most likely refers to: a person named earlier in the
 *  same sentence, else among the people of the nearest sentence before that names any, the one
 *  the article names most, ties going to the first named (usually the subject). `isPerson` also
 *  turns away a person the page shows to be of the other gender ("Mr." for a "she"). */
function antecedent(page: LocatedPage, sentences: Sentence[], si: number, before: number, isPerson: (id: string) => boolean): string | undefined {
  const here = page.inSentence(si).filter((l) => l.end <= before && isPerson(l.mention.entityId));
  if (here.length) return here[here.length - 1]?.mention.entityId;
  const total = page.totals;
  for (let k = si - 1; k >= Math.max(0, si - 2); k--) {
    const people = page.inSentence(k).filter((l) => isPerson(l.mention.entityId)).map((l) => l.mention.entityId);
    if (people.length === 0) continue;
    const best = people.reduce((b, id) => ((total.get(id) ?? 0) > (total.get(b) ?? 0) ? id : b));
    // A paragraph that opens with "she" may be back on the article's main person rather than on
    // the last one named: across a paragraph break, only the person the page names most is safe.
    if (sentences[k]?.run !== sentences[si]?.run && best !== page.mostNamed(isPerson)) return undefined;
    return best;
  }
  return undefined;
}

/** The gender the page gives a person by a courtesy title before a mention ("Ms. Vaz Monteiro"),
 *  as the pronoun that would refer to them; people the page gives none or both of are left out. */
function pageGenders(sentences: Sentence[], located: Located[]): Map<string, 'he' | 'she'> {
  const seen = new Map<string, Set<'he' | 'she'>>();
  for (const l of located) {
    const before = sentences[l.sentence]?.text.slice(Math.max(0, l.start - 8), l.start) ?? '';
    const t = /(?:^|[^\p{L}])(Mr|Sir|Mrs|Ms|Miss|Dame|Madam)\.?\s+$/u.exec(before)?.[1];
    if (!t) continue;
    const g = t === 'Mr' || t === 'Sir' ? 'he' : 'she';
    const set = seen.get(l.mention.entityId) ?? new Set();
    set.add(g);
    seen.set(l.mention.entityId, set);
  }
  const out = new Map<string, 'he' | 'she'>();
  for (const [id, set] of seen) if (set.size === 1) out.set(id, [...set][0]!);
  return out;
}

/** The located mentions grouped by sentence, and how often the article names each entity: asked
 *  for every mention and every pronoun, so computed once. */
class LocatedPage {
  private bySentence = new Map<number, Located[]>();
  readonly totals = new Map<string, number>();

  constructor(located: Located[]) {
    for (const l of located) {
      const list = this.bySentence.get(l.sentence);
      if (list) list.push(l);
      else this.bySentence.set(l.sentence, [l]);
      this.totals.set(l.mention.entityId, (this.totals.get(l.mention.entityId) ?? 0) + 1);
    }
  }

  /** The entity (of those `keep` accepts) the page names most often. */
  mostNamed(keep: (id: string) => boolean): string | undefined {
    let best: string | undefined;
    for (const [id, n] of this.totals) if (keep(id) && (best === undefined || n > (this.totals.get(best) ?? 0))) best = id;
    return best;
  }

  /** The mentions of sentence `si`, in document order. */
  inSentence(si: number): readonly Located[] {
    return this.bySentence.get(si) ?? [];
  }
}

/** A place that opens a dateline, follows a preposition, or qualifies the
 *  capitalized word right after it. */
function placeNotSubject(text: string, l: Located): boolean {
  const before = text.slice(0, l.start);
  const after = text.slice(l.end);
  if (/^\s*$/u.test(before) && /^\s*(?:\([^)]*\)\s*)?[—–-]\s/u.test(after)) return true;
  if (governedByPreposition(text, l.start)) return true;
  return /^\s+\p{Lu}/u.test(after);
}

export function extractFacts(
  sentences: Sentence[],
  mentions: Mention[],
  entities: PackEntity[],
  definitions: AcronymDefinition[],
  options: ExtractOptions = {},
): ArticleFacts {
  const types = new Map(entities.map((e) => [e.id, e.type]));
  const isPerson = (id: string) => types.get(id) === 'person';
  const located = locateMentions(sentences, mentions);
  const page = new LocatedPage(located);
  const roles: ArticleRole[] = [];
  const statements: ArticleStatement[] = [];
  const attributed = new Set<number>();

  for (const l of located) {
    const s = sentences[l.sentence];
    const type = types.get(l.mention.entityId);
    if (!s || !type) continue;
    const others = page.inSentence(l.sentence).filter((o) => o !== l);
    // Another name ends a title, but a place right before it is its nationality ("US Secretary
    // of State"): part of the role.
    const blocked = (offset: number) => others.some((o) => offset >= o.start && offset < o.end && types.get(o.mention.entityId) !== 'place');
    if (type === 'person') {
      for (const text of [titleBefore(s.text, l.start, blocked), ...appositivesAfter(s.text, l.end), copulaAfter(s.text, l.end), appositiveBefore(s.text, l.start, l.end)]) {
        if (text) roles.push({ entityId: l.mention.entityId, text, sentence: l.sentence });
      }
    }
    const inHeading = options.runKinds?.[s.run] === 'heading';
    if (SPEAKER_TYPES.has(type) && !inHeading) {
      const found = statementsAt(sentences, l.sentence, l.start, l.end, options.pageDate);
      const signers = found.some((raw) => raw.spanStart >= l.end) ? coSpeakers(s.text, l, others, (id) => SPEAKER_TYPES.has(types.get(id) ?? 'term')) : [];
      for (const raw of found) {
        statements.push(toStatement(l.mention.entityId, l.sentence, raw));
        // "Vale and Brandt said in a joint letter that …": said by each, not by the name nearest the verb.
        for (const id of raw.spanStart >= l.end ? signers : []) statements.push(toStatement(id, l.sentence, raw));
        attributed.add(l.sentence);
      }
    }
  }

  // "X welcomed the address, saying …": the first speaker of a sentence nobody was quoted in.
  const firstSpeaker = new Map<number, Located>();
  for (const l of located) {
    const t = types.get(l.mention.entityId);
    if (!t || !SPEAKER_TYPES.has(t) || firstSpeaker.has(l.sentence)) continue;
    // With the world packs nearly every sentence names a place first: "LISBON — …" (a dateline),
    // "In Lisbon she …", "Norway Trade Minister Vale …" (it qualifies the name after it). None is
    // the subject; the first name that can be is looked for after them.
    if (t === 'place' && placeNotSubject(sentences[l.sentence]?.text ?? '', l)) continue;
    firstSpeaker.set(l.sentence, l);
  }
  for (const [si, l] of firstSpeaker) {
    const text = sentences[si]?.text ?? '';
    if (attributed.has(si) || options.runKinds?.[sentences[si]?.run ?? -1] === 'heading') continue;
    // "she briefed reporters alongside Foreign Minister Ri, saying …": Ri is not the subject.
    // "Leaders have criticised X, saying …": X is the object; the subject named no one on the page.
    if (governedByPreposition(text, l.start) || /\b(?:he|she|He|She)\b/u.test(text.slice(0, l.start))) continue;
    if (/\b(?:have|has|had|was|were|is|are|\p{Ll}{3,}ed)\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$/u.test(text.slice(0, l.start))) continue;
    const raw = participleAfter(sentences, si, l.end);
    if (raw && raw.text.split(/\s+/).length >= 2) {
      statements.push(toStatement(l.mention.entityId, si, withDateOf(sentences, si, raw, options.pageDate)));
      attributed.add(si);
    }
  }

  // "“We are not moving,” said Vale. “The numbers have to come down first.”": a quotation standing
  // alone right after one speaker's quotation, in the same paragraph, goes on in that voice.
  sentences.forEach((s, si) => {
    const prev = sentences[si - 1];
    if (attributed.has(si) || !prev || prev.run !== s.run || !attributed.has(si - 1) || !/[“”"]/u.test(prev.text)) return;
    const alone = /^[“"]([^“”"]+?)[,.!?]?[”"]$/u.exec(s.text.trim());
    if (!alone || page.inSentence(si).length > 0) return;
    const speakers = new Set(statements.filter((st) => st.sentence === si - 1).map((st) => st.entityId));
    const [speaker] = speakers;
    if (speakers.size !== 1 || !speaker || (alone[1] ?? '').split(/\s+/u).length < 3) return;
    statements.push({ entityId: speaker, text: (alone[1] ?? '').trim(), sentence: si });
    attributed.add(si);
  });

  const gender = pageGenders(sentences, located);
  sentences.forEach((s, si) => {
    if (attributed.has(si) || options.runKinds?.[s.run] === 'heading') return;
    const raw = pronounStatementAt(sentences, si, options.pageDate);
    if (raw) {
      const fits = (id: string) => isPerson(id) && !(raw.pronoun && gender.has(id) && gender.get(id) !== raw.pronoun);
      const who = antecedent(page, sentences, si, raw.spanStart, fits);
      if (who) statements.push(toStatement(who, si, raw));
      return;
    }
    // "The secretary said …": the one person the page gave that title.
    const byRole = roleSpeakerAt(sentences, si, (w) => TITLE_HEADS.has(w), options.pageDate);
    if (!byRole) return;
    const holders = new Set(roles.filter((r) => isPerson(r.entityId) && r.sentence < si && fold(r.text).split(' ').includes(byRole.head)).map((r) => r.entityId));
    // Two people with that title: the one named last, if in one of the two sentences before.
    const lastNamed = (id: string) => Math.max(-1, ...located.filter((l) => l.mention.entityId === id && l.sentence < si).map((l) => l.sentence));
    const ranked = [...holders].map((id) => ({ id, at: lastNamed(id) })).sort((a, b) => b.at - a.at);
    const [first, second] = ranked;
    if (first && (ranked.length === 1 || (first.at >= si - 2 && first.at > (second?.at ?? -1)))) statements.push(toStatement(first.id, si, byRole.raw));
  });

  const seen = new Set<string>();
  const uniqueStatements = statements
    .sort((a, b) => a.sentence - b.sentence)
    .filter((st) => {
      const key = `${st.entityId}\u0000${fold(st.text)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  // One quote, one speaker: "the chairman of the Transport Committee, Sir Alan Pryce, said" is
  // the person's, not also the body named in his title.
  const quotedPerson = new Set(uniqueStatements.filter((st) => isPerson(st.entityId)).map((st) => `${st.sentence}\u0000${fold(st.text)}`));
  const oneSpeaker = uniqueStatements.filter((st) => isPerson(st.entityId) || !quotedPerson.has(`${st.sentence}\u0000${fold(st.text)}`));
  return { roles: dedupeRoles(roles), statements: oneSpeaker, definitions };
}
