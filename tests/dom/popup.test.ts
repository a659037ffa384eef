// @vitest-environment jsdom
// The popup against a fake browser: which states it shows, what the reader can click, and
// which messages go to the page and the background.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardModel } from '../../src/core/types';

const root = resolve(__dirname, '../..');
const en = JSON.parse(readFileSync(resolve(root, '_locales/en/messages.json'), 'utf8')) as Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
>;

/** The browser's getMessage over the English locale: named placeholders → $1…, then the substitutions. */
function getMessage(key: string, subs?: string | string[]): string {
  const entry = en[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_m, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '')
    .replace(/\$(\d)/g, (_m, n: string) => list[Number(n) - 1] ?? '');
}

const fake = {
  tabsSend: vi.fn<(tabId: number, msg: unknown) => Promise<unknown>>(),
  runtimeSend: vi.fn<(msg: unknown) => Promise<unknown>>(),
  activeTab: 7 as number | undefined,
};

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: {
      sendMessage: (tabId: number, msg: unknown) => fake.tabsSend(tabId, msg),
      query: async () => (fake.activeTab === undefined ? [] : [{ id: fake.activeTab }]),
    },
    runtime: { sendMessage: (msg: unknown) => fake.runtimeSend(msg), openOptionsPage: vi.fn(), onMessage: { addListener: () => {}, removeListener: () => {} } },
    storage: {
      local: { get: async () => ({}) },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));

function card(id: string, type: CardModel['type'], name: string, mentionCount: number, extra: Partial<CardModel> = {}): CardModel {
  return {
    id,
    name,
    type,
    pageOnly: false,
    mentionCount,
    summary: `${name} summary text`,
    background: [],
    fromArticle: { roles: [], statements: [], sentences: [] },
    ...extra,
  };
}

const CARDS: CardModel[] = [
  card('yongbyon', 'place', 'Yongbyon', 2),
  card('pompeo', 'person', 'Mike Pompeo', 1),
  card('choe', 'person', 'Choe Son Hui', 3, {
    fromArticle: { roles: [], statements: [], sentences: [{ text: 'Choe spoke to reporters in Pyongyang.', sentence: 4 }] },
  }),
  card('kpa', 'organization', 'Korean People’s Army', 1),
];

async function openPopup(search = '?tabId=42'): Promise<void> {
  const html = readFileSync(resolve(root, 'src/popup/popup.html'), 'utf8');
  document.documentElement.innerHTML = html.replace(/<script[\s\S]*?<\/script>/g, '');
  window.history.replaceState(null, '', `/popup/popup.html${search}`);
  vi.resetModules();
  await import('../../src/popup/index');
  await vi.waitFor(() => expect(document.body.dataset.ready).toBe('true'));
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

beforeEach(() => {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage, getUILanguage: () => 'en' } };
  fake.tabsSend.mockReset();
  fake.runtimeSend.mockReset();
  fake.activeTab = 7;
});
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
});

