import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePack, parsePackJson, placeholderProblems } from '../../src/core/pack/schema';
import { MAX_ALIASES, MAX_ENTITIES, MAX_NAME_LENGTH, MAX_PACK_BYTES, MAX_REPORTED_ERRORS } from '../../src/core/pack/limits';

/** A small valid pack; each test breaks one thing in a fresh copy. */
function validPack() {
  return {
    format: 3,
    id: 'test-pack',
    version: 1,
    title: 'Test pack',
    language: 'en',
    asOf: '2019-09-30',
    license: 'CC0-1.0',
    sources: [{ id: 'ref', title: 'Talks stall again', publisher: 'Daily NK', url: 'https://www.dailynk.com/english/talks-stall', date: '2019-09' }],
    entities: [
      {
        id: 'choe-son-hui',
        type: 'person',
        name: 'Choe Son Hui',
        aliases: ['Choe Son-hui'],
        short: ['Choe'],
        summary: 'A diplomat.',
        facts: [{ text: 'Spoke on 31 August 2019.', date: '2019-08-31', source: 'ref' }],
      },
      {
        id: 'supreme-peoples-assembly',
        type: 'organization',
        name: "Supreme People's Assembly",
        ambiguous: ['SPA'],
        context: ['Pyongyang'],
        summary: 'A legislature; 3 < 4 and <3 are fine in text.',
      },
    ],
  };
}

