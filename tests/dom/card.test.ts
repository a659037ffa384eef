// @vitest-environment jsdom
// The hover card: text-only rendering of hostile pack/page text, a closed shadow root, and the
// hover / focus / Escape / tap behaviour a reader would notice.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController } from '../../src/content/card/controller';
import { useUI } from '../../src/content/ui-loader';
import type { CardModel } from '../../src/core/types';
import { fullCardPieces, renderCard, renderGlance } from '../../src/shared/card-view';
import type { EarlierItem } from '../../src/core/memory/earlier';
import { ui } from '../../src/ui/index';
import { page } from './fixtures';

// The UI bundle also holds the note editor, whose store needs the extension API.
vi.mock('webextension-polyfill', () => ({ default: {} }));

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

const CARD: CardModel = {
  id: 'choe-son-hui',
  name: `Choe Son Hui ${HOSTILE}`,
  type: 'person',
  pageOnly: false,
  mentionCount: 2,
  summary: `Diplomat. ${HOSTILE}`,
  background: [{ text: `Led talks ${HOSTILE}`, date: '2019-08-31', source: `Source ${HOSTILE}` }],
  fromArticle: {
    roles: [{ text: 'First Vice Foreign Minister', sentence: 0 }],
    statements: [{ text: `Talks are harder now ${HOSTILE}`, date: '2019-08-31', dateText: 'August 31', sentence: 1 }],
    sentences: [
      { text: `The minister spoke ${HOSTILE}`, sentence: 1 },
      { text: 'A second sentence.', sentence: 2 },
    ],
  },
  note: `My note ${HOSTILE}`,
};

