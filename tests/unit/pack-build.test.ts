// `npm run pack -- build` end to end: the demo articles through the worker pool into a draft pack
// that validates, names the demo's titled people and defined acronyms with cited facts, and
// highlights them on the demo page again; JSON Lines and text articles with their problems.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack, type BuildResult } from '../../scripts/pack/build';
import { readHtml } from '../../scripts/pack/html-file';
import { htmlRuns } from '../../scripts/pack/extract';
import { analyzeArticle } from '../../src/core/analyze';
import { parsePack, parsePackJson } from '../../src/core/pack/schema';
import type { Pack } from '../../src/core/types';

const BASE = 'http://127.0.0.1:8737/';
let demo: BuildResult;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'pack-build-test-'));
  demo = await buildPack(['demo'], { baseUrl: BASE, threads: 2, progress: 'quiet' });
}, 300_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const entity = (pack: Pack, name: string) => pack.entities.find((e) => e.name === name);

describe('pack builder on the demo articles', () => {
  it('builds a pack that validates', () => {
    expect(demo.errors).toEqual([]);
    expect(parsePackJson(JSON.stringify(demo.pack))).toMatchObject({ ok: true });
    expect(demo.report.articles).toBe(readdirSync('demo').filter((f) => f.endsWith('.html')).length);
    // The stylesheet is not an article, and says so.
    expect(demo.problems).toEqual([{ where: 'demo/demo.css', message: expect.stringContaining('not an article file') }]);
  });

  it('has the titled people and the defined acronyms of the demo story, with their facts', () => {
    const ri = entity(demo.pack, 'Ri Yong Ho');
    expect(ri).toMatchObject({ type: 'person', short: ['Ri'], summary: 'Foreign Minister.' });
    expect(ri?.facts?.map((f) => f.text)).toContain('Described as Foreign Minister.');
    expect(entity(demo.pack, 'Mike Pompeo')?.facts?.map((f) => f.text)).toContain('Described as US Secretary of State.');
    const kim = entity(demo.pack, 'Kim Jong Un');
    // A statement the story dates ("in April") keeps that date, in month precision.
    expect(kim?.facts).toContainEqual(expect.objectContaining({ text: expect.stringMatching(/^Said he would wait until the end of the year/), date: '2019-04' }));
    expect(entity(demo.pack, 'International Atomic Energy Agency')).toMatchObject({
      type: 'organization',
      aliases: ['IAEA'],
      facts: [expect.objectContaining({ text: 'IAEA stands for International Atomic Energy Agency.' })],
    });
    expect(entity(demo.pack, "Supreme People's Assembly")?.aliases).toEqual(['SPA']);
  });

  it('cites the demo story for every fact: address, outlet, title and date', () => {
    expect(demo.pack.sources).toContainEqual(
      expect.objectContaining({ title: 'Pyongyang keeps Washington waiting as nuclear talks stall', publisher: 'The Meridian Review', url: `${BASE}index.html`, date: '2019-09-03' }),
    );
    for (const s of demo.pack.sources) {
      expect(s).toMatchObject({ publisher: 'The Meridian Review', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:8737\/[\w-]+\.html$/), date: expect.stringMatching(/^2019-\d{2}-\d{2}$/) });
      expect(s.title.length).toBeGreaterThan(10);
    }
    const ids = new Set(demo.pack.sources.map((s) => s.id));
    const facts = demo.pack.entities.flatMap((e) => e.facts ?? []);
    expect(facts.length).toBeGreaterThanOrEqual(8);
    for (const f of facts) {
      expect(ids.has(f.source)).toBe(true);
      expect(f.date).toMatch(/^2019(-\d{2}){0,2}$/);
    }
    expect((demo.pack as { asOf?: string }).asOf).toBe('2019-09-04');
  });

  it('highlights its people and acronyms on the demo page', () => {
    const runs = htmlRuns(readHtml('demo/index.html'));
    const { mentions } = analyzeArticle(runs, demo.pack, { firstMentionOnly: false });
    const named = new Set(mentions.map((m) => m.entityId));
    for (const name of ['Ri Yong Ho', 'Kim Jong Un', 'Mike Pompeo', 'International Atomic Energy Agency']) {
      expect(named).toContain(entity(demo.pack, name)?.id);
    }
    expect(mentions.some((m) => m.surface === 'IAEA')).toBe(true);
  });
});

