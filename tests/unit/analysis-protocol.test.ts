// The sync protocol with both ends running: the content script's AnalysisClient and the
// background's real PageSessions, messages copied between them as the browser copies them.
// Whatever the pieces, updates, restarts and evictions, the page gets what one fresh analysis of
// its current runs would give.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageSessions, type AnalysisInputs } from '../../src/background/analysis/page-sessions';
import { AnalysisClient } from '../../src/content/analysis-client';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack, RunText } from '../../src/core/types';
import type { AnalyzeReply, AnalyzeRequest } from '../../src/shared/messages';
import { readHits } from './wire-hits';

const PACK = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
const inputs: AnalysisInputs = { pack: PACK, notes: [], settings: DEFAULT_SETTINGS };
const run = (text: string): RunText => ({ text, kind: 'body' });

const PAGE = [
  run('Talks with Washington had stalled, First Vice Foreign Minister Choe Son Hui warned on August 31.'),
  run('The Supreme People’s Assembly (SPA) met in Pyongyang while analysts watched Yongbyon.'),
  run('Mike Pompeo said the door was open.'),
  run('Choe later repeated that the SPA would not change course.'),
  run('Stephen Biegun travelled to Seoul and then to Panmunjom.'),
];

/** The background as the worker runs it (`worker.current` can be swapped: a restart). */
function background(limits?: ConstructorParameters<typeof PageSessions>[0]) {
  const worker = { current: new PageSessions(limits) };
  const sent: AnalyzeRequest[] = [];
  const link = (scope: string) => async (req: AnalyzeRequest) => {
    sent.push(req);
    return structuredClone(worker.current.analyze(scope, structuredClone(req), inputs));
  };
  return { worker, sent, link };
}

/** One fresh analysis of `runs`, the reference every sync is held to. */
function fresh(runs: readonly RunText[]): AnalyzeReply {
  const r = new PageSessions().analyze('0:0', { pass: 'ref', base: 0, removed: [], added: runs.map((x) => ({ ...x })) }, inputs);
  if (!('hits' in r)) throw new Error('no analysis');
  return r;
}

describe('the analysis sync protocol, both ends', () => {
  it('sends a page in pieces (more → stored) and gets the whole analysis with the last one', async () => {
    const bg = background();
    const client = new AnalysisClient<RunText>(bg.link('1:0'), 120);
    const got = await client.sync(PAGE, { pageDate: '2019-09-01' });
    expect(bg.sent.length).toBeGreaterThan(2);
    expect(bg.sent.slice(0, -1).every((r) => r.more === true)).toBe(true);
    expect(bg.sent.at(-1)!.more).toBeUndefined();
    const ref = fresh(PAGE);
    expect(got?.added).toEqual(PAGE);
    expect(readHits(got!)).toEqual(readHits(ref));
    expect(got?.cards?.map((c) => c.id)).toEqual(ref.cards.map((c) => c.id));
  });

  it('an update sends only what changed: removed indices, then the new runs; hits for those only', async () => {
    const bg = background();
    const client = new AnalysisClient<RunText>(bg.link('1:0'));
    const page = PAGE.slice(0, 3);
    await client.sync(page, {});
    const now = [page[0]!, page[2]!, PAGE[3]!, PAGE[4]!];
    const got = await client.sync(now, {});
    expect(bg.sent.at(-1)).toMatchObject({ base: 3, removed: [1], added: [PAGE[3], PAGE[4]] });
    const ref = fresh(now);
    expect(got?.added).toEqual([PAGE[3], PAGE[4]]);
    expect(readHits(got!)).toEqual(readHits(ref).slice(2));
    expect(got?.cards).toEqual(ref.cards);
    // Sentence places refer to the runs as the session now holds them.
    expect(got?.runs).toEqual(now);
    expect(got?.spans).toEqual(ref.spans);
    // Nothing changed: nothing is sent.
    const count = bg.sent.length;
    expect(await client.sync(now, {})).toEqual({ added: [], hits: [], ids: [] });
    expect(bg.sent.length).toBe(count);
  });

  it('a worker that lost the session answers resync, and the whole page goes again', async () => {
    const bg = background();
    const client = new AnalysisClient<RunText>(bg.link('1:0'));
    await client.sync(PAGE.slice(0, 3), {});
    bg.worker.current = new PageSessions(); // stopped and started again: it holds nothing
    const got = await client.sync(PAGE, {});
    expect(bg.sent.slice(-2).map((r) => [r.base, r.added.length])).toEqual([
      [3, 2],
      [0, 5],
    ]);
    expect(readHits(got!)).toEqual(readHits(fresh(PAGE)).slice(3));
    expect(got?.cards).toEqual(fresh(PAGE).cards);
  });

  it('a new pass replaces the old one in the background; a sync overtaken by a newer pass gives nothing', async () => {
    const bg = background();
    const client = new AnalysisClient<RunText>(bg.link('1:0'));
    await client.sync(PAGE.slice(0, 2), {});
    client.newPass();
    const got = await client.sync(PAGE, {});
    expect(bg.sent.at(-1)).toMatchObject({ base: 0, removed: [] });
    expect(readHits(got!)).toEqual(readHits(fresh(PAGE)));
    expect(bg.worker.current.size).toBe(1);
    let live = true;
    const overtaken = client.sync([...PAGE, run('Kim Jong Un did not answer.')], {}, () => live);
    live = false;
    expect(await overtaken).toBeNull();
  });

  it('caps the text all sessions hold: the least recently used page goes, the page in use stays and still works', async () => {
    const pageChars = PAGE.reduce((n, r) => n + r.text.length, 0);
    const cap = pageChars * 2 + 100;
    const bg = background({ chars: cap });
    const tabs = [1, 2, 3].map((t) => new AnalysisClient<RunText>(bg.link(`${t}:0`)));
    await tabs[0]!.sync(PAGE, {});
    await tabs[1]!.sync(PAGE, {});
    expect(bg.worker.current.size).toBe(2);
    expect(bg.worker.current.heldChars).toBe(pageChars * 2);
    // Tab 1 is used again, so tab 2 is now the least recent and makes room for tab 3.
    await tabs[0]!.sync([...PAGE, run('Kim Jong Un did not answer.')], {});
    await tabs[2]!.sync(PAGE, {});
    expect(bg.worker.current.size).toBe(2);
    expect(bg.worker.current.heldChars).toBeLessThanOrEqual(cap);
    // Tab 2's next update finds its session gone, resends its page and gets a whole answer.
    const extra = run('Pyongyang said nothing more.');
    const got = await tabs[1]!.sync([...PAGE, extra], {});
    expect(bg.sent.slice(-2).map((r) => [r.base, r.added.length])).toEqual([
      [5, 1],
      [0, 6],
    ]);
    expect(readHits(got!)).toEqual(readHits(fresh([...PAGE, extra])).slice(5));
    // A single page bigger than the cap is still analysed (it is the one in use).
    const big = background({ chars: 50 });
    const alone = await new AnalysisClient<RunText>(big.link('9:0')).sync(PAGE, {});
    expect(readHits(alone!)).toEqual(readHits(fresh(PAGE)));
    expect(big.worker.current.size).toBe(1);
  });
});
