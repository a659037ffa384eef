// Every UI string the code asks for exists in every locale, with the same placeholders.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../../src/core/types';

const root = resolve(__dirname, '../..');
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const locales = readdirSync(resolve(root, '_locales')).map((lang) => ({
  lang,
  messages: JSON.parse(readFileSync(resolve(root, '_locales', lang, 'messages.json'), 'utf8')) as Messages,
}));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|html)$/.test(f) ? [p] : [];
  });
}

const KEY_PREFIXES = '(?:popup|options|card|type|ext|command|action)';

/** Keys named in source: t('key'); tCount('base') → base_one and base_other; data-i18n="key" in
 *  HTML; and any other string literal shaped like a key (tables, renderMessage('popup_empty')). */
function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  const countBases = new Set<string>();
  for (const file of files(resolve(root, 'src'))) {
    // Comments may show made-up keys as examples.
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1').replace(/<!--[\s\S]*?-->/g, '');
    const rel = file.slice(root.length + 1);
    for (const m of text.matchAll(/\bt\(\s*['"`]([A-Za-z0-9_@]+)['"`]/g)) used.set(m[1]!, rel);
    for (const m of text.matchAll(/\btCount\(\s*['"`]([A-Za-z0-9_@]+)['"`]/g)) {
      countBases.add(m[1]!);
      used.set(`${m[1]}_one`, rel);
      used.set(`${m[1]}_other`, rel);
    }
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_@]+)"/g)) used.set(m[1]!, rel);
    for (const m of text.matchAll(new RegExp(`['"\`](${KEY_PREFIXES}_[a-z0-9_]+)['"\`]`, 'g'))) used.set(m[1]!, rel);
  }
  for (const base of countBases) used.delete(base);
  for (const type of ENTITY_TYPES) {
    used.set(`type_${type}`, 'typeLabel()');
    used.set(`type_${type}_plural`, 'typeLabel()');
  }
  return used;
}

const placeholders = (text: string) => [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('locales', () => {
  it('include English and Korean', () => {
    expect(locales.map((l) => l.lang).sort()).toEqual(['en', 'ko']);
  });

  const used = usedKeys();
  it('finds the keys the UI uses (the scan itself works)', () => {
    expect(used.size).toBeGreaterThan(30);
    expect(used.get('popup_empty')).toMatch(/popup/);
  });

  for (const { lang, messages } of locales) {
    it(`${lang} has a message for every key used in src/`, () => {
      const missing = [...used].filter(([k]) => !messages[k]?.message).map(([k, where]) => `${k} (${where})`);
      expect(missing).toEqual([]);
    });
  }

  it('have the same keys and the same placeholders in every language', () => {
    const [first, ...rest] = locales;
    for (const other of rest) {
      expect(Object.keys(other.messages).sort()).toEqual(Object.keys(first!.messages).sort());
      for (const [key, entry] of Object.entries(first!.messages)) {
        const theirs = other.messages[key]!;
        expect(placeholders(theirs.message), `${other.lang}: ${key}`).toEqual(placeholders(entry.message));
        for (const name of placeholders(entry.message)) expect(theirs.placeholders?.[name]?.content, `${other.lang}: ${key} $${name}$`).toBeTruthy();
      }
    }
  });

  it('use only key names the browsers accept', () => {
    for (const { messages } of locales) for (const key of Object.keys(messages)) expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
  });
});
