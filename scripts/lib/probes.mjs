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
    const host = findNode(root, (n) => (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-backstory-card'));
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

/**
 * Presses the hover card's "N more" button, which turns the glance into the full card. Returns
 * whether there was one to press (a card whose glance holds everything has none).
 * @param {import('playwright-core').BrowserContext} ctx
 * @param {import('playwright-core').Page} page
 */
export async function expandCard(ctx, page) {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const host = findNode(root, (n) => (n.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-backstory-card'));
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return false;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!object.objectId) return false;
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      returnByValue: true,
      functionDeclaration: `function () { const b = this.querySelector('button.bs-more'); b?.click(); return b !== null; }`,
    });
    return result.value === true;
  } finally {
    await cdp.detach();
  }
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
