// The matcher cache recognises an entity list by content without stringifying it, and the one
// shared RegExp of a matcher gives the same hits whatever lastIndex a previous user left behind.
import { describe, expect, it } from 'vitest';
import { compileMatcher, scanRuns } from '../../src/core/match/index';
import type { PackEntity } from '../../src/core/types';
import { ENTITIES } from './match-fixture';

const run = (text: string) => [{ text, kind: 'body' as const }];
const evidence = (text: string) => ({ text, definitions: [] });

describe('matcher cache', () => {
  it('gives the same matcher to equal entities in new objects, and a new one when an alias changes', () => {
    const a = compileMatcher(ENTITIES);
    const copies = ENTITIES.map((e) => ({ ...e }));
    expect(compileMatcher(copies)).toBe(a);
    const changed: PackEntity[] = ENTITIES.map((e) => (e.id === 'yongbyon' ? { ...e, aliases: ['Nyongbyon', 'Yeongbyeon'] } : e));
    const b = compileMatcher(changed);
    expect(b).not.toBe(a);
    const text = 'Inspectors returned to Yeongbyeon.';
    expect(scanRuns(b, run(text), evidence(text), { firstMentionOnly: false }).flat().map((h) => h.entityId)).toEqual(['yongbyon']);
    expect(scanRuns(a, run(text), evidence(text), { firstMentionOnly: false }).flat()).toEqual([]);
  });

  it('a different order is a different list (the first entity with an id wins)', () => {
    const a = compileMatcher(ENTITIES);
    expect(compileMatcher([...ENTITIES].reverse())).not.toBe(a);
  });

  it('scans from the start of each run even when the shared regex was left mid-string', () => {
    const m = compileMatcher(ENTITIES);
    const text = 'Pyongyang said Kim Jong Un would meet Donald Trump in Pyongyang.';
    const first = scanRuns(m, run(text), evidence(text), { firstMentionOnly: false });
    m.regex.lastIndex = 20;
    expect(scanRuns(m, run(text), evidence(text), { firstMentionOnly: false })).toEqual(first);
    expect(first.flat().map((h) => h.surface)).toEqual(['Pyongyang', 'Kim Jong Un', 'Donald Trump', 'Pyongyang']);
  });
});