function errorsOf(raw: unknown): string[] {
  const result = parsePack(raw);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('parsePack accepts', () => {
  it('a well-formed pack and returns it unchanged', () => {
    const result = parsePack(validPack());
    expect(result).toEqual({ ok: true, pack: validPack() });
  });

  it('partial dates, http(s) urls and ids at the edges of the pattern', () => {
    const pack = validPack();
    pack.sources[0]!.date = '2019';
    pack.sources[0]!.url = 'http://example.org';
    pack.entities[0]!.id = 'a';
    pack.entities[1]!.id = `b${'-'.repeat(79)}`;
    expect(parsePack(pack).ok).toBe(true);
  });

  it('exactly the maximum number of aliases', () => {
    const pack = validPack();
    pack.entities[0]!.aliases = Array.from({ length: MAX_ALIASES }, (_, i) => `Alias ${i}`);
    expect(parsePack(pack).ok).toBe(true);
  });
});

describe('parsePack rejects, naming the field', () => {
  it('a fact citing an unknown source', () => {
    const pack = validPack();
    pack.entities[0]!.facts![0]!.source = 'x';
    expect(errorsOf(pack)).toEqual(["entities[0].facts[0].source: unknown source id 'x'"]);
  });

  it('a missing required field', () => {
    const pack = validPack() as Record<string, unknown> & ReturnType<typeof validPack>;
    delete (pack.entities[1] as Partial<(typeof pack.entities)[1]>).summary;
    expect(errorsOf(pack)).toEqual(['entities[1].summary: is required but missing']);
  });

  it('an unknown field (a typo would otherwise be silently ignored)', () => {
    const pack = validPack();
    (pack.entities[0] as Record<string, unknown>).alias = ['Choe'];
    expect(errorsOf(pack)).toEqual(['entities[0]: unknown field "alias"']);
  });

  it('a value of the wrong kind', () => {
    const pack = { ...validPack(), version: '1' };
    expect(errorsOf(pack)).toEqual(['version: must be a number (got "1")']);
    expect(errorsOf({ ...validPack(), version: 1.5 })[0]).toMatch(/^version: must be a whole number/);
    expect(errorsOf({ ...validPack(), entities: {} })[0]).toMatch(/^entities: must be a list/);
  });

  it('an entity type outside ENTITY_TYPES, listing the allowed ones', () => {
    const pack = validPack();
    pack.entities[0]!.type = 'weapon';
    const [error] = errorsOf(pack);
    expect(error).toContain('entities[0].type: must be one of person, place, organization, event, equipment, term');
    expect(error).toContain('"weapon"');
  });

  it('empty or blank names and aliases', () => {
    const pack = validPack();
    pack.entities[0]!.name = '';
    pack.entities[1]!.name = '   ';
    pack.entities[0]!.aliases = ['Choe Son-hui', ''];
    expect(errorsOf(pack)).toEqual([
      'entities[0].name: must not be empty',
      'entities[0].aliases[1]: must not be empty',
      'entities[1].name: must not be empty',
    ]);
  });

  it('one-letter aliases and names with stray spaces or line breaks', () => {
    const pack = validPack();
    pack.entities[0]!.short = ['C'];
    pack.entities[0]!.name = ' Choe Son Hui';
    pack.entities[1]!.name = 'Supreme\nAssembly';
    const errors = errorsOf(pack);
    expect(errors).toContain('entities[0].short[0]: is shorter than 2 characters');
    expect(errors).toContain('entities[0].name: has spaces at the start or end');
    expect(errors).toContain('entities[1].name: contains a line break or control character');
  });

  it.each(['Choe', 'choe son hui', '-choe', 'choe_son', 'ÿ', `a${'b'.repeat(80)}`, ''])('the id %j', (id) => {
    const pack = validPack();
    pack.entities[0]!.id = id;
    expect(errorsOf(pack)[0]).toMatch(/^entities\[0\]\.id: .* is not a valid id: use 1–80 lowercase letters, digits and hyphens/);
  });

  it('bad pack and source ids too', () => {
    const pack = { ...validPack(), id: 'Korean Peninsula' };
    pack.sources[0]!.id = 'Daily NK';
    const errors = errorsOf(pack);
    expect(errors.some((e) => e.startsWith('id: "Korean Peninsula" is not a valid id'))).toBe(true);
    expect(errors.some((e) => e.startsWith('sources[0].id: "Daily NK" is not a valid id'))).toBe(true);
  });

  it('duplicate entity ids and duplicate source ids', () => {
    const pack = validPack();
    pack.entities[1]!.id = 'choe-son-hui';
    pack.sources.push({ ...pack.sources[0]! });
    expect(errorsOf(pack)).toEqual([
      "sources[1].id: duplicate source id 'ref' (also sources[0])",
      "entities[1].id: duplicate entity id 'choe-son-hui' (also entities[0])",
    ]);
  });

  it('a well-known short form that is not one of the short forms', () => {
    const pack = validPack();
    (pack.entities[0] as { wellKnown?: string[] }).wellKnown = ['Choe', 'Son Hui'];
    expect(errorsOf(pack)).toEqual(["entities[0].wellKnown[1]: 'Son Hui' must also be listed in short"]);
  });

  it('the same form listed both as a plain and an ambiguous alias', () => {
    const pack = validPack();
    (pack.entities[1] as { aliases?: string[] }).aliases = ['SPA'];
    expect(errorsOf(pack)).toEqual(["entities[1].ambiguous[0]: 'SPA' is already listed as one of aliases"]);
  });

  it.each([
    ['<img src=x onerror=alert(1)>', 'a tag'],
    ['Bold</b>', 'a closing tag'],
    ['<!-- comment -->', 'a comment'],
    ['<?xml version="1.0"?>', 'a processing instruction'],
    ['<script>alert(1)</script>', 'a script'],
  ])('markup in a string: %s (%s)', (text) => {
    const pack = validPack();
    pack.entities[0]!.facts![0]!.text = text;
    expect(errorsOf(pack)).toEqual([
      'entities[0].facts[0].text: contains markup (a "<" followed by a letter, "/", "!" or "?"); packs hold plain text only',
    ]);
  });

  it('markup in a name, alias or title as well', () => {
    const pack = validPack();
    pack.title = '<b>Pack</b>';
    pack.entities[1]!.ambiguous = ['<i>SPA'];
    const errors = errorsOf(pack);
    expect(errors.map((e) => e.split(':')[0])).toEqual(['title', 'entities[1].ambiguous[0]']);
  });

  it('impossible dates and non-web urls', () => {
    const pack = validPack();
    pack.entities[0]!.facts![0]!.date = '2019-02-30';
    pack.sources[0]!.date = '2019-13';
    pack.sources[0]!.url = 'javascript:alert(1)';
    const errors = errorsOf(pack);
    expect(errors).toContain('sources[0].url: must be an http:// or https:// address');
    expect(errors).toContain('sources[0].date: "2019-13" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD');
    expect(errors).toContain('entities[0].facts[0].date: "2019-02-30" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('over-long strings and over-long lists', () => {
    const pack = validPack();
    pack.entities[0]!.name = 'N'.repeat(MAX_NAME_LENGTH + 1);
    pack.entities[1]!.ambiguous = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `Form ${i}`);
    expect(errorsOf(pack)).toEqual([
      `entities[0].name: is ${MAX_NAME_LENGTH + 1} characters long, the limit is ${MAX_NAME_LENGTH}`,
      `entities[1].ambiguous: has ${MAX_ALIASES + 1} items, the limit is ${MAX_ALIASES}`,
    ]);
  });

  it('more entities than the limit', () => {
    const pack = validPack();
    const base = pack.entities[1]!;
    pack.entities = Array.from({ length: MAX_ENTITIES + 1 }, (_, i) => ({ ...base, id: `e${i}` })) as typeof pack.entities;
    expect(errorsOf(pack)).toEqual([`entities: has ${MAX_ENTITIES + 1} items, the limit is ${MAX_ENTITIES}`]);
  });

  it('anything but an object at the top', () => {
    expect(errorsOf([])).toEqual(['the pack must be a JSON object ({ … }), got a list']);
    expect(errorsOf(null)).toEqual(['the pack must be a JSON object ({ … }), got null']);
    expect(errorsOf('pack')).toEqual(['the pack must be a JSON object ({ … }), got string']);
  });

  it('lists at most a screenful of problems and says how many were left out', () => {
    const pack = validPack();
    pack.entities = Array.from({ length: 40 }, (_, i) => ({ ...pack.entities[1]!, id: `e${i}`, name: '' })) as typeof pack.entities;
    const errors = errorsOf(pack);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)).toBe(`… and ${40 - MAX_REPORTED_ERRORS} more problems`);
  });
});

