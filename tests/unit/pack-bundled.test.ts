import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorld, PACK_NAMES } from '../../scripts/pack/world';
import { packText } from '../../scripts/pack/world/write';
import { licenseNeedsCredit } from '../../src/core/pack/fields';
import { MAX_PACK_BYTES } from '../../src/core/pack/limits';
import { parsePackJson, placeholderProblems } from '../../src/core/pack/schema';
import type { Pack, PackEntity } from '../../src/core/types';

// The fixed ids every part of the project (eval corpus, e2e tests) relies on.
const EXPECTED: Record<string, string[]> = {
  person: ['kim-jong-un', 'kim-jong-il', 'kim-il-sung', 'kim-yo-jong', 'donald-trump', 'mike-pompeo', 'choe-son-hui', 'ri-yong-ho', 'kim-yong-chol', 'moon-jae-in', 'stephen-biegun', 'john-bolton'],
  // The DPRK is a state: a place on the card, not an organization.
  place: ['panmunjom', 'yongbyon', 'pyongyang', 'dmz', 'dprk'],
  organization: ['supreme-peoples-assembly', 'rodong-sinmun', 'daily-nk', 'kcna', 'workers-party-of-korea'],
  event: ['hanoi-summit', 'singapore-summit', 'us-rok-joint-drills', 'working-level-talks', 'new-years-address-2019'],
  equipment: ['f-35a', 'icbm'],
};

// Read and validated exactly as build.mjs and an import from the options page do.
const parsed = parsePackJson(readFileSync(new URL('../../src/packs/korean-peninsula.json', import.meta.url), 'utf8'));
const pack: Pack = parsed.ok ? parsed.pack : { id: '', version: 0, title: '', language: '', sources: [], entities: [] };
const byId = new Map(pack.entities.map((e) => [e.id, e]));
const fullForms = (e: PackEntity) => [e.name, ...(e.aliases ?? [])];
const allForms = (e: PackEntity) => [...fullForms(e), ...(e.short ?? []), ...(e.ambiguous ?? [])];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'").replace(/[-–\s]+/g, ' ').toLowerCase();

