// The reader's pack library against an in-memory storage: import refusals leave storage as it
// was, the conflict rule ("your pack wins"), stored packs that stopped validating, the index.
import { beforeEach, describe, expect, it } from 'vitest';
import { PackStore, type PackStorage } from '../../src/background/pack-store';
import { analyzeArticle } from '../../src/core/analyze';
import { PACK_INDEX_KEY, packKey, MAX_IMPORTED_PACKS } from '../../src/core/pack/library';
import { MAX_PACK_BYTES } from '../../src/core/pack/limits';
import { parsePackJson } from '../../src/core/pack/schema';
import type { Pack, PackEntity } from '../../src/core/types';

const BUNDLED: Pack = {
  id: 'harbour-basics',
  version: 3,
  title: 'Harbour basics',
  language: 'en',
  format: 3,
  asOf: '2019-03',
  sources: [{ id: 'log', title: 'Harbour log', publisher: 'Harbour office', url: 'https://harbour.example/log', date: '2019-03' }],
  entities: [
    { id: 'tide-office', type: 'organization', name: 'Tide Office', summary: 'Keeps the tide tables.', facts: [{ text: 'Opened a new gauge.', date: '2019-02', source: 'log' }] },
    { id: 'quay-nine', type: 'place', name: 'Quay Nine', summary: 'The oldest berth.' },
  ],
};

function packText(id: string, entities: PackEntity[], extra: Partial<Pack> = {}): string {
  const pack: Pack = {
    format: 2,
    id,
    version: 1,
    title: `Pack ${id}`,
    language: 'en',
    asOf: '2019-03',
    sources: [{ id: 'log', title: `${id} notebook`, publisher: 'Harbour office', url: 'https://harbour.example/notebook', date: '2019-03' }],
    entities,
    ...extra,
  };
  return JSON.stringify(pack, null, 2);
}

const GULL: PackEntity = { id: 'gull-ferry', type: 'organization', name: 'Gull Ferry Line', summary: 'Runs the island boats.' };

class MemoryStorage implements PackStorage {
  data = new Map<string, unknown>();
  failSetFor: string | null = null;
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failSetFor && this.failSetFor in items) throw new Error('QUOTA_BYTES quota exceeded');
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }
  snapshot(): string {
    return JSON.stringify([...this.data.entries()].sort());
  }
}

let storage: MemoryStorage;
let store: PackStore;

beforeEach(() => {
  storage = new MemoryStorage();
  store = new PackStore(storage, [BUNDLED]);
});

const names = async () => (await store.servedPack()).entities.map((e) => `${e.id}:${e.name}`);

describe('pack store: listing and importing', () => {
  it('serves the bundled pack and lists it as built in, enabled, with its entity count', async () => {
    expect(await store.servedPack()).toBe(BUNDLED);
    expect((await store.list()).packs).toEqual([
      { id: 'harbour-basics', title: 'Harbour basics', version: 3, entityCount: 2, bundled: true, enabled: true },
    ]);
  });

  it('imports a valid pack: listed, served with the bundled one, and exported byte for byte', async () => {
    const text = packText('ferries', [GULL]);
    const res = await store.importText(text);
    expect(res).toEqual({ ok: true, replaced: false, pack: { id: 'ferries', title: 'Pack ferries', version: 1, entityCount: 1, bundled: false, enabled: true } });
    expect((await store.list()).packs.map((p) => p.id)).toEqual(['harbour-basics', 'ferries']);
    expect(await names()).toEqual(['gull-ferry:Gull Ferry Line', 'tide-office:Tide Office', 'quay-nine:Quay Nine']);
    expect(await store.exportText('ferries')).toEqual({ ok: true, text, filename: 'ferries.json' });
  });

  it('exports a bundled pack as text that parses back to the same pack', async () => {
    const res = await store.exportText('harbour-basics');
    if (!res.ok) throw new Error(res.error);
    expect(parsePackJson(res.text)).toEqual({ ok: true, pack: BUNDLED });
  });

  it('caches the merged pack and serves a new one after a change', async () => {
    await store.importText(packText('ferries', [GULL]));
    const first = await store.servedPack();
    expect(await store.servedPack()).toBe(first);
    await store.setEnabled('ferries', false);
    expect(await store.servedPack()).toBe(BUNDLED);
  });

  it('a re-import of the same id replaces the pack and keeps one entry', async () => {
    await store.importText(packText('ferries', [GULL]));
    const res = await store.importText(packText('ferries', [{ ...GULL, name: 'Gull Ferries' }], { version: 2 }));
    expect(res.ok && res.replaced).toBe(true);
    expect((await store.list()).packs.filter((p) => p.id === 'ferries')).toHaveLength(1);
    expect(await names()).toContain('gull-ferry:Gull Ferries');
  });
});

