// Entities the pack lacks but the page establishes: acronyms the text defines, people the text
// names with a title, and institutions it reports speaking. Never one the pack already knows.
import type { AcronymDefinition, EntityType, PackEntity, Sentence } from '../types';
import { ABBREVIATED_TITLES, EQUIPMENT_HEADS, EVENT_HEADS, HONORIFICS, KOREAN_SURNAMES, NON_NAME, ORGANIZATION_HEADS, OPENERS, TITLE_HEADS } from './lexicon';
import { speakingInstitutions } from './institutions';
import { appositiveBefore, appositivesAfter } from './roles';
import { fold, foldName, onlySpaceBetween as onlySpace, slug, tokenize, type Token } from './text';

/** Every folded name and alias the pack knows, for "does the pack know this?", indexed so that a
 *  question costs a few lookups rather than a pass over every name of the pack. */
interface KnownNames {
  names: Set<string>;
  acronyms: Set<string>;
  /** Token lists of the multi-word names, by their first token. */
  byFirstToken: Map<string, string[][]>;
  /** Token lists of the multi-word names, by each token they hold. */
  byAnyToken: Map<string, string[][]>;
  /** "kim jong" of "kim jong un": every leading part of a multi-word name, whole tokens only. */
  prefixes: Set<string>;
}

// Folding 10,000 entities' names took most of findPageEntities; the pack array is the same on
// every pass (arrays are treated as immutable, as by the matcher).
const knownCache = new WeakMap<readonly PackEntity[], KnownNames>();

function packNames(pack: readonly PackEntity[]): KnownNames {
  const cached = knownCache.get(pack);
  if (cached) return cached;
  const known: KnownNames = { names: new Set(), acronyms: new Set(), byFirstToken: new Map(), byAnyToken: new Map(), prefixes: new Set() };
  const push = (map: Map<string, string[][]>, key: string, set: string[]) => {
    const list = map.get(key);
    if (list) list.push(set);
    else map.set(key, [set]);
  };
  for (const e of pack) {
    for (const n of [e.name, ...(e.aliases ?? []), ...(e.ambiguous ?? [])]) {
      const f = foldName(n);
      known.names.add(f);
      if (/\s/.test(n.trim())) {
        const set = f.split(' ');
        push(known.byFirstToken, set[0]!, set);
        for (const t of new Set(set)) push(known.byAnyToken, t, set);
        for (let i = f.indexOf(' '); i >= 0; i = f.indexOf(' ', i + 1)) known.prefixes.add(f.slice(0, i));
      }
      if (/^[\p{Lu}\p{N}.&-]{2,}$/u.test(n)) known.acronyms.add(n);
    }
  }
  knownCache.set(pack, known);
  return known;
}

/** Some multi-word pack name has all its tokens among `toks` ("Donald J. Trump" ⊇ "Donald Trump"). */
function coversPackName(toks: string[], known: KnownNames): boolean {
  for (const first of new Set(toks)) {
    for (const set of known.byFirstToken.get(first) ?? []) if (set.every((t) => toks.includes(t))) return true;
  }
  return false;
}

function typeOfLongForm(long: string): EntityType {
  const ws = fold(long).split(' ');
  if (ws.some((w) => ORGANIZATION_HEADS.has(w))) return 'organization';
  const last = ws[ws.length - 1] ?? '';
  if (EVENT_HEADS.has(last)) return 'event';
  if (EQUIPMENT_HEADS.has(last)) return 'equipment';
  return 'term';
}

const NAME_TOKEN = /^\p{Lu}[\p{Ll}'’]+(?:[-‐]\p{L}[\p{Ll}'’]*)?$|^\p{Lu}$/u;

/** What a word can be, decided once per distinct spelling: a page repeats its words many times. */
const enum Word {
  No = 0,
  Yes = 1,
  /** Only when a dot follows it: an initial ("J.") or an abbreviated title ("Gen."). */
  WithDot = 2,
}
const nameWords = new Map<string, Word>();
const titleWords = new Map<string, Word>();
/** Enough for any article's vocabulary; past it the tables start again rather than grow. */
const WORD_CACHE_LIMIT = 50_000;

function remember(cache: Map<string, Word>, word: string, value: Word): Word {
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(word, value);
  return value;
}

