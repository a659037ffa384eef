// Reading what a reader sees on an annotated page: shared by `npm start` and the real-browser tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs in the page: how many mentions of each entity are highlighted. */
export function countMentionsInPage() {
  /** @type {Record<string, number>} */
  const counts = {};
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (const el of document.querySelectorAll('[data-backstory-entity]')) {
    const id = /** @type {HTMLElement} */ (el).dataset.backstoryEntity ?? '';
    // A mention split by inline tags is several elements; a piece whose preceding text
    // belongs to a piece with the same id continues that mention.
    const first = el.firstChild;
    if (!first) continue;
    walker.currentNode = first;
    // Splitting leaves empty Text nodes at tag edges ("<b>Choe</b> Son Hui"); they separate nothing.
    let before = walker.previousNode();
    while (before && before.nodeValue === '') before = walker.previousNode();
    const prev = /** @type {HTMLElement | null | undefined} */ (before?.parentElement?.closest('[data-backstory-entity]'));
    if (prev && prev !== el && prev.dataset.backstoryEntity === id) continue;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** Display names of the entities in the bundled packs (`src/packs/*.json` under the repository
 *  folder `root`; the build bundles them into background.js, it ships no pack files). */
export function packNames(root) {
  const names = new Map();
  const dir = join(root, 'src', 'packs');
  if (!existsSync(dir)) return names;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    const pack = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    for (const e of pack.entities ?? []) names.set(e.id, e.name);
  }
  return names;
}

/** Whether a DevTools DOM node is the card's host element. */
const isCardHost = (node) => (node.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-backstory-card');

/**
 * Reads the card through the DevTools protocol, which sees into closed shadow roots; page
 * scripts (and Playwright locators) cannot.
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {import('playwright-core').Page} page
 */
export async function readCard(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, isCardHost);
    if (!host) return { open: false, text: '' };
    const parts = [];
    collectText(host, parts);
    const text = parts.join(' ').replace(/\s+/g, ' ').trim();
    const open = text !== '' && (await anyContentVisible(cdp, host));
    return { open, text };
  } finally {
    await cdp.detach();
  }
}

// In-page functions on the card's closed shadow root, `(root) => value`: Chromium runs them
// through DevTools (below), Firefox through WebDriver BiDi (firefox.mjs), so both read alike.

/** Runs in the card: presses its "N more" button; whether there was one. */
export function pressMore(root) {
  const b = root.querySelector('button.bs-more');
  b?.click();
  return b !== null;
}

/** Runs in the card: its "Earlier in your reading" items (the `data-earlier` contract). */
export function earlierItems(root) {
  return [...root.querySelectorAll('[data-earlier]')].map((el) => ({
    text: el.textContent.replace(/\s+/g, ' ').trim(),
    href: el.querySelector('a[href]')?.getAttribute('href') ?? '',
    target: el.querySelector('a[href]')?.getAttribute('target') ?? '',
  }));
}

/** Runs in the card: the links from its pack facts to their sources (publisher, address, target). */
export function sourceLinks(root) {
  return [...root.querySelectorAll('a.bs-source-link')].map((a) => ({
    text: a.textContent.trim(),
    href: a.getAttribute('href') ?? '',
    target: a.getAttribute('target') ?? '',
  }));
}

/** Runs in the card: where to click the first earlier item's link (scrolled into the card's view
 *  first), in the page's viewport; null without such a link. */
export function pointOfEarlierLink(root) {
  const a = root.querySelector('[data-earlier] a[href]');
  if (!a) return null;
  a.scrollIntoView({ block: 'nearest' });
  const r = a.getClientRects()[0];
  return r ? { x: r.left + Math.min(r.width / 2, 12), y: r.top + r.height / 2 } : null;
}

/** Runs `fn` (a `(root) => value` function or its source) on the card's closed shadow root
 *  through DevTools; `{ value }`, or null without a card. */
async function onCardRoot(ctx, page, fn) {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = findNode(root, isCardHost)?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return null;
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${fn})(this); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return { value: result.value };
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `fn` (a `(root) => value` function or its source) in the page on the card's shadow root
 * and returns its JSON result. Throws when there is no card host.
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {import('playwright-core').Page} page
 * @param {string | ((root: ShadowRoot) => unknown)} fn
 */
export async function inCardRoot(ctx, page, fn) {
  const read = await onCardRoot(ctx, page, fn);
  if (!read) throw new Error('no card host with a shadow root on the page');
  return read.value;
}

/**
 * Presses the hover card's "N more" button, which turns the glance into the full card. Returns
 * whether there was one to press (a card whose glance holds everything has none).
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {import('playwright-core').Page} page
 */
export async function expandCard(ctx, page) {
  return (await onCardRoot(ctx, page, pressMore))?.value === true;
}

/** The open card's earlier items (see `earlierItems`); none without a card.
 *  @param {import('playwright-core').BrowserContext} ctx @param {import('playwright-core').Page} page */
export async function readEarlier(ctx, page) {
  return (await onCardRoot(ctx, page, earlierItems))?.value ?? [];
}

/** The open card's source links (see `sourceLinks`); none without a card.
 *  @param {import('playwright-core').BrowserContext} ctx @param {import('playwright-core').Page} page */
export async function readSourceLinks(ctx, page) {
  return (await onCardRoot(ctx, page, sourceLinks))?.value ?? [];
}

/** See `pointOfEarlierLink`; null without a card.
 *  @param {import('playwright-core').BrowserContext} ctx @param {import('playwright-core').Page} page */
export async function earlierLinkPoint(ctx, page) {
  return (await onCardRoot(ctx, page, pointOfEarlierLink))?.value ?? null;
}

function findNode(node, test) {
  if (test(node)) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findNode(child, test);
    if (hit) return hit;
  }
  return null;
}

function collectText(node, out) {
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return;
  if (node.nodeType === 3) out.push(node.nodeValue);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) collectText(child, out);
}

/** Whether any element with text inside the card is laid out, visible and not transparent. */
async function anyContentVisible(cdp, host) {
  const target = host.shadowRoots?.[0] ?? host;
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: target.backendNodeId });
  if (!object.objectId) return false;
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    returnByValue: true,
    functionDeclaration: `function () {
      const els = [...this.querySelectorAll('*')].filter((e) => !/^(STYLE|SCRIPT|LINK)$/.test(e.tagName));
      return els.some((e) => {
        if (!e.textContent.trim()) return false;
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && e.checkVisibility({ opacityProperty: true, visibilityProperty: true });
      });
    }`,
  });
  return result.value === true;
}