describe('pack store: refused imports change nothing', () => {
  beforeEach(async () => {
    await store.importText(packText('ferries', [GULL]));
    await store.setEnabled('harbour-basics', false);
  });

  it.each([
    ['broken JSON, with line and column', '{\n  "id": "x",\n  "version": 1,,\n}', /not valid JSON at line 3 column/],
    ['a missing field, named with its place', packText('gulls', [{ ...GULL, summary: undefined } as unknown as PackEntity]), /entities\[0\]\.summary: is required but missing/],
    ['markup in a string', packText('gulls', [{ ...GULL, summary: 'Boats <img src=x onerror=alert(1)>' }]), /entities\[0\]\.summary: contains markup/],
    ['a __proto__ key', '{"id":"gulls","__proto__":{"polluted":true}}', /"__proto__" is not allowed/],
    ['the id of a built-in pack', packText('harbour-basics', [GULL]), /'harbour-basics' is the id of a built-in pack/],
    ['an oversize file', `{"id":"x","pad":"${'a'.repeat(MAX_PACK_BYTES)}"}`, /file is 5242899 bytes, the limit is 5242880 bytes/],
    ['an empty file', '', /the file is empty/],
  ])('%s', async (_label, text, message) => {
    const before = storage.snapshot();
    const listed = await store.list();
    const res = await store.importText(text);
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors.join('\n')).toMatch(message);
    expect(storage.snapshot()).toBe(before);
    expect(await store.list()).toEqual(listed);
  });

  it('refuses a new pack past the import limit', async () => {
    for (let i = 1; i < MAX_IMPORTED_PACKS; i++) await store.importText(packText(`p${i}`, []));
    const res = await store.importText(packText('one-too-many', []));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.errors[0]).toContain(`${MAX_IMPORTED_PACKS} packs are imported already`);
  });

  it('when storage refuses the write, says why and leaves the old index and no stray pack', async () => {
    const before = storage.snapshot();
    storage.failSetFor = PACK_INDEX_KEY;
    const res = await store.importText(packText('gulls', [GULL]));
    expect(res).toEqual({ ok: false, errors: ['the pack could not be stored (QUOTA_BYTES quota exceeded)'] });
    expect(storage.snapshot()).toBe(before);
  });
});

describe('pack store: conflicts between packs', () => {
  it('for the same entity id, your pack wins over the bundled one; switching yours off brings the bundled one back', async () => {
    await store.importText(packText('mine', [{ id: 'tide-office', type: 'organization', name: 'Tidal Office', summary: 'My version.' }]));
    const served = await store.servedPack();
    expect(served.entities.filter((e) => e.id === 'tide-office')).toEqual([
      { id: 'tide-office', type: 'organization', name: 'Tidal Office', summary: 'My version.' },
    ]);
    await store.setEnabled('mine', false);
    expect((await store.servedPack()).entities.find((e) => e.id === 'tide-office')?.name).toBe('Tide Office');
  });

  it('between two imported packs, the later import wins', async () => {
    await store.importText(packText('older', [{ ...GULL, summary: 'Older.' }]));
    await store.importText(packText('newer', [{ ...GULL, summary: 'Newer.' }]));
    expect((await store.servedPack()).entities.filter((e) => e.id === 'gull-ferry').map((e) => e.summary)).toEqual(['Newer.']);
    // Importing the older pack again makes it the newest import.
    await store.importText(packText('older', [{ ...GULL, summary: 'Older, again.' }]));
    expect((await store.servedPack()).entities.filter((e) => e.id === 'gull-ferry').map((e) => e.summary)).toEqual(['Older, again.']);
  });

  it('a fact keeps citing its own pack’s source when two packs use the same source id', async () => {
    await store.importText(packText('mine', [{ ...GULL, facts: [{ text: 'Added a night boat.', date: '2019-03', source: 'log' }] }]));
    const served = await store.servedPack();
    const title = (entityId: string) => {
      const fact = served.entities.find((e) => e.id === entityId)?.facts?.[0];
      return served.sources.find((s) => s.id === fact?.source)?.title;
    };
    expect(title('gull-ferry')).toBe('mine notebook');
    expect(title('tide-office')).toBe('Harbour log');
  });

  it('two ids sharing a name: both are served, and the shared name is highlighted only once the page has named one of them otherwise', async () => {
    await store.importText(packText('mine', [{ id: 'tide-bureau', type: 'organization', name: 'Tide Bureau', aliases: ['Tide Office'], summary: 'Mine.' }]));
    const pack = await store.servedPack();
    expect(pack.entities.map((e) => e.id)).toEqual(['tide-bureau', 'tide-office', 'quay-nine']);
    const ids = (text: string) =>
      analyzeArticle([{ text, kind: 'body' }], pack, { firstMentionOnly: false })
        .hits.flat()
        .map((h) => `${h.surface}=${h.entityId}`);
    expect(ids('The Tide Office said so.')).toEqual(['Tide Office=null']);
    expect(ids('The Tide Bureau said so. Later the Tide Office agreed.')).toEqual(['Tide Bureau=tide-bureau', 'Tide Office=tide-bureau']);
  });
});

