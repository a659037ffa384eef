// @vitest-environment jsdom
// The watcher of new content, on its own: what our writes do (unseen) and what the page's do.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { observeNewContent, type Watcher } from '../../src/content/observe';
import type { DomRun } from '../../src/content/runs';

let watcher: Watcher | null = null;
afterEach(() => {
  watcher?.stop();
  watcher = null;
  vi.useRealTimers();
});

function watch(): DomRun[][] {
  document.body.innerHTML = '<article><p id="a">Kim Yo Jong spoke on Monday.</p><p id="b">The envoy left.</p></article>';
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const handed: DomRun[][] = [];
  watcher = observeNewContent({ root: document.querySelector('article')!, claimed: () => new Set(), onRuns: (runs) => handed.push(runs) });
  return handed;
}

describe('observeNewContent', () => {
  it('does not see what is written through unobserved(), and still hands over what the page changed just before', async () => {
    const handed = watch();
    // The page adds a paragraph; its record is not delivered yet when our batch starts.
    const added = document.createElement('p');
    added.textContent = 'Choe Son Hui answered on Tuesday.';
    document.querySelector('article')!.append(added);
    watcher!.unobserved(() => {
      // Our own write (not a wrapper the watcher would know as ours): it must go unseen.
      const b = document.getElementById('b')!;
      b.append(document.createElement('span'));
      b.lastChild!.textContent = ' Unseen.';
    });
    await vi.runAllTimersAsync();
    expect(handed.flat().map((r) => r.text)).toEqual(['Choe Son Hui answered on Tuesday.']);
  });

  it('watches again after unobserved(): a later change by the page is handed over', async () => {
    const handed = watch();
    watcher!.unobserved(() => document.getElementById('b')!.append(' Ours.'));
    document.getElementById('a')!.append(' Later text.');
    await vi.runAllTimersAsync();
    expect(handed.flat().map((r) => r.text)).toEqual(['Kim Yo Jong spoke on Monday. Later text.']);
  });
});
