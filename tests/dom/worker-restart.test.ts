// @vitest-environment jsdom
// The MV3 worker may be stopped between two updates of a page and lose what it held. The page then
// sends everything again; what was wrapped stays as it is, and only the new text is wrapped.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSessions } from '../../src/background/analysis/page-sessions';
import { Annotator, type AnalyzeRequest } from '../../src/content/annotator';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack } from '../../src/core/types';
import { mentions, page } from './fixtures';
import { localAnalyzer, settle, testUI, useFakeDebounce, type LocalEnv } from './local-analyzer';
import { useUI } from '../../src/content/ui-loader';

const PACK = JSON.parse(readFileSync(resolve(__dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;

let annotator: Annotator | null = null;
beforeEach(() => {
  useUI(testUI);
  useFakeDebounce();
});
afterEach(async () => {
  await annotator?.deactivate();
  vi.useRealTimers();
});

describe('a page longer than one message', () => {
  it('goes to the worker in pieces and is annotated as a whole', async () => {
    const para = (i: number) => `<p>Paragraph ${i}: envoys met again, and Mike Pompeo spoke of Yongbyon. ${'The talks went on. '.repeat(20)}</p>`;
    page(`<article><h1>Long day</h1>${Array.from({ length: 300 }, (_, i) => para(i)).join('')}</article>`);
    const env: LocalEnv = { pack: PACK, notes: [], settings: { ...DEFAULT_SETTINGS } };
    const requests: AnalyzeRequest[] = [];
    const analyze = localAnalyzer(env);
    annotator = new Annotator(document, env.settings, (req) => {
      requests.push(req);
      return analyze(req);
    });
    await annotator.annotate();
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.slice(0, -1).every((r) => r.more === true)).toBe(true);
    expect(requests.at(-1)!.more).toBeUndefined();
    expect(requests.map((r) => r.base)).toEqual(requests.map((_, i) => requests.slice(0, i).reduce((n, r) => n + r.added.length, 0)));
    expect(mentions().filter(([id]) => id === 'mike-pompeo')).toHaveLength(300);
    expect(mentions().filter(([id]) => id === 'yongbyon')).toHaveLength(300);
    expect(annotator.visibleCards().find((c) => c.id === 'yongbyon')?.mentionCount).toBe(300);
  });
});

describe('a worker restart between updates', () => {
  it('resends the page, keeps the existing highlights and wraps only the new paragraph', async () => {
    page('<article><h1>Talks stall</h1><p>Mike Pompeo met envoys in Stockholm.</p><p>Pyongyang sent no reply.</p></article>');
    const env: LocalEnv = { pack: PACK, notes: [], settings: { ...DEFAULT_SETTINGS } };
    let worker = new PageSessions();
    const requests: AnalyzeRequest[] = [];
    annotator = new Annotator(document, env.settings, (req) => {
      requests.push(req);
      return localAnalyzer(env, worker)(req);
    });
    await annotator.annotate();
    const before = mentions();
    const firstWrapper = document.querySelector('backstory-mention');
    expect(before).toEqual([
      ['mike-pompeo', 'Mike Pompeo'],
      ['page-stockholm', 'Stockholm'],
      ['pyongyang', 'Pyongyang'],
    ]);

    worker = new PageSessions(); // stopped and started again: it holds nothing
    const p = document.createElement('p');
    p.textContent = 'Later, Pompeo said Yongbyon was on the table.';
    document.querySelector('article')!.append(p);
    await settle(annotator!);

    expect(requests.map((r) => [r.base, r.added.length])).toEqual([
      [0, 3],
      [3, 1],
      [0, 4],
    ]);
    expect(mentions()).toEqual([...before, ['mike-pompeo', 'Pompeo'], ['yongbyon', 'Yongbyon']]);
    expect(document.querySelector('backstory-mention')).toBe(firstWrapper);
    expect(annotator.visibleCards().find((c) => c.id === 'mike-pompeo')?.mentionCount).toBe(2);
  });
});
