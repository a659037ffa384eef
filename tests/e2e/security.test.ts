// What a hostile page can learn about the card and the reader's notes: nothing. The page patches
// DOM methods before the content script runs and listens to every event; the card lives in a
// closed shadow root built in the content script's isolated world, so none of that reaches it.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeInBrowser, readCard, startSession, waitCard, waitFullCard, type Session } from './harness';

const NOTE = 'Private reminder: compare her wording with the March statement before quoting';

interface Snoop {
  roots: { host: string; mode: string }[];
  written: string[];
  shadowPaths: string[];
  hostEvents: string[];
}

declare global {
  interface Window {
    __snoop?: Snoop;
  }
}

/** Runs in the page's own world before any other script: capture everything it can. */
function installSnoop(): void {
  const snoop: Snoop = { roots: [], written: [], shadowPaths: [], hostEvents: [] };
  window.__snoop = snoop;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    snoop.roots.push({ host: this.localName + (this.hasAttribute('data-backstory-card') ? '[data-backstory-card]' : ''), mode: init.mode });
    return attach.call(this, { ...init, mode: 'open' });
  };
  const record = (v: unknown) => {
    const text = v instanceof Node ? v.textContent : typeof v === 'string' ? v : '';
    if (text) snoop.written.push(text);
  };
  for (const [proto, name] of [[Node.prototype, 'appendChild'], [Node.prototype, 'insertBefore'], [Element.prototype, 'append'], [Element.prototype, 'replaceChildren'], [Element.prototype, 'prepend']] as const) {
    const original = (proto as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!;
    (proto as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      args.forEach(record);
      return original.apply(this, args);
    };
  }
  const text = Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!;
  Object.defineProperty(Node.prototype, 'textContent', {
    ...text,
    set(v: string) {
      record(v);
      text.set!.call(this, v);
    },
  });
  for (const type of ['pointerover', 'pointerdown', 'click', 'focusin', 'keydown', 'mouseover']) {
    addEventListener(
      type,
      (e) => {
        if (e.target instanceof Element && e.target.hasAttribute('data-backstory-card')) snoop.hostEvents.push(type);
        for (const n of e.composedPath()) if (n instanceof Node && n.getRootNode() !== document && !(n instanceof Window)) snoop.shadowPaths.push(`${type}: ${n.nodeName}`);
      },
      true,
    );
  }
  // The page's own shadow root, so the patch is shown to work.
  addEventListener('DOMContentLoaded', () => document.body.appendChild(document.createElement('div')).attachShadow({ mode: 'closed' }));
}

describeInBrowser('a hostile page cannot read the card or notes (Chromium)', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await startSession();
    // Stored from an extension page: the service worker is being restarted by the harness just now.
    const ext = await s.ctx.newPage();
    await ext.goto(`chrome-extension://${s.extensionId}/options/options.html`);
    const stamp = '2026-01-05T10:00:00.000Z';
    await ext.evaluate(
      ([note, at]) =>
        (chrome as unknown as { storage: { local: { set(items: object): Promise<void> } } }).storage.local.set({ notes: { version: 1, notes: [{ id: 'secret-note', term: 'Choe Son Hui', text: note, created: at, updated: at }] } }),
      [NOTE, stamp] as const,
    );
    await ext.close();
    page = await s.openDemo('/index.html', (p) => p.addInitScript(installSnoop));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('the card shows the note to the reader (so the checks below look for something real)', async () => {
    await page.locator('[data-backstory-entity="choe-son-hui"]').first().hover();
    const card = await waitFullCard(s.ctx, page);
    expect(card.text).toContain(NOTE);
  });

  it('page sees a closed root and its attachShadow patch never sees ours', async () => {
    const seen = await page.evaluate(() => {
      const host = document.querySelector('[data-backstory-card]');
      return { host: host !== null, shadowRoot: host?.shadowRoot ?? null, roots: window.__snoop?.roots ?? [] };
    });
    expect(seen.host).toBe(true);
    expect(seen.shadowRoot).toBeNull();
    expect(seen.roots, 'the patch caught the page’s own root').toContainEqual({ host: 'div', mode: 'closed' });
    expect(seen.roots.filter((r) => r.host.includes('data-backstory-card'))).toEqual([]);
  });

  it('no text of the card or note reaches page-visible DOM, patched DOM methods or a select-all copy', async () => {
    const card = await readCard(s.ctx, page);
    const seen = await page.evaluate(() => {
      getSelection()?.selectAllChildren(document.documentElement);
      const selected = getSelection()?.toString() ?? '';
      getSelection()?.removeAllRanges();
      const host = document.querySelector('[data-backstory-card]');
      return {
        bodyText: document.body.innerText,
        allText: document.documentElement.textContent ?? '',
        html: document.documentElement.outerHTML,
        hostText: host?.textContent ?? '',
        selected,
        written: (window.__snoop?.written ?? []).join('\n'),
      };
    });
    // Pieces only the card has: the note, and the pack's background lines the article does not contain.
    const pieces = [NOTE, ...card.text.split(/(?<=[.;])\s+/).filter((p) => p.length > 40 && !seen.allText.includes(p))];
    expect(pieces.length, 'card-only text to look for').toBeGreaterThan(1);
    for (const piece of pieces) {
      for (const [where, text] of Object.entries(seen)) expect(text.includes(piece), `"${piece.slice(0, 40)}…" in ${where}`).toBe(false);
    }
  });

  it('events inside the card expose no node of it to page listeners', async () => {
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await waitCard(s.ctx, page, false);
    // Keyboard into the card: focus the name, Tab to the card's button, then click inside the card.
    await page.evaluate(() => (document.querySelector('[data-backstory-entity="choe-son-hui"][tabindex]') as HTMLElement | null)?.focus());
    await waitCard(s.ctx, page, true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift');
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-backstory-card]')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height - 12 };
    });
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.mouse.up();
    const { paths, hostEvents } = await page.evaluate(() => ({ paths: window.__snoop?.shadowPaths ?? [], hostEvents: window.__snoop?.hostEvents ?? [] }));
    // The page did see events come from the card (retargeted to its host)…
    expect(hostEvents).toEqual(expect.arrayContaining(['focusin', 'keydown', 'pointerdown', 'click']));
    // …but never a node inside it.
    expect(paths).toEqual([]);
  });

  it('the page has no way to message the extension', async () => {
    expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage)).toBe('undefined');
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.requests.some((r) => r.url.startsWith(s.server.origin)), 'requests are being recorded').toBe(true);
    expect(s.foreignRequests()).toEqual([]);
  });
});

describe('every real-browser test file checks for foreign requests', () => {
  const dir = resolve(import.meta.dirname);
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  it.each(files)('%s', (file) => {
    const text = readFileSync(resolve(dir, file), 'utf8');
    if (!/startSession\(/.test(text)) return;
    expect(text, `${file} launches the browser but never asserts foreignRequests() is empty`).toMatch(/expect\(\s*s\.foreignRequests\(\)(?:\.filter\(.*?\))?\s*\)\.toEqual\(\[\]\)/);
  });
});
