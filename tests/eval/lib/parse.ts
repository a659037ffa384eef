// Reads one eval article: a small header, then the text with gold mentions marked inline as
// [[surface|entity-id]]. The markup is stripped and the gold spans are given in the offsets of
// the clean text, which is exactly what the pipeline sees.
import type { RunKind, RunText } from '../../../src/core/types';

export interface ArticleMeta {
  title: string;
  date?: string;
  /** korea: on the pack's subject; trap: off-topic page built to lure false hits (no gold);
   *  other: off-topic prose (encyclopedic, technical) scored for what it does hold. */
  topic: 'korea' | 'trap' | 'other';
}

export interface GoldMention {
  run: number;
  start: number;
  end: number;
  entityId: string;
  surface: string;
}

export interface ParsedArticle {
  meta: ArticleMeta;
  runs: RunText[];
  gold: GoldMention[];
}

const MARK = /\[\[([^\]|]+)\|([^\]|]+)\]\]/g;

export class ArticleFormatError extends Error {}

export function parseArticle(text: string, name = 'article'): ParsedArticle {
  const normalized = text.replace(/\r\n?/g, '\n');
  const sep = normalized.search(/^---[ \t]*$/m);
  if (sep < 0) throw new ArticleFormatError(`${name}: no "---" line between the header and the text`);
  const meta = parseHeader(normalized.slice(0, sep), name);
  const body = normalized.slice(sep).replace(/^---[ \t]*\n?/, '');

  const runs: RunText[] = [];
  const gold: GoldMention[] = [];
  for (const block of blocks(body)) {
    const { text, marks } = stripMarkup(block.text, name);
    const run = runs.length;
    runs.push({ text, kind: block.kind });
    for (const m of marks) gold.push({ run, ...m });
  }
  return { meta, runs, gold };
}

function parseHeader(header: string, name: string): ArticleMeta {
  const fields = new Map<string, string>();
  for (const line of header.split('\n')) {
    if (!line.trim()) continue;
    const m = /^(\w+):\s*(.*)$/.exec(line);
    if (!m) throw new ArticleFormatError(`${name}: header line is not "key: value": ${JSON.stringify(line)}`);
    fields.set(m[1]!, m[2]!.trim());
  }
  const title = fields.get('title');
  if (!title) throw new ArticleFormatError(`${name}: header has no title`);
  const topic = fields.get('topic');
  if (topic !== 'korea' && topic !== 'trap' && topic !== 'other') throw new ArticleFormatError(`${name}: topic must be "korea", "trap" or "other", got ${JSON.stringify(topic)}`);
  const date = fields.get('date');
  if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ArticleFormatError(`${name}: date must be ISO (YYYY-MM-DD), got ${JSON.stringify(date)}`);
  return { title, topic, ...(date ? { date } : {}) };
}

/** Headings ("# …") and captions ("caption: …") are one line each; other lines join into
 *  paragraphs separated by blank lines, as a browser would lay out <p> elements. */
function blocks(body: string): { kind: RunKind; text: string }[] {
  const out: { kind: RunKind; text: string }[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) out.push({ kind: 'body', text: para.join(' ') });
    para = [];
  };
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (!line) {
      flush();
    } else if (line.startsWith('#')) {
      flush();
      out.push({ kind: 'heading', text: line.replace(/^#+\s*/, '') });
    } else if (/^caption:/i.test(line)) {
      flush();
      out.push({ kind: 'caption', text: line.replace(/^caption:\s*/i, '') });
    } else {
      para.push(line);
    }
  }
  flush();
  return out;
}

function stripMarkup(marked: string, name: string): { text: string; marks: Omit<GoldMention, 'run'>[] } {
  let text = '';
  let last = 0;
  const marks: Omit<GoldMention, 'run'>[] = [];
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(last, m.index);
    const surface = m[1]!;
    const entityId = m[2]!.trim();
    marks.push({ start: text.length, end: text.length + surface.length, entityId, surface });
    text += surface;
    last = m.index + m[0].length;
  }
  text += marked.slice(last);
  if (/\[\[|\]\]/.test(text)) throw new ArticleFormatError(`${name}: unbalanced [[…|…]] markup near ${JSON.stringify(text.slice(Math.max(0, text.search(/\[\[|\]\]/) - 30), text.search(/\[\[|\]\]/) + 30))}`);
  return { text, marks };
}
