// A small pack for the matcher tests, written here so the rules are tested independently of how
// the bundled pack evolves. Ids follow the bundled pack.
import { compileMatcher, scanRuns, type MatchOptions } from '../../src/core/match/index';
import type { Hit, PackEntity, RunKind, RunText } from '../../src/core/types';

const e = (x: Omit<PackEntity, 'summary'>): PackEntity => ({ summary: '', ...x });

export const ENTITIES: PackEntity[] = [
  e({ id: 'kim-jong-un', type: 'person', name: 'Kim Jong Un', aliases: ['Kim Chŏng-ŭn'], short: ['Kim'] }),
  e({ id: 'kim-yo-jong', type: 'person', name: 'Kim Yo Jong', short: ['Kim'] }),
  e({ id: 'choe-son-hui', type: 'person', name: 'Choe Sŏn-hŭi', aliases: ['Choe Son Hui'], short: ['Choe'] }),
  e({ id: 'donald-trump', type: 'person', name: 'Donald Trump', short: ['Trump'] }),
  e({ id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', short: ['Pompeo'] }),
  e({ id: 'moon-jae-in', type: 'person', name: 'Moon Jae-in', short: ['Moon'] }),
  e({ id: 'yongbyon', type: 'place', name: 'Yongbyon', aliases: ['Nyongbyon'] }),
  e({ id: 'pyongyang', type: 'place', name: 'Pyongyang' }),
  e({
    id: 'dmz',
    type: 'place',
    name: 'Korean Demilitarized Zone',
    ambiguous: ['DMZ'],
    context: ['Korea', 'Panmunjom'],
  }),
  e({
    id: 'supreme-peoples-assembly',
    type: 'organization',
    name: "Supreme People's Assembly",
    ambiguous: ['SPA'],
    context: ['Pyongyang', 'North Korean'],
  }),
  e({ id: 'workers-party-of-korea', type: 'organization', name: "Workers' Party of Korea", aliases: ['WPK'] }),
  e({ id: 'kcna', type: 'organization', name: 'Korean Central News Agency', aliases: ['KCNA'] }),
  e({ id: 'dprk', type: 'organization', name: "Democratic People's Republic of Korea", aliases: ['DPRK'] }),
  e({ id: 'hanoi-summit', type: 'event', name: 'Hanoi summit' }),
  e({
    id: 'working-level-talks',
    type: 'event',
    name: 'US-North Korea working-level talks',
    ambiguous: ['working-level talks'],
    context: ['North Korea'],
  }),
  e({ id: 'f-35a', type: 'equipment', name: 'F-35A' }),
  e({ id: 'icbm', type: 'equipment', name: 'intercontinental ballistic missile', aliases: ['ICBM'] }),
];

/** A hit in a compact, readable form: "surface→id", "surface→id(hidden)" or "surface→∅". */
export function show(h: Hit): string {
  return `${h.surface}→${h.entityId ?? '∅'}${h.hidden ? '(hidden)' : ''}`;
}

export interface ScanInput {
  runs: (string | { text: string; kind: RunKind })[];
  definitions?: { short: string; long: string }[];
  options?: Partial<MatchOptions>;
  entities?: PackEntity[];
}

export function scan({ runs, definitions = [], options = {}, entities = ENTITIES }: ScanInput): Hit[][] {
  const runTexts: RunText[] = runs.map((r) => (typeof r === 'string' ? { text: r, kind: 'body' } : r));
  const matcher = compileMatcher(entities);
  const evidence = { text: runTexts.map((r) => r.text).join('\n'), definitions };
  return scanRuns(matcher, runTexts, evidence, { firstMentionOnly: false, ...options });
}

/** Every hit of every run, shown compactly. */
export function hitsOf(input: ScanInput | string): string[] {
  const i = typeof input === 'string' ? { runs: [input] } : input;
  return scan(i).flat().map(show);
}

/** Only the hits that link to an entity (what the reader sees highlighted or counted). */
export function linked(input: ScanInput | string): string[] {
  const i = typeof input === 'string' ? { runs: [input] } : input;
  return scan(i)
    .flat()
    .filter((h) => h.entityId)
    .map(show);
}
