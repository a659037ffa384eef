// Structural checks on the raw parsed value, before the schema sees it. They apply to every
// key and string anywhere in the document (including fields the schema would reject), so a
// hostile file is named for what it is rather than for a missing field.
import { MAX_DEPTH } from './limits';
import { located, type PathKey } from './path';

/** Keys that reach Object.prototype when code copies or merges objects naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Start of an HTML tag, comment, doctype or processing instruction. "a < b" and "<3" stay legal. */
export const MARKUP_PATTERN = /<[\p{L}/!?]/u;

export function hasMarkup(text: string): boolean {
  return MARKUP_PATTERN.test(text);
}

/** Returns located problems, at most `limit`. Iterative, so deep nesting cannot overflow the stack. */
export function scanRaw(raw: unknown, limit: number): string[] {
  const errors: string[] = [];
  const stack: { value: unknown; path: PathKey[] }[] = [{ value: raw, path: [] }];
  while (stack.length > 0 && errors.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (hasMarkup(value)) errors.push(located(path, 'contains markup (a "<" followed by a letter, "/", "!" or "?"); packs hold plain text only'));
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) {
      errors.push(located(path, `nested more than ${MAX_DEPTH} levels deep`));
      continue;
    }
    const children: { value: unknown; path: PathKey[] }[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, i) => children.push({ value: item, path: [...path, i] }));
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          errors.push(located([...path, key], `the key "${key}" is not allowed`));
          continue;
        }
        if (hasMarkup(key)) {
          errors.push(located(path, `a key contains markup: ${JSON.stringify(key.slice(0, 40))}`));
          continue;
        }
        children.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
      }
    }
    // Reverse so problems come out in document order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return errors;
}
