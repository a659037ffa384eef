// @vitest-environment jsdom
// The first pass wraps in batches, one per animation frame, what is on screen first, and sets the
// ready flag at the end; a hidden tab (which gets no frames) still finishes. The test holds the
// frames: each one runs only when the test says so.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import { FIRST_BATCH } from '../../src/content/pace';
import type { Pack } from '../../src/core/types';
import { localAnnotator, useFakeDebounce } from './local-analyzer';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const PACK = JSON.parse(readFileSync(resolve(__dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
const PARAGRAPHS = 120;
/** Paragraphs at or below this index are laid out on screen (the page is scrolled to its end). */
const ON_SCREEN_FROM = PARAGRAPHS - 10;

/** An article whose every paragraph names one entity of the bundled pack, with its last ten
 *  paragraphs on screen and the rest far above. */
function loadArticle(): void {
  const names = PACK.entities.filter((e) => e.type === 'person').slice(0, 6).map((e) => e.name);
  const paras = Array.from({ length: PARAGRAPHS }, (_, i) => `<p data-i="${i}">On the ${i + 1}th day, ${names[i % names.length]} spoke briefly to reporters outside the hall.</p>`);
  document.documentElement.removeAttribute('data-backstory');
  document.body.innerHTML = `<article><h1>Talks resume after a long pause</h1>${paras.join('')}</article>`;
  const viewport = window.innerHeight;
  vi.spyOn(HTMLParagraphElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    // Each paragraph 100 px tall; the last ten fill the viewport, the rest are far above.
    const top = (Number(this.dataset['i']) - ON_SCREEN_FROM) * 100;
    return { top, bottom: top + 100, left: 0, right: 600, width: 600, height: 100, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
  });
  expect(viewport).toBeGreaterThan(0);
}

const wrappedParagraphs = () => new Set(Array.from(document.querySelectorAll('p:has(backstory-mention)')).map((p) => Number((p as HTMLElement).dataset['i'])));

/** Lets messages and promises run until `until()` holds (or gives up). */
async function spin(until: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !until(); i++) await new Promise((r) => setImmediate(r));
}

let visibility: DocumentVisibilityState = 'visible';
let frameCallbacks: FrameRequestCallback[] = [];

/** Runs the frame the annotator waits for, then lets it finish that frame's batch. */
async function runFrame(): Promise<void> {
  const cbs = frameCallbacks;
  frameCallbacks = [];
  for (const cb of cbs) cb(performance.now());
  // The batch is written inside the frame's callback; the pass then asks for the next frame.
  await spin(() => frameCallbacks.length > 0 || document.documentElement.getAttribute('data-backstory') === 'ready');
}

describe('frame-paced wrapping', () => {
  let annotator: Annotator;

  beforeEach(() => {
    useFakeDebounce();
    visibility = 'visible';
    frameCallbacks = [];
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frameCallbacks.push(cb));
    loadArticle();
    annotator = localAnnotator(document, PACK).annotator;
  });

  afterEach(async () => {
    // Hidden, so taking the highlights off needs no frame from the test.
    visibility = 'hidden';
    await annotator.deactivate().catch(() => undefined);
    delete (document as { visibilityState?: unknown }).visibilityState;
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('wraps what is on screen first, a batch per frame, and sets ready at the end', async () => {
    const pass = annotator.annotate();
    await spin(() => frameCallbacks.length > 0);
    // Nothing is written before the first frame.
    expect(wrappedParagraphs().size).toBe(0);
    const byFrame: number[][] = [];
    while (document.documentElement.getAttribute('data-backstory') !== 'ready' && byFrame.length < 200) {
      const before = wrappedParagraphs();
      const mentionsBefore = document.querySelectorAll('backstory-mention').length;
      await runFrame();
      byFrame.push([...wrappedParagraphs()].filter((i) => !before.has(i)));
      if (byFrame.length === 2) expect(document.querySelectorAll('backstory-mention').length - mentionsBefore).toBeLessThanOrEqual(FIRST_BATCH);
    }
    await pass;
    expect(byFrame.length).toBeGreaterThan(2);
    // The frame the reply was decoded in writes nothing (that work was its share); the next one does.
    expect(byFrame[0]).toEqual([]);
    expect(byFrame[1]!.length).toBeGreaterThan(0);
    // Every paragraph on screen was wrapped no later than the first paragraph far above it.
    const frameOf = (i: number) => byFrame.findIndex((f) => f.includes(i));
    const lastOnScreen = Math.max(...Array.from({ length: PARAGRAPHS - ON_SCREEN_FROM }, (_, k) => frameOf(ON_SCREEN_FROM + k)));
    const firstFar = Math.min(...Array.from({ length: ON_SCREEN_FROM - 20 }, (_, i) => frameOf(i)));
    expect(lastOnScreen).toBeLessThanOrEqual(firstFar);
    expect(wrappedParagraphs().size).toBe(PARAGRAPHS);
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
  });

  it('finishes in a hidden tab, where no frame ever comes', async () => {
    visibility = 'hidden';
    await annotator.annotate();
    expect(frameCallbacks).toEqual([]);
    expect(wrappedParagraphs().size).toBe(PARAGRAPHS);
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
  });

  it('finishes when the tab is hidden while the pass waits for a frame', async () => {
    const pass = annotator.annotate();
    await spin(() => frameCallbacks.length > 0);
    await runFrame();
    expect(wrappedParagraphs().size).toBeLessThan(PARAGRAPHS);
    // The reader switches tabs: the frame asked for never comes.
    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await pass;
    expect(wrappedParagraphs().size).toBe(PARAGRAPHS);
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
  });
});
