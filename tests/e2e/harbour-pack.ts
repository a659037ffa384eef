// A made-up pack for the pack import tests: its people and places are named on demo/harbour.html
// only, so a highlight there with one of its ids comes from this pack and nothing else.
import type { Pack } from '../../src/core/types';

export const HARBOUR: Pack = {
  id: 'wrenfield-coast',
  format: 2,
  version: 1,
  title: 'Wrenfield coast',
  language: 'en',
  asOf: '2019-03-31',
  sources: [{ id: 'coast-notes', title: 'Coast desk notes', publisher: 'Wrenfield Gazette', url: 'https://wrenfield.example/coast-notes', date: '2019-03' }],
  entities: [
    {
      id: 'orla-penhallow',
      type: 'person',
      name: 'Orla Penhallow',
      short: ['Penhallow'],
      summary: 'Harbour master of Port Wrenfield, in charge of its berths and crossings.',
      facts: [{ text: 'Moved the morning crossings half an hour later while a slipway is rebuilt.', date: '2019-03', source: 'coast-notes' }],
    },
    { id: 'port-wrenfield', type: 'place', name: 'Port Wrenfield', summary: 'A small ferry port with three berths and an outer sea wall.' },
  ],
};

/** Mention counts without the names the article itself gives (recognised or introduced, ids
 *  `page-…`): what a pack adds or takes away. */
export function packMentions(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([id]) => !id.startsWith('page-')));
}
