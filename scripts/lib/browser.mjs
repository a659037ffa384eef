// Launching Debian Chromium with the unpacked extension, shared by `npm start` and the
// real-browser tests. Settings follow ../shared/docs/BROWSER-TESTS.md (verified on these machines).
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** The Chromium to drive: $CHROMIUM_PATH, else Debian's package, else `chromium` on PATH; null when none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir) candidates.push(join(dir, 'chromium'), join(dir, 'chromium-browser'));
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** True for URLs that stay on this machine: the extension itself, the local demo server, inline data. */
export function isLocalUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'chrome-extension:' || u.protocol === 'data:' || u.protocol === 'blob:') return true;
  if (u.protocol === 'about:') return true;
  return (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname === '127.0.0.1' || u.hostname === 'localhost');
}

/**
 * Launches Chromium with the extension in `dist` loaded into a fresh temporary profile, or into
 * `userDataDir` when given (a profile that outlives the browser, to test what survives a restart).
 * Every request is recorded in `requests`; anything not local is aborted before it leaves.
 * @param {{ dist: string, executablePath: string, headless?: boolean, viewport?: { width: number, height: number } | null, userDataDir?: string }} options
 */
export async function launchWithExtension({ dist, executablePath, headless = true, viewport, userDataDir = '' }) {
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    viewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  /** @type {{ url: string, resourceType: string, fromServiceWorker: boolean }[]} */
  const requests = [];
  ctx.on('request', (r) =>
    requests.push({ url: r.url(), resourceType: r.resourceType(), fromServiceWorker: r.serviceWorker() !== null }),
  );
  await ctx.route('**/*', (route) => (isLocalUrl(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));

  const sw = ctx.serviceWorkers().find(isExtensionWorker) ?? (await ctx.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
  const extensionId = new URL(sw.url()).host;
  return { ctx, extensionId, requests };
}

function isExtensionWorker(worker) {
  return worker.url().startsWith('chrome-extension://');
}

/** The extension's current service worker (MV3 may stop and restart it, so look it up each time). */
export async function extensionWorker(ctx, extensionId) {
  const match = (w) => w.url().startsWith(`chrome-extension://${extensionId}/`);
  return ctx.serviceWorkers().find(match) ?? (await ctx.waitForEvent('serviceworker', { predicate: match, timeout: 15_000 }));
}
