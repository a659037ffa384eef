import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIndex, extendIndex, type CompiledIndex } from '../../src/core/match/compile';
import type { Pack, PackEntity } from '../../src/core/types';

const PACK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
// What findPageEntities makes of a page: an acronym it defines and a person it titles.
const PAGE: PackEntity[] = [
  { id: 'page-kcna', type: 'organization', name: 'Korean Central News Agency', aliases: ['KCNA', 'Korean Central News Agency'], summary: '' },
  { id: 'page-ri-yong-ho', type: 'person', name: 'Ri Yong Ho', aliases: [], short: ['Ri'], summary: '' },
  // A form the pack has too: its list grows in the copy only.
  { id: 'page-spa', type: 'organization', name: 'SPA', aliases: ['SPA'], summary: '' },
];
const TEXT = 'The Korean Central News Agency (KCNA) said Foreign Minister Ri Yong Ho met Choe Son Hui; Ri and the SPA, Kim Jong Un and KCNA.';

function ends(index: CompiledIndex, text: string): number[][] {
  return Array.from({ length: text.length }, (_, i) => {
    const out: number[] = [];
    index.trie.ends(text, i, out);
    return out;
  });
}

describe('extendIndex', () => {
  it('gives the index buildIndex gives for the pack and the page together', () => {
    const whole = buildIndex([...PACK.entities, ...PAGE]);
    const base = buildIndex(PACK.entities);
    const extended = extendIndex(base, PAGE);
    expect(extended.byKey).toEqual(whole.byKey);
    expect([...extended.entities.keys()]).toEqual([...whole.entities.keys()]);
    expect(extended.size).toBe(whole.size);
    expect(extended.prefilter?.source).toBe(whole.prefilter?.source);
    expect(extended.source()).toBe(whole.source());
    expect(ends(extended, TEXT)).toEqual(ends(whole, TEXT));
    expect(ends(extended, TEXT).flat().length).toBeGreaterThan(ends(base, TEXT).flat().length);
  });

  it('leaves the pack index as it was', () => {
    const base = buildIndex(PACK.entities);
    const before = { byKey: structuredClone(base.byKey), ends: ends(base, TEXT), size: base.size, ids: [...base.entities.keys()] };
    extendIndex(base, PAGE);
    expect(base.byKey).toEqual(before.byKey);
    expect(ends(base, TEXT)).toEqual(before.ends);
    expect(base.size).toBe(before.size);
    expect([...base.entities.keys()]).toEqual(before.ids);
  });
});
