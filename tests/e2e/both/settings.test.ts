// Settings in every browser: what the reader changes on the options page survives closing the
// browser and starting it again on the same profile (in Firefox the add-on is a temporary one,
// so it is installed again on the second start, at the same moz-extension:// host), and an open
// article follows a change at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, type BrowserSession, type TestPage } from '../browsers';

/** The highlight style every mention on the page carries (several when they disagree). */
function stylesOn(page: TestPage): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('[data-backstory-entity]')].map((el) => el.getAttribute('data-backstory-style') ?? ''))]);
}

describeInBrowsers('settings', (browser) => {
  const profile = mkdtempSync(join(tmpdir(), `backstory-${browser.name}-profile-`));
  const open: BrowserSession[] = [];

  afterAll(async () => {
    for (const s of open) await s.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  });

  it('keeps first-mention-only and the highlight style after the browser restarts on the same profile', async () => {
    const first = await browser.start({ userDataDir: profile });
    open.push(first);
    const before = await first.openDemo('/index.html');
    const countsBefore = await mentionCounts(before);
    expect(Object.values(countsBefore).some((n) => n > 1), 'the demo names someone more than once').toBe(true);
    expect(await stylesOn(before)).toEqual(['underline']);

    const options = await first.openOptions();
    await options.setChecked('input[name="firstMentionOnly"]', true);
    await options.setChecked('input[name="highlightStyle"][value="background"]', true);
    // Saved means in storage, not only ticked on screen.
    await expect
      .poll(() => first.inExtension(async () => (await (globalThis as unknown as StorageApi).chrome.storage.local.get('settings')).settings), { timeout: 5_000 })
      .toMatchObject({ firstMentionOnly: true, highlightStyle: 'background' });
    expect(first.log()).toEqual([]);
    expect(first.foreignRequests()).toEqual([]);
    await first.close();
    open.pop();

    const second = await browser.start({ userDataDir: profile });
    open.push(second);
    const reopened = await second.openOptions();
    expect(await reopened.evaluate(() => (document.querySelector('input[name="firstMentionOnly"]') as HTMLInputElement).checked), 'first-mention-only still ticked').toBe(true);
    expect(await reopened.evaluate(() => (document.querySelector('input[name="highlightStyle"][value="background"]') as HTMLInputElement).checked), 'background style still chosen').toBe(true);
    expect(await reopened.evaluate(() => (document.querySelector('input[name="highlightStyle"][value="underline"]') as HTMLInputElement).checked), 'underline no longer chosen').toBe(false);

    const after = await second.openDemo('/index.html');
    const countsAfter = await mentionCounts(after);
    expect(Object.keys(countsAfter).sort(), 'the same names are highlighted').toEqual(Object.keys(countsBefore).sort());
    expect(Object.values(countsAfter).every((n) => n === 1), `one highlighted mention per name: ${JSON.stringify(countsAfter)}`).toBe(true);
    expect(await stylesOn(after)).toEqual(['background']);
    expect(second.log()).toEqual([]);
    expect(second.foreignRequests()).toEqual([]);
    // One browser at a time: the next case starts its own.
    await second.close();
    open.pop();
  }, 150_000);

  it('updates an open article as soon as a setting changes on the options page', async () => {
    const s = await browser.start();
    open.push(s);
    const article = await s.openDemo('/index.html');
    const counts = await mentionCounts(article);
    expect(Object.values(counts).some((n) => n > 1), 'the demo names someone more than once').toBe(true);
    const options = await s.openOptions();

    await options.setChecked('input[name="highlightStyle"][value="background"]', true);
    await expect.poll(() => stylesOn(article), { timeout: 15_000, message: 'every mention switches to the background style' }).toEqual(['background']);

    await options.setChecked('input[name="firstMentionOnly"]', true);
    // The page is annotated again in slices: wait for the finished pass, not a half-wrapped one.
    const firstOnly = async () => {
      const now = await mentionCounts(article);
      return { everyOnce: Object.values(now).every((n) => n === 1), names: Object.keys(now).sort() };
    };
    await expect
      .poll(firstOnly, { timeout: 15_000, message: 'repeated mentions lose their highlight; each name keeps its first mention' })
      .toEqual({ everyOnce: true, names: Object.keys(counts).sort() });

    await options.setChecked('input[name="firstMentionOnly"]', false);
    await expect.poll(() => mentionCounts(article), { timeout: 15_000, message: 'all mentions come back' }).toEqual(counts);
    expect(s.log()).toEqual([]);
    expect(s.sawDemoRequests(), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
    await s.close();
    open.pop();
  }, 90_000);
});

interface StorageApi {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}
