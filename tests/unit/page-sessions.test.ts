import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageSessions, type AnalysisInputs } from '../../src/background/analysis/page-sessions';
import type { AnalyzeReply, AnalyzeResult } from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack, RunText } from '../../src/core/types';
import { readHits } from './wire-hits';

const PACK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
const inputs: AnalysisInputs = { pack: PACK, notes: [], settings: DEFAULT_SETTINGS };
const body = (text: string): RunText => ({ text, kind: 'body' });

function full(r: AnalyzeResult): AnalyzeReply {
  if (!('hits' in r)) throw new Error(`expected an analysis, got ${JSON.stringify(r)}`);
  return r;
}

const FIRST = [
  body('Talks with Washington had stalled, First Vice Foreign Minister Choe Son Hui warned on August 31.'),
  body('The Supreme People’s Assembly (SPA) met in Pyongyang while analysts watched Yongbyon.'),
];
const LATER = [body('Choe later repeated that the SPA would not change course.'), body('Mike Pompeo answered from Washington.')];

describe('PageSessions', () => {
  it('answers an update with the hits of the new runs only, as a fresh analysis of the whole page would', () => {
    const live = new PageSessions();
    const first = full(live.analyze('7:0', { pass: 'a', base: 0, removed: [], added: FIRST }, inputs));
    expect(first.hits).toHaveLength(2);
    expect(readHits(first)[0]!.map(([, , id]) => id)).toContain('choe-son-hui');

    const update = full(live.analyze('7:0', { pass: 'a', base: 2, removed: [], added: LATER }, inputs));
    const fresh = full(new PageSessions().analyze('7:0', { pass: 'b', base: 0, removed: [], added: [...FIRST, ...LATER] }, inputs));
    expect(readHits(update)).toEqual(readHits(fresh).slice(2));
    // "Choe" alone counts because the first run named her in full.
    expect(readHits(update)[0]!.map(([, , id]) => id)).toContain('choe-son-hui');
    expect(update.cards).toEqual(fresh.cards);
    expect(update.spans).toEqual(fresh.spans);
  });

  it('drops removed runs before adding, so cards and sentence places follow the page', () => {
    const live = new PageSessions();
    live.analyze('7:0', { pass: 'a', base: 0, removed: [], added: [...FIRST, ...LATER] }, inputs);
    const update = full(live.analyze('7:0', { pass: 'a', base: 4, removed: [0, 3], added: [] }, inputs));
    const fresh = full(new PageSessions().analyze('7:0', { pass: 'b', base: 0, removed: [], added: [FIRST[1]!, LATER[0]!] }, inputs));
    expect(update.cards).toEqual(fresh.cards);
    expect(update.spans).toEqual(fresh.spans);
    expect(update.cards.some((c) => c.id === 'mike-pompeo')).toBe(false);
  });

  it('keeps the pieces of a big update and answers once, for all of them', () => {
    const live = new PageSessions();
    const all = [...FIRST, ...LATER];
    expect(live.analyze('7:0', { pass: 'a', base: 0, removed: [], added: all.slice(0, 1), more: true }, inputs)).toEqual({ stored: true });
    expect(live.analyze('7:0', { pass: 'a', base: 1, removed: [], added: all.slice(1, 3), more: true }, inputs)).toEqual({ stored: true });
    const last = full(live.analyze('7:0', { pass: 'a', base: 3, removed: [], added: all.slice(3) }, inputs));
    const once = full(new PageSessions().analyze('7:0', { pass: 'b', base: 0, removed: [], added: all }, inputs));
    expect(last).toEqual(once);
    expect(last.hits).toHaveLength(4);
  });

  it('asks for everything again when it does not hold the pass as the page believes', () => {
    const live = new PageSessions();
    expect(live.analyze('7:0', { pass: 'gone', base: 3, removed: [], added: LATER }, inputs)).toEqual({ resync: true });
    live.analyze('7:0', { pass: 'a', base: 0, removed: [], added: FIRST }, inputs);
    expect(live.analyze('7:0', { pass: 'a', base: 5, removed: [], added: LATER }, inputs)).toEqual({ resync: true });
  });

  it('keeps one pass per tab and frame, a bounded number in all, and forgets a closed tab', () => {
    const live = new PageSessions({ count: 3 });
    live.analyze('7:0', { pass: 'a', base: 0, removed: [], added: FIRST }, inputs);
    live.analyze('7:0', { pass: 'b', base: 0, removed: [], added: FIRST }, inputs);
    expect(live.size).toBe(1);
    expect(live.analyze('7:0', { pass: 'a', base: 2, removed: [], added: [] }, inputs)).toEqual({ resync: true });
    for (const tab of [8, 9, 10]) live.analyze(`${tab}:0`, { pass: 'a', base: 0, removed: [], added: FIRST }, inputs);
    expect(live.size).toBe(3);
    live.dropScope('9');
    expect(live.size).toBe(2);
    expect(live.analyze('9:0', { pass: 'a', base: 2, removed: [], added: [] }, inputs)).toEqual({ resync: true });
  });

  it('sends no hit for a type the reader hid, but keeps its card', () => {
    const hidden = { ...inputs, settings: { ...DEFAULT_SETTINGS, types: DEFAULT_SETTINGS.types.filter((t) => t !== 'place') } };
    const r = full(new PageSessions().analyze('7:0', { pass: 'a', base: 0, removed: [], added: FIRST }, hidden));
    expect(readHits(r).flat().some(([, , id]) => id === 'yongbyon')).toBe(false);
    expect(r.cards.some((c) => c.id === 'yongbyon')).toBe(true);
  });
});
