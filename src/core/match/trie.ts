// One trie over the folded forms, emitted as one regex. Sibling edges are disjoint (each concrete
// character folds to exactly one symbol) and every continuation is tried before a form may end
// there, so the regex finds the longest form at each position.
import { APOS, APOS_CHARS, HYPHEN_CHARS, SEP, SPACE_CHARS, caseVariants, foldLetter, isApostrophe, isHyphen, isSpace, letterVariants } from './fold';

/** What an edge accepts, as a few specs (expanded to one character class when emitted):
 *  "x<c>" exactly c; "i<c>" c in any case and (vowels) with any diacritic; "c<c>" c in any case;
 *  "f<c>" c as written or
 *  upper-cased (a form's first letter); "s" spaces; "h" hyphens; "a" apostrophes. */
interface Edge {
  symbol: string;
  specs: string[];
  node: TrieNode;
}
/** Plain arrays, not Maps: a 10,000-entity trie has ~10^5 nodes of small fan-out. */
interface TrieNode {
  terminal: boolean;
  edges: Edge[] | null;
}

const SPACE_SPECS = ['s'];
const HYPHEN_SPECS = ['h'];
const SEP_SPECS = ['s', 'h'];
const APOS_SPECS = ['a'];

/** Letters, digits and marks on either side block a match: "Trumpism", "SPAIN", "F-35A1". */
export const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}]';
const BEFORE = `(?<!${WORD_CHAR})`;
const AFTER = `(?!${WORD_CHAR})`;

const LETTER = /\p{L}/u;
const ASCII = Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c));
const LOWER = ASCII.map((c) => c.toLowerCase());

/** Interned spec strings: building "i" + ch for every character of 10,000 names fed the GC. */
const SPECS: Record<string, Map<string, string>> = { x: new Map(), f: new Map(), i: new Map(), c: new Map() };
function spec(mode: 'x' | 'f' | 'i' | 'c', ch: string): string {
  const cache = SPECS[mode]!;
  let out = cache.get(ch);
  if (out === undefined) cache.set(ch, (out = mode + ch));
  return out;
}

export class FormTrie {
  private root: TrieNode = { terminal: false, edges: null };
  size = 0;

  /** `exact`: letters only as written (acronyms); otherwise the first letter as written or
   *  capitalized, the others in any case (the resolver's case check then decides what counts) and,
   *  with `accents`, vowels with or without diacritics. */
  insert(text: string, exact: boolean, accents = true): void {
    let node = this.root;
    let sep = '';
    let first = true;
    for (let i = 0; i < text.length; ) {
      const code = text.codePointAt(i)!;
      const ch = code < 0x80 ? ASCII[code]! : String.fromCodePoint(code);
      i += ch.length;
      if (code === 0x20 || code === 0x2d || isSpace(ch) || isHyphen(ch)) {
        // Name words may be joined by spaces or a hyphen ("Jong Un"/"Jong-un"); acronyms keep theirs.
        sep = exact && sep !== 'sh' ? (isHyphen(ch) ? 'h' : 's') : 'sh';
        continue;
      }
      if (sep) {
        if (node !== this.root) node = step(node, SEP, sep === 'sh' ? SEP_SPECS : sep === 's' ? SPACE_SPECS : HYPHEN_SPECS);
        sep = '';
      }
      const letter = code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : LETTER.test(ch);
      if (letter) node = step(node, code < 0x80 ? LOWER[code]! : foldLetter(ch), spec(exact ? 'x' : first ? 'f' : accents ? 'i' : 'c', ch));
      else if (isApostrophe(ch)) node = step(node, APOS, APOS_SPECS);
      else node = step(node, ch, spec('x', ch));
      first = false;
    }
    if (node === this.root) return;
    if (!node.terminal) this.size++;
    node.terminal = true;
  }

  /** The combined regex source (without flags); never matches the empty string. */
  source(): string {
    if (!this.root.edges) return '(?!)';
    return BEFORE + emit(this.root, new Map()) + AFTER;
  }
}

function step(node: TrieNode, symbol: string, specs: string[] | string): TrieNode {
  const edges = (node.edges ??= []);
  let edge: Edge | undefined;
  for (const e of edges) {
    if (e.symbol === symbol) {
      edge = e;
      break;
    }
  }
  if (!edge) {
    edge = { symbol, specs: [], node: { terminal: false, edges: null } };
    edges.push(edge);
  }
  if (typeof specs === 'string') {
    if (!edge.specs.includes(specs)) edge.specs.push(specs);
  } else for (const s of specs) if (!edge.specs.includes(s)) edge.specs.push(s);
  return edge.node;
}

function emit(node: TrieNode, classes: Map<string, string>): string {
  const parts: string[] = [];
  if (node.edges) {
    for (const edge of node.edges) parts.push(edgePattern(edge.specs, classes) + emit(edge.node, classes));
  }
  if (parts.length === 0) return '';
  // A terminal may stop here: the greedy "?" tries every continuation first, and if the word
  // boundary after the longest one fails, backtracking lands back on this shorter form.
  if (node.terminal) return `(?:${parts.join('|')})?`;
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

function edgePattern(specs: string[], classes: Map<string, string>): string {
  const key = specs.length === 1 ? specs[0]! : [...specs].sort().join('\u0000');
  let out = classes.get(key);
  if (out === undefined) {
    out = buildPattern(specs);
    classes.set(key, out);
  }
  return out;
}

function buildPattern(specs: string[]): string {
  // One separator character, not "[ ]+": a loop per word gap made a 10,000-entity regex take
  // three times longer to compile.
  if (specs.includes('s') || specs.includes('h')) {
    return charClass([...(specs.includes('s') ? SPACE_CHARS : []), ...(specs.includes('h') ? HYPHEN_CHARS : [])]);
  }
  const chars = new Set<string>();
  for (const spec of specs) {
    const ch = spec.slice(1);
    if (spec === 'a') for (const c of APOS_CHARS) chars.add(c);
    else if (spec[0] === 'x') chars.add(ch);
    else if (spec[0] === 'f') {
      chars.add(ch);
      const up = ch.toUpperCase();
      if ([...up].length === 1) chars.add(up);
    } else for (const c of spec[0] === 'c' ? caseVariants(ch) : letterVariants(ch)) chars.add(c);
  }
  return charClass([...chars]);
}

function charClass(chars: string[]): string {
  if (chars.length === 1) return escapeChar(chars[0]!);
  const codes = [...new Set(chars.map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < codes.length; ) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j]! + 1) j++;
    out += escapeClassChar(codes[i]!);
    if (j > i + 1) out += '-' + escapeClassChar(codes[j]!);
    else if (j === i + 1) out += escapeClassChar(codes[j]!);
    i = j + 1;
  }
  return `[${out}]`;
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : control(c);
}

function escapeClassChar(code: number): string {
  const c = String.fromCodePoint(code);
  return /[\]\\^-]/.test(c) ? `\\${c}` : control(c);
}

/** Control characters escaped; everything else literal (the source is built at run time). */
function control(c: string): string {
  const code = c.codePointAt(0)!;
  if (code >= 0x20 && code !== 0x7f) return c;
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

