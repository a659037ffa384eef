// Recognition of the names an article uses that no pack lists: people, places and organizations,
// found by rules in the article's own sentences (no model, no network; runs in the worker).
// Each recognised name becomes a page-only entity; the matcher then finds all its mentions.
import { surnameOf } from '../article/page-entities';
import { fold, foldName, slug } from '../article/text';
import type { PackEntity, RunKind, Sentence } from '../types';
import { readSentence, type SentenceNames } from './candidates';
import { decide, gather, type NameEvidence } from './consistency';
import { isAcronymName } from './organizations';
import { personShaped } from './people';
import { inGazetteer } from './places';

interface Known {
  /** The folded names a pack knows (names, plain aliases, well-known short forms). */
  keys: Set<string>;
  /** Multi-word names by their first word, for "Donald J. Trump" ⊇ "Donald Trump". */
  byFirst: Map<string, string[][]>;
  /** People's multi-word names by each of their words, for "Son Hui" ⊂ "Choe Son Hui". */
  byWord: Map<string, string[][]>;
  /** Ambiguous names → the context words that let the pack match them (folded). */
  ambiguous: Map<string, string[]>;
  /** The pack's people's multi-word names, folded. */
  people: Set<string>;
}
// Built once per pack array (the worker's merged pack is the same on every pass).
const knownCache = new WeakMap<readonly PackEntity[], Known>();
function knownOf(pack: readonly PackEntity[]): Known {
  let known = knownCache.get(pack);
  if (known) return known;
  known = { keys: new Set(), byFirst: new Map(), byWord: new Map(), people: new Set(), ambiguous: new Map() };
  for (const e of pack) {
    for (const n of e.ambiguous ?? []) {
      const f = foldName(n);
      known.ambiguous.set(f, [...(known.ambiguous.get(f) ?? []), ...(e.context ?? []).map(foldName)]);
    }
    // Ambiguous names are left out: the pack matches them only with context on the page, and
    // without it recognition may still find them by the article's own evidence.
    // Short forms are left out too: "Jordan" is a country on a page that never names Jim Jordan
    // in full (a pack person named in full keeps the words of the name, below); well-known short
    // forms ("Trump") the pack matches on context alone.
    for (const n of [e.name, ...(e.aliases ?? []).filter((a) => !e.ambiguous?.includes(a)), ...(e.wellKnown ?? [])]) {
      const f = foldName(n);
      known.keys.add(f);
      const ws = f.split(' ');
      if (ws.length > 1 && e.type === 'person') known.people.add(f);
      if (ws.length > 1) {
        const list = known.byFirst.get(ws[0]!);
        if (list) list.push(ws);
        else known.byFirst.set(ws[0]!, [ws]);
        if (e.type === 'person') for (const w of new Set(ws)) {
          const named = known.byWord.get(w);
          if (named) named.push(ws);
          else known.byWord.set(w, [ws]);
        }
      }
    }
  }
  knownCache.set(pack, known);
  return known;
}

/** The pack's entity wins: the pack has this name, or a name all of whose words this one holds. */
function packHas(key: string, known: Known): boolean {
  if (known.keys.has(key)) return true;
  const ws = key.split(' ');
  if (ws.length < 2) return false;
  // "Donald J. Trump" holds all of "Donald Trump"; "Son Hui" is part of "Choe Son Hui".
  if (ws.some((w) => (known.byFirst.get(w) ?? []).some((name) => name.every((t) => ws.includes(t))))) return true;
  return (known.byWord.get(ws[0]!) ?? []).some((name) => ws.every((t) => name.includes(t)));
}

export interface RecognizeInput {
  sentences: readonly Sentence[];
  runKinds: readonly RunKind[];
  pack: readonly PackEntity[];
  /** Page entities already found (titled people, defined acronyms): they are not found twice. */
  found: readonly PackEntity[];
  /** Sentence text → what it gives recognition. */
  memo?: Map<string, SentenceNames>;
}

export function recognizeNames({ sentences, runKinds, pack, found, memo }: RecognizeInput): PackEntity[] {
  const evidence = new Map<string, NameEvidence>();
  const common = new Set<string>();
  for (const s of sentences) {
    // Headlines capitalise every word: they confirm names found elsewhere, never start one.
    if (runKinds[s.run] === 'heading') continue;
    let read = memo?.get(s.text);
    if (!read) {
      read = readSentence(s.text);
      memo?.set(s.text, read);
    }
    for (const c of read.candidates) gather(evidence, foldName(c.text), c);
    for (const w of read.lower) common.add(w);
  }
  const known = knownOf(pack);
  const taken = new Set<string>();
  for (const e of found) for (const n of [e.name, ...(e.aliases ?? []), ...(e.short ?? [])]) taken.add(foldName(n));
  const decided: { key: string; e: NameEvidence; type: NonNullable<ReturnType<typeof decide>> }[] = [];
  // An ambiguous pack name is the pack's on a page that carries its context ("DMZ" on a page
  // about Korea); elsewhere recognition may find it by the article's own evidence.
  let folded: string | undefined;
  const packMatchesHere = (key: string): boolean => {
    const context = known.ambiguous.get(key);
    if (!context) return false;
    folded ??= ` ${sentences.map((s) => fold(s.text)).join(' ')} `;
    return context.some((c) => folded!.includes(` ${c} `));
  };
  const undecided: { key: string; e: NameEvidence }[] = [];
  for (const [key, e] of evidence) {
    if (taken.has(key) || packHas(key, known) || packMatchesHere(key)) continue;
    // An acronym the pack calls ambiguous ("SPA": an assembly, an app, a spa) is no name by its
    // capitals alone; a listed place ("U.S.") still is.
    if (known.ambiguous.has(key) && isAcronymName(e.words) && !inGazetteer(e.words.join(' '))) continue;
    const type = decide(e, common);
    if (type) decided.push({ key, e, type });
    else undecided.push({ key, e });
  }
  // "Nolan Henke fired a 62. … Henke said": a name seen only at sentence starts is a person when
  // the article later calls someone by its last word alone, mid-sentence.
  for (const { key, e } of undecided) {
    const surname = key.split(' ').pop() ?? '';
    const alone = evidence.get(surname);
    if (personShaped(e.words) && key.includes(' ') && alone && (alone.mid > 0 || alone.speaks || alone.titled)) decided.push({ key, e, type: 'person' });
  }
  // A word of a person's name alone is that person (the matcher's short forms), not a new name.
  const personWords = new Set<string>();
  for (const d of decided) if (d.type === 'person') for (const w of d.key.split(' ')) personWords.add(w);
  // The same for a pack's person the article names in full: "Hui" of "Choe Son Hui" is hers.
  for (const key of evidence.keys()) if (known.people.has(key)) for (const w of key.split(' ')) personWords.add(w);
  for (const e of found) if (e.type === 'person') for (const w of foldName(e.name).split(' ')) personWords.add(w);
  const out: PackEntity[] = [];
  const ids = new Set(found.map((e) => e.id));
  for (const { key, e, type } of decided) {
    if (!key.includes(' ') && personWords.has(key)) continue;
    const name = display(e);
    const id = `page-${slug(name)}`;
    if (ids.has(id)) continue;
    ids.add(id);
    out.push({ id, type, name, aliases: [], ...(type === 'person' ? { short: [surnameOf(name)] } : {}), summary: '' });
  }
  return out;
}

/** The spelling written most often mid-sentence (where case is the writer's choice). */
function display(e: NameEvidence): string {
  let best = '';
  let n = -1;
  for (const [s, count] of e.surfaces) if (count > n) [best, n] = [s, count];
  return best;
}
