// Which compiled matcher an entity list already has. analyze builds a fresh array (pack + page
// entities) on every pass; stringifying 10,000 entities to recognise it cost 80–160 ms a pass. Each
// entity object is described once (pack entities are the same objects pass after pass), so a
// lookup is one WeakMap read and one comparison of string references per entity.
import type { PackEntity } from '../types';

interface Signature {
  /** What of the entity the matcher depends on; equal text means an equal matcher input. */
  text: string;
  hash: number;
}

const signatures = new WeakMap<PackEntity, Signature>();

function signatureOf(e: PackEntity): Signature {
  let sig = signatures.get(e);
  if (!sig) {
    const text = JSON.stringify([e.id, e.type, e.name, e.aliases, e.short, e.wellKnown, e.ambiguous, e.context]);
    sig = { text, hash: fnv1a(text) };
    signatures.set(e, sig);
  }
  return sig;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Entry<T> {
  hash: number;
  texts: string[];
  value: T;
}

/** A small most-recently-used cache keyed by the content of an entity list (in order). */
export class EntityListCache<T> {
  private entries: Entry<T>[] = [];

  constructor(private readonly capacity: number) {}

  get(entities: readonly PackEntity[], make: () => T): T {
    const texts = new Array<string>(entities.length);
    let hash = entities.length;
    for (let i = 0; i < entities.length; i++) {
      const sig = signatureOf(entities[i]!);
      texts[i] = sig.text;
      hash = (Math.imul(hash, 31) + sig.hash) | 0;
    }
    const at = this.entries.findIndex((e) => e.hash === hash && sameTexts(e.texts, texts));
    const entry = at >= 0 ? this.entries.splice(at, 1)[0]! : { hash, texts, value: make() };
    this.entries.push(entry); // most recently used last
    if (this.entries.length > this.capacity) this.entries.shift();
    return entry.value;
  }
}

function sameTexts(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  // Mostly the very same string objects, so === rarely has to compare characters.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
