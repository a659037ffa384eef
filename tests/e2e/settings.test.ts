// Settings in real Chromium: what the reader changes on the options page survives closing the
// browser (same profile folder, new browser), and an open article follows a change at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { describeInBrowser, mentionCounts, startSession, type Session } from './harness';

async function openOptions(s: Session): Promise<Page> {
  const page = await s.ctx.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options/options.html`);
  await page.waitForSelector('body[data-ready]', { timeout: 10_000 });
  return page;
}

/** The highlight style every mention on the page carries (several when they disagree). */
function stylesOn(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('[data-backstory-entity]')].map((el) => el.getAttribute('data-backstory-style') ?? ''))]);
}

function repeated(counts: Record<string, number>): string[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 1)
    .map(([id]) => id);
}

describeInBrowser('settings in Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-profile-'));
  const open: Session[] = [];
  const start = async (userDataDir?: string) => {
    const s = await startSession({ userDataDir });
    open.push(s);
    return s;
  };

  afterAll(async () => {
    for (const s of open) await s.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps first-mention-only and the highlight style after the browser restarts', async () => {
    const first = await start(profile);
    const before = await first.openDemo('/index.html');
    const countsBefore = await mentionCounts(before);
    expect(repeated(countsBefore), 'the demo names someone more than once (else first-mention-only shows nothing)').not.toEqual([]);
    expect(await stylesOn(before)).toEqual(['underline']);

    const options = await openOptions(first);
    await options.locator('input[name="firstMentionOnly"]').check();
    await options.locator('input[name="highlightStyle"][value="background"]').check();
    // Saved means in storage, not only ticked on screen.
    const sw = await first.worker();
    await expect
      .poll(() => sw.evaluate(async () => (await (globalThis as unknown as StorageApi).chrome.storage.local.get('settings')).settings), { timeout: 5_000 })
      .toMatchObject({ firstMentionOnly: true, highlightStyle: 'background' });
    await first.close();

    const second = await start(profile);
    const reopened = await openOptions(second);
    expect(await reopened.locator('input[name="firstMentionOnly"]').isChecked(), 'first-mention-only still ticked').toBe(true);
    expect(await reopened.locator('input[name="highlightStyle"][value="background"]').isChecked(), 'background style still chosen').toBe(true);
    expect(await reopened.locator('input[name="highlightStyle"][value="underline"]').isChecked()).toBe(false);

    const after = await second.openDemo('/index.html');
    const countsAfter = await mentionCounts(after);
    expect(Object.keys(countsAfter).sort(), 'the same names are highlighted').toEqual(Object.keys(countsBefore).sort());
    expect(Object.values(countsAfter).every((n) => n === 1), `one highlighted mention per name: ${JSON.stringify(countsAfter)}`).toBe(true);
    expect(await stylesOn(after)).toEqual(['background']);
  }, 120_000);

  it('updates an open article as soon as a setting changes on the options page', async () => {
    const s = await start();
    const article = await s.openDemo('/index.html');
    const counts = await mentionCounts(article);
    expect(repeated(counts)).not.toEqual([]);
    const options = await openOptions(s);

    await options.locator('input[name="highlightStyle"][value="background"]').check();
    await expect.poll(() => stylesOn(article), { timeout: 15_000, message: 'every mention switches to the background style' }).toEqual(['background']);

    await options.locator('input[name="firstMentionOnly"]').check();
    // The page is annotated again in slices: wait for the finished pass, not a half-wrapped one.
    const firstOnly = async () => {
      const now = await mentionCounts(article);
      return { everyOnce: Object.values(now).every((n) => n === 1), names: Object.keys(now).sort() };
    };
    await expect
      .poll(firstOnly, { timeout: 15_000, message: 'repeated mentions lose their highlight; each name keeps its first mention' })
      .toEqual({ everyOnce: true, names: Object.keys(counts).sort() });

    await options.locator('input[name="firstMentionOnly"]').uncheck();
    await expect.poll(() => mentionCounts(article), { timeout: 15_000, message: 'all mentions come back' }).toEqual(counts);
  }, 60_000);

  it('makes no request beyond the extension and the demo server', () => {
    for (const s of open) expect(s.foreignRequests()).toEqual([]);
  });
});

interface StorageApi {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}
