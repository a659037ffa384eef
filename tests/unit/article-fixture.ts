// Builds runs and mentions for article/card tests from text marked like "[[Choe|choe-son-hui]]",
// so each test states which surfaces the matcher resolved without depending on the matcher.
import type { Mention, PackEntity, RunText } from '../../src/core/types';

export function marked(paragraphs: (string | { heading: string })[]): { runs: RunText[]; mentions: Mention[] } {
  const runs: RunText[] = [];
  const mentions: Mention[] = [];
  for (const p of paragraphs) {
    const kind = typeof p === 'string' ? 'body' : 'heading';
    const src = typeof p === 'string' ? p : p.heading;
    let text = '';
    let last = 0;
    for (const m of src.matchAll(/\[\[([^|\]]+)\|([^\]]+)\]\]/g)) {
      text += src.slice(last, m.index);
      const surface = m[1] ?? '';
      mentions.push({ entityId: m[2] ?? '', run: runs.length, start: text.length, end: text.length + surface.length, surface });
      text += surface;
      last = m.index + m[0].length;
    }
    runs.push({ text: text + src.slice(last), kind });
  }
  return { runs, mentions };
}

export const PEOPLE: PackEntity[] = [
  { id: 'choe-son-hui', type: 'person', name: 'Choe Son Hui', short: ['Choe'], summary: 'A senior North Korean diplomat.' },
  { id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', short: ['Pompeo'], summary: 'US secretary of state from 2018.' },
  { id: 'kim-jong-un', type: 'person', name: 'Kim Jong Un', aliases: ['Kim Jong-un'], short: ['Kim'], summary: 'Leader of North Korea.' },
  { id: 'donald-trump', type: 'person', name: 'Donald Trump', short: ['Trump'], summary: 'US president from 2017.' },
  { id: 'moon-jae-in', type: 'person', name: 'Moon Jae-in', short: ['Moon'], summary: 'South Korean president from 2017.' },
  { id: 'kcna', type: 'organization', name: 'Korean Central News Agency', aliases: ['KCNA'], summary: 'State news agency.' },
  {
    id: 'supreme-peoples-assembly',
    type: 'organization',
    name: "Supreme People's Assembly",
    ambiguous: ['SPA'],
    context: ['Pyongyang'],
    summary: 'The legislature.',
    facts: [{ text: 'Met in April 2019 for its first session after elections.', date: '2019-04', source: 'src-1' }],
  },
  { id: 'dmz', type: 'place', name: 'Korean Demilitarized Zone', aliases: ['DMZ'], summary: 'The border strip.' },
];
