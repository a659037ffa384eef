// The scanning trie: every form folded (see `foldText`) and walked in plain JS over the page's
// text, folded unit by unit on the way, only from positions where a name may start (see scan.ts).
// Irregexp gives up its own optimisations on sources over ~20 KB, so a 10,000-entity regex
// scanned letter by letter and took 0.3–0.8 s to compile; this walk costs about the same at 100
// or 10,000 entities and compiles in the time it takes to insert the forms.
//
// Nodes are numbers and edges live in one open-addressing hash table of typed arrays: object
// nodes with small edge arrays cost ~75 ns a step, most of the scan.

import { foldCode } from './fold';

const SPACE = 0x20;
const HYPHEN = 0x2d;
const EMPTY = -1;

/** Letters, digits and marks (the characters that may not touch a name), per UTF-16 unit:
 *  0 not yet known, 1 no, 2 yes. Surrogates are decided per code point in `isWordAt`. */
const WORD = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
function isWordUnit(c: number): boolean {
  let w = WORD[c]!;
  if (w === 0) WORD[c] = w = WORD_RE.test(String.fromCharCode(c)) ? 2 : 1;
  return w === 2;
}

/** Among ASCII, only letters and digits are word characters. */
export const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const ASCII_FOLD = Uint8Array.from({ length: 0x80 }, (_, c) => foldCode(c));

/** Whether the character at `i` of `s` is a letter, digit or mark (false outside the string). */
export function isWordAt(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 0x80) return ASCII_WORD[c] === 1;
  if (c < 0xd800 || c > 0xdfff) return isWordUnit(c);
  // Astral letters ("𝐀", CJK extension B) are rare; emoji are the usual surrogates and not letters.
  const cp = s.codePointAt(c <= 0xdbff ? i : i - 1);
  return cp !== undefined && cp > 0xffff && WORD_RE.test(String.fromCodePoint(cp));
}

export class WordTrie {
  /** Node 0 is the root. */
  private ends_ = new Uint8Array(64);
  private nodes = 1;
  /** Edge table: (from, code) → to; `from` is EMPTY in a free slot. */
  private from = new Int32Array(64).fill(EMPTY);
  private code = new Uint16Array(64);
  private to = new Int32Array(64);
  private mask = 63;
  private edges = 0;
  size = 0;

  /** `folded`: the form through `foldText`. Words of a name may be joined by one space or one
   *  hyphen; an acronym (`exact`) keeps the separator it was written with. */
  insert(folded: string, exact: boolean): void {
    let node = 0;
    let sep = 0; // bit 1: a space, bit 2: a hyphen
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      if (c === SPACE || c === HYPHEN) {
        sep = exact ? (c === SPACE ? 1 : 2) : 3;
        continue;
      }
      if (sep && node !== 0) {
        // Both separators, when allowed, lead to the same node.
        let next = sep & 1 ? this.child(node, SPACE) : EMPTY;
        if (next === EMPTY && sep & 2) next = this.child(node, HYPHEN);
        if (next === EMPTY) next = this.newNode();
        if (sep & 1 && this.child(node, SPACE) === EMPTY) this.link(node, SPACE, next);
        if (sep & 2 && this.child(node, HYPHEN) === EMPTY) this.link(node, HYPHEN, next);
        node = next;
      }
      sep = 0;
      let kid = this.child(node, c);
      if (kid === EMPTY) this.link(node, c, (kid = this.newNode()));
      node = kid;
    }
    if (node === 0 || this.ends_[node]) return;
    this.size++;
    this.ends_[node] = 1;
  }

  /** Whether some form starts with this folded unit. */
  starts(c: number): boolean {
    return this.child(0, c) !== EMPTY;
  }

  /** Appends to `out` the ends of the forms that start at `i` of `text` (the page's own text,
   *  folded unit by unit on the way: see `foldCode`) and end before a non-word character,
   *  shortest first. */
  ends(text: string, i: number, out: number[]): void {
    const n = text.length;
    let node = this.child(0, foldCode(text.charCodeAt(i)));
    for (let j = i + 1; node !== EMPTY; j++) {
      if (j >= n) {
        if (this.ends_[node]) out.push(j);
        return;
      }
      const c = text.charCodeAt(j);
      if (this.ends_[node] && !(c < 0x80 ? ASCII_WORD[c] === 1 : isWordAt(text, j))) out.push(j);
      node = this.child(node, c < 0x80 ? ASCII_FOLD[c]! : foldCode(c));
    }
  }

  /** An independent copy (a page's own names are added to a copy of the pack's trie). */
  clone(): WordTrie {
    const copy = new WordTrie();
    copy.ends_ = this.ends_.slice();
    copy.nodes = this.nodes;
    copy.from = this.from.slice();
    copy.code = this.code.slice();
    copy.to = this.to.slice();
    copy.mask = this.mask;
    copy.edges = this.edges;
    copy.size = this.size;
    return copy;
  }

  private child(node: number, c: number): number {
    const mask = this.mask;
    for (let h = hash(node, c) & mask; ; h = (h + 1) & mask) {
      const f = this.from[h]!;
      if (f === EMPTY) return EMPTY;
      if (f === node && this.code[h] === c) return this.to[h]!;
    }
  }

  private link(node: number, c: number, kid: number): void {
    if ((this.edges + 1) * 2 > this.mask) this.grow();
    const mask = this.mask;
    let h = hash(node, c) & mask;
    while (this.from[h] !== EMPTY) h = (h + 1) & mask;
    this.from[h] = node;
    this.code[h] = c;
    this.to[h] = kid;
    this.edges++;
  }

  private newNode(): number {
    if (this.nodes === this.ends_.length) {
      const more = new Uint8Array(this.nodes * 2);
      more.set(this.ends_);
      this.ends_ = more;
    }
    return this.nodes++;
  }

  private grow(): void {
    const { from, code, to } = this;
    const size = (this.mask + 1) * 2;
    this.from = new Int32Array(size).fill(EMPTY);
    this.code = new Uint16Array(size);
    this.to = new Int32Array(size);
    this.mask = size - 1;
    this.edges = 0;
    for (let h = 0; h < from.length; h++) if (from[h] !== EMPTY) this.link(from[h]!, code[h]!, to[h]!);
  }
}

function hash(node: number, c: number): number {
  // Mixed down to the low bits the mask keeps, so one node's edges do not cluster.
  const h = Math.imul(node, 0x9e3779b1) + Math.imul(c, 0x85ebca6b);
  return h ^ (h >>> 15);
}