describe('renderCard', () => {
  it('renders pack and page text as text, never as markup', () => {
    const el = renderCard(CARD, { header: true, onSentence: () => {} });
    document.body.append(el);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toContain(HOSTILE);
    expect(el.textContent).toContain('First Vice Foreign Minister');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('makes sentences buttons that report which sentence was picked', () => {
    const picked: number[] = [];
    const el = renderCard(CARD, { onSentence: (s) => picked.push(s) });
    const buttons = el.querySelectorAll<HTMLButtonElement>('button.bs-sentence');
    expect(buttons.length).toBe(2);
    buttons[1]!.click();
    expect(picked).toEqual([2]);
  });

  it('dates each statement: the resolved day (the words as written on hover), or the words when unresolved', () => {
    const card: CardModel = {
      ...CARD,
      fromArticle: {
        ...CARD.fromArticle,
        statements: [
          { text: 'The quay reopens', date: '2019-08-31', dateText: 'Saturday', sentence: 1 },
          { text: 'The fares stay', dateText: 'last week', sentence: 2 },
        ],
      },
    };
    const day = /^(?:31 Aug 2019|Aug 31, 2019)$/u;
    for (const view of [renderCard(card), renderGlance(card).element]) {
      const first = view.querySelector<HTMLElement>('.bs-statement .bs-date');
      expect(first?.textContent).toMatch(day);
      expect(first?.title).toBe('Saturday');
    }
    const items = [...renderCard(card).querySelectorAll('.bs-statement')].map((e) => e.textContent);
    expect(items[0]).toMatch(/2019 The quay reopens$/u);
    expect(items[1]).toBe('last week The fares stay');
  });

  it('says when an entity is known only from the article', () => {
    const el = renderCard({ ...CARD, pageOnly: true, summary: undefined, background: [] });
    expect(el.querySelector('.bs-page-only')).not.toBeNull();
    expect(el.querySelector('.bs-background')).toBeNull();
  });
});

describe('CardController', () => {
  let ctl: CardController;
  let mention: HTMLElement;
  let other: HTMLElement;
  const revealed: [string, number][] = [];

  function pointer(type: string, target: Element, related: Element | null = null, pointerType = 'mouse'): void {
    const e = new MouseEvent(type, { bubbles: true, composed: true, relatedTarget: related });
    Object.defineProperty(e, 'pointerType', { value: pointerType });
    target.dispatchEvent(e);
  }

  /** Text inside the card: the test reaches the closed root through the only way a page cannot. */
  function cardText(): string {
    const host = document.querySelector('[data-backstory-card]');
    if (!host || (host as HTMLElement).style.display === 'none') return '';
    const shadow = (ctl.host as unknown as { shadow: ShadowRoot }).shadow;
    return Array.from(shadow.children)
      .filter((c) => c.localName !== 'style')
      .map((c) => c.textContent)
      .join(' ');
  }

  beforeEach(() => {
    vi.useFakeTimers();
    // The UI bundle as if already loaded (ui-loader.test.ts covers the wait for it).
    useUI(ui);
    page(`<article><p>Talks stalled. <backstory-mention data-backstory-entity="choe-son-hui" tabindex="0">Choe Son Hui</backstory-mention> spoke.
      <a href="/x" id="link"><backstory-mention data-backstory-entity="choe-son-hui">Choe</backstory-mention></a>
      <span id="plain">plain words</span></p></article>`);
    mention = document.querySelector('backstory-mention')!;
    other = document.getElementById('plain')!;
    revealed.length = 0;
    ctl = new CardController({ delayMs: 300, graceMs: 250, getCard: (id) => (id === CARD.id ? CARD : undefined), onSentence: (id, s) => revealed.push([id, s]) });
    ctl.start();
  });

  afterEach(() => {
    ctl.stop();
    vi.useRealTimers();
  });

  it('opens after the hover delay, not before, inside a closed shadow root', () => {
    pointer('pointerover', mention);
    vi.advanceTimersByTime(250);
    expect(ctl.isOpen).toBe(false);
    vi.advanceTimersByTime(60);
    expect(ctl.isOpen).toBe(true);
    const host = document.querySelector('[data-backstory-card]')!;
    expect(host.parentElement).toBe(document.documentElement);
    expect(host.shadowRoot).toBeNull();
    // Page scripts see an empty host; the text is only in the closed root.
    expect(host.textContent).toBe('');
    expect(cardText()).toContain('First Vice Foreign Minister');
    expect(cardText()).toContain(HOSTILE);
  });

  it('does not open when the pointer passes over quickly', () => {
    pointer('pointerover', mention);
    vi.advanceTimersByTime(100);
    pointer('pointerout', mention, other);
    vi.advanceTimersByTime(1000);
    expect(ctl.isOpen).toBe(false);
  });

  it('stays open while the pointer travels into the card, closes after leaving both', () => {
    pointer('pointerover', mention);
    vi.advanceTimersByTime(300);
    const host = document.querySelector('[data-backstory-card]')!;
    pointer('pointerout', mention, host);
    vi.advanceTimersByTime(100);
    pointer('pointerover', host);
    vi.advanceTimersByTime(1000);
    expect(ctl.isOpen).toBe(true);
    pointer('pointerout', host, other);
    vi.advanceTimersByTime(249);
    expect(ctl.isOpen).toBe(true);
    vi.advanceTimersByTime(2);
    expect(ctl.isOpen).toBe(false);
    expect(cardText()).toBe('');
  });

  it('opens at once on keyboard focus and gives focus back on Escape', () => {
    mention.focus();
    expect(ctl.isOpen).toBe(true);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(ctl.isOpen).toBe(false);
    expect(document.activeElement).toBe(mention);
  });

  it('opens for a link holding a mention when the keyboard focuses it, not on a click', () => {
    const link = document.getElementById('link')!;
    pointer('pointerdown', link);
    link.focus();
    expect(ctl.isOpen).toBe(false);
    link.blur();
    vi.advanceTimersByTime(300);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
    link.focus();
    expect(ctl.isOpen).toBe(true);
    expect(cardText()).toContain('Choe Son Hui');
  });

  it('opens on a touch tap without waiting, and a tap elsewhere closes it', () => {
    pointer('pointerdown', mention, null, 'touch');
    expect(ctl.isOpen).toBe(true);
    pointer('pointerdown', other, null, 'touch');
    expect(ctl.isOpen).toBe(false);
  });

  it('passes a picked sentence on and closes the card', () => {
    mention.focus();
    const shadow = (ctl.host as unknown as { shadow: ShadowRoot }).shadow;
    // The sentences are in the full card, behind "N more".
    shadow.querySelector<HTMLButtonElement>('button.bs-more')!.click();
    shadow.querySelectorAll<HTMLButtonElement>('button.bs-sentence')[0]!.click();
    expect(revealed).toEqual([['choe-son-hui', 1]]);
    expect(ctl.isOpen).toBe(false);
  });

  it('re-parents the card into an open modal dialog so it stays visible', () => {
    const dialog = document.createElement('dialog');
    dialog.innerHTML = '<p><backstory-mention data-backstory-entity="choe-son-hui" tabindex="0">Choe</backstory-mention></p>';
    document.body.append(dialog);
    // jsdom has no showModal; an open dialog that matches :modal is what the browser gives.
    dialog.setAttribute('open', '');
    const matches = dialog.matches.bind(dialog);
    dialog.matches = (sel: string) => sel === ':modal' || matches(sel);
    dialog.querySelector<HTMLElement>('backstory-mention')!.focus();
    expect(document.querySelector('[data-backstory-card]')?.parentElement).toBe(dialog);
  });
});

describe('hover card: the glance and "N more"', () => {
  const earlierItem = (n: number): EarlierItem => ({
    href: `https://news.example/a${n}#:~:text=x`,
    url: `https://news.example/a${n}`,
    date: `2019-0${n}-01`,
    outlet: 'News Example',
    title: `Article ${n}`,
    kind: 'statement',
    text: `Earlier thing ${n}`,
  });
  const FULL: CardModel = {
    ...CARD,
    name: 'Choe Son Hui',
    note: undefined,
    fromArticle: {
      ...CARD.fromArticle,
      statements: [1, 2, 3].map((n) => ({ text: `Statement ${n}`, sentence: n })),
      sentences: [1, 2, 3].map((n) => ({ text: `Sentence ${n}`, sentence: n })),
    },
  };
  const EARLIER = [1, 2, 3].map(earlierItem);

  it('shows one identity line, at most one statement and one earlier item, and "N more" opens the full card', async () => {
    page('<p>Talks. <backstory-mention data-backstory-entity="choe-son-hui" tabindex="0">Choe Son Hui</backstory-mention> spoke.</p>');
    useUI(ui);
    const ctl = new CardController({ delayMs: 300, getCard: () => FULL, getEarlier: () => Promise.resolve(EARLIER), onSentence: () => {} });
    ctl.start();
    try {
      document.querySelector<HTMLElement>('backstory-mention')!.focus();
      const shadow = (ctl.host as unknown as { shadow: ShadowRoot }).shadow;
      await vi.waitFor(() => expect(shadow.querySelector('[data-earlier]')).not.toBeNull());
      const panel = shadow.querySelector('.panel')!;
      expect(panel.querySelector('.bs-identity')?.textContent).toBe('First Vice Foreign Minister');
      expect([...panel.querySelectorAll('.bs-statement')].map((e) => e.textContent)).toEqual(['Statement 1']);
      const earlier = [...panel.querySelectorAll('[data-earlier]')];
      expect(earlier.length).toBe(1);
      expect(earlier[0]!.querySelector('a')?.getAttribute('href')).toBe(EARLIER[0]!.href);
      expect(panel.querySelectorAll('button.bs-sentence').length).toBe(0);
      expect(panel.querySelector('.bs-background')).toBeNull();

      const more = panel.querySelector<HTMLButtonElement>('button.bs-more')!;
      expect(more.type).toBe('button');
      // What it hides: 2 more statements, 3 sentences, 2 more earlier items, the summary, the
      // background fact; the role is in the identity line already.
      const hidden = 2 + 3 + 2 + 1 + 1;
      expect(more.textContent).toBe('card_more_other');
      expect(renderGlance(FULL, { earlier: EARLIER }).more).toBe(hidden);
      more.focus();
      more.click();

      expect(panel.querySelector('button.bs-more')).toBeNull();
      expect(panel.querySelectorAll('.bs-statement').length).toBe(3);
      expect(panel.querySelectorAll('button.bs-sentence').length).toBe(3);
      expect([...panel.querySelectorAll('[data-earlier] a')].map((a) => a.getAttribute('href'))).toEqual(EARLIER.map((e) => e.href));
      expect(panel.querySelector('.bs-background')?.textContent).toContain('Led talks');
      // Focus stays inside the card, on the full card's first control.
      expect(shadow.activeElement?.textContent).toBe('Sentence 1');
    } finally {
      ctl.stop();
    }
  });

  it('keeps the reader\'s own note in sight, not behind "N more"', () => {
    const withNote = renderGlance({ ...FULL, note: 'Check what she said in March.' }, { earlier: EARLIER });
    expect(withNote.element.querySelector('.bs-note-text')?.textContent).toBe('Check what she said in March.');
    expect(withNote.more).toBe(renderGlance(FULL, { earlier: EARLIER }).more);
  });

  it('the identity line falls back to the summary\'s first sentence, then to the newest remembered role', () => {
    const noRole = { ...FULL, fromArticle: { ...FULL.fromArticle, roles: [] } };
    expect(renderGlance({ ...noRole, summary: 'North Korean diplomat. Leads talks with the US.' }).element.querySelector('.bs-identity')?.textContent).toBe(
      'North Korean diplomat.',
    );
    const role = { ...earlierItem(4), kind: 'role' as const, text: 'Vice minister' };
    const glance = renderGlance({ ...noRole, summary: undefined }, { earlier: [EARLIER[0]!, role] });
    expect(glance.element.querySelector('.bs-identity')?.textContent).toBe('Vice minister');
  });

  it('counts "N more" from the card model as the full card would render it', () => {
    const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));
    const fact = (text: string) => ({ text, source: 'src', date: '2019-01-01' });
    const cards: [CardModel, EarlierItem[]][] = [
      [FULL, EARLIER],
      [{ ...FULL, note: 'Mine.' }, []],
      [{ ...FULL, summary: undefined, background: [], fromArticle: { roles: [], statements: [], sentences: [] } }, []],
      [
        {
          ...FULL,
          background: many(14, (i) => `Fact ${i}`).map(fact),
          later: many(12, (i) => `Later ${i}`).map(fact),
          fromArticle: {
            definition: { long: 'Long Form', sentence: 0 },
            roles: many(4, (i) => `Role ${i}`).map((text) => ({ text, sentence: 0 })),
            statements: many(8, (i) => `S ${i}`).map((text, i) => ({ text, sentence: i })),
            sentences: many(9, (i) => `T ${i}`).map((text, i) => ({ text, sentence: i })),
          },
        },
        Array.from({ length: 7 }, (_, i) => earlierItem(i + 1)),
      ],
    ];
    for (const [c, earlier] of cards) {
      const rendered = renderCard(c, { earlier }).querySelectorAll('li, .bs-role, .bs-definition, .bs-summary, .bs-note-text').length;
      expect(fullCardPieces(c, earlier)).toBe(rendered);
    }
  });

  it('needs no "N more" when the glance holds everything', () => {
    const small: CardModel = { ...FULL, summary: undefined, background: [], fromArticle: { roles: [], statements: [{ text: 'Only one', sentence: 1 }], sentences: [] } };
    expect(renderGlance(small).more).toBe(0);
  });
});

