// Page evidence for acronyms and ambiguous aliases: the page's own definition (for or against), the
// entity's full name anywhere on the page, or one of its context words.
import type { PackEntity } from '../types';
import { APOS_CHARS, foldKey } from './fold';
import { isAcronymForm } from './forms';

export type Verdict = 'for' | 'against' | 'none';

export interface EvidenceInput {
  /** The page text, or how to make it: most pages never consult it, and joining and scanning a
   *  1 MB page's text cost more than finding its names. */
  text: string | (() => string);
  definitions: { short: string; long: string }[];
}

export class EvidenceJudge {
  private contextCache = new Map<string, boolean>();
  private lowerText: string | null = null;
  /** The page text with every apostrophe straight, so "People’s" finds "People's" (on first need). */
  private straight: string | null = null;
  private readonly source: string | (() => string);
  private lowercaseCache = new Map<string, boolean>();
  private defsByShort = new Map<string, string[]>();

  constructor(
    evidence: EvidenceInput,
    /** Folded full names of each entity (name and aliases). */
    private readonly fullKeys: (entityId: string) => ReadonlySet<string>,
  ) {
    this.source = evidence.text;
    for (const d of evidence.definitions) {
      const list = this.defsByShort.get(d.short) ?? [];
      list.push(foldKey(d.long));
      this.defsByShort.set(d.short, list);
    }
  }

  /** The page defines `acronym`: "for" when its expansion is one of the entity's names, "against"
   *  when it shares no word with them ("SPA (single-page application)"), "none" otherwise. */
  definition(entityId: string, acronym: string): Verdict {
    const longs = this.defsByShort.get(acronym) ?? (acronym.endsWith('s') ? this.defsByShort.get(acronym.slice(0, -1)) : undefined);
    if (!longs?.length) return 'none';
    const keys = [...this.fullKeys(entityId)];
    const verdicts = longs.map((l) => judgeExpansion(l, keys));
    if (verdicts.includes('for')) return 'for';
    return verdicts.includes('none') ? 'none' : 'against';
  }

  /** One of the entity's context words appears anywhere on the page (word-bounded; capitalized
   *  words case-sensitively, lower-case ones in any case). */
  context(entity: PackEntity): boolean {
    const cached = this.contextCache.get(entity.id);
    if (cached !== undefined) return cached;
    const found = (entity.context ?? []).some((w) => this.contains(w));
    this.contextCache.set(entity.id, found);
    return found;
  }

  /** The page prints this lower-case word somewhere (so a capitalized copy is a sentence start). */
  printsLowercase(word: string): boolean {
    let found = this.lowercaseCache.get(word);
    if (found === undefined) {
      found = this.contains(word, true);
      this.lowercaseCache.set(word, found);
    }
    return found;
  }

  private text(): string {
    if (this.straight === null) {
      const source = this.source;
      this.straight = straightApostrophes(typeof source === 'string' ? source : source());
    }
    return this.straight;
  }

  private contains(word: string, exactCase = false): boolean {
    const w = straightApostrophes(word.trim());
    if (!w) return false;
    const caseless = !exactCase && w === w.toLowerCase();
    const hay = caseless ? (this.lowerText ??= this.text().toLowerCase()) : this.text();
    for (let i = hay.indexOf(w); i >= 0; i = hay.indexOf(w, i + 1)) {
      if (!isWordChar(hay.charAt(i - 1)) && !isWordChar(hay.charAt(i + w.length))) return true;
    }
    return false;
  }
}

function judgeExpansion(long: string, keys: string[]): Verdict {
  const forms = new Set([long, long.replace(/^the /, ''), long.replace(/'/g, '')]);
  for (const l of forms) if (keys.includes(l)) return 'for';
  // Part of a name ("demilitarized zone" of "Korean Demilitarized Zone") or sharing a word with one
  // proves nothing either way: a network "demilitarized zone (DMZ)" is not the Korean one.
  const words = new Set(keys.flatMap((k) => k.split(' ')).filter((w) => w.length > 3));
  return long.split(' ').some((w) => words.has(w)) ? 'none' : 'against';
}

/** Not the "u" flag, and not the straight apostrophe itself: a 1 MB page text is scanned once. */
const CURLY = new RegExp(`[${APOS_CHARS.filter((c) => c !== "'").join('')}]`, 'g');

function straightApostrophes(s: string): string {
  return s.replace(CURLY, "'");
}

function isWordChar(ch: string): boolean {
  return ch !== '' && /[\p{L}\p{N}\p{M}]/u.test(ch);
}

/** Folded names a definition's expansion may equal. Ambiguous phrasings are left out: a page that
 *  defines "DMZ" as "demilitarized zone" has only restated the ambiguity, so context words decide. */
export function fullNameKeys(entity: PackEntity): Set<string> {
  const names = [entity.name, ...(entity.aliases ?? [])].filter((n) => !isAcronymForm(n));
  const keys = new Set<string>();
  for (const n of names) {
    const k = foldKey(n);
    keys.add(k);
    keys.add(k.replace(/'/g, ''));
    keys.add(k.replace(/^the /, ''));
  }
  return keys;
}
