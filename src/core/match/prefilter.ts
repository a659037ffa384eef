// A native regex that finds where a name may start, so the trie walk in JS runs only there and
// not at every word of the page: irregexp scans a small alternation of the forms' first few
// letters, case-insensitively, over the page's own text at C++ speed. Every form's start is
// found: either its first units are ASCII and the alternation matches them, or one of them is
// a non-ASCII unit that the regex reports on its own ("Émile", "Sŏn", "O’Brien"; see `scan.ts`).
//
// A name's first letter keeps its case on the page (see `caseAllowed`): "Kim" starts with "K",
// never "k". Where the engine has regex modifiers, the first unit is matched in its own case and
// the rest case-insensitively: prose is mostly lower-case words, and a case-insensitive first
// unit let most of them into the lookahead (a tenth fewer candidates, a quarter less regex time).

/** Units of each form the alternation holds: longer means fewer false starts, a larger source. */
export const PREFIX_UNITS = 6;

/** Above ~20 KB of source irregexp stops optimising (see word-trie.ts): a big pack's alternation
 *  would cost more than the plain walk (10,000 synthetic entities need ~10 KB). */
const MAX_SOURCE = 18_000;

const SEP = -1;
const SPACE = 0x20;
const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;

/** General punctuation (U+2000–U+206F: dashes, curly quotes, spaces) is common in prose and folds
 *  to itself, except these, which fold to ASCII symbols a form may hold. */
const PUNCTUATION_FOLDS: [code: number, folded: number][] = [
  [0x2010, HYPHEN],
  [0x2011, HYPHEN],
  [0x2018, APOSTROPHE],
  [0x2019, APOSTROPHE],
];

/** Cases the page may print a form's first letter in. */
export const LOWER = 1;
export const UPPER = 2;
const BOTH = LOWER | UPPER;

/** `(?i:…)` (Chrome 125, Firefox 132); without it the whole regex is case-insensitive. */
const MODIFIERS = (() => {
  try {
    return new RegExp('(?i:a)').test('A');
  } catch {
    return false;
  }
})();

interface Node {
  kids: Map<number, Node>;
  /** For the root's letters: the cases (LOWER, UPPER) some form starting with it allows. */
  cases: number;
  /** A form ends here (shorter than PREFIX_UNITS): nothing longer needs to follow. */
  leaf: boolean;
}

export class PrefixSet {
  private root: Node = newNode();
  /** ASCII units (and SEP) used in some prefix. */
  private used = new Set<number>();
  /** Non-ASCII units in general punctuation where some prefix stops (a form that holds one). */
  private stops = new Set<number>();
  /** Nodes below the root: each writes at least one character of the source. */
  private nodes = 0;

  /** `folded`: the form through `foldText`, as inserted in the word trie (separators collapse to
   *  one that may be a space or a hyphen). */
  add(folded: string, firstCases = BOTH): void {
    let node = this.root;
    let units = 0;
    let sep = false;
    for (let i = 0; i < folded.length && units < PREFIX_UNITS; i++) {
      const c = folded.charCodeAt(i);
      if (c === SPACE || c === HYPHEN) {
        sep = units > 0;
        continue;
      }
      if (sep) {
        node = this.child(node, SEP);
        sep = false;
        if (++units === PREFIX_UNITS) break;
      }
      if (c >= 0x80) {
        // The page holds a non-ASCII unit here, which the regex reports by itself.
        if (c >= 0x2000 && c <= 0x206f) this.stops.add(c);
        break;
      }
      node = this.child(node, c);
      if (units === 0) node.cases |= firstCases;
      units++;
    }
    // A form whose first unit is non-ASCII adds nothing: every such unit is reported anyway.
    if (node !== this.root && units < PREFIX_UNITS) node.leaf = true;
  }

  /** The prefilter: global; each match is one unit (its start is `lastIndex - 1`, so `test`
   *  reports positions without allocating), the rest of a prefix in a lookahead. Null when a big
   *  pack's source would be too long to pay off. */
  regex(): RegExp | null {
    // Too long for sure: not written out only to be thrown away (a world-sized pack's prefixes
    // took ~150 ms to write on a worker's cold start).
    if (this.nodes > MAX_SOURCE) return null;
    const words: string[] = [];
    const others: string[] = [];
    for (const [c, kid] of this.root.kids) {
      const first = MODIFIERS ? cased(c, kid.cases) : unit(c);
      let rest = emit(kid);
      if (rest && MODIFIERS) rest = `(?i:${rest})`;
      (isAlnum(c) ? words : others).push(rest ? `${first}(?=${rest})` : first);
    }
    // Non-ASCII units first: the class is cheap to test, and one may also end a prefix's window.
    const parts = [`[${triggerClass(this.used, this.stops)}]`];
    // A name starts after a non-word character: `\b` rules out most false starts inside words.
    if (words.length) parts.push(`\\b${alternation(words)}`);
    if (others.length) parts.push(alternation(others));
    const source = parts.join('|');
    return source.length > MAX_SOURCE ? null : new RegExp(source, MODIFIERS ? 'g' : 'gi');
  }

  private child(node: Node, c: number): Node {
    this.used.add(c);
    let kid = node.kids.get(c);
    if (!kid) (node.kids.set(c, (kid = newNode())), this.nodes++);
    return kid;
  }
}

function newNode(): Node {
  return { kids: new Map(), cases: 0, leaf: false };
}

/** A first unit in the cases its forms allow: "K", "k" or "[kK]". */
function cased(c: number, cases: number): string {
  if (c < 0x61 || c > 0x7a) return unit(c);
  const lower = String.fromCharCode(c);
  const upper = lower.toUpperCase();
  if (cases === UPPER) return upper;
  if (cases === LOWER) return lower;
  return `[${lower}${upper}]`;
}

/** Units the regex reports on their own, each a possible part of a form's first units: any
 *  non-ASCII unit outside general punctuation, the few there that fold to a unit some prefix
 *  holds, and "_" (a word character to `\b`, not to a name: "_Kim" may start a name at "K"). */
function triggerClass(used: ReadonlySet<number>, stops: ReadonlySet<number>): string {
  let out = '_\\x80-\\u1fff\\u2070-\\uffff';
  for (const [code, folded] of PUNCTUATION_FOLDS) if (used.has(folded) || (folded === HYPHEN && used.has(SEP))) out += hex(code);
  for (const code of stops) out += hex(code);
  return out;
}

function emit(node: Node): string {
  if (node.leaf || node.kids.size === 0) return '';
  const parts: string[] = [];
  for (const [c, kid] of node.kids) parts.push(unit(c) + emit(kid));
  return alternation(parts);
}

function alternation(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

function unit(c: number): string {
  if (c === SEP) return '[ -]';
  return isAlnum(c) ? String.fromCharCode(c) : hex(c);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

function hex(c: number): string {
  return `\\u${c.toString(16).padStart(4, '0')}`;
}
