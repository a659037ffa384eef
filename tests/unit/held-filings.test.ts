import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HeldFilings, HOLD_MS } from '../../src/background/analysis/held-filings';

describe('held filings: a page is filed once its highlights are in', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('files when the page reports its pass done, not while it is still wrapping', () => {
    const filed: string[] = [];
    const held = new HeldFilings();
    held.hold('7:0', () => filed.push('article'));
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(filed).toEqual([]);
    held.release('7:0');
    expect(filed).toEqual(['article']);
    // Released once: neither the timer nor a second report files it again.
    held.release('7:0');
    vi.advanceTimersByTime(HOLD_MS * 2);
    expect(filed).toEqual(['article']);
  });

  it('files a page that never reports after the hold', () => {
    const filed: string[] = [];
    new HeldFilings().hold('7:0', () => filed.push('article'));
    vi.advanceTimersByTime(HOLD_MS);
    expect(filed).toEqual(['article']);
  });

  it('files an earlier pass at once when a later one comes, keeping their order', () => {
    const filed: string[] = [];
    const held = new HeldFilings();
    held.hold('7:0', () => filed.push('first pass'));
    held.hold('7:0', () => filed.push('second pass'));
    expect(filed).toEqual(['first pass']);
    held.release('7:0');
    expect(filed).toEqual(['first pass', 'second pass']);
  });

  it('files a closed tab’s article, and only that tab’s', () => {
    const filed: string[] = [];
    const held = new HeldFilings();
    held.hold('7:0', () => filed.push('tab 7'));
    held.hold('70:0', () => filed.push('tab 70'));
    held.releaseTab(7);
    expect(filed).toEqual(['tab 7']);
  });
});
