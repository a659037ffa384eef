// @vitest-environment jsdom
// The card UI loads only when needed: what a reader notices while it loads (the card still opens,
// or stays shut if they moved on), and what a page with nothing to show never pays for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '../../src/content/card/controller';
import { openNoteEditor } from '../../src/content/notes-glue';
import { loadUI, useUI, type UIImporter } from '../../src/content/ui-loader';
import type { CardModel } from '../../src/core/types';
import type { BackstoryUI } from '../../src/ui/api';
import { ui } from '../../src/ui/index';
import { page } from './fixtures';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const CARD: CardModel = {
  id: 'choe-son-hui',
  name: 'Choe Son Hui',
  type: 'person',
  pageOnly: false,
  mentionCount: 1,
  summary: 'A senior diplomat.',
  background: [],
  fromArticle: { roles: [], statements: [], sentences: [] },
};

/** An import of ui.js that finishes when the test says so, counting how often it was started. */
function deferredImport(): { load: UIImporter; calls: () => number; finish(): void; fail(err: Error): void } {
  let calls = 0;
  let settle: { resolve(ui: BackstoryUI): void; reject(err: Error): void } | null = null;
  return {
    load: () => {
      calls++;
      return new Promise<BackstoryUI>((resolve, reject) => (settle = { resolve, reject }));
    },
    calls: () => calls,
    finish: () => settle?.resolve(ui),
    fail: (err) => settle?.reject(err),
  };
}

function hover(target: Element, type = 'pointerover'): void {
  const e = new MouseEvent(type, { bubbles: true, composed: true });
  Object.defineProperty(e, 'pointerType', { value: 'mouse' });
  target.dispatchEvent(e);
}

const cardHost = () => document.querySelector<HTMLElement>('[data-backstory-card]');
const cardShown = () => cardHost()?.style.getPropertyValue('display') === 'block';

describe('loading the card UI on first use', () => {
  let ctl: CardController;
  let mention: HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    page('<article><p>Talks. <backstory-mention data-backstory-entity="choe-son-hui">Choe Son Hui</backstory-mention> spoke. <span id="plain">Plain.</span></p></article>');
    mention = document.querySelector('backstory-mention')!;
  });

  afterEach(() => {
    ctl?.stop();
    useUI(null);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  function controller(): CardController {
    ctl = new CardController({ delayMs: 300, graceMs: 250, getCard: (id) => (id === CARD.id ? CARD : undefined), onSentence: () => {} });
    ctl.start();
    return ctl;
  }

  it('starts loading at the first pointer on a mention and opens the card once it has loaded', async () => {
    const ui = deferredImport();
    useUI(null, ui.load);
    controller();
    // Nothing loads the UI before a mention is pointed at.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(ui.calls()).toBe(0);
    hover(mention);
    expect(ui.calls(), 'loading starts with the pointer, not after the delay').toBe(1);
    await vi.advanceTimersByTimeAsync(400);
    expect(cardShown()).toBe(false);
    ui.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(ctl.isOpen).toBe(true);
    expect(cardShown()).toBe(true);
    expect(ui.calls()).toBe(1);
  });

  it('does not open a card the reader has left by the time the UI arrives', async () => {
    const ui = deferredImport();
    useUI(null, ui.load);
    controller();
    hover(mention);
    await vi.advanceTimersByTimeAsync(400);
    hover(mention, 'pointerout');
    await vi.advanceTimersByTimeAsync(400);
    ui.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(ctl.isOpen).toBe(false);
    expect(cardShown()).toBe(false);
  });

  it('Escape cancels a card that is still waiting for the UI', async () => {
    const ui = deferredImport();
    useUI(null, ui.load);
    controller();
    mention.tabIndex = 0;
    mention.focus();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    ui.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(ctl.isOpen).toBe(false);
  });

  it('shares one load between hovers, the note editor and other callers', async () => {
    // The editor's frame is the extension's page; the background is told the term first.
    vi.stubGlobal('chrome', { runtime: { id: 'backstory', sendMessage: async () => ({ ok: true }), getURL: (p: string) => `chrome-extension://backstory/${p}` } });
    const ui = deferredImport();
    useUI(null, ui.load);
    controller();
    document.getSelection()?.removeAllRanges();
    hover(mention);
    const editor = openNoteEditor(document, 'Choe');
    const direct = loadUI();
    hover(document.getElementById('plain')!);
    hover(mention);
    ui.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(await direct).toBe(await loadUI());
    expect(await editor).toEqual({ ok: true });
    expect(document.querySelector('[data-backstory-note-editor]')).not.toBeNull();
    expect(ui.calls()).toBe(1);
    vi.unstubAllGlobals();
  });

  it('a failed load leaves the page as it was and warns once; a later hover tries again', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // An extension that is still there (an orphaned script stays quiet instead).
    vi.stubGlobal('chrome', { runtime: { id: 'backstory' } });
    try {
      let broken = true;
      let calls = 0;
      useUI(null, async () => {
        calls++;
        if (broken) throw new Error('blocked');
        return ui;
      });
      controller();
      const before = document.body.innerHTML;
      for (let i = 0; i < 2; i++) {
        hover(mention);
        await vi.advanceTimersByTimeAsync(400);
        expect(ctl.isOpen).toBe(false);
        hover(mention, 'pointerout');
        await vi.advanceTimersByTimeAsync(400);
      }
      expect(calls).toBeGreaterThanOrEqual(2);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(cardHost()).toBeNull();
      expect(document.body.innerHTML).toBe(before);
      expect(await openNoteEditor(document, 'Choe')).toEqual({ ok: false });
      broken = false;
      hover(mention);
      await vi.advanceTimersByTimeAsync(400);
      expect(ctl.isOpen).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
