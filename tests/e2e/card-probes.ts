// Looking inside the card the way assistive technology and the renderer do, through the DevTools
// protocol: page scripts cannot reach into its closed shadow root, and neither can locators.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

function findHost(node: DomNode): DomNode | null {
  if ((node.attributes ?? []).some((a, i) => i % 2 === 0 && a === 'data-backstory-card')) return node;
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
    const hit = findHost(child);
    if (hit) return hit;
  }
  return null;
}

/**
 * Runs `fn` (a function declaration as text, `this` = the card's shadow root) in the page and
 * returns its JSON result. Throws when there is no card host.
 */
export async function inCardRoot<T>(ctx: BrowserContext, page: Page, fn: string): Promise<T> {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const host = findHost(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error('no card host with a shadow root on the page');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`in card: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

export interface AxNode {
  role: string;
  name: string;
  focused: boolean;
}

/** The page's accessibility tree (what a screen reader is given), flattened. */
export async function accessibilityNodes(ctx: BrowserContext, page: Page): Promise<AxNode[]> {
  const cdp = await ctx.newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes
      .filter((n) => !n.ignored)
      .map((n) => ({
        role: String(n.role?.value ?? ''),
        name: String(n.name?.value ?? ''),
        focused: (n.properties ?? []).some((p) => p.name === 'focused' && p.value.value === true),
      }));
  } finally {
    await cdp.detach();
  }
}

/** Serves one of tests/e2e/pages/ (and its script) at the demo origin for this page only. */
export async function serveTestPage(page: Page, origin: string, name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, 'pages');
  await page.route(`${origin}/__test__/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace('/__test__/', '');
    if (!/^[a-z-]+\.(html|js)$/.test(file)) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      body: readFileSync(resolve(dir, file)),
      contentType: file.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8',
    });
  });
  return `/__test__/${name}`;
}

/** Whether the topmost element at the centre of the card's box, as the page sees it, is the card. */
export function cardWinsHitTest(page: Page): Promise<{ hit: string; host: boolean; visible: boolean }> {
  return page.evaluate(() => {
    const host = document.querySelector('[data-backstory-card]');
    const r = host?.getBoundingClientRect();
    if (!host || !r || r.width === 0 || r.height === 0) return { hit: 'no card box', host: false, visible: false };
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
    return { hit: at ? at.localName + (at.id ? `#${at.id}` : '') : 'nothing', host: at === host, visible: true };
  });
}