describe('popup', () => {
  it('lists one element per entity with its name, mention count and type, grouped people first', async () => {
    fake.tabsSend.mockResolvedValue({ cards: CARDS, title: 'Talks stall', url: 'http://127.0.0.1/a', ready: true });
    await openPopup();

    expect(fake.tabsSend).toHaveBeenCalledWith(42, { type: 'backstory:get-cards' });
    const items = [...document.querySelectorAll<HTMLElement>('[data-entity]')];
    // People (most mentioned first), then organizations, then places.
    expect(items.map((i) => i.dataset.entity)).toEqual(['choe', 'pompeo', 'kpa', 'yongbyon']);
    expect([...document.querySelectorAll('h2')].map(text)).toEqual(['People', 'Organizations', 'Places']);

    const choe = document.querySelector('[data-entity="choe"]');
    expect(text(choe)).toContain('Choe Son Hui');
    expect(text(choe)).toContain('3 mentions');
    expect(text(choe)).toContain('Choe Son Hui summary text');
    expect(text(document.querySelector('[data-entity="pompeo"]'))).toContain('1 mention');
    expect(text(document.querySelector('[data-entity="pompeo"]'))).not.toContain('1 mentions');
    expect(text(document.getElementById('page-title'))).toBe('Talks stall');
    expect(text(document.querySelector('.list-summary'))).toBe('4 names on this page');
  });

  it('asks the page to reveal an entity when its card is clicked, and a sentence when a sentence is', async () => {
    fake.tabsSend.mockImplementation(async (_tab, msg) =>
      (msg as { type: string }).type === 'backstory:get-cards' ? { cards: CARDS, title: '', url: '', ready: true } : { ok: true },
    );
    await openPopup();

    document.querySelector<HTMLElement>('[data-entity="yongbyon"] button')?.click();
    expect(fake.tabsSend).toHaveBeenLastCalledWith(42, { type: 'backstory:reveal', entityId: 'yongbyon' });

    const sentence = [...document.querySelectorAll<HTMLElement>('[data-entity="choe"] button')].find((b) => text(b).includes('reporters'));
    expect(sentence, 'the article sentence is a button').toBeDefined();
    sentence?.click();
    expect(fake.tabsSend).toHaveBeenLastCalledWith(42, { type: 'backstory:reveal', entityId: 'choe', sentence: 4 });
  });

  it('renders page text as text, never as markup', async () => {
    const evil = card('x', 'term', '<img src=x onerror=alert(1)>', 1, { summary: '<b>bold</b>' });
    fake.tabsSend.mockResolvedValue({ cards: [evil], title: '<i>t</i>', url: '', ready: true });
    await openPopup();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelector('[data-entity="x"] b')).toBeNull();
    expect(text(document.querySelector('[data-entity="x"]'))).toContain('<img src=x onerror=alert(1)>');
  });

  it('says so when the page has nothing Backstory knows', async () => {
    fake.tabsSend.mockResolvedValue({ cards: [], title: 'Weather', url: '', ready: true });
    await openPopup();
    expect(document.querySelectorAll('[data-entity]')).toHaveLength(0);
    expect(text(document.getElementById('content'))).toContain('Nothing Backstory knows on this page');
  });

  it('offers to annotate a page where Backstory is not running, then lists what it found', async () => {
    let injected = false;
    fake.tabsSend.mockImplementation(async () => {
      if (!injected) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { cards: CARDS.slice(0, 1), title: '', url: '', ready: true };
    });
    fake.runtimeSend.mockImplementation(async () => {
      injected = true;
      return { ok: true };
    });
    await openPopup();

    expect(text(document.getElementById('content'))).toContain('Backstory is not active on this site');
    const button = [...document.querySelectorAll<HTMLButtonElement>('#content button')].find((b) => text(b) === 'Annotate this page');
    expect(button).toBeDefined();
    button?.click();

    await vi.waitFor(() => expect(document.querySelectorAll('[data-entity]')).toHaveLength(1));
    expect(fake.runtimeSend).toHaveBeenCalledWith({ type: 'backstory:annotate-tab', tabId: 42 });
  });

  it('shows why annotating failed and lets the reader try again', async () => {
    fake.tabsSend.mockRejectedValue(new Error('Receiving end does not exist.'));
    fake.runtimeSend.mockResolvedValue({ ok: false, error: 'Cannot access a chrome:// URL' });
    await openPopup();
    const button = document.querySelector<HTMLButtonElement>('#content button.primary');
    button?.click();
    await vi.waitFor(() => expect(text(document.querySelector('.state-status'))).toContain('Cannot access a chrome:// URL'));
    expect(button?.disabled).toBe(false);
  });

  it('waits for the page to finish its first pass instead of showing a partial list', async () => {
    let asked = 0;
    fake.tabsSend.mockImplementation(async () => {
      asked++;
      return asked < 3 ? { cards: [], title: '', url: '', ready: false } : { cards: CARDS, title: '', url: '', ready: true };
    });
    await openPopup();
    expect(asked).toBe(3);
    expect(document.querySelectorAll('[data-entity]')).toHaveLength(CARDS.length);
  });

  it('uses the active tab when no tabId is given', async () => {
    fake.tabsSend.mockResolvedValue({ cards: [], title: '', url: '', ready: true });
    await openPopup('');
    expect(fake.tabsSend).toHaveBeenCalledWith(7, { type: 'backstory:get-cards' });
  });

  it('folds each card to its short form and opens it in place to the full card, every item in the DOM either way', async () => {
    const n = [1, 2, 3, 4, 5];
    const full = card('choe', 'person', 'Choe Son Hui', 5, {
      fromArticle: { roles: [], statements: n.map((i) => ({ text: `Statement ${i}`, sentence: i })), sentences: [] },
    });
    const earlier = n.map((i) => ({ href: `https://news.example/a${i}#:~:text=x`, url: `https://news.example/a${i}`, date: `2019-0${i}-01`, outlet: 'News', title: `A${i}`, kind: 'role', text: `Earlier ${i}` }));
    fake.tabsSend.mockResolvedValue({ cards: [full, CARDS[0]], title: '', url: 'http://127.0.0.1/a', ready: true });
    fake.runtimeSend.mockImplementation(async (msg) => {
      const type = (msg as { type: string }).type;
      if (type === 'backstory:memory-earlier-tab') return { items: { choe: earlier } };
      if (type === 'backstory:memory-status') return { on: true, available: true };
      return undefined;
    });
    await openPopup();
    const entity = document.querySelector<HTMLElement>('[data-entity="choe"]')!;
    const shown = (sel: string) => [...entity.querySelectorAll<HTMLElement>(sel)].filter((e) => !e.closest('[hidden]')).map(text);
    const links = () => [...entity.querySelectorAll('[data-earlier] a')].map((a) => a.getAttribute('href'));

    // Short: three earlier items and two statements in sight; all five of each in the DOM.
    expect(shown('[data-earlier]')).toHaveLength(3);
    expect(shown('.bs-statement')).toEqual(['Statement 1', 'Statement 2']);
    expect(links()).toEqual(earlier.map((e) => e.href));
    const more = entity.querySelector<HTMLButtonElement>('button.bs-more')!;
    expect(text(more)).toBe('5 more');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.getElementById(more.getAttribute('aria-controls')!)).toBe(entity.querySelector('.entity-card'));

    more.click();
    expect(shown('[data-earlier]')).toHaveLength(5);
    expect(shown('.bs-statement')).toEqual(n.map((i) => `Statement ${i}`));
    expect(more.getAttribute('aria-expanded')).toBe('true');
    expect(text(more)).toBe('Show less');

    more.click();
    expect(shown('[data-earlier]')).toHaveLength(3);
    // A card with nothing folded away has no button.
    expect(document.querySelector('[data-entity="yongbyon"] button.bs-more')).toBeNull();
  });

  it('a card the reader opened stays open when the list is drawn again ("Forget this article")', async () => {
    const n = [1, 2, 3, 4, 5];
    const full = card('choe', 'person', 'Choe Son Hui', 5, {
      fromArticle: { roles: [], statements: n.map((i) => ({ text: `Statement ${i}`, sentence: i })), sentences: [] },
    });
    fake.tabsSend.mockResolvedValue({ cards: [full, CARDS[0]], title: '', url: 'http://127.0.0.1/a', ready: true });
    fake.runtimeSend.mockImplementation(async (msg) => {
      const type = (msg as { type: string }).type;
      if (type === 'backstory:memory-status') return { on: true, available: true };
      if (type === 'backstory:memory-forget') return { ok: true, removed: 1 };
      if (type === 'backstory:memory-earlier-tab') return { items: {} };
      return undefined;
    });
    await openPopup();
    const statements = () => [...document.querySelectorAll<HTMLElement>('[data-entity="choe"] .bs-statement')].filter((e) => !e.closest('[hidden]')).length;
    document.querySelector<HTMLButtonElement>('[data-entity="choe"] button.bs-more')!.click();
    expect(statements()).toBe(5);
    const before = document.querySelector('.list');
    document.querySelector<HTMLButtonElement>('#forget-article')!.click();
    await vi.waitFor(() => expect(document.querySelector('.list')).not.toBe(before));
    expect(statements()).toBe(5);
    expect(document.querySelector('[data-entity="choe"] button.bs-more')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('still finishes rendering when there is no tab to describe', async () => {
    fake.activeTab = undefined;
    await openPopup('');
    expect(text(document.getElementById('content'))).toBe('No page to describe');
    expect(fake.tabsSend).not.toHaveBeenCalled();
  });
});