describe('format 2: every fact checkable', () => {
  it('requires a date on every fact', () => {
    const pack = validPack();
    delete (pack.entities[0]!.facts![0] as { date?: string }).date;
    expect(errorsOf(pack)).toEqual(['entities[0].facts[0].date: is required but missing']);
  });

  it('requires a publisher, url and date on every source', () => {
    const pack = validPack();
    pack.sources[0] = { id: 'ref', title: 'Reference' } as (typeof pack.sources)[0];
    expect(errorsOf(pack)).toEqual(['sources[0].publisher: is required but missing', 'sources[0].url: is required but missing', 'sources[0].date: is required but missing']);
  });

  it('requires asOf, and no fact dated after it', () => {
    const pack = validPack();
    pack.entities[0]!.facts![0]!.date = '2019-10';
    expect(errorsOf(pack)).toEqual(["entities[0].facts[0].date: 2019-10 is after the pack's asOf (2019-09-30); move asOf forward or fix the date"]);
    pack.entities[0]!.facts![0]!.date = '2019-09';
    expect(parsePack(pack).ok).toBe(true);
    delete (pack as { asOf?: string }).asOf;
    expect(errorsOf(pack)).toEqual(['asOf: is required but missing']);
  });

  it('says once, first, that a pack without "format" was written for the older format', () => {
    const { format: _format, asOf: _asOf, ...old } = validPack();
    old.sources[0] = { id: 'ref', title: 'Reference' } as (typeof old.sources)[0];
    const errors = errorsOf(old);
    expect(errors[0]).toMatch(/^format: is required but missing\. This looks like a pack written before pack format 2, .*docs\/PACKS\.md/);
    expect(errors.filter((e) => e.startsWith('format:'))).toHaveLength(1);
    expect(errors).toContain('asOf: is required but missing');
    expect(errors).toContain('sources[0].url: is required but missing');
  });

  it('refuses a format it does not read', () => {
    expect(errorsOf({ ...validPack(), format: 4 })).toEqual(['format: must be 3 (got 4): this version of Backstory reads pack format 2 or 3']);
  });
});

