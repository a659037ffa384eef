// Reads a CoNLL-2003 file (token POS chunk NER, IOB1 tags, a document-marker line between
// documents, blank line between sentences) into documents of runs the extension would see: the
// headline as a heading run, the dateline as a run of its own, then the body with a few sentences
// a paragraph.
// Gold names keep their character offsets in the rebuilt text. Eval only: the data is read from
// ../shared/data at eval time and never copied into the project.
import type { RunText } from '../../../src/core/types';

export type NameType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface GoldName {
  run: number;
  start: number;
  end: number;
  type: NameType;
  surface: string;
}

export interface NamesDoc {
  /** 1-based position in the file. */
  index: number;
  runs: RunText[];
  /** Runs scored: not the headline, not the dateline. */
  scored: Set<number>;
  gold: GoldName[];
  prose: boolean;
}

interface Tok {
  text: string;
  tag: string;
}

/** Sentences of a body run joined into one paragraph; Reuters paragraphs hold one to three. */
const SENTENCES_PER_PARAGRAPH = 2;

export function parseConll(content: string): NamesDoc[] {
  const docs: Tok[][][] = [];
  let sentence: Tok[] = [];
  const endSentence = () => {
    if (sentence.length && docs.length) docs[docs.length - 1]!.push(sentence);
    sentence = [];
  };
  for (const line of content.split(/\r?\n/)) {
    const parts = line.split(' ');
    // A document-marker line carries -X- in its tag columns, where a token has its POS and chunk.
    if (parts[1] === '-X-' && parts[2] === '-X-') {
      endSentence();
      docs.push([]);
      continue;
    }
    if (!line.trim()) {
      endSentence();
      continue;
    }
    sentence.push({ text: parts[0]!, tag: parts[parts.length - 1]! });
  }
  endSentence();
  return docs.filter((d) => d.length > 0).map((d, i) => buildDoc(d, i + 1));
}

const NO_SPACE_BEFORE = /^(?:[,.;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|')$/;
const NO_SPACE_AFTER = /^[(\[{$]$/;

/** Joins tokens into text the way a page would show it, with each token's offsets. */
function detokenize(toks: Tok[], into: { text: string }): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let quoteOpen = false;
  let glueNext = into.text.length === 0;
  for (const t of toks) {
    let glue = glueNext || NO_SPACE_BEFORE.test(t.text);
    if (t.text === '"') {
      if (quoteOpen) glue = true;
    }
    if (!glue) into.text += ' ';
    const start = into.text.length;
    into.text += t.text;
    spans.push({ start, end: into.text.length });
    glueNext = NO_SPACE_AFTER.test(t.text) || (t.text === '"' && !quoteOpen);
    if (t.text === '"') quoteOpen = !quoteOpen;
  }
  return spans;
}

function goldOf(toks: Tok[], spans: { start: number; end: number }[], run: number, text: string): GoldName[] {
  const out: GoldName[] = [];
  let prev = 'O';
  for (let i = 0; i < toks.length; i++) {
    const tag = toks[i]!.tag;
    if (tag === 'O') {
      prev = 'O';
      continue;
    }
    const [bio, type] = tag.split('-') as [string, NameType];
    const continues = bio === 'I' && prev === type && out.length > 0;
    if (continues) out[out.length - 1]!.end = spans[i]!.end;
    else out.push({ run, start: spans[i]!.start, end: spans[i]!.end, type, surface: '' });
    prev = type;
  }
  for (const g of out) g.surface = text.slice(g.start, g.end);
  return out;
}

/** Sports tables and result lists are not prose: most of their lines are short and full of numbers. */
export function isProse(sentences: Tok[][]): boolean {
  const body = sentences.slice(2);
  if (body.length < 3) return false;
  const tokens = body.flat();
  const numeric = tokens.filter((t) => /\d/.test(t.text)).length / tokens.length;
  const proseLike = body.filter((s) => s.length >= 8 && /^[.!?"]$/.test(s[s.length - 1]!.text) && s.some((t) => /^[a-z]{3,}$/.test(t.text))).length;
  return numeric < 0.15 && proseLike / body.length >= 0.6;
}

function buildDoc(sentences: Tok[][], index: number): NamesDoc {
  const runs: RunText[] = [];
  const gold: GoldName[] = [];
  const scored = new Set<number>();
  const addRun = (group: Tok[][], kind: RunText['kind'], score: boolean) => {
    const acc = { text: '' };
    const run = runs.length;
    const pieces = group.map((s) => ({ s, spans: detokenize(s, acc) }));
    for (const { s, spans } of pieces) gold.push(...goldOf(s, spans, run, acc.text));
    runs.push({ text: acc.text, kind });
    if (score) scored.add(run);
  };
  const [headline, ...rest] = sentences;
  if (headline) addRun([headline], 'heading', false);
  // A dateline is a city and a date ("CITY 1996-08-30"), second or (after a byline) third; the
  // byline before it is a run of its own, as on a page.
  const at = rest.slice(0, 2).findIndex((s) => s.some((t) => /^\d{4}-\d\d-\d\d$/.test(t.text)));
  if (at === 1) addRun([rest[0]!], 'body', true);
  if (at >= 0) addRun([rest[at]!], 'body', false);
  const body = rest.slice(at + 1);
  for (let i = 0; i < body.length; i += SENTENCES_PER_PARAGRAPH) addRun(body.slice(i, i + SENTENCES_PER_PARAGRAPH), 'body', true);
  return { index, runs, scored, gold, prose: isProse(sentences) };
}