function nameWord(word: string): Word {
  const w = word.replace(/['’]s$/u, '');
  if (!NAME_TOKEN.test(w)) return Word.No;
  const l = w.toLowerCase();
  if (NON_NAME.has(l) || TITLE_HEADS.has(l) || OPENERS.has(l) || HONORIFICS.has(l)) return Word.No;
  // A single capital is only an initial when written with its dot ("Donald J. Trump").
  return w.length > 1 ? Word.Yes : Word.WithDot;
}

function isNameToken(text: string, t: Token): boolean {
  const v = nameWords.get(t.text) ?? remember(nameWords, t.text, nameWord(t.text));
  return v === Word.Yes || (v === Word.WithDot && text[t.end] === '.');
}

function titleWord(word: string): Word {
  const l = word.toLowerCase();
  if (HONORIFICS.has(l)) return Word.Yes;
  if (TITLE_HEADS.has(l.replace(/['’]s$/u, '')) || TITLE_HEADS.has(l.split(/[-‐]/).pop() ?? '')) return Word.Yes;
  return ABBREVIATED_TITLES[l] !== undefined ? Word.WithDot : Word.No;
}

function isTitleToken(text: string, t: Token): boolean {
  const v = titleWords.get(t.text) ?? remember(titleWords, t.text, titleWord(t.text));
  return v === Word.Yes || (v === Word.WithDot && text[t.end] === '.');
}

/** Names of 2–4 capitalized tokens written right after a title (and its "of State" complement). */
export function titledNames(text: string, tokens: Token[] = tokenize(text)): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const title = tokens[i];
    if (!title || !isTitleToken(text, title)) continue;
    let j = i + 1;
    // The head's complement: "Secretary of State", "Special Representative for North Korea".
    if (/^(?:of|for)$/u.test(tokens[j]?.text ?? '')) {
      j++;
      // "leader of the Democratic People's Republic": a name never takes the article.
      if (tokens[j]?.text === 'the') continue;
      while (tokens[j] && NON_NAME.has((tokens[j]?.text ?? '').toLowerCase().replace(/['’]s$/u, '')) && /^\p{Lu}/u.test(tokens[j]?.text ?? '')) j++;
    }
    const name: Token[] = [];
    let prevEnd = tokens[j - 1]?.end ?? 0;
    for (let k = j; k < tokens.length && name.length < 4; k++) {
      const t = tokens[k];
      if (!t || !isNameToken(text, t)) break;
      const gap = text.slice(prevEnd, t.start);
      if (!/^\.?[ \t\u00a0]+$/u.test(gap)) break;
      name.push(t);
      prevEnd = t.end;
      if (/['’]s$/u.test(t.text)) break;
    }
    // "People's Republic": a possessive followed by another capitalized word is a name of a thing.
    const after = tokens[j + name.length];
    if (/['’]s$/u.test(name[name.length - 1]?.text ?? '') && after && /^\p{Lu}/u.test(after.text) && onlySpace(text, name[name.length - 1]?.end ?? 0, after.start)) continue;
    const first = name[0];
    const last = name[name.length - 1];
    if (name.length >= 2 && first && last) {
      out.push(text.slice(first.start, last.end).replace(/['’]s$/u, ''));
      i = j + name.length - 1;
    }
  }
  return out;
}

/** The short form readers use later: Korean names lead with the surname, Western ones end with it. */
export function surnameOf(name: string): string {
  const parts = name.split(/\s+/).filter((p) => !/^\p{Lu}\.?$/u.test(p) && !/^(?:Jr|Sr|II|III)\.?$/u.test(p));
  const first = parts[0] ?? name;
  // "Ri Yong Ho", "Song Young-moo": a listed surname, or a hyphenated given name after one syllable.
  const hyphenGiven = parts.length === 2 && /^\p{Lu}\p{Ll}+[-‐]\p{Ll}+$/u.test(parts[1] ?? '');
  const korean = (KOREAN_SURNAMES.has(first.toLowerCase()) && parts.length <= 3) || hyphenGiven;
  return korean ? first : (parts[parts.length - 1] ?? name);
}

/** The surname, and for a longer Western name its last two words too ("Vaz Monteiro", "Marín
 *  Ortega": Portuguese and Spanish names often carry two). */
function shortNamesOf(name: string): string[] {
  const surname = surnameOf(name);
  const parts = name.split(/\s+/).filter((p) => !/^\p{Lu}\.?$/u.test(p));
  if (parts.length < 3 || parts[0] === surname) return [surname];
  return [parts.slice(-2).join(' '), surname];
}

function knownName(name: string, known: KnownNames): boolean {
  const f = foldName(name);
  if (known.names.has(f)) return true;
  // "Donald J. Trump" contains every token of "Donald Trump"; "Kim Jong" is part of "Kim Jong Un".
  return coversPackName(f.split(' '), known) || known.prefixes.has(f);
}

/** "Kim Yong Nam, the long-serving ceremonial head of state,": a 2–4 token name at a clause start
 *  (or after a preposition), set off by an appositive that gives it a role. */
export function appositiveNames(text: string, tokens: Token[] = tokenize(text)): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || !isNameToken(text, t)) continue;
    const prev = tokens[i - 1];
    // Inside a longer capitalized run ("May Day Stadium") a name cannot start.
    if (prev && /^\p{Lu}/u.test(prev.text) && onlySpace(text, prev.end, t.start)) continue;
    const name: Token[] = [t];
    for (let k = i + 1; k < tokens.length && name.length < 4; k++) {
      const n = tokens[k];
      const last = name[name.length - 1];
      if (!n || !last || !isNameToken(text, n) || !/^\.?[ \t\u00a0]+$/u.test(text.slice(last.end, n.start))) break;
      name.push(n);
    }
    const last = name[name.length - 1];
    if (name.length < 2 || !last || /['’]s$/u.test(last.text)) continue;
    if (appositivesAfter(text, last.end).length > 0) out.push(text.slice(t.start, last.end));
    i += name.length - 1;
  }
  return out;
}

/** "Portugal's labour minister, Teresa Vaz Monteiro, said …", "The chairman of the committee,
 *  Sir Alan Pryce (pictured), …": a 2–4 token name right after a comma that closes a role phrase. */
export function namesAfterRole(text: string, tokens: Token[] = tokenize(text)): string[] {
  const out: string[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const opener = tokens[i];
    if (!opener || !/^,\s+$/u.test(text.slice(tokens[i - 1]?.end ?? 0, opener.start))) continue;
    let j = i;
    while (tokens[j] && HONORIFICS.has((tokens[j]?.text ?? '').toLowerCase()) && /^\.?\s+$/u.test(text.slice(tokens[j]!.end, tokens[j + 1]?.start ?? 0))) j++;
    const name: Token[] = [];
    for (let k = j; k < tokens.length && name.length < 4; k++) {
      const t = tokens[k];
      const last = name[name.length - 1];
      if (!t || !isNameToken(text, t) || (last && !/^\.?[ \t\u00a0]+$/u.test(text.slice(last.end, t.start)))) break;
      name.push(t);
    }
    const first = name[0];
    const last = name[name.length - 1];
    if (name.length < 2 || !first || !last || /['’]s$/u.test(last.text)) continue;
    if (appositiveBefore(text, opener.start, last.end)) out.push(text.slice(first.start, last.end));
    i = j + name.length - 1;
  }
  return out;
}

/** Every token of `long` is in one multi-word pack name. */
function longFormOfPackName(toks: string[], known: KnownNames): boolean {
  return (known.byAnyToken.get(toks[0] ?? '') ?? []).some((set) => toks.every((t) => set.includes(t)));
}

/** Two capitalized words with only spaces (after an initial's dot) between them: every name the
 *  three finders below return has at least that, so a sentence without it is not tokenized. Most of
 *  a long page's sentences name nobody, and tokenizing them was most of findPageEntities' time. */
const TWO_CAPITALIZED = /\p{Lu}[\p{L}'’\-‐]*\.?[ \t\u00a0]+\p{Lu}/u;

/** People named with a title or an appositive in one sentence. */
function namesIn(text: string): string[] {
  if (!TWO_CAPITALIZED.test(text)) return [];
  const tokens = tokenize(text);
  return [...titledNames(text, tokens), ...appositiveNames(text, tokens), ...namesAfterRole(text, tokens)];
}

/** `memo` (sentence text → the names it gives) lets a page that grows read only its new sentences. */
export function findPageEntities(sentences: Sentence[], definitions: AcronymDefinition[], pack: PackEntity[], memo?: Map<string, string[]>): PackEntity[] {
  const known = packNames(pack);
  const out: PackEntity[] = [];
  const ids = new Set(pack.map((e) => e.id));
  const add = (e: PackEntity) => {
    if (ids.has(e.id)) return;
    ids.add(e.id);
    out.push(e);
  };
  for (const d of definitions) {
    if (known.names.has(foldName(d.long))) continue;
    // The page's own expansion of an acronym the pack has ("DMZ (demilitarized zone)") is the pack's entity.
    if (known.acronyms.has(d.short) && longFormOfPackName(foldName(d.long).split(' '), known)) continue;
    add({ id: `page-${slug(d.short)}`, type: typeOfLongForm(d.long), name: d.long, aliases: [d.short, d.long], summary: '' });
  }
  const people: string[][] = [];
  for (const s of sentences) {
    let names = memo?.get(s.text);
    if (!names) {
      names = namesIn(s.text);
      memo?.set(s.text, names);
    }
    for (const name of names) {
      if (knownName(name, known)) continue;
      // "Ms. Vaz Monteiro" after "Teresa Vaz Monteiro": the same person, already found.
      const toks = foldName(name).split(' ');
      if (people.some((p) => toks.every((t) => p.includes(t)))) continue;
      people.push(toks);
      add({ id: `page-${slug(name)}`, type: 'person', name, aliases: [], short: shortNamesOf(name), summary: '' });
    }
  }
  // The White House, a foreign ministry, a court that the page reports speaking; a pack's entity
  // of the same name already carries its statements.
  // "the Joint Chiefs of Staff (JCS)" already has its entity from the definition.
  const found = new Set(out.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(foldName)));
  for (const { name } of speakingInstitutions(sentences)) {
    if (!knownName(name, known) && !found.has(foldName(name))) add({ id: `page-${slug(name)}`, type: 'organization', name, aliases: [], summary: '' });
  }
  return out;
}
