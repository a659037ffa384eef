#!/usr/bin/env node
// `npm start`: build the extension, serve the demo site on 127.0.0.1 and open it in Chromium
// with Backstory loaded. With a display the browser window stays until you close it; without
// one (a server, CI) it runs headless, prints what it highlighted and saves a screenshot of a card.
//
//   npm start                          window if there is a display, else headless + screenshot
//   npm start -- --screenshot <path>   headless, write the screenshot to <path> (the README's)
//   npm start -- --popup-screenshot <path>  headless (Chromium), also a 400×600 picture of the popup
//   npm start -- --marks-screenshot <path>  headless (Chromium), also the article's highlights with no
//                                      card open, on the page as it is and on a darkened copy (<path>
//                                      and <path without .png>-dark.png): names with pack background
//                                      beside names known only from the article
//   npm start -- --firefox             the same in Firefox ESR, the extension a temporary add-on
//                                      (headless screenshot: artifacts/demo-card-firefox.png)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionWorker, findChromium, launchWithExtension } from './lib/browser.mjs';
import { serveStatic } from './lib/demo-server.mjs';
import { closeFirefox, expandCardInFirefox, findFirefox, launchFirefoxWithExtension, readCardInFirefox, readEarlierInFirefox } from './lib/firefox.mjs';
import { countMentionsInPage, expandCard, packNames, readCard, readEarlier } from './lib/probes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(ROOT, 'dist');
const PORT = 8737;

const args = process.argv.slice(2);
const shotAt = args.indexOf('--screenshot');
const shotArg = shotAt >= 0 ? args[shotAt + 1] : undefined;
if (shotAt >= 0 && (!shotArg || shotArg.startsWith('--'))) fail('--screenshot needs a file path, e.g. --screenshot docs/screenshot.png');
const popupAt = args.indexOf('--popup-screenshot');
const popupArg = popupAt >= 0 ? args[popupAt + 1] : undefined;
if (popupAt >= 0 && (!popupArg || popupArg.startsWith('--'))) fail('--popup-screenshot needs a file path, e.g. --popup-screenshot docs/screenshot-popup.png');
const marksAt = args.indexOf('--marks-screenshot');
const marksArg = marksAt >= 0 ? args[marksAt + 1] : undefined;
if (marksAt >= 0 && (!marksArg || marksArg.startsWith('--') || !marksArg.endsWith('.png'))) fail('--marks-screenshot needs a .png file path, e.g. --marks-screenshot docs/screenshot-marks.png');
const firefox = args.includes('--firefox');
if (firefox && popupArg) fail('--popup-screenshot works with Chromium only.');
if (firefox && marksArg) fail('--marks-screenshot works with Chromium only.');
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = shotArg !== undefined || popupArg !== undefined || marksArg !== undefined || !hasDisplay;
/** Earlier articles on the demo's story, oldest first (their publication dates: March, July 2019). */
const EARLIER_ARTICLES = ['hanoi-aftermath.html', 'panmunjom-meeting.html'];
/** The page `--marks-screenshot` photographs. */
const MARKS_PAGE = 'river-talks.html';
const screenshot = resolve(ROOT, shotArg ?? (firefox ? 'artifacts/demo-card-firefox.png' : 'artifacts/demo-card.png'));

const chromiumPath = firefox ? null : findChromium();
const firefoxPath = firefox ? findFirefox() : null;
if (firefox && !firefoxPath) {
  fail(
    process.env.FIREFOX_PATH
      ? `FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but there is no file there.`
      : 'Firefox is not installed. On Debian/Ubuntu: sudo apt-get install firefox-esr\n' +
          '(or point FIREFOX_PATH at a Firefox binary).',
  );
}
if (!firefox && !chromiumPath) {
  fail(
    process.env.CHROMIUM_PATH
      ? `CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`
      : 'Chromium is not installed. On Debian/Ubuntu: sudo apt-get install chromium\n' +
          '(or point CHROMIUM_PATH at a Chromium or Chrome binary), or try `npm start -- --firefox`.',
  );
}

const built = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (built.status !== 0) fail('the build failed (see above).');

