// Launching Debian's Firefox ESR with the built extension as a temporary add-on, shared by
// `npm start -- --firefox` and the Firefox lane of the real-browser tests. Driven by
// puppeteer-core over WebDriver BiDi (no geckodriver); see ../shared/docs/FIREFOX-TESTS.md.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { earlierItems, pointOfEarlierLink, pressMore, sourceLinks } from './probes.mjs';

/** The Firefox to drive: $FIREFOX_PATH, else Debian's firefox-esr, else one on PATH; null when none. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const candidates = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir) candidates.push(join(dir, 'firefox-esr'), join(dir, 'firefox'));
  }
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** The add-on id the manifest gives Firefox (needed to pin the moz-extension:// host). */
export function geckoId(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (typeof id !== 'string') throw new Error(`${dist}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

/**
 * Starts Firefox and installs `dist` as a temporary add-on.
 *
 * The moz-extension:// host is pinned to `uuid` (fresh by default), so extension pages have a known
 * address. With `profileDir` the profile outlives the browser: the temporary add-on is gone after a
 * restart, but installing it again with the same `uuid` finds its storage. The UUID is what matters:
 * extension storage belongs to the moz-extension:// origin, and with a new UUID the settings were
 * gone (tried on Firefox 153 ESR). The two `keep…OnUninstall` prefs were not needed there (Firefox
 * does not clear a temporary add-on's storage when it goes at shutdown); they keep it that way.
 *
 * Every request any tab makes is recorded in `requests`; lines Firefox prints about the extension
 * (its console and its script errors, which BiDi does not report for extension pages) in `lines`.
 * @param {{ dist: string, executablePath: string, headless?: boolean, profileDir?: string, uuid?: string,
 *   viewport?: { width: number, height: number } | null, prefs?: Record<string, unknown> }} options
 */
export async function launchFirefoxWithExtension({ dist, executablePath, headless = true, profileDir, uuid = randomUUID(), viewport, prefs = {} }) {
  const addonId = geckoId(dist);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath,
    headless,
    ...(profileDir ? { userDataDir: profileDir } : {}),
    // Without it WebDriver BiDi refuses to navigate to moz-extension:// pages (Firefox 138+).
    args: ['--remote-allow-system-access'],
    defaultViewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // console.* from the background page, extension pages and content scripts, on stdout.
      'devtools.console.stdout.content': true,
      ...prefs,
    },
  });
  const t0 = Date.now();
  /** @type {{ stream: string, at: number, line: string }[]} */
  const lines = [];
  const proc = browser.process();
  for (const [stream, source] of /** @type {const} */ ([['stdout', proc?.stdout], ['stderr', proc?.stderr]])) {
    let rest = '';
    source?.on('data', (d) => {
      const parts = (rest + d).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) if (line.includes(uuid) || /Backstory/.test(line)) lines.push({ stream, at: Date.now() - t0, line });
    });
  }
  /** @type {string[]} */
  const requests = [];
  const conn = /** @type {any} */ (browser).connection;
  conn.on('network.beforeRequestSent', (/** @type {any} */ e) => requests.push(String(e.request?.url ?? '')));
  try {
    const installed = await browser.installExtension(dist);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, expected ${addonId}`);
  } catch (err) {
    await closeFirefox(browser);
    throw err;
  }
  return { browser, uuid, addonId, base: `moz-extension://${uuid}`, requests, lines, since: () => Date.now() - t0 };
}

/**
 * Opens an extension page in a new tab. page.goto() never sees such a load finish over BiDi (it
 * times out), so navigate without waiting and wait for the page's own marker instead.
 * @param {import('puppeteer-core').Browser} browser
 */
export async function openExtensionPage(browser, url, readySelector = 'body[data-ready]', timeout = 15_000) {
  const page = await browser.newPage();
  await /** @type {any} */ (browser).connection.send('browsingContext.navigate', { context: contextOf(page), url, wait: 'none' });
  if (readySelector) await page.waitForSelector(readySelector, { timeout });
  return page;
}

