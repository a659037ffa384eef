// @vitest-environment jsdom
// The whole content-script pass on the demo news page with the bundled pack: what is marked,
// what is left alone, the ready flag, live content, switching off, and "show this sentence".
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack } from '../../src/core/types';
import { mentions } from './fixtures';
import { localAnnotator, settle, useFakeDebounce } from './local-analyzer';
import { useUI } from '../../src/content/ui-loader';
import { ui } from '../../src/ui/index';

// The UI bundle's note editor reaches storage through the polyfill; nothing here calls it.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const PACK = JSON.parse(readFileSync(resolve(__dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
const DEMO = readFileSync(resolve(__dirname, '../../demo/index.html'), 'utf8');

function loadDemo(): void {
  const parsed = new DOMParser().parseFromString(DEMO, 'text/html');
  for (const s of Array.from(parsed.querySelectorAll('script'))) s.remove();
  document.documentElement.removeAttribute('data-backstory');
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
}


describe('Annotator on the demo page', () => {
  let annotator: Annotator;
  let page: ReturnType<typeof localAnnotator>;
  const statuses: number[] = [];

  beforeEach(async () => {
    useFakeDebounce();
    // The UI bundle, as the extension would import it on first need.
    useUI(ui);
    loadDemo();
    statuses.length = 0;
    page = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS }, { onStatus: (n) => statuses.push(n) });
    annotator = page.annotator;
  });
  afterEach(async () => {
    await annotator.deactivate();
    vi.useRealTimers();
  });

  it('marks names in the article only, sets the ready flag and reports the entity count', async () => {
    const bodyText = document.body.textContent;
    expect(document.documentElement.getAttribute('data-backstory')).toBeNull();
    await annotator.annotate();
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
    const found = mentions();
    expect(found.length).toBeGreaterThan(5);
    const ids = new Set(found.map(([id]) => id));
    expect(ids).toContain('choe-son-hui');
    expect(statuses.at(-1)).toBe(annotator.visibleCards().length);
    expect(annotator.visibleCards().length).toBe(ids.size);
    for (const el of Array.from(document.querySelectorAll('backstory-mention'))) {
      expect(el.closest('article'), el.textContent ?? '').not.toBeNull();
    }
    expect(document.body.textContent).toBe(bodyText);
  });

  it('marks the mentions of names known only from the article as such (a lighter mark), and no pack name', async () => {
    await annotator.annotate();
    const pageOnly = new Set(annotator.visibleCards().filter((c) => c.pageOnly).map((c) => c.id));
    expect(pageOnly.size, 'the demo introduces names no pack lists').toBeGreaterThan(0);
    const wrappers = Array.from(document.querySelectorAll<HTMLElement>('backstory-mention[data-backstory-entity]'));
    for (const el of wrappers) {
      const id = el.dataset.backstoryEntity ?? '';
      expect(el.getAttribute('data-backstory-kind'), id).toBe(pageOnly.has(id) ? 'page' : null);
    }
    expect(wrappers.some((el) => el.dataset.backstoryKind === 'page')).toBe(true);
  });

  it('gives every entity one tab stop at its first mention', async () => {
    await annotator.annotate();
    const stops = Array.from(document.querySelectorAll('backstory-mention[tabindex="0"]')).map((el) => el.getAttribute('data-backstory-entity'));
    expect(new Set(stops).size).toBe(stops.length);
    expect(stops.length).toBeGreaterThan(0);
  });

  it('switching off puts the page back exactly; switching on marks it again', async () => {
    const before = document.body.innerHTML;
    await annotator.annotate();
    const count = mentions().length;
    await annotator.deactivate();
    expect(document.body.innerHTML).toBe(before);
    expect(statuses.at(-1)).toBe(0);
    await annotator.annotate();
    expect(mentions().length).toBe(count);
  });

  it('marks names in content added later, once, without wrapping anything twice', async () => {
    await annotator.annotate();
    const before = mentions().length;
    const p = document.createElement('p');
    p.textContent = 'Update: Mike Pompeo said later that Yongbyon was still on the table.';
    document.querySelector('article')!.append(p);
    await settle(annotator);
    const added = Array.from(p.querySelectorAll('backstory-mention')).map((el) => el.getAttribute('data-backstory-entity'));
    expect(added).toEqual(['mike-pompeo', 'yongbyon']);
    expect(mentions().length).toBe(before + 2);
    expect(document.querySelectorAll('backstory-mention backstory-mention').length).toBe(0);
  });

  it('says when it has settled: busy while new content waits out the debounce, settled once it is wrapped', async () => {
    await annotator.annotate();
    await annotator.settled();
    const html = document.documentElement;
    expect(html.hasAttribute('data-backstory-busy')).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'Update: Mike Pompeo said later that Yongbyon was still on the table.';
    document.querySelector('article')!.append(p);
    let settled = false;
    const done = annotator.settled().then(() => (settled = true));
    // The watcher has seen the paragraph (its callback is a microtask) and waits out its debounce.
    await Promise.resolve();
    await Promise.resolve();
    expect(html.hasAttribute('data-backstory-busy'), 'busy while the debounce runs').toBe(true);
    expect(settled).toBe(false);
    expect(p.querySelector('backstory-mention')).toBeNull();
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(Array.from(p.querySelectorAll('backstory-mention')).map((el) => el.getAttribute('data-backstory-entity'))).toEqual(['mike-pompeo', 'yongbyon']);
    expect(html.hasAttribute('data-backstory-busy')).toBe(false);
  });

  it('starts over when a single-page site swaps the whole story', async () => {
    await annotator.annotate();
    const old = document.querySelector('article')!;
    const story = document.createElement('article');
    const para = 'Envoys from both capitals met again this week, and the talks ran long into the evening, officials said.';
    story.innerHTML = `<h1>A new story</h1><p>${para}</p><p>${para} Choe Son Hui led one side.</p><p>${para}</p>`;
    old.replaceWith(story);
    await settle(annotator);
    expect(mentions()).toEqual([['choe-son-hui', 'Choe Son Hui']]);
    expect(annotator.visibleCards().map((c) => c.id)).toEqual(['choe-son-hui']);
  });

  it('shows the reader\'s note on the card', async () => {
    await annotator.annotate();
    const text = document.body.textContent;
    await page.setNotes([{ id: 'n1', term: 'Choe Son Hui', text: 'Check her title in later reports.', created: '2026-11-28T00:00:00.000Z', updated: '2026-11-28T00:00:00.000Z' }]);
    expect(annotator.visibleCards().find((c) => c.id === 'choe-son-hui')?.note).toBe('Check her title in later reports.');
    expect(mentions().some(([id]) => id === 'choe-son-hui')).toBe(true);
    expect(document.body.textContent).toBe(text);
  });

  it('ignores content added outside the article', async () => {
    await annotator.annotate();
    const before = mentions().length;
    const div = document.createElement('div');
    div.textContent = 'Mike Pompeo in a footer widget.';
    document.querySelector('footer')?.append(div) ?? document.body.append(div);
    await settle(annotator);
    expect(mentions().length).toBe(before);
  });

  it('reveals a sentence from a card and flashes the mentions in it', async () => {
    await annotator.annotate();
    const card = annotator.visibleCards().find((c) => c.fromArticle.sentences.length > 0);
    expect(card, 'a card with sentences').toBeDefined();
    const sentence = card!.fromArticle.sentences[0]!.sentence;
    expect(await annotator.revealSentence(sentence)).toBe(true);
    const flashed = Array.from(document.querySelectorAll('[data-backstory-flash]'));
    expect(flashed.length).toBeGreaterThan(0);
    expect(flashed.every((el) => el.localName === 'backstory-mention')).toBe(true);
    expect(await annotator.revealSentence(10_000)).toBe(false);
    expect(await annotator.revealEntity(card!.id)).toBe(true);
    expect(await annotator.revealEntity('no-such-entity')).toBe(false);
  });

  it('follows settings: a hidden type is no longer highlighted but still has a card', async () => {
    await annotator.annotate();
    expect(mentions().some(([id]) => id === 'yongbyon')).toBe(true);
    await page.setSettings({ ...DEFAULT_SETTINGS, types: DEFAULT_SETTINGS.types.filter((t) => t !== 'place') });
    const places = new Set(annotator.visibleCards().filter((c) => c.type === 'place').map((c) => c.id));
    expect(places.size).toBeGreaterThan(0);
    expect(mentions().filter(([id]) => places.has(id))).toEqual([]);
    expect(mentions().some(([id]) => id === 'choe-son-hui')).toBe(true);
  });
});
