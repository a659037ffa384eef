// Synthetic entities for the speed benchmark: names shaped like the ones in international news
// (romanized Korean and Western people, places, organizations with acronyms, events, equipment,
// multi-word terms), each with the alias shapes a real pack carries. Seeded: the same run every time.
import type { EntityType, PackEntity } from '../../src/core/types';

/** mulberry32: small, seedable, good enough to draw 10,000 distinct names. */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const KO_SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Ryu', 'Hong', 'Jeon', 'Ko', 'Moon', 'Yang', 'Son', 'Bae', 'Baek', 'Heo', 'Nam', 'Ri', 'Pak', 'Ryom'];
const KO_SYLLABLES = ['min', 'jun', 'seo', 'yeon', 'ji', 'woo', 'hyun', 'soo', 'young', 'ho', 'chul', 'sung', 'hee', 'jae', 'dong', 'kyung', 'eun', 'tae', 'won', 'hye', 'jin', 'sang', 'il', 'nam', 'gyu', 'bong', 'chan', 'ok', 'myung', 'su', 'hak', 'yong'];
const WEST_FIRST = ['James', 'Robert', 'Susan', 'Karen', 'David', 'Laura', 'Michael', 'Helen', 'Thomas', 'Anne', 'Peter', 'Maria', 'Daniel', 'Claire', 'Mark', 'Elena', 'Paul', 'Sarah', 'Victor', 'Nina', 'Jonathan', 'Rachel', 'Andrew', 'Olga', 'Henry', 'Ingrid', 'Samuel', 'Fiona', 'Lucas', 'Agnes'];
const WEST_LAST = ['Harrington', 'Castellano', 'Whitfield', 'Novak', 'Lindqvist', 'Okafor', 'Brennan', 'Delacroix', 'Hoffmann', 'Marchetti', 'Sorensen', 'Kowalski', 'Fairbanks', 'Romero', 'Abernathy', 'Takahashi', 'Petrov', 'Gallagher', 'Eriksen', 'Moreau', 'Vasquez', 'Thornbury', 'Lindgren', 'Ashworth', 'Dubois', 'Kessler', 'Mbeki', 'Halloran', 'Strand', 'Yilmaz'];
const PLACE_ROOTS = ['Hamgyong', 'Ryanggang', 'Chagang', 'Kangwon', 'Hwanghae', 'Sinpo', 'Musudan', 'Sohae', 'Tongchang', 'Punggye', 'Wonsan', 'Kaesong', 'Sinuiju', 'Chongjin', 'Hyesan', 'Nampo', 'Kimchaek', 'Haeju', 'Anju', 'Kusong', 'Hamhung', 'Rason', 'Tanchon', 'Sariwon'];
const PLACE_SUFFIX = ['Province', 'County', 'Port', 'Airfield', 'Launch Site', 'Naval Base', 'Industrial Complex', 'Bay', 'Border Crossing', 'District'];
const ORG_HEADS = ['National', 'Central', 'Joint', 'International', 'Korean', 'Asian', 'United', 'Strategic', 'Federal', 'Regional', 'Allied', 'Maritime', 'Pacific', 'Northern'];
const ORG_TOPICS = ['Defense', 'Security', 'Energy', 'Trade', 'Intelligence', 'Reunification', 'Nuclear', 'Maritime', 'Humanitarian', 'Development', 'Policy', 'Arms Control', 'Peace', 'Missile', 'Economic'];
const ORG_KINDS = ['Agency', 'Council', 'Commission', 'Institute', 'Committee', 'Ministry', 'Command', 'Bureau', 'Forum', 'Directorate', 'Foundation', 'Office'];
const EVENT_KINDS = ['summit', 'talks', 'crisis', 'agreement', 'declaration', 'exercise', 'conference', 'standoff', 'accord', 'dialogue'];
const EQUIP_ROOTS = ['Hwasong', 'Pukguksong', 'Musudan', 'Nodong', 'Taepodong', 'Haeil', 'Chollima', 'Unha', 'Kumsong', 'Pongae', 'Paektusan', 'Hyunmoo', 'Chonma'];
const TERM_HEADS = ['maximum', 'strategic', 'complete', 'verifiable', 'phased', 'reciprocal', 'snapback', 'sanctions', 'denuclearization', 'confidence-building', 'freeze', 'step-by-step'];
const TERM_TAILS = ['pressure campaign', 'patience policy', 'dismantlement', 'relief package', 'roadmap', 'framework', 'moratorium', 'package deal', 'verification regime', 'engagement strategy'];

