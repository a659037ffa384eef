// @vitest-environment jsdom
// The content script after its extension was reloaded or removed: the first browser.* call that
// throws, or the reader's first hover, puts the page back once, and nothing escapes.
import { afterEach, describe, expect, it } from 'vitest';
import { OrphanGuard } from '../../src/content/orphan';

const g = globalThis as { chrome?: unknown };
const alive = () => (g.chrome = { runtime: { id: 'abc' } });
const gone = () => (g.chrome = { runtime: {} });
afterEach(() => delete g.chrome);

describe('OrphanGuard', () => {
  it('does nothing while the extension is there, even when a call fails', async () => {
    alive();
    let calls = 0;
    const guard = new OrphanGuard(() => calls++);
    guard.call(() => Promise.reject(new Error('background restarting')));
    guard.call(() => {
      throw new Error('busy');
    });
    await Promise.resolve();
    expect(calls).toBe(0);
    expect(guard.isGone).toBe(false);
  });

  it('a call that throws synchronously once the extension is gone cleans up once and does not throw', () => {
    alive();
    let calls = 0;
    const guard = new OrphanGuard(() => calls++);
    gone();
    expect(() =>
      guard.call(() => {
        throw new Error('Extension context invalidated.');
      }),
    ).not.toThrow();
    guard.call(() => Promise.resolve());
    expect(calls).toBe(1);
  });

  it('the reader\'s hover is checked before our handlers run', () => {
    alive();
    let calls = 0;
    const guard = new OrphanGuard(() => calls++);
    guard.watch(document);
    document.body.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(calls).toBe(0);
    gone();
    document.body.dispatchEvent(new Event('pointerover', { bubbles: true }));
    document.body.dispatchEvent(new Event('keydown', { bubbles: true }));
    expect(calls).toBe(1);
  });
});
