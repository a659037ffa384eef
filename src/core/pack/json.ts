// Reading pack file text: size limit first (before parsing anything big), then JSON syntax
// errors reported as line and column, the way an editor shows them.
import { describeOversize } from './size';

export type JsonRead = { ok: true; value: unknown } | { ok: false; error: string };

/** UTF-8 length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate half counts 2, so a pair makes the 4 bytes it encodes to.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

export function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(position, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Engines word JSON errors differently (V8: "at position N", newer V8 and Firefox: "line L column C"). */
function describeSyntaxError(text: string, message: string): string {
  const lc = /line (\d+) column (\d+)/.exec(message);
  const pos = /at position (\d+)/.exec(message);
  const where = lc
    ? { line: Number(lc[1]), column: Number(lc[2]) }
    : pos
      ? lineColumn(text, Number(pos[1]))
      : /end of (JSON|data)/i.test(message)
        ? lineColumn(text, text.length)
        : undefined;
  const reason = message
    .replace(/^JSON\.parse: /, '')
    .replace(/,? ?(in JSON )?at position \d+/, '')
    .replace(/ ?\(line \d+ column \d+\)/, '')
    .replace(/ at line \d+ column \d+ of the JSON data/, '')
    .trim();
  return where ? `not valid JSON at line ${where.line} column ${where.column} (${reason})` : `not valid JSON (${reason})`;
}

export function readJson(text: string, maxBytes: number): JsonRead {
  if (typeof text !== 'string') return { ok: false, error: 'the pack file could not be read as text' };
  // Every UTF-16 unit is at least one byte, so a short text needs no exact count.
  if (text.length * 3 > maxBytes) {
    const bytes = utf8Length(text);
    if (bytes > maxBytes) return { ok: false, error: describeOversize(bytes, maxBytes) };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, error: 'the file is empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (e) {
    return { ok: false, error: describeSyntaxError(body, e instanceof Error ? e.message : String(e)) };
  }
}