describe('pack builder inputs', () => {
  it('reads JSON Lines and text articles, reporting each bad line by its place and keeping the rest', async () => {
    const dir = join(tmp, 'mixed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'feed.jsonl'),
      [
        JSON.stringify({ url: 'https://wire.example/1', title: 'Envoy named', outlet: 'Example Wire', date: '2019-03-01T08:00:00Z', text: 'Special Representative Stephen Biegun met officials in Seoul.' }),
        '{"url": "https://wire.example/2", "text": ',
        JSON.stringify({ url: 'https://wire.example/3', title: 'No text' }),
        JSON.stringify({ url: 'https://wire.example/4', title: 'Agency report', outlet: 'Example Wire', date: '2019-03-02', text: 'Inspectors of the International Atomic Energy Agency (IAEA) were expelled in 2009.' }),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'story.txt'), 'Title: Vice chairman travels\nURL: https://paper.example/story\nOutlet: Example Paper\nDate: 2019-01-17\n\nVice Chairman Kim Yong Chol flew to Washington on Thursday.\n');
    writeFileSync(join(dir, 'notes.csv'), 'a,b\n');
    // A page saved in the encoding it declares (not UTF-8) keeps its names' letters.
    writeFileSync(
      join(dir, 'latin.html'),
      Buffer.from(
        '<html><head><meta charset="windows-1252"><title>Talks in Berlin | Example Zeitung</title><link rel="canonical" href="https://zeitung.example/berlin"></head>' +
          '<body><article><h1>Talks in Berlin</h1><time datetime="2019-05-06">6 May</time><p>Foreign Minister Jürgen Müller met his counterpart in Berlin on Monday, and the two agreed to meet again in the autumn to discuss the sanctions.</p><p>Officials from both ministries described the meeting as constructive and said more talks would follow before the end of the year.</p></article></body></html>',
        'latin1',
      ),
    );
    const r = await buildPack([dir], { threads: 2, progress: 'quiet' });
    expect(r.problems.map((p) => p.where).sort()).toEqual([join(dir, 'feed.jsonl:2'), join(dir, 'feed.jsonl:3'), join(dir, 'notes.csv')]);
    expect(r.report.articles).toBe(4);
    expect(r.errors).toEqual([]);
    expect(entity(r.pack, 'Stephen Biegun')?.facts).toEqual([{ text: 'Described as Special Representative.', source: 'a1', date: '2019-03-01' }]);
    expect(r.pack.sources.find((s) => s.id === 'a1')).toEqual({ id: 'a1', title: 'Envoy named', publisher: 'Example Wire', url: 'https://wire.example/1', date: '2019-03-01' });
    expect(entity(r.pack, 'International Atomic Energy Agency')?.aliases).toEqual(['IAEA']);
    expect(r.pack.sources.find((s) => s.url === 'https://paper.example/story')).toMatchObject({ publisher: 'Example Paper', title: 'Vice chairman travels', date: '2019-01-17' });
    expect(entity(r.pack, 'Kim Yong Chol')?.facts?.[0]?.date).toBe('2019-01-17');
    expect(entity(r.pack, 'Jürgen Müller')?.facts?.[0]).toMatchObject({ text: 'Described as Foreign Minister.', date: '2019-05-06' });
    expect(r.pack.sources.find((s) => s.url === 'https://zeitung.example/berlin')).toMatchObject({ publisher: 'Example Zeitung', title: 'Talks in Berlin' });
  }, 300_000);
});

describe('npm run pack', () => {
  it('build writes the pack and its report, and says it validates', () => {
    const out = join(tmp, 'cli', 'demo-draft.json');
    const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/pack/cli.ts', 'build', 'demo', '--base-url', BASE, '-o', out, '--quiet'], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('the draft validates as a pack');
    const pack = parsePack(JSON.parse(readFileSync(out, 'utf8')));
    expect(pack.ok && pack.pack.id).toBe('demo-draft');
    const report = JSON.parse(readFileSync(join(tmp, 'cli', 'demo-draft.report.json'), 'utf8')) as { conflicts: unknown[]; articles: number };
    expect(report).toMatchObject({ articles: readdirSync('demo').filter((f) => f.endsWith('.html')).length, conflicts: [] });
  }, 300_000);

  it('refuses an unknown command or a missing folder with a clear message', () => {
    const unknown = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/pack/cli.ts', 'bild'], { encoding: 'utf8', timeout: 120_000 });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "bild"');
    const none = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'scripts/pack/cli.ts', 'build', join(tmp, 'nowhere'), '-o', join(tmp, 'x.json')], { encoding: 'utf8', timeout: 120_000 });
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('no such file or folder');
    expect(none.stderr).toContain('nothing written');
  }, 300_000);
});