/** The BiDi browsing context of a page (what raw BiDi commands target). */
export function contextOf(page) {
  return /** @type {any} */ (page.mainFrame())._id;
}

/** Runs inside the card's closed shadow root, which BiDi hands over as an argument. */
const READ_ROOT = `(root) => {
  const parts = [];
  const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (w.nextNode()) {
    const p = w.currentNode.parentElement;
    if (p && /^(STYLE|SCRIPT)$/.test(p.tagName)) continue;
    parts.push(w.currentNode.nodeValue);
  }
  const visible = [...root.querySelectorAll('*')].some((e) => {
    if (/^(STYLE|SCRIPT|LINK)$/.test(e.tagName) || !e.textContent.trim()) return false;
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  });
  return { text: parts.join(' ').replace(/\\s+/g, ' ').trim(), visible };
}`;

/** Runs `fn` (a `(root) => value` function or its source, as in probes.mjs) on the card's closed
 *  root; `{ value }` (passed back as JSON), or null without a card. */
async function onCardRoot(browser, page, fn) {
  const conn = /** @type {any} */ (browser).connection;
  const context = contextOf(page);
  const found = await conn.send('script.evaluate', {
    expression: 'document.querySelector("[data-backstory-card]")',
    target: { context },
    awaitPromise: false,
    resultOwnership: 'none',
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
  });
  const host = found.result.result;
  const root = host.type === 'node' ? host.value?.shadowRoot : undefined;
  if (!root?.sharedId) return null;
  const read = await conn.send('script.callFunction', {
    functionDeclaration: `(root) => JSON.stringify((${fn})(root))`,
    arguments: [{ sharedId: root.sharedId }],
    target: { context },
    awaitPromise: false,
  });
  return { value: JSON.parse(read.result.result.value) };
}

/**
 * Reads the card the way `readCard` in probes.mjs does over CDP: BiDi serialisation with
 * includeShadowTree "all" returns closed shadow roots too, which page scripts cannot reach.
 * @param {import('puppeteer-core').Browser} browser
 * @param {import('puppeteer-core').Page} page
 * @returns {Promise<{ open: boolean, text: string }>}
 */
export async function readCardInFirefox(browser, page) {
  const read = await onCardRoot(browser, page, READ_ROOT);
  if (!read) return { open: false, text: '' };
  const { text, visible } = read.value;
  return { open: text !== '' && visible, text };
}

/** Presses the hover card's "N more" button (see probes.mjs expandCard); whether there was one. */
export async function expandCardInFirefox(browser, page) {
  return (await onCardRoot(browser, page, pressMore))?.value === true;
}

/** The open card's "Earlier in your reading" items (see probes.mjs earlierItems); none without a card. */
export async function readEarlierInFirefox(browser, page) {
  return (await onCardRoot(browser, page, earlierItems))?.value ?? [];
}

/** The open card's links to its facts' sources (see probes.mjs sourceLinks); none without a card. */
export async function readSourceLinksInFirefox(browser, page) {
  return (await onCardRoot(browser, page, sourceLinks))?.value ?? [];
}

/** Where to click the first earlier item's link (see probes.mjs pointOfEarlierLink); null
 *  without a card or such a link. */
export async function earlierLinkPointInFirefox(browser, page) {
  return (await onCardRoot(browser, page, pointOfEarlierLink))?.value ?? null;
}

/** Closes Firefox, killing it if it does not go within `ms`. */
export async function closeFirefox(browser, ms = 10_000) {
  let timer;
  try {
    await Promise.race([
      browser.close(),
      new Promise((done) => {
        timer = setTimeout(() => {
          browser.process()?.kill('SIGKILL');
          done(undefined);
        }, ms);
      }),
    ]);
  } catch {
    browser.process()?.kill('SIGKILL');
  } finally {
    clearTimeout(timer);
  }
}
