// Looking inside the card the way assistive technology and the renderer do, through the DevTools
// protocol: page scripts cannot reach into its closed shadow root, and neither can locators.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export { inCardRoot } from '../../scripts/lib/probes.mjs';

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