describe('the bundled pack', () => {
  it('validates from the file on disk', () => {
    expect(parsed.ok ? [] : parsed.errors).toEqual([]);
    expect(pack).toMatchObject({ format: 3, id: 'korean-peninsula', version: 3, language: 'en', license: 'MIT' });
  });

  it('cites no placeholder source, and dates every fact no later than asOf', () => {
    expect(placeholderProblems(pack)).toEqual([]);
    expect(pack.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const facts = pack.entities.flatMap((e) => e.facts ?? []);
    expect(facts.filter((f) => !f.date || f.date > pack.asOf!)).toEqual([]);
  });

  it('holds exactly the agreed entities, each with its type', () => {
    const actual: Record<string, string[]> = {};
    for (const e of pack.entities) (actual[e.type] ??= []).push(e.id);
    for (const ids of Object.values(actual)) ids.sort();
    const expected = Object.fromEntries(Object.entries(EXPECTED).map(([t, ids]) => [t, [...ids].sort()]));
    expect(actual).toEqual(expected);
  });

  it('lists only sources it cites, each with a publisher, a web address and a date', () => {
    for (const s of pack.sources) expect(s).toMatchObject({ publisher: expect.any(String), url: expect.stringMatching(/^https?:\/\//), date: expect.any(String) });
    const cited = new Set(pack.entities.flatMap((e) => (e.facts ?? []).map((f) => f.source)));
    expect(pack.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it.each(pack.entities.map((e) => [e.id, e] as const))('%s has a short summary and 2–5 dated, sourced facts', (_id, e) => {
    const sentences = e.summary.split(/(?<=[.!?]["”]?)\s+(?=[A-Z"“])/);
    expect(sentences.length).toBeGreaterThanOrEqual(1);
    expect(sentences.length).toBeLessThanOrEqual(2);
    expect(e.facts?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(e.facts?.length ?? 0).toBeLessThanOrEqual(5);
    for (const fact of e.facts ?? []) expect(fact.text.length).toBeGreaterThan(15);
  });

  it('never makes one full name point at two entities (short forms such as "Kim" may be shared)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of pack.entities) {
      for (const form of [...fullForms(e), ...(e.ambiguous ?? [])]) {
        const key = fold(form);
        const other = owner.get(key);
        if (other && other !== e.id) clashes.push(`${form}: ${other} / ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has no surface form for names every reader knows or for page-only examples', () => {
    const forbidden = ['North Korea', 'South Korea', 'US', 'U.S.', 'United States', 'Hanoi', 'Seoul', 'Washington', 'Singapore', 'IAEA', 'International Atomic Energy Agency'].map(fold);
    const found = pack.entities.flatMap((e) => allForms(e).filter((f) => forbidden.includes(fold(f))).map((f) => `${e.id}: ${f}`));
    expect(found).toEqual([]);
  });

  it('gates every ambiguous alias behind context words', () => {
    const ungated = pack.entities.filter((e) => (e.ambiguous?.length ?? 0) > 0 && (e.context?.length ?? 0) === 0).map((e) => e.id);
    expect(ungated).toEqual([]);
  });

  it('treats acronyms with other common meanings as ambiguous, not as plain aliases', () => {
    expect(byId.get('supreme-peoples-assembly')?.ambiguous).toContain('SPA');
    expect(byId.get('dmz')?.ambiguous).toContain('DMZ');
    const plain = pack.entities.flatMap((e) => fullForms(e)).filter((f) => ['SPA', 'DMZ', 'JSA'].includes(f));
    expect(plain).toEqual([]);
  });

  it.each([
    ['kim-jong-un', 'Kim Jong-un'],
    ['choe-son-hui', 'Choe Son-hui'],
    ['choe-son-hui', 'Choe Sŏn-hŭi'],
    ['yongbyon', 'Nyongbyon'],
    ['kim-il-sung', 'Kim Il-sung'],
    ['supreme-peoples-assembly', 'Supreme People’s Assembly'],
    ['icbm', 'ICBM'],
    ['kcna', 'KCNA'],
    ['dprk', 'DPRK'],
    ['working-level-talks', 'working-level talks'],
    ['working-level-talks', 'working-level negotiations'],
    ['working-level-talks', 'working-level meeting'],
    ['us-rok-joint-drills', 'Ulchi Freedom Guardian'],
    ['us-rok-joint-drills', 'Dong Maeng'],
    ['us-rok-joint-drills', 'joint drills'],
  ])('knows the spelling a news reader meets: %s ← "%s"', (id, form) => {
    expect(allForms(byId.get(id)!)).toContain(form);
  });

  it('lists surnames as short forms, so they link only after the full name', () => {
    const shorts = Object.fromEntries(pack.entities.filter((e) => e.short).map((e) => [e.id, e.short]));
    expect(shorts).toMatchObject({ 'choe-son-hui': ['Choe'], 'mike-pompeo': ['Pompeo'], 'donald-trump': ['Trump'], 'kim-jong-un': ['Kim'] });
    const surnamesAsFullNames = pack.entities.flatMap((e) => fullForms(e).filter((f) => ['Kim', 'Choe', 'Pompeo', 'Trump', 'Moon'].includes(f)));
    expect(surnamesAsFullNames).toEqual([]);
  });
});

// Every pack in src/packs/ is bundled: each must hold what a card promises (a dated fact, a source
// a reader can open) and say under which licence it comes.
const PACKS_DIR = resolve(import.meta.dirname, '../../src/packs');
const bundledFiles = readdirSync(PACKS_DIR).filter((f) => f.endsWith('.json')).sort();

describe.each(bundledFiles)('bundled pack %s', (file) => {
  const text = readFileSync(resolve(PACKS_DIR, file), 'utf8');
  const result = parsePackJson(text);
  const p: Pack = result.ok ? result.pack : { id: '', version: 0, title: '', language: '', sources: [], entities: [] };

  it('validates, under the size limit, with no placeholder and a licence (and the credit it asks for)', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_PACK_BYTES);
    expect(placeholderProblems(p)).toEqual([]);
    expect(p.license).toMatch(/^[A-Za-z0-9.+-]+/);
    if (licenseNeedsCredit(p.license!)) expect(p.credit).toBeTruthy();
  });

  it('dates every fact no later than asOf, and cites a source with a web address, publisher and date', () => {
    const sources = new Map(p.sources.map((s) => [s.id, s]));
    const problems: string[] = [];
    for (const e of p.entities) {
      for (const f of e.facts ?? []) {
        const s = sources.get(f.source);
        if (!f.date || f.date > p.asOf!) problems.push(`${e.id}: fact dated ${f.date ?? 'nothing'}`);
        if (!/^https?:\/\//.test(s?.url ?? '') || !s?.publisher || !s.date) problems.push(`${e.id}: source ${f.source} lacks url, publisher or date`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('never gives one full name to two of its entities', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of p.entities) {
      for (const form of new Set(fullForms(e).map(fold))) {
        const other = owner.get(form);
        if (other && other !== e.id) clashes.push(`${form}: ${other} / ${e.id}`);
        owner.set(form, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });
});

describe('the world packs', () => {
  it('are what `npm run pack -- world` makes from the vendored sources (rebuild them after changing a builder)', () => {
    const { packs } = buildWorld({ root: resolve(import.meta.dirname, '../..') });
    const files: Record<string, string> = { countries: 'world-countries.json', 'leaders-2021': 'world-leaders-2021.json', organizations: 'world-organizations.json', cities: 'world-cities.json', 'us-congress': 'us-congress.json' };
    for (const name of PACK_NAMES) {
      const built = packs[name];
      expect(built, name).toBeDefined();
      expect(packText(built!), files[name]).toBe(readFileSync(resolve(PACKS_DIR, files[name]!), 'utf8'));
    }
  }, 30_000);

  it("the Factbook's leaders read as a newspaper writes them, with their since-dates", () => {
    const countries = JSON.parse(readFileSync(resolve(PACKS_DIR, 'world-countries.json'), 'utf8')) as Pack;
    const person = (name: string) => countries.entities.find((e) => e.name === name && e.type === 'person');
    expect(person('Lee Jae-myung')?.facts).toContainEqual({ text: 'President of South Korea (chief of state) since 4 June 2025.', date: '2025-06-04', source: 'factbook-ks' });
    expect(person('Prabowo Subianto')?.aliases).toContain('Prabowo Subianto Djojohadikusumo');
    for (const name of ['Xi Jinping', 'Vladimir Putin', 'Keir Starmer', 'Friedrich Merz', 'Narendra Modi', 'Luiz Inácio Lula da Silva', 'Recep Tayyip Erdoğan', 'Daniel Ortega', 'Sanae Takaichi']) expect(person(name), name).toBeDefined();
  });
});
