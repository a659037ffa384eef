// The security lint (`npm run lint` runs it): every way of putting markup or code-from-a-string
// into the page is caught with its file and line, look-alikes are not, and src/ is clean.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, lintFiles, type RuleId } from '../../scripts/lint-security.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const SCRIPT = join(ROOT, 'scripts/lint-security.mjs');

// Each bad line carries the rule it must trigger in a trailing comment: `// expect: rule`.
const BAD = `
declare const el: HTMLElement;
declare const range: Range;
declare const doc: Document;
declare const note: string;
el.innerHTML = note; // expect: no-inner-html
el['outerHTML'] = '<b>' + note; // expect: no-inner-html
const html = el.innerHTML; // expect: no-inner-html
el.insertAdjacentHTML('beforeend', note); // expect: no-inner-html
range.createContextualFragment(note); // expect: no-contextual-fragment
const parsed = new DOMParser().parseFromString(note, 'text/html'); // expect: no-dom-parser
document.write(note); // expect: no-document-write
doc.writeln(note); // expect: no-document-write
eval(note); // expect: no-eval
(0, eval)(note); // expect: no-eval
window.eval(note); // expect: no-eval
const make = new Function('a', note); // expect: no-new-function
const make2 = Function(note); // expect: no-new-function
setTimeout(note, 10); // expect: no-string-timer
window.setInterval(\`tick(\${note})\`, 10); // expect: no-string-timer
const a = document.createElement('a');
a.href = 'javascript:void(0)'; // expect: no-javascript-url
const { innerHTML } = el; // expect: no-inner-html
export { html, parsed, make, make2, innerHTML };
`;

// Things that look close but put no markup or code into the page.
const GOOD = `
declare const el: HTMLElement;
declare const note: string;
el.textContent = note;
el.replaceChildren(document.createTextNode('innerHTML is never used here'));
// el.innerHTML = note;  (a comment is not code)
const stream = { write(s: string) { return s.length; }, eval: 1, innerHTMLish: true };
stream.write(note);
setTimeout(() => stream.write(note), 10);
setTimeout(stream.write, 10, note);
const fn: () => void = () => {};
setInterval(fn, 50);
el.setAttribute('title', 'javascript is a language');
export { stream };
`;

function expected(source: string): { line: number; rule: RuleId }[] {
  return source
    .split('\n')
    .map((text, i) => ({ line: i + 1, rule: /\/\/ expect: ([a-z-]+)/.exec(text)?.[1] as RuleId | undefined }))
    .filter((e): e is { line: number; rule: RuleId } => e.rule !== undefined);
}

describe('lint-security', () => {
  let dir: string;
  let bad: string;
  let good: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lint-security-'));
    bad = join(dir, 'bad.ts');
    good = join(dir, 'good.ts');
    writeFileSync(bad, BAD);
    writeFileSync(good, GOOD);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports every sink in the bad sample with its line and rule, and nothing else', () => {
    const findings = lintFiles([bad]).map((f) => ({ line: f.line, rule: f.rule }));
    const want = expected(BAD);
    expect(want.length, "the sample covers every rule").toBe(17);
    expect(new Set(want.map((w) => w.rule)).size).toBe(8);
    // A line may trip more than one rule (parseFromString on a new DOMParser); compare as sets.
    expect(new Set(findings.map((f) => `${f.line} ${f.rule}`))).toEqual(new Set(want.map((f) => `${f.line} ${f.rule}`)));
  });

  it('leaves text-only DOM code, comments, strings and look-alike names alone', () => {
    expect(lintFiles([good])).toEqual([]);
  });

  it('fails from the command line with file:line and the rule', () => {
    let out = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [SCRIPT, bad, good], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stderr: string };
      status = e.status;
      out = e.stderr;
    }
    expect(status).toBe(1);
    expect(out).toMatch(/bad\.ts:6:1 no-inner-html: innerHTML/);
    expect(out).toMatch(/bad\.ts:14:1 no-eval/);
    expect(out).not.toMatch(/good\.ts/);
  });

  it('finds no problem in src/', { timeout: 30_000 }, () => {
    const files = collectFiles([join(ROOT, 'src')]);
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith('src/ui/card/host.ts'))).toBe(true);
    const findings = lintFiles(files).map((f) => `${f.file.slice(ROOT.length + 1)}:${f.line} ${f.rule}`);
    expect(findings).toEqual([]);
  });
});