function givenName(r: Rand): string {
  const a = pick(r, KO_SYLLABLES);
  const b = pick(r, KO_SYLLABLES);
  return `${a[0]!.toUpperCase()}${a.slice(1)}-${b}`;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const acronymOf = (words: string[]) => words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');

/** One entity of `type`, or null when the drawn name is taken (the caller draws again). */
function draw(r: Rand, type: EntityType, n: number): Omit<PackEntity, 'id' | 'summary'> {
  switch (type) {
    case 'person': {
      if (r() < 0.6) {
        const sur = pick(r, KO_SURNAMES);
        const given = givenName(r);
        const [a, b] = given.split('-') as [string, string];
        return { type, name: `${sur} ${given}`, aliases: [`${sur} ${a} ${cap(b)}`, `${sur} ${a}${b}`], short: [sur] };
      }
      const first = pick(r, WEST_FIRST);
      const last = pick(r, WEST_LAST);
      const mid = String.fromCharCode(65 + Math.floor(r() * 26));
      return { type, name: `${first} ${last}`, aliases: [`${first} ${mid}. ${last}`], short: [last] };
    }
    case 'place': {
      const root = pick(r, PLACE_ROOTS);
      const suffix = pick(r, PLACE_SUFFIX);
      // Thousands of distinct places need more roots than news uses; a numbered district is plausible.
      const name = n < 200 ? `${root} ${suffix}` : `${root} ${suffix} No. ${n}`;
      return { type, name, aliases: [`${root}-${suffix.toLowerCase()}`] };
    }
    case 'organization': {
      const words = [pick(r, ORG_HEADS), pick(r, ORG_TOPICS), pick(r, ORG_KINDS)];
      const name = words.join(' ');
      const acr = acronymOf(name.split(' ')) + (n >= 100 ? String.fromCharCode(65 + (n % 26)) : '');
      return { type, name, aliases: [acr] };
    }
    case 'event': {
      const place = pick(r, [...PLACE_ROOTS, 'Geneva', 'Hanoi', 'Stockholm', 'Vladivostok', 'Helsinki', 'Bangkok']);
      const year = 1990 + Math.floor(r() * 35);
      const kind = pick(r, EVENT_KINDS);
      return { type, name: `${year} ${place} ${kind}`, aliases: [`${place} ${kind} of ${year}`], ambiguous: [`${place} ${kind}`], context: ['North Korea', 'Pyongyang'] };
    }
    case 'equipment': {
      const root = pick(r, EQUIP_ROOTS);
      const num = 1 + Math.floor(r() * 40);
      const variant = r() < 0.3 ? String.fromCharCode(65 + Math.floor(r() * 4)) : '';
      return { type, name: `${root}-${num}${variant}`, aliases: [`${root} ${num}${variant}`, `KN-${String(n % 100).padStart(2, '0')}${variant}`] };
    }
    case 'term': {
      const name = `${pick(r, TERM_HEADS)} ${pick(r, TERM_TAILS)}`;
      return { type, name: n < 100 ? name : `${name} ${n}`, aliases: [] };
    }
  }
}

const TYPE_MIX: EntityType[] = ['person', 'person', 'person', 'person', 'place', 'place', 'organization', 'organization', 'event', 'equipment', 'term'];

/** `count` distinct synthetic entities (ids `syn-<n>`), names unique. */
export function syntheticEntities(count: number, seed = 42): PackEntity[] {
  const r = rng(seed);
  const out: PackEntity[] = [];
  const names = new Set<string>();
  let n = 0;
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const type = TYPE_MIX[n % TYPE_MIX.length]!;
    const e = draw(r, type, n);
    if (names.has(e.name)) continue;
    names.add(e.name);
    out.push({ id: `syn-${n}`, summary: `A synthetic ${type} for the speed benchmark.`, ...e });
    n++;
  }
  return out;
}
