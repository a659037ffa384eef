// "The more specific pack wins" (src/core/pack/precedence.ts), through the pack store and the
// real analysis: a name that entities of one type in two packs carry goes to the higher-ranked
// pack's entity (imported > hand-written bundled > built world packs) instead of being left
// unhighlighted as a shared name; shared names across types or inside one pack keep the
// matcher's rule (highlighted only with evidence for exactly one).
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { PackStore, type PackStorage } from '../../src/background/pack-store';
import { analyzeArticle } from '../../src/core/analyze';
import { rankBundled, WORLD_PACK_ORDER } from '../../src/core/pack/precedence';
import type { Pack, PackEntity } from '../../src/core/types';

const KOREAN = JSON.parse(readFileSync('src/packs/korean-peninsula.json', 'utf8')) as Pack;

function pack(id: string, entities: PackEntity[]): Pack {
  return {
    format: 2,
    id,
    version: 1,
    title: `Pack ${id}`,
    language: 'en',
    asOf: '2026-01',
    sources: [{ id: 'src', title: `${id} source`, publisher: 'Example publisher', url: `https://data.example/${id}`, date: '2026-01' }],
    entities,
  };
}

const fact = (text: string) => [{ text, date: '2025-06', source: 'src' }];

/** A stand-in for the built Factbook pack: its own Kim Jong Un, a country card that also carries
 *  the Korean pack's long name of the DPRK as an alias, and a city that shares a person's name. */
const WORLD = pack('world-countries', [
  { id: 'wc-kim-jong-un', type: 'person', name: 'Kim Jong Un', aliases: ['KIM Jong Un'], summary: 'Chief of state (world pack).', facts: fact('Chief of state.') },
  {
    id: 'wc-north-korea',
    type: 'place',
    name: 'North Korea',
    aliases: ["Democratic People's Republic of Korea", 'Korea, North'],
    summary: 'A country in East Asia (world pack).',
    facts: fact('Government type: dictatorship.'),
  },
  { id: 'wc-ri-yong-ho-town', type: 'place', name: 'Ri Yong Ho', summary: 'A made-up town that shares a person’s name.' },
  { id: 'wc-springfield-a', type: 'place', name: 'Springfield', summary: 'One Springfield.' },
  { id: 'wc-springfield-b', type: 'place', name: 'Springfield', summary: 'Another Springfield.' },
]);

class MapStorage implements PackStorage {
  data = new Map<string, unknown>();
  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((k) => this.data.has(k)).map((k) => [k, structuredClone(this.data.get(k))]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    for (const [k, v] of Object.entries(items)) this.data.set(k, structuredClone(v));
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }
}

let store: PackStore;
beforeEach(() => {
  // The world pack first, as build.mjs's file order would not put it: the rank decides, not the order given.
  store = new PackStore(new MapStorage(), [WORLD, KOREAN]);
});

async function hits(text: string): Promise<string[]> {
  const served = await store.servedPack();
  return analyzeArticle([{ text, kind: 'body' }], served, { firstMentionOnly: false })
    .hits.flat()
    .map((h) => `${h.surface}=${h.entityId}`);
}

describe('the more specific pack wins a name', () => {
  it('the Korean pack’s Kim Jong Un is highlighted over the world pack’s entity of the same name, whose card is not served', async () => {
    expect(await hits('Kim Jong Un inspected a factory.')).toEqual(['Kim Jong Un=kim-jong-un']);
    const ids = (await store.servedPack()).entities.map((e) => e.id);
    expect(ids).toContain('kim-jong-un');
    expect(ids).not.toContain('wc-kim-jong-un');
  });

  it('an entity that lost only an alias keeps its own name: the world pack’s North Korea stays, the long name goes to the Korean pack', async () => {
    expect(await hits("North Korea is officially the Democratic People's Republic of Korea.")).toEqual([
      'North Korea=wc-north-korea',
      "Democratic People's Republic of Korea=dprk",
    ]);
    const northKorea = (await store.servedPack()).entities.find((e) => e.id === 'wc-north-korea');
    expect(northKorea?.aliases).toEqual(['Korea, North']);
    expect(northKorea?.facts?.[0]?.text).toBe('Government type: dictatorship.');
  });

  it('switching the Korean pack off gives the names back to the world pack', async () => {
    await store.setEnabled(KOREAN.id, false);
    expect(await hits('Kim Jong Un inspected a factory.')).toEqual(['Kim Jong Un=wc-kim-jong-un']);
  });

  it('a pack the reader imported wins over every bundled pack, for a name of the same type', async () => {
    const mine = pack('my-notes', [{ id: 'my-kim', type: 'person', name: 'Kim Jong Un', summary: 'My own notes on him.' }]);
    expect(await store.importText(JSON.stringify(mine))).toMatchObject({ ok: true });
    expect(await hits('Kim Jong Un inspected a factory.')).toEqual(['Kim Jong Un=my-kim']);
  });

  it('a name shared across types is still the matcher’s to decide: left alone without evidence for exactly one', async () => {
    // The Korean pack's person and the world pack's town are both served.
    expect(await hits('Ri Yong Ho arrived.')).toEqual(['Ri Yong Ho=null']);
  });

  it('a name shared inside one pack stays ambiguous (two Springfields)', async () => {
    expect(await hits('Springfield voted.')).toEqual(['Springfield=null']);
  });
});

describe('bundled pack ranking', () => {
  it('puts hand-written bundled packs before the world packs, and the world packs in their documented order', () => {
    const ids = ['world-cities', 'us-congress', 'zz-regional', 'world-organizations', 'world-countries', 'korean-peninsula', 'world-leaders-2021'];
    expect(rankBundled(ids.map((id) => ({ id }))).map((p) => p.id)).toEqual(['zz-regional', 'korean-peninsula', ...WORLD_PACK_ORDER]);
  });

  it('lists the bundled packs on the options page in that order', async () => {
    expect((await store.list()).packs.map((p) => p.id)).toEqual(['korean-peninsula', 'world-countries']);
  });
});
