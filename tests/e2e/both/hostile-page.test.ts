// A hostile page, in every browser: before any other script it listens to every key, input, paste
// and selection event in the capture phase on window and document, observes the whole document
// (subtree, text, attributes), and patches DOM prototypes to log what any script in its world
// does. A reader then writes two notes in the editor (one on a name of the page, one on a term the
// page never shows) and opens the card that shows the first. The page must end up with no piece
// of either note's text, no piece of the term it never showed, and no note-derived id.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowsers, waitCard, waitFullCard, type BrowserSession, type TestPage } from '../browsers';

/** Strings no demo page contains, so any piece of them in the page's log came from the reader. */
const SECRET_ON_NAME = 'Zqv7731 plumbagoxx wuxqj';
const TERM_UNSEEN = 'Qwyxl Pact';
const SECRET_ON_TERM = 'Vbnjk4491 zzyzxq gvwkp';

interface HostileLog {
  phase: string;
  /** "phase|kind|detail" lines. */
  lines: string[];
}

declare global {
  interface Window {
    __hostile?: HostileLog;
  }
}

/** Runs in the page's own world before any other script. */
function installHostilePage(): void {
  const log: HostileLog = { phase: 'load', lines: [] };
  window.__hostile = log;
  const note = (kind: string, detail: unknown) => log.lines.push(`${log.phase}|${kind}|${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
  const addListener = EventTarget.prototype.addEventListener;
  for (const target of [window, document]) {
    for (const type of ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut', 'compositionstart', 'compositionend', 'selectionchange', 'message']) {
      addListener.call(
        target,
        type,
        (e: Event) => {
          const k = e as KeyboardEvent & InputEvent & ClipboardEvent & MessageEvent;
          const t = e.target as { value?: unknown } | null;
          note(`${target === window ? 'window' : 'document'}:${type}`, { key: k.key, code: k.code, data: k.data ?? null, paste: k.clipboardData?.getData('text') ?? null, msg: type === 'message' ? String(k.data) : null, value: typeof t?.value === 'string' ? t.value : null, selection: document.getSelection()?.toString() ?? '' });
        },
        true,
      );
    }
  }
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') for (const n of r.addedNodes) note('added', `${n.nodeName}:${n.textContent ?? ''}`);
      else if (r.type === 'attributes') note('attribute', `${r.attributeName}=${(r.target as Element).getAttribute(r.attributeName!) ?? ''}`);
      else note('text', r.target.textContent ?? '');
    }
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  // Anything a script in this world does through these is logged.
  const wrap = <T extends object>(proto: T, name: string) => {
    const original = (proto as Record<string, unknown>)[name] as (...a: unknown[]) => unknown;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      note(`call:${name}`, args.map((a) => (a instanceof Node ? `${a.nodeName}:${a.textContent ?? ''}` : String(a))).join(','));
      return original.apply(this, args);
    };
  };
  wrap(Node.prototype, 'appendChild');
  wrap(Node.prototype, 'insertBefore');
  wrap(Element.prototype, 'append');
  wrap(Element.prototype, 'setAttribute');
  wrap(Element.prototype, 'attachShadow');
  wrap(EventTarget.prototype, 'addEventListener');
  for (const proto of [HTMLInputElement.prototype, HTMLTextAreaElement.prototype]) {
    const value = Object.getOwnPropertyDescriptor(proto, 'value')!;
    Object.defineProperty(proto, 'value', {
      ...value,
      get() {
        const v = value.get!.call(this) as string;
        note('value:get', v);
        return v;
      },
      set(v: string) {
        note('value:set', v);
        value.set!.call(this, v);
      },
    });
  }
  // And what it can poll: focus, the selection.
  setInterval(() => note('poll', { active: document.activeElement?.nodeName ?? null, selection: document.getSelection()?.toString() ?? '' }), 50);
}

/** Every piece of `secret` a page could have logged: its runs of five characters. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 5 <= secret.length; i++) out.push(secret.slice(i, i + 5));
  return out;
}

describeInBrowsers('a hostile page learns nothing of what the reader writes', (browser) => {
  let s: BrowserSession;
  let page: TestPage;
  let tabId: number;

  beforeAll(async () => {
    s = await browser.start();
    page = await s.openDemo('/index.html', { initScript: installHostilePage });
    tabId = await s.tabIdOf(page);
  }, 90_000);
  afterAll(async () => {
    await s?.close();
  });

  const phase = (name: string) => page.evaluate((n) => void (window.__hostile!.phase = n), name);

  /** Opens the editor the way the context menu does, and waits until it has the keyboard. */
  async function openEditor(term: string): Promise<void> {
    await page.bringToFront();
    await s.inExtension(({ id, t }) => chrome.tabs.sendMessage(id, { type: 'backstory:open-note-editor', term: t }), { id: tabId, t: term });
    await page.waitFor('[data-backstory-note-editor]', { timeout: 5_000 });
    // The editor is the extension's framed page: its host takes focus, then its field does
    // (Chromium tells; WebDriver BiDi does not list the frame in Firefox, which answers null).
    // Whatever the editor is, the checks below look only at what the page recorded.
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-note-editor') ?? false), { timeout: 5_000 }).toBe(true);
    await expect.poll(async () => (await page.frameFieldFocused('/note-editor/editor.html')) !== false, { timeout: 5_000 }).toBe(true);
  }

  async function saveAndWaitClosed(): Promise<void> {
    await phase('saving');
    await page.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-backstory-note-editor]') === null), { timeout: 5_000 }).toBe(true);
  }

  it('the reader writes a note on a name and sees it on the card', async () => {
    await openEditor('Choe Son Hui');
    await phase('typing');
    await page.type(SECRET_ON_NAME);
    await saveAndWaitClosed();
    await phase('after');
    await page.mouseMove(0, 0);
    await page.hover('[data-backstory-entity="choe-son-hui"]');
    await expect.poll(async () => (await waitFullCard(s, page)).text, { timeout: 10_000 }).toContain(SECRET_ON_NAME);
    await page.press('Escape');
    await page.mouseMove(0, 0);
    await waitCard(s, page, false);
  });

  it('the reader writes a note on a term the page never shows, typing the term too', async () => {
    await openEditor('');
    await phase('typing');
    await page.type(TERM_UNSEEN);
    await page.press('Tab');
    await page.type(SECRET_ON_TERM);
    await saveAndWaitClosed();
    await phase('after');
    const stored = await s.inExtension(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<unknown> } } } }).chrome.storage.local.get('notes'));
    expect(JSON.stringify(stored), 'both notes were saved').toContain(SECRET_ON_TERM);
    expect(JSON.stringify(stored)).toContain(TERM_UNSEEN);
  });

  it('the page saw no key, input or paste event while the reader typed', async () => {
    const lines = await page.evaluate(() => window.__hostile!.lines);
    const keyish = (phase: string) => lines.filter((l) => new RegExp(`^${phase}\\|(window|document):(keydown|keyup|keypress|input|beforeinput|paste|compositionstart|compositionend)\\|`).test(l));
    expect(keyish('typing')).toEqual([]);
    // Ctrl+Enter: only its keys' release may reach the page, after the editor saved and gave focus back.
    expect(keyish('saving').filter((l) => !/:keyup\|\{"key":"(Control|Enter)"/.test(l))).toEqual([]);
  });

  it('nothing the page logged, polled or can read holds a piece of the notes or the unseen term, or a note id', async () => {
    const seen = await page.evaluate(() => {
      getSelection()?.selectAllChildren(document.documentElement);
      const selected = getSelection()?.toString() ?? '';
      getSelection()?.removeAllRanges();
      return {
        log: window.__hostile!.lines.join('\n'),
        // A key logger's view: every character key and input the page saw, in order.
        keys: window.__hostile!.lines
          .map((l) => /\|window:keydown\|(.*)$/.exec(l))
          .map((m) => (m ? (JSON.parse(m[1]!) as { key?: string }) : null))
          .map((e) => (e?.key?.length === 1 ? e.key : ''))
          .join(''),
        html: document.documentElement.outerHTML,
        text: document.documentElement.textContent ?? '',
        selected,
        resources: performance.getEntries().map((e) => e.name).join('\n'),
        ids: Array.from(document.querySelectorAll('[data-backstory-entity]'), (el) => el.getAttribute('data-backstory-entity') ?? ''),
      };
    });
    expect(seen.log.length, 'the page did log things').toBeGreaterThan(1_000);
    for (const secret of [SECRET_ON_NAME, TERM_UNSEEN, SECRET_ON_TERM]) {
      for (const piece of pieces(secret)) {
        for (const [where, text] of Object.entries(seen)) {
          if (typeof text === 'string') expect(text.includes(piece), `"${piece}" (of "${secret}") in ${where}`).toBe(false);
        }
      }
    }
    // The editor page's per-session address is not in the page's resource timing (a page that
    // knew it could frame the editor itself).
    expect(seen.resources).not.toContain('note-editor');
    // Highlights carry pack ids or random tokens, never a note's id.
    expect(seen.ids.length).toBeGreaterThan(0);
    for (const id of seen.ids) expect(id).not.toMatch(/^note-|qwyxl/i);
  });

  it('reports no extension error or warning', () => {
    expect(s.log()).toEqual([]);
  });

  it('makes no request beyond the extension and the demo server', () => {
    expect(s.foreignRequests()).toEqual([]);
  });
});
