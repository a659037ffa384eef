// @vitest-environment jsdom
// Every string a reader sees goes through _locales, and the Korean is a translation, not a copy.
// manifest-locales.test.ts checks that the keys the code names exist; this file checks the other
// way round: no reader-facing text in HTML, the manifest or the UI code bypasses the locales.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ERRORS } from '../../src/core/sites';

const root = resolve(__dirname, '../..');
type Messages = Record<string, { message: string }>;
const en = JSON.parse(readFileSync(resolve(root, '_locales/en/messages.json'), 'utf8')) as Messages;
const ko = JSON.parse(readFileSync(resolve(root, '_locales/ko/messages.json'), 'utf8')) as Messages;
const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8'));

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p, ext) : ext.test(f) ? [p] : [];
  });
}

/** The same in both languages on purpose: the product name. Anything else equal in Korean and
 *  English is an untranslated copy. */
const SAME_IN_BOTH = new Set(['ext_name']);

describe('Korean is complete', () => {
  it('translates every English message (none copied over as English)', () => {
    const copied = Object.keys(en).filter((k) => !SAME_IN_BOTH.has(k) && ko[k]?.message === en[k]!.message);
    expect(copied).toEqual([]);
  });

  it('writes every message that has English words in Hangul (units such as "ms" may stay)', () => {
    const words = (k: string) => /[A-Za-z]{3,}/.test(en[k]!.message.replace(/\$[A-Za-z0-9_]+\$/g, ''));
    const noHangul = Object.keys(ko).filter((k) => !SAME_IN_BOTH.has(k) && words(k) && !/[\uAC00-\uD7A3]/.test(ko[k]!.message));
    expect(noHangul).toEqual([]);
  });
});

describe('HTML pages', () => {
  const pages = files(resolve(root, 'src'), /\.html$/);
  it('are found', () => expect(pages.length).toBeGreaterThanOrEqual(2));

  for (const file of pages) {
    const rel = file.slice(root.length + 1);
    const doc = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');

    it(`${rel}: every element with its own text takes it from data-i18n`, () => {
      const bare: string[] = [];
      for (const el of doc.querySelectorAll('body *, title')) {
        if (el.closest('script, style, svg')) continue;
        const own = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();
        if (own && !el.hasAttribute('data-i18n')) bare.push(`<${el.localName}> "${own}"`);
      }
      expect(bare).toEqual([]);
    });

    it(`${rel}: title, aria-label, placeholder and alt text come from data-i18n-*`, () => {
      const bare: string[] = [];
      for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        for (const el of doc.querySelectorAll(`body [${attr}]`)) {
          const value = el.getAttribute(attr)?.trim();
          // alt="" marks a decorative image: nothing to translate.
          if (value && !el.hasAttribute(`data-i18n-${attr}`)) bare.push(`<${el.localName} ${attr}="${value}">`);
        }
      }
      expect(bare).toEqual([]);
    });
  }
});

describe('manifest', () => {
  it('describes every keyboard command through a locale key', () => {
    const commands = Object.entries(manifest.commands as Record<string, { description?: string }>);
    expect(commands.length).toBeGreaterThanOrEqual(2);
    for (const [name, command] of commands) {
      if (name.startsWith('_execute')) continue; // the browser names these itself
      expect(command.description, name).toMatch(/^__MSG_[A-Za-z0-9_@]+__$/);
    }
  });

  it('names the extension and its toolbar button through locale keys', () => {
    for (const value of [manifest.name, manifest.description, manifest.action.default_title]) expect(value).toMatch(/^__MSG_[A-Za-z0-9_@]+__$/);
  });
});

describe('UI code', () => {
  /** Literal text the reader would see, assigned without t(): `el.textContent = 'Save'`. */
  const LITERAL = /(?:\.(?:textContent|innerText|title|placeholder|ariaLabel)\s*=|setAttribute\(\s*['"](?:title|aria-label|placeholder|alt)['"]\s*,)\s*(['"`])([^'"`]*[A-Za-z]{3}[^'"`]*)\1/g;
  /** An example address in a text field: the same in every language. */
  const ALLOWED = new Set(['example.com']);

  it('assigns no literal text to what the reader sees', () => {
    const found: string[] = [];
    for (const file of files(resolve(root, 'src'), /\.ts$/)) {
      const rel = file.slice(root.length + 1);
      if (rel.startsWith('src/core/')) continue; // no UI there: core messages are not shown as they are
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
      for (const m of text.matchAll(LITERAL)) if (!ALLOWED.has(m[2]!)) found.push(`${rel}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it('has a message for every reason a site address is refused (keys built from a code)', () => {
    for (const code of SITE_ERRORS) {
      expect(en[`options_sites_error_${code}`]?.message, code).toBeTruthy();
      expect(ko[`options_sites_error_${code}`]?.message, code).toBeTruthy();
    }
  });
});
