// The release packages, as a store or a reader gets them: `npm run package` (which refuses a
// Firefox package `web-ext lint` finds fault with), then each browser loads the CONTENTS of its
// own zip — not dist/ — and annotates the demo article.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, mentionCounts, type BrowserSession } from '../browsers';
import { ROOT } from '../harness';
import { unzip } from '../unzip';

const version = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string }).version;
const zipOf = { chromium: 'chrome', firefox: 'firefox' } as const;
let packaged: { status: number | null; output: string } | undefined;

/** Runs `npm run package` once per file (it rebuilds dist/ the same way `npm test` did). */
function packageOnce(): { status: number | null; output: string } {
  if (!packaged) {
    const r = spawnSync(process.execPath, ['scripts/package.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
    packaged = { status: r.status, output: `${r.stdout}\n${r.stderr}` };
  }
  return packaged;
}

describeInBrowsers('release package', (browser) => {
  const dir = mkdtempSync(join(tmpdir(), `backstory-${browser.name}-zip-`));
  let s: BrowserSession;
  let files: string[] = [];

  beforeAll(async () => {
    const { status, output } = packageOnce();
    expect(status, `npm run package failed:\n${output}`).toBe(0);
    files = unzip(join(ROOT, 'web-ext-artifacts', `backstory-${zipOf[browser.name]}-${version}.zip`), dir);
    s = await browser.start({ dist: dir });
  }, 240_000);
  afterAll(async () => {
    await s?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the whole extension, and a manifest this browser reads without complaint', () => {
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'background.js', 'content.js', 'ui.js', 'popup/popup.html', 'options/options.html']));
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { background: { service_worker?: string; scripts?: string[] } };
    if (browser.name === 'firefox') expect(manifest.background, 'an event page, no service worker key for Firefox to warn about').toEqual({ scripts: ['background.js'] });
    else expect(manifest.background.service_worker).toBe('background.js');
  });

  it('annotates the demo article from the zip’s contents', async () => {
    const page = await s.openDemo('/index.html');
    const counts = await mentionCounts(page);
    for (const id of ['choe-son-hui', 'kim-jong-un', 'yongbyon']) expect(counts[id] ?? 0, id).toBeGreaterThan(0);
    expect(s.log()).toEqual([]);
    expect(s.foreignRequests()).toEqual([]);
  });
});