const server = await serveStatic(resolve(ROOT, 'demo'), { port: PORT, fallback: true });
const demoUrl = `${server.origin}/index.html`;
console.log(`\nDemo site: ${server.origin}/  (index.html, live.html, plain.html, river-talks.html)`);

if (firefox) await runFirefox(/** @type {string} */ (firefoxPath));

let session;
try {
  session = await launchWithExtension({ dist: DIST, executablePath: /** @type {string} */ (chromiumPath), headless, viewport: headless ? undefined : null });
} catch (err) {
  await server.close();
  fail(`could not start Chromium with the extension: ${err instanceof Error ? err.message : String(err)}`);
}
const { ctx } = session;

if (!headless) {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(demoUrl);
  console.log('Chromium is open with Backstory loaded. Hover a highlighted name; close the browser to stop.');
  const stop = () => void ctx.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise((done) => ctx.once('close', done));
  await server.close();
  process.exit(0);
}

try {
  await headlessTour();
  process.exitCode = 0;
} catch (err) {
  console.error(`\nnpm start: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await ctx.close();
  await server.close();
}

/** Firefox ESR with the extension as a temporary add-on: a window, or the headless tour. */
async function runFirefox(executablePath) {
  let ff;
  try {
    ff = await launchFirefoxWithExtension({ dist: DIST, executablePath, headless, viewport: headless ? undefined : null });
  } catch (err) {
    await server.close();
    fail(`could not start Firefox with the extension: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { browser } = ff;
  if (!headless) {
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.goto(demoUrl);
    console.log('Firefox is open with Backstory loaded as a temporary add-on. Hover a highlighted name; close the browser to stop.');
    const stop = () => void closeFirefox(browser);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise((done) => browser.once('disconnected', done));
    await server.close();
    process.exit(0);
  }
  try {
    await readEarlierArticles(async (url) => {
      const earlier = await browser.newPage();
      await earlier.goto(url);
      await earlier.waitForSelector('html[data-backstory="ready"]', { timeout: 20_000 });
      const title = await earlier.title();
      await earlier.close();
      return title;
    });
    const page = await browser.newPage();
    await page.goto(demoUrl);
    await page.waitForSelector('html[data-backstory="ready"]', { timeout: 20_000 });
    await tour({
      evaluate: (fn, arg) => page.evaluate(fn, arg),
      innerText: (selector) => page.$eval(selector, (el) => /** @type {HTMLElement} */ (el).innerText),
      hover: (selector) => page.hover(selector),
      readCard: () => readCardInFirefox(browser, page),
      readEarlier: () => readEarlierInFirefox(browser, page),
      expand: () => expandCardInFirefox(browser, page),
      title: () => page.title(),
      // Puppeteer's clip is in page coordinates, Playwright's in the window's: add the scroll.
      screenshot: async (clip) => {
        const { x, y } = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
        await page.screenshot({ path: screenshot, clip: { ...clip, x: clip.x + x, y: clip.y + y } });
      },
      height: page.viewport()?.height ?? 900,
    });
    process.exitCode = 0;
  } catch (err) {
    console.error(`\nnpm start: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await closeFirefox(browser);
    await server.close();
  }
  process.exit();
}

/** Without a window (Chromium): show in the terminal what a reader would see, and save a picture of a card. */
async function headlessTour() {
  await readEarlierArticles(async (url) => {
    const earlier = await ctx.newPage();
    await earlier.goto(url);
    await earlier.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 15_000 });
    const title = await earlier.title();
    await earlier.close();
    return title;
  });
  const page = await ctx.newPage();
  await page.goto(demoUrl);
  await page.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 15_000 });
  await tour({
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    innerText: (selector) => page.locator(selector).first().innerText(),
    hover: (selector) => page.locator(selector).first().hover(),
    readCard: () => readCard(ctx, page),
    readEarlier: () => readEarlier(ctx, page),
    expand: () => expandCard(ctx, page),
    title: () => page.title(),
    screenshot: (clip) => page.screenshot({ path: screenshot, clip }),
    height: page.viewportSize()?.height ?? 900,
  });
  if (marksArg) {
    // A world-news story of the demo site: names the packs know beside names only the article gives.
    const marks = await ctx.newPage();
    await marks.goto(`${server.origin}/${MARKS_PAGE}`);
    await marks.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 15_000 });
    await marksScreenshots(marks, resolve(ROOT, marksArg));
    await marks.close();
    await page.bringToFront();
  }
  if (popupArg) {
    // The popup as the toolbar button shows it (400×600), for the tab of the demo article.
    await page.bringToFront();
    const worker = await extensionWorker(ctx, session.extensionId);
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
    const manifest = JSON.parse(readFileSync(resolve(DIST, 'manifest.json'), 'utf8'));
    const popup = await ctx.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/${String(manifest.action.default_popup).replace(/^\//, '')}?tabId=${tabId}`);
    await popup.waitForSelector('body[data-ready]', { timeout: 10_000 });
    const path = resolve(ROOT, popupArg);
    mkdirSync(dirname(path), { recursive: true });
    await popup.screenshot({ path });
    console.log(`Screenshot of the popup: ${relative(process.cwd(), path) || path}`);
  }
}

/** A darkened page, as a site with a dark theme would be: the highlights keep their own colours. */
function darkPageCss() {
  return `
  html, body { background: #16181c !important; color: #e4e6ea !important; }
  body *:not(backstory-mention) { background-color: transparent !important; color: inherit !important; border-color: #3a3f47 !important; }
  body a:not(:has(backstory-mention)) { color: #9cc3ff !important; }
`;
}

/**
 * The article's highlights with no card open, where its first names known only from the article
 * sit among names with pack background: on the page as it is (`path`), then darkened (`-dark`).
 * @param {import('playwright-core').Page} page @param {string} path
 */
async function marksScreenshots(page, path) {
  await page.keyboard.press('Escape');
  await page.mouse.move(0, 0);
  const clip = await page.evaluate(() => {
    const block = document.querySelector('article .story-body') ?? document.querySelector('article p');
    const article = document.querySelector('article')?.getBoundingClientRect();
    if (!block || !article) return null;
    window.scrollBy(0, block.getBoundingClientRect().top - 40);
    const top = Math.max(0, block.getBoundingClientRect().top - 16);
    return { x: Math.max(0, article.left - 24), y: top, width: Math.min(innerWidth, article.width + 48), height: Math.min(innerHeight - top, 620) };
  });
  if (!clip) throw new Error(`no article paragraph to photograph on ${MARKS_PAGE}.`);
  const counts = await page.evaluate(() => ({
    page: [...new Set([...document.querySelectorAll('[data-backstory-kind="page"]')].map((el) => el.textContent?.trim() ?? ''))],
    all: new Set([...document.querySelectorAll('[data-backstory-entity]')].map((el) => el.getAttribute('data-backstory-entity'))).size,
  }));
  mkdirSync(dirname(path), { recursive: true });
  await new Promise((r) => setTimeout(r, 300));
  await page.screenshot({ path, clip });
  const dark = path.replace(/\.png$/, '-dark.png');
  await page.addStyleTag({ content: darkPageCss() });
  await new Promise((r) => setTimeout(r, 100));
  await page.screenshot({ path: dark, clip });
  console.log(`\nHighlights: ${counts.all} names, ${counts.page.length} known only from the article (${counts.page.join(', ')})`);
  console.log(`Screenshots of the highlights: ${relative(process.cwd(), path) || path}, ${relative(process.cwd(), dark) || dark}`);
}

/** The reading memory: the earlier articles on the same story are read first, oldest first, so
 *  the demo article's cards can show what they said. `open` loads one and returns its title.
 *  @param {(url: string) => Promise<string>} open */
async function readEarlierArticles(open) {
  console.log('\nReading the earlier articles first (the reading memory keeps what they say):');
  for (const path of EARLIER_ARTICLES) console.log(`  ${await open(`${server.origin}/${path}`)}`);
}

/**
 * The same tour in either browser: what got highlighted, then a card opened and photographed.
 * @param {{ evaluate: (fn: Function, arg?: unknown) => Promise<any>, innerText: (selector: string) => Promise<string>,
 *   hover: (selector: string) => Promise<unknown>, readCard: () => Promise<{ open: boolean, text: string }>,
 *   screenshot: (clip: { x: number, y: number, width: number, height: number }) => Promise<unknown>, height: number,
 *   readEarlier: () => Promise<{ text: string, href: string }[]>, title: () => Promise<string>, expand: () => Promise<boolean> }} page
 */
async function tour(page) {
  const counts = await page.evaluate(countMentionsInPage);
  // How the article wrote each name ("SPA", "Choe"), to show what was matched, not only the pack's name.
  const written = await page.evaluate(() => {
    /** @type {Record<string, string[]>} */
    const out = {};
    for (const el of document.querySelectorAll('[data-backstory-entity]')) {
      const id = /** @type {HTMLElement} */ (el).dataset.backstoryEntity ?? '';
      const text = (el.textContent ?? '').trim();
      if (text && !(out[id] ??= []).includes(text)) out[id].push(text);
    }
    return out;
  });
  const names = packNames(ROOT);
  const rows = await Promise.all(
    Object.entries(counts).map(async ([id, n]) => {
      // Page-only entities are not in the pack: name them as the article does.
      const name = names.get(id) ?? (await page.innerText(`[data-backstory-entity="${id}"]`));
      const forms = (written[id] ?? []).filter((f) => f !== name);
      return { name, n, forms };
    }),
  );
  rows.sort((a, b) => b.n - a.n || a.name.localeCompare(b.name));
  console.log(`\nHighlighted on the demo article: ${rows.length} names`);
  for (const { name, n, forms } of rows) {
    const as = forms.length ? `  (written ${forms.map((f) => `“${f}”`).join(', ')})` : '';
    console.log(`  ${String(n).padStart(3)} × ${name}${as}`);
  }

  const choe = '[data-backstory-entity="choe-son-hui"]';
  const found = await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    // Put the name in the upper third so the card has room below it.
    if (el) window.scrollBy(0, el.getBoundingClientRect().top - innerHeight / 4);
    return el !== null;
  }, choe);
  if (!found) throw new Error('Choe Son Hui is not highlighted on the demo page, so there is no card to show.');
  await page.hover(choe);
  const deadline = Date.now() + 5_000;
  let card = await page.readCard();
  while (!card.open && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    card = await page.readCard();
  }
  if (!card.open) throw new Error('hovering Choe Son Hui did not open a card within 5 s.');
  // The card asks the background for its earlier items when it opens: they may come a moment later.
  let earlierItems = await page.readEarlier();
  while (earlierItems.length === 0 && Date.now() < deadline + 3_000) {
    await new Promise((r) => setTimeout(r, 100));
    earlierItems = await page.readEarlier();
  }
  card = await page.readCard();
  // Let the card's fade-in finish before taking the picture.
  await new Promise((r) => setTimeout(r, 400));
  mkdirSync(dirname(screenshot), { recursive: true });
  // Crop to the article column and the card: the rest of a wide window is empty margin.
  const width = await page.evaluate(() => {
    const right = (/** @type {string} */ sel) => document.querySelector(sel)?.getBoundingClientRect().right ?? 0;
    return Math.ceil(Math.min(innerWidth, Math.max(right('article'), right('[data-backstory-card]')) + 48));
  });
  await page.screenshot({ x: 0, y: 0, width: width > 200 ? width : 1280, height: page.height });
  console.log(`\nCard for Choe Son Hui: ${card.text.slice(0, 160)}${card.text.length > 160 ? '…' : ''}`);
  // The hover card opens as a glance with one earlier item; "N more" shows them all.
  if (await page.expand()) earlierItems = await page.readEarlier();
  console.log(`\nEarlier in your reading (Choe Son Hui, on ${await page.title()}):`);
  if (earlierItems.length === 0) console.log('  (nothing: the reading memory is off or empty)');
  for (const item of earlierItems) console.log(`  - ${item.text}\n    ${item.href}`);
  console.log(`Screenshot with the card open: ${relative(process.cwd(), screenshot) || screenshot}`);
}

/** @param {string} message @returns {never} */
function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}