describe('format 3: a licence and a credit line', () => {
  const format3 = (extra: Record<string, unknown>) => {
    const { license: _license, ...pack } = validPack();
    return { ...pack, ...extra };
  };
  const format2 = () => ({ ...format3({}), format: 2 });

  it('reads a format-2 pack as format 3 with no licence stated', () => {
    const result = parsePack(format2());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.pack.format).toBe(3);
    expect(result.pack.license).toBeUndefined();
    expect(result.pack.credit).toBeUndefined();
  });

  it('refuses licence fields in a format-2 pack, which predates them', () => {
    expect(errorsOf({ ...format2(), license: 'CC0-1.0' })).toEqual(['license: needs "format": 3 (this pack says format 2)']);
  });

  it('keeps the licence and the credit of a format-3 pack', () => {
    expect(parsePackOk(format3({ license: 'CC-BY-4.0', credit: 'GeoNames' }))).toMatchObject({ format: 3, license: 'CC-BY-4.0', credit: 'GeoNames' });
    expect(parsePackOk(format3({ license: 'CC0-1.0' })).license).toBe('CC0-1.0');
    expect(parsePackOk(format3({ license: 'MIT OR Apache-2.0' })).license).toBe('MIT OR Apache-2.0');
  });

  it('asks for the credit line an attribution licence requires', () => {
    expect(errorsOf(format3({ license: 'CC-BY-SA-4.0' }))).toEqual(['credit: is required by the licence CC-BY-SA-4.0: give the credit line it asks to be shown']);
    expect(errorsOf(format3({ license: 'ODbL-1.0' }))).toEqual(['credit: is required by the licence ODbL-1.0: give the credit line it asks to be shown']);
    expect(errorsOf(format3({ credit: 'Someone' }))).toEqual(['credit: needs a license: state the licence the credit is for']);
  });

  it('refuses a licence that is not an SPDX id', () => {
    expect(errorsOf(format3({ license: 'Creative Commons Attribution' }))).toEqual([
      'license: "Creative Commons Attribution" is not an SPDX licence id such as "CC0-1.0", "CC-BY-4.0" or "MIT"',
    ]);
  });

  it('counts a missing licence among the problems the build refuses in a bundled pack', () => {
    expect(placeholderProblems(parsePackOk(format2()))).toEqual([
      'license: is not stated: a bundled pack must give the SPDX id of its licence ("CC0-1.0", "CC-BY-4.0", "MIT")',
    ]);
    expect(placeholderProblems(parsePackOk(format3({ license: 'MIT' })))).toEqual([]);
  });
});

describe('placeholderProblems (the build refuses these in bundled packs)', () => {
  it('finds placeholder titles and example addresses, naming the place', () => {
    const pack = validPack();
    pack.sources.push({ id: 'bg', title: 'General reference (well-established public record)', publisher: 'Various', url: 'https://www.example.com/x', date: '2019' });
    expect(placeholderProblems(parsePackOk(pack))).toEqual([
      'sources[1].title: "General reference (well-established public record)" is a placeholder ("General reference"), not a source a reader can look up: cite the page that states the facts',
      'sources[1].publisher: "Various" is a placeholder ("Various"), not a source a reader can look up: cite the page that states the facts',
      'sources[1].url: www.example.com is a placeholder address: give the address of the page itself',
    ]);
  });

  it('passes real sources', () => {
    const pack = validPack();
    pack.sources[0] = { id: 'ref', title: 'Kim Jong Un', publisher: 'Encyclopaedia Britannica', url: 'https://www.britannica.com/biography/Kim-Jong-Un', date: '2024-01' };
    expect(placeholderProblems(parsePackOk(pack))).toEqual([]);
  });
});

