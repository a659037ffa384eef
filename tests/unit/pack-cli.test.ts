// `npm run pack -- check`: what a pack author sees for a good pack, a broken one and a page.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackText, command, highlightReport, readPage, readTextPage } from '../../scripts/pack/check';

const root = resolve(import.meta.dirname, '../..');
const bundledText = readFileSync(join(root, 'src/packs/korean-peninsula.json'), 'utf8');
const bundled = checkPackText(bundledText, 'korean-peninsula.json');

/** The smallest pack the format allows, with one thing to break per test. */
function tinyPack(edit: (p: Record<string, any>) => void = () => {}): string {
  const pack: Record<string, any> = {
    format: 2,
    id: 'harbour',
    version: 1,
    title: 'Harbour',
    language: 'en',
    asOf: '2019-09-30',
    sources: [{ id: 'log', title: 'Harbour log, September', publisher: 'Port Wrenfield Gazette', url: 'https://gazette.test.invalid/log', date: '2019-09' }],
    entities: [{ id: 'quay-nine', type: 'place', name: 'Quay Nine', summary: 'The oldest berth.', facts: [{ text: 'Closed for repairs.', date: '2019-09', source: 'log' }] }],
  };
  edit(pack);
  return JSON.stringify(pack, null, 2);
}

describe('check: the pack', () => {
  it('passes the bundled pack with a one-line summary and no warnings', () => {
    expect(bundled.code).toBe(0);
    expect(bundled.lines).toHaveLength(1);
    expect(bundled.lines[0]).toMatch(/^korean-peninsula\.json: valid pack "korean-peninsula" version \d+ \(format 3, as of \d{4}-\d{2}-\d{2}\): \d+ entities, \d+ facts, \d+ sources$/);
  });

  it('names each problem with its line and column', () => {
    const text = tinyPack((p) => {
      p.entities[0].type = 'country';
      delete p.entities[0].facts[0].date;
    });
    const report = checkPackText(text, 'harbour.json');
    expect(report.code).toBe(1);
    expect(report.lines[0]).toBe('harbour.json: does not validate (2 problems)');
    const typeLine = text.split('\n').findIndex((l) => l.includes('"country"')) + 1;
    expect(report.lines).toContain(`  line ${typeLine}, column 15: entities[0].type: must be one of person, place, organization, event, equipment, term (got "country")`);
    // A missing field is placed at the object that lacks it.
    const factLine = text.split('\n').findIndex((l) => l.includes('"Closed for repairs."')) - 0;
    expect(report.lines.find((l) => l.includes('facts[0].date'))).toMatch(new RegExp(`^  line ${factLine}, column \\d+: entities\\[0\\]\\.facts\\[0\\]\\.date: is required but missing$`));
  });

  it('tells the author of an old-format pack what format 2 needs, first', () => {
    const report = checkPackText(tinyPack((p) => delete p.format), 'old.json');
    expect(report.code).toBe(1);
    expect(report.lines[1]).toMatch(/^ {2}line 1, column 1: format: is required but missing\. This looks like a pack written before pack format 2/);
  });

  it('warns about placeholder and uncited sources, which the build would refuse or drop', () => {
    const report = checkPackText(
      tinyPack((p) => p.sources.push({ id: 'bg', title: 'General reference', publisher: 'Various', url: 'https://example.org/', date: '2019' })),
      'harbour.json',
    );
    expect(report.code).toBe(0);
    expect(report.lines.slice(1).join('\n')).toMatch(/sources\[1\]\.title: "General reference" is a placeholder/);
    expect(report.lines.join('\n')).toContain("sources[1]: 'bg' is not cited by any fact");
  });
});

describe('check: what the pack would highlight', () => {
  it('reads the demo article as the extension does: its names, forms, page-only names and later facts', () => {
    const page = readPage(join(root, 'demo/index.html'));
    expect(page.pageDate).toBe('2019-09-03');
    const lines = highlightReport(bundled.pack!, page, 'demo/index.html');
    expect(lines[0]).toMatch(/^demo\/index\.html: \d+ names highlighted \(\d+ runs of text, page date 2019-09-03\)$/);
    expect(lines).toContain('  Choe Son Hui (choe-son-hui, person): "Choe Son Hui", "Choe" ×3; 1 fact after the page date, under "Later:"');
    expect(lines).toContain('  Yongbyon (yongbyon, place): "Yongbyon" ×2');
    expect(lines.find((l) => l.includes('page-iaea'))).toMatch(/from the page itself, not the pack/);
    // Navigation, sidebar and comments name people too; only the article is read.
    expect(lines.join('\n')).not.toMatch(/Stephen Biegun/);
  });

  it('reads a saved page in the encoding it declares, as the pack builder does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const file = join(dir, 'quay.html');
    // windows-1252: 0xE9 is "é", 0x92 a closing quote; read as UTF-8 both would be U+FFFD.
    const html = '<!doctype html><html><head><meta charset="windows-1252"><title>Quay news</title></head><body><article><h1>Quay news</h1>' +
      '<p>The Caf\xe9 Rouge on the harbour\x92s east side shut on Monday, its owner told reporters in a short statement.</p>' +
      '<p>Work at the Caf\xe9 Rouge will take a month, the council said.</p></article></body></html>';
    writeFileSync(file, Buffer.from(html, 'latin1'));
    const report = checkPackText(tinyPack((p) => (p.entities[0].name = 'Caf\u00e9 Rouge')), 'harbour.json');
    const lines = highlightReport(report.pack!, readPage(file), 'quay.html');
    expect(lines[0]).toMatch(/^quay\.html: 1 name highlighted/);
    expect(lines).toContain('  Caf\u00e9 Rouge (quay-nine, place): "Caf\u00e9 Rouge" ×2');
  });

  it('refuses a page the builder would not read, rather than reading its markup as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-check-'));
    const file = join(dir, 'quay.xht');
    writeFileSync(file, '<html><body><p>Choe Son Hui spoke.</p></body></html>');
    const out: string[] = [];
    const err: string[] = [];
    const code = await command.run([join(root, 'src/packs/korean-peninsula.json'), file], { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(err).toEqual([`${file}: not a page the pack builder reads: give a saved page (.html, .htm, .xhtml) or a text file (.txt, .text)`]);
    expect(out.join('\n')).not.toMatch(/highlighted/);
  });

  it('reads a text file by paragraphs and lists forms it held back', () => {
    const page = readTextPage('# Assembly meets\n\nThe SPA met in spring.\n\nChoe spoke first.\n');
    expect(page.runs).toEqual([
      { text: 'Assembly meets', kind: 'heading' },
      { text: 'The SPA met in spring.', kind: 'body' },
      { text: 'Choe spoke first.', kind: 'body' },
    ]);
    const lines = highlightReport(bundled.pack!, page, 'note.txt');
    expect(lines[0]).toBe('note.txt: 0 names highlighted (3 runs of text, no page date: no fact is shown as "Later:")');
    expect(lines.at(-1)).toBe('  "SPA", "Choe"');
  });
});

describe('npm run pack', () => {
  it('runs check from the command line, exit code 1 for a broken pack', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pack-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, tinyPack((p) => (p.version = 'one')));
    const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/pack/cli.ts', 'check', file], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('does not validate (1 problem)');
    expect(r.stdout).toMatch(/line 4, column 14: version: must be a number \(got "one"\)/);
    const usage = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/pack/cli.ts'], { cwd: root, encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stdout).toContain('check FILE [PAGE.html|TEXT.txt]');
  }, 90_000);
});
