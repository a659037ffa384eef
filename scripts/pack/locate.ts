// Line and column for the places the pack schema names ("entities[3].facts[0].date"), so an
// author can jump to them in an editor. The schema reports paths, not offsets: this scans the
// (already valid) JSON text once and records where each value starts.
import { lineColumn } from '../../src/core/pack/json';
import { formatPath, type PathKey } from '../../src/core/pack/path';

export type Places = Map<string, number>;

/** Offset of every value in `text`, keyed by its formatted path. Empty if the text is not JSON. */
export function valuePlaces(text: string): Places {
  const places: Places = new Map();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: PathKey[]): void => {
    space();
    places.set(formatPath(path), i);
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      for (;;) {
        space();
        const key = string();
        space();
        i++; // ':'
        value([...path, key]);
        space();
        if (text[i++] === '}') return;
      }
    } else if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        value([...path, n]);
        space();
        if (text[i++] === ']') return;
      }
    } else if (c === '"') {
      string();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    }
  };
  try {
    value([]);
  } catch {
    return new Map();
  }
  return places;
}

const LAST_SEGMENT = /(\[[^\]]*\]|\.[^.[]+)$/;

/** "line 12, column 9" for a schema message, at the named value or else its nearest ancestor. */
export function placeOf(message: string, text: string, places: Places): string | null {
  const sep = message.indexOf(': ');
  if (sep < 0) return null;
  let path = message.slice(0, sep);
  if (path === '(top level)') path = '';
  for (;;) {
    const at = places.get(path === '' ? '(top level)' : path);
    if (at !== undefined) {
      const { line, column } = lineColumn(text, at);
      return `line ${line}, column ${column}`;
    }
    if (path === '') return null;
    const shorter = path.replace(LAST_SEGMENT, '');
    path = shorter === path ? '' : shorter;
  }
}