function parsePackOk(raw: unknown) {
  const result = parsePack(raw);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
}

describe('parsePackJson', () => {
  const text = (value: unknown) => JSON.stringify(value, null, 2);

  it('accepts pack text, with or without a byte-order mark', () => {
    expect(parsePackJson(text(validPack()))).toEqual({ ok: true, pack: validPack() });
    expect(parsePackJson(`\uFEFF${text(validPack())}`).ok).toBe(true);
  });

  it('reports a syntax error by line and column', () => {
    const broken = '{\n  "id": "p",\n  "version": 1,\n  }\n';
    const result = parsePackJson(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^not valid JSON at line 4 column 3 \(.+\)$/);
  });

  it('reports a truncated file at its end', () => {
    const full = text(validPack());
    const cut = full.slice(0, full.length - 10);
    const lines = cut.split('\n');
    const result = parsePackJson(cut);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toContain(`not valid JSON at line ${lines.length} column`);
  });

  it('rejects an empty file clearly', () => {
    expect(parsePackJson('  \n')).toEqual({ ok: false, errors: ['the file is empty'] });
  });

  it('rejects a file over the size limit before parsing it, in megabytes', () => {
    const huge = `{"x": "${'a'.repeat(12 * 1024 * 1024)}"}`;
    expect(parsePackJson(huge)).toEqual({ ok: false, errors: [`file is 12 MB, the limit is ${MAX_PACK_BYTES / 1024 / 1024} MB`] });
  });

  it('counts bytes, not characters, against the limit', () => {
    // 600 two-byte characters are 1,200 bytes: over a 1 KB limit although only 600 characters long.
    const wide = JSON.stringify({ ...validPack(), description: 'é'.repeat(600) });
    expect(wide.length).toBeLessThan(1024 + 600);
    const result = parsePackJson(wide, 1024);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^file is [\d.]+ KB, the limit is 1 KB$/);
    expect(parsePackJson(wide).ok).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere, without polluting prototypes', (key) => {
    const pack = text(validPack()).replace('"summary": "A diplomat."', `"summary": "A diplomat.", "${key}": { "polluted": true }`);
    const result = parsePackJson(pack);
    expect(result).toEqual({ ok: false, errors: [`entities[0].${key}: the key "${key}" is not allowed`] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects forbidden keys at the top level too', () => {
    const result = parsePackJson('{"__proto__": {"isAdmin": true}}');
    expect(result).toEqual({ ok: false, errors: ['__proto__: the key "__proto__" is not allowed'] });
  });

  it('rejects absurd nesting without overflowing the stack', () => {
    const deep = `{"id": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const result = parsePackJson(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/nested more than \d+ levels deep/);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (input) => {
        const result = parsePackJson(input);
        return result.ok || (result.errors.length > 0 && result.errors.every((e) => typeof e === 'string' && e.length > 0));
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.anything(), (value) => parsePack(value).ok === false));
  });
});

describe('structural problems in bulk', () => {
  it('stops after a screenful of markup errors without claiming an exact count it did not make', () => {
    const pack = validPack();
    pack.entities = Array.from({ length: 40 }, (_, i) => ({ ...pack.entities[1]!, id: `e${i}`, summary: '<b>x</b>' })) as typeof pack.entities;
    const errors = errorsOf(pack);
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors[0]).toMatch(/^entities\[0\]\.summary: contains markup/);
    expect(errors.at(-1)).toBe('… and more problems');
  });
});