describe('CardController keyboard', () => {
  it('Tab from a focused mention enters the card; Escape brings focus back; Enter toggles', () => {
    page('<p>Talks. <backstory-mention data-backstory-entity="choe-son-hui" tabindex="0" role="button">Choe Son Hui</backstory-mention> spoke.</p>');
    const mention = document.querySelector<HTMLElement>('backstory-mention')!;
    useUI(ui);
    const ctl = new CardController({ delayMs: 300, getCard: () => CARD, onSentence: () => {} });
    ctl.start();
    try {
      mention.focus();
      expect(ctl.isOpen).toBe(true);
      const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
      mention.dispatchEvent(tab);
      expect(tab.defaultPrevented).toBe(true);
      // Focus is inside the closed root: the page only sees the host.
      expect(document.activeElement).toBe(ctl.host?.host);
      expect(ctl.isOpen).toBe(true);
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      expect(ctl.isOpen).toBe(false);
      expect(document.activeElement).toBe(mention);
      mention.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      expect(ctl.isOpen).toBe(true);
      mention.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      expect(ctl.isOpen).toBe(false);
    } finally {
      ctl.stop();
    }
  });
});

describe('renderCard: facts from after the article', () => {
  it('lists them apart, under the "Later:" label, after the background facts', () => {
    const el = renderCard({ ...CARD, later: [{ text: 'Became Foreign Minister.', date: '2022-06', source: 'Ministry profile' }] });
    const section = el.querySelector('.bs-background')!;
    const order = [...section.children].map((c) => c.className);
    expect(order).toEqual(['bs-section-title', 'bs-summary', 'bs-facts', 'bs-later-title', 'bs-facts bs-later']);
    // Outside the extension t() gives the message key; the label's text is _locales' "card_later".
    expect(section.querySelector('.bs-later-title')?.textContent).toBe('card_later');
    expect(section.querySelector('.bs-later')?.textContent).toContain('Became Foreign Minister.');
    expect(section.querySelector('.bs-facts:not(.bs-later)')?.textContent).not.toContain('Became Foreign Minister.');
  });

  it('shows no "Later:" label when nothing is later', () => {
    expect(renderCard(CARD).querySelector('.bs-later-title')).toBeNull();
  });
});

describe('renderCard: a fact links to its source', () => {
  it('the publisher opens the source page in a new tab; an address that is not a web page stays plain text', () => {
    const el = renderCard({
      ...CARD,
      background: [
        { text: 'President since October 2024.', date: '2024-10-20', source: 'The World Factbook', url: 'https://www.cia.gov/the-world-factbook/countries/indonesia/' },
        { text: 'A fact with a bad address.', date: '2020', source: 'Somewhere', url: 'javascript:alert(1)' },
      ],
    });
    const links = [...el.querySelectorAll<HTMLAnchorElement>('.bs-facts a')];
    expect(links.map((a) => [a.textContent, a.href, a.target, a.rel])).toEqual([
      ['The World Factbook', 'https://www.cia.gov/the-world-factbook/countries/indonesia/', '_blank', 'noopener noreferrer'],
    ]);
    expect([...el.querySelectorAll('.bs-facts .bs-source')].map((s) => s.textContent)).toEqual(['(The World Factbook, Oct 20, 2024)', '(Somewhere, 2020)']);
  });
});
