// A page that keeps growing (a live blog): content added after the first pass gets annotated
// too, and nothing is wrapped twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, startSession, type Session } from './harness';

declare global {
  interface Window {
    __addedByPage?: Element[];
  }
}

describeInBrowser('live page in Chromium', () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await s?.close();
  });

  it('annotates a paragraph the page appends after loading', async () => {
    const page = await s.openDemo('/live.html', (p) =>
      // Note, from the page's own world, every element the page adds once loaded (not ours).
      p.addInitScript(() => {
        window.__addedByPage = [];
        addEventListener('load', () => {
          new MutationObserver((records) => {
            for (const r of records) {
              for (const n of r.addedNodes) {
                if (n instanceof Element && !/^backstory-/i.test(n.tagName)) window.__addedByPage?.push(n);
              }
            }
          }).observe(document.body, { childList: true, subtree: true });
        });
      }),
    );
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const added = (window.__addedByPage ?? []).filter((el) => el.isConnected && /Yongbyon/.test(el.textContent ?? ''));
            const ids = new Set(added.flatMap((el) => [...el.querySelectorAll<HTMLElement>('[data-backstory-entity]')].map((m) => m.dataset.backstoryEntity)));
            return { added: added.length, yongbyon: ids.has('yongbyon'), kim: ids.has('kim-jong-un') };
          }),
        { timeout: 10_000, message: 'the appended paragraph gets its names highlighted' },
      )
      .toEqual({ added: expect.any(Number), yongbyon: true, kim: true });
    expect(await page.locator('[data-backstory-entity] [data-backstory-entity]').count(), 'nothing wrapped twice').toBe(0);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.requests.some((r) => r.url.startsWith(s.server.origin)), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});
