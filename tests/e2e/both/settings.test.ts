// Settings in every browser: what the reader changes on the options page survives closing the
// browser and starting it again on the same profile. (In Firefox the add-on is a temporary one,
// so it is installed again on the second start, at the same moz-extension:// host.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, type BrowserSession, type TestPage } from '../browsers';

/** The highlight style every mention on the page carries (several when they disagree). */
function stylesOn(page: TestPage): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('[data-backstory-entity]')].map((el) => el.getAttribute('data-backstory-style') ?? ''))]);
}

describeInBrowsers('settings across a restart', (browser) => {
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
    await first.close();
    open.pop();

    const second = await browser.start({ userDataDir: profile });
    open.push(second);
    const reopened = await second.openOptions();
    expect(await reopened.evaluate(() => (document.querySelector('input[name="firstMentionOnly"]') as HTMLInputElement).checked), 'first-mention-only still ticked').toBe(true);
    expect(await reopened.evaluate(() => (document.querySelector('input[name="highlightStyle"][value="background"]') as HTMLInputElement).checked), 'background style still chosen').toBe(true);

    const after = await second.openDemo('/index.html');
    const countsAfter = await mentionCounts(after);
    expect(Object.keys(countsAfter).sort(), 'the same names are highlighted').toEqual(Object.keys(countsBefore).sort());
    expect(Object.values(countsAfter).every((n) => n === 1), `one highlighted mention per name: ${JSON.stringify(countsAfter)}`).toBe(true);
    expect(await stylesOn(after)).toEqual(['background']);
    expect(second.log()).toEqual([]);
    expect(second.foreignRequests()).toEqual([]);
  }, 150_000);
});

interface StorageApi {
  chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>> } } };
}
