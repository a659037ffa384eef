// The card's host element: <backstory-card data-backstory-card> with a CLOSED shadow root (page
// scripts must not read the reader's notes), our styles inside, placed next to a mention.
// Part of the lazily loaded UI bundle (src/ui/index.ts), not of content.js.
import type { EarlierItem } from '../../core/memory/earlier';
import type { CardModel } from '../../core/types';
import type { CardHostApi, ShowOptions, Theme } from '../api';
import { renderCard, renderCardHeader, renderGlance } from '../../shared/card-view';
import { t, tCount } from '../../shared/i18n';
import { adoptStyles } from '../adopt-styles';
import { CARD_TAG } from '../../shared/dom-kinds';
import { placeCard, type Placement } from './position';
import { CARD_CSS } from './styles';
import { cardContainer, watchTopLayer } from './top-layer';

export class CardHost implements CardHostApi {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly panel: HTMLElement;
  private readonly live: HTMLElement;
  private placement: Placement | null = null;
  private reference: Element | null = null;
  private stopWatching: (() => void) | null = null;
  /** The card on show, so earlier-reading items arriving later can be added to it. */
  private shown: { card: CardModel; onSentence?: (sentence: number) => void; earlier: readonly EarlierItem[]; expanded: boolean } | null = null;
  /** Called when the open card had to move into a new top-layer element (or back out of one). */
  onMoved: (() => void) | null = null;

  constructor(private readonly doc: Document = document, onClose: () => void = () => {}) {
    this.host = doc.createElement(CARD_TAG);
    this.host.setAttribute('data-backstory-card', '');
    // Set through CSSOM, not a style attribute: pages with strict CSPs block inline style attributes.
    const s = this.host.style;
    s.setProperty('all', 'initial');
    s.setProperty('position', 'fixed');
    s.setProperty('top', '0');
    s.setProperty('left', '0');
    s.setProperty('z-index', '2147483647');
    s.setProperty('display', 'none');
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(this.shadow, doc, CARD_CSS);
    this.panel = doc.createElement('div');
    this.panel.className = 'panel';
    this.panel.setAttribute('role', 'dialog');
    this.live = doc.createElement('div');
    this.live.className = 'sr-only';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.shadow.append(this.panel, this.live);
    this.onClose = onClose;
  }

  private readonly onClose: () => void;

  private get entityId(): string | null {
    return this.shown?.card.id ?? null;
  }

  get isOpen(): boolean {
    return this.entityId !== null;
  }

  get openEntity(): string | null {
    return this.entityId;
  }

  setTheme(theme: Theme): void {
    if (theme === 'system') this.host.removeAttribute('data-theme');
    else this.host.setAttribute('data-theme', theme);
  }

  /** True when `node` is the card or inside it (events from the closed root retarget to the host). */
  contains(node: Node | null): boolean {
    return node !== null && (node === this.host || this.host.contains(node));
  }

  show(card: CardModel, reference: Element, opts: ShowOptions = {}): void {
    const doc = this.doc;
    const top = doc.createElement('div');
    top.className = 'top';
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '×';
    close.setAttribute('aria-label', t('card_close'));
    close.addEventListener('click', () => this.onClose());
    top.append(renderCardHeader(card, doc), close);
    this.panel.replaceChildren(top);
    // The same card shown again (a note or pack changed) stays as open as the reader left it.
    const same = this.shown !== null && this.entityId === card.id ? this.shown : null;
    this.shown = { card, onSentence: opts.onSentence, earlier: same?.earlier ?? [], expanded: same?.expanded ?? false };
    this.renderBody();
    this.panel.setAttribute('aria-label', t('card_label', card.name));
    this.live.textContent = opts.announce ? t('card_announce', card.name) : '';

    this.reference = reference;
    this.host.style.setProperty('display', 'block');
    this.follow(true);
    this.stopWatching ??= watchTopLayer(doc, () => this.follow(false));
  }

  setEarlier(entityId: string, items: readonly EarlierItem[]): void {
    if (this.entityId !== entityId || !this.shown || items.length === 0) return;
    this.shown.earlier = items;
    this.renderBody();
  }

  /**
   * Below the header: the glance (identity line, one statement, one earlier item) with an
   * "N more" button, or, once the reader asked for it, the full card as the popup shows it.
   */
  private renderBody(): void {
    const top = this.panel.firstElementChild;
    if (!this.shown || !top) return;
    const { card, onSentence, earlier, expanded } = this.shown;
    const doc = this.doc;
    if (expanded) {
      this.panel.replaceChildren(top, renderCard(card, { onSentence, doc, earlier }));
      return;
    }
    const glance = renderGlance(card, { onSentence, doc, earlier });
    this.panel.replaceChildren(top, glance.element);
    if (glance.more === 0) return;
    const more = doc.createElement('button');
    more.type = 'button';
    more.className = 'bs-more';
    more.textContent = tCount('card_more', glance.more);
    more.setAttribute('aria-expanded', 'false');
    more.addEventListener('click', () => {
      if (!this.shown) return;
      const hadFocus = this.shadow.activeElement === more;
      this.shown.expanded = true;
      this.renderBody();
      // The button goes away: focus it held stays in the card, on the full card's first control.
      if (hadFocus) this.panel.querySelector<HTMLElement>('.bs-card button, .bs-card a')?.focus();
    });
    this.panel.append(more);
  }

  /** Keeps the open card inside whatever paints on top (see top-layer.ts), placed by its mention. */
  private follow(force: boolean): void {
    if (!this.reference) return;
    const parent = cardContainer(this.doc);
    const moved = this.host.parentNode !== parent;
    if (moved) parent.append(this.host);
    if (!moved && !force) return;
    if (moved && !force) this.onMoved?.();
    this.placement?.stop();
    this.placement = placeCard(this.reference, this.host);
  }

  /** Moves keyboard focus into the card (its first button). Returns false when there is none. */
  focusFirst(): boolean {
    const button = this.panel.querySelector<HTMLElement>('button');
    button?.focus();
    return button !== null;
  }

  hide(): void {
    this.placement?.stop();
    this.placement = null;
    this.stopWatching?.();
    this.stopWatching = null;
    this.reference = null;
    this.shown = null;
    this.host.style.setProperty('display', 'none');
    this.panel.replaceChildren();
    this.live.textContent = '';
  }

  destroy(): void {
    this.hide();
    this.host.remove();
  }
}