describe('pack store: enabling, removing, damaged storage', () => {
  it('a bundled pack can be switched off but not removed', async () => {
    expect(await store.setEnabled('harbour-basics', false)).toEqual({ ok: true });
    expect((await store.servedPack()).entities).toEqual([]);
    expect((await store.list()).packs[0]).toMatchObject({ id: 'harbour-basics', enabled: false });
    expect(await store.remove('harbour-basics')).toMatchObject({ ok: false, error: expect.stringContaining('built in') });
    expect(await store.setEnabled('nothing-here', true)).toMatchObject({ ok: false });
  });

  it('removing an imported pack deletes its key and its index entries', async () => {
    await store.importText(packText('ferries', [GULL]));
    await store.setEnabled('ferries', false);
    expect(await store.remove('ferries')).toEqual({ ok: true });
    expect(storage.data.has(packKey('ferries'))).toBe(false);
    expect(storage.data.get(PACK_INDEX_KEY)).toEqual({ imported: [], disabled: [] });
    expect((await store.list()).packs.map((p) => p.id)).toEqual(['harbour-basics']);
  });

  it('a stored pack that no longer validates is listed with its problem, not served, kept, and still exportable', async () => {
    await store.importText(packText('ferries', [GULL]));
    await store.importText(packText('gulls', [{ ...GULL, id: 'gull-two', name: 'Second Gull Line' }]));
    const broken = packText('ferries', [{ ...GULL, type: 'vessel' as PackEntity['type'] }]);
    storage.data.set(packKey('ferries'), { text: broken, importedAt: 1 });
    store.invalidate();
    const info = (await store.list()).packs.find((p) => p.id === 'ferries');
    expect(info).toMatchObject({ id: 'ferries', title: 'Pack ferries', enabled: true, entityCount: 0, version: null });
    expect(info?.problem).toMatch(/entities\[0\]\.type: must be one of person/);
    expect(await names()).toEqual(['gull-two:Second Gull Line', 'tide-office:Tide Office', 'quay-nine:Quay Nine']);
    expect(await store.exportText('ferries')).toEqual({ ok: true, text: broken, filename: 'ferries.json' });
    expect(storage.data.get(packKey('ferries'))).toEqual({ text: broken, importedAt: 1 });
  });

  it('a stored record with no text, or a missing one, is a listed problem, not a crash', async () => {
    await store.importText(packText('ferries', [GULL]));
    await store.importText(packText('gulls', []));
    storage.data.set(packKey('ferries'), { bytes: 12 });
    storage.data.delete(packKey('gulls'));
    store.invalidate();
    const problems = (await store.list()).packs.map((p) => [p.id, p.problem]);
    expect(problems).toEqual([
      ['harbour-basics', undefined],
      ['ferries', 'the stored record is damaged (no pack text in it)'],
      ['gulls', 'the pack is missing from storage'],
    ]);
    expect(await store.servedPack()).toBe(BUNDLED);
  });

  it('an unreadable index is rebuilt from the pack keys, with a notice, and nothing is lost', async () => {
    await store.importText(packText('ferries', [GULL]));
    storage.data.set(PACK_INDEX_KEY, 'garbage');
    store.invalidate();
    const list = await store.list();
    expect(list.notice).toBe('index-rebuilt');
    expect(list.packs.map((p) => p.id)).toEqual(['harbour-basics', 'ferries']);
    expect(await names()).toContain('gull-ferry:Gull Ferry Line');
  });

  it('concurrent imports both land in the index', async () => {
    await Promise.all([store.importText(packText('a1', [])), store.importText(packText('b2', []))]);
    expect(storage.data.get(PACK_INDEX_KEY)).toEqual({ imported: ['a1', 'b2'], disabled: [] });
  });
});
