// Connects page events to the hover state machine and the card host: hover (with delay and
// grace), keyboard focus, touch taps, Escape, scrolling away. One set of delegated listeners on
// the document instead of listeners on every mention. The host itself (shadow root, placement,
// card view) is in the lazily loaded UI bundle, which the annotator has loaded to wrap the names
// (mark.js comes with it); if it is not there, the first pointer or focus on a mention starts
// loading it and the hover delay hides the wait.
import type { EarlierItem } from '../../core/memory/earlier';
import type { CardModel } from '../../core/types';
import type { CardHostApi, Theme } from '../../ui/api';
import { MENTION_TAG } from '../../shared/dom-kinds';
import { loadUI, prefetchUI, readyUI } from '../ui-loader';
import { HoverMachine } from './hover';

const MENTION_SELECTOR = `${MENTION_TAG}[data-backstory-entity]`;

export interface CardControllerOptions {
  doc?: Document;
  delayMs: number;
  graceMs?: number;
  getCard(entityId: string): CardModel | undefined;
  /** What earlier articles said about the card's entity (the reading memory); asked each time a
   *  card opens, so a forgotten article is gone from the next card. */
  getEarlier?(card: CardModel): Promise<readonly EarlierItem[]>;
  onSentence(entityId: string, sentence: number): void;
}

function mentionOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(MENTION_SELECTOR) : null;
}

function entityOf(el: Element): string {
  return el.getAttribute('data-backstory-entity') ?? '';
}

function focusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return false;
  }
}

export class CardController {
  /** Null until the UI bundle has loaded and a card was first shown. */
  private cardHost: CardHostApi | null = null;
  private theme: Theme = 'system';
  private readonly machine: HoverMachine<Element>;
  private readonly doc: Document;
  /** What had focus when the card opened from the keyboard; Escape gives focus back to it. */
  private focusReturn: HTMLElement | null = null;
  private readonly off: (() => void)[] = [];
  /** Whether the last input was a key press: a mouse click on a link must not pop a card. */
  private keyboardLast = false;
  private restoring = false;

  constructor(private readonly opts: CardControllerOptions) {
    this.doc = opts.doc ?? document;
    this.machine = new HoverMachine<Element>(
      { open: (el, cause) => this.open(el, cause === 'focus'), close: () => this.cardHost?.hide() },
      { delayMs: opts.delayMs, graceMs: opts.graceMs ?? 250 },
      (a, b) => a === b || entityOf(a) === entityOf(b),
    );
  }

  /** The card's host, once the UI has loaded (tests read the card through it). */
  get host(): CardHostApi | null {
    return this.cardHost;
  }

  get isOpen(): boolean {
    return this.cardHost?.isOpen ?? false;
  }

  /** True when `node` is the card or inside it. */
  private inCard(node: Node | null): boolean {
    return this.cardHost?.contains(node) ?? false;
  }

  setDelay(delayMs: number): void {
    this.machine.setTiming({ delayMs });
  }

  setTheme(theme: Theme): void {
    this.theme = theme;
    this.cardHost?.setTheme(theme);
  }

  start(): void {
    const doc = this.doc;
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, passive = false): void => {
      doc.addEventListener(type, fn as EventListener, { capture: true, passive });
      this.off.push(() => doc.removeEventListener(type, fn as EventListener, { capture: true }));
    };
    on('pointerover', (e) => {
      if (e.pointerType === 'touch') return;
      if (this.inCard(e.target as Node)) return this.machine.pointerEnterCard();
      const m = mentionOf(e.target);
      if (!m) return;
      if (!readyUI()) prefetchUI();
      this.machine.pointerEnterMention(m);
    });
    on('pointerout', (e) => {
      if (e.pointerType === 'touch') return;
      const to = e.relatedTarget as Node | null;
      if (this.inCard(e.target as Node)) {
        if (!this.inCard(to)) this.machine.pointerLeaveCard();
        return;
      }
      const m = mentionOf(e.target);
      // Moving between parts of one mention (split by inline tags) is not leaving it.
      const next = mentionOf(to);
      if (m && !(next && entityOf(next) === entityOf(m))) this.machine.pointerLeaveMention(m);
    });
    on('pointerdown', (e) => {
      this.keyboardLast = false;
      if (this.inCard(e.target as Node)) return;
      const m = mentionOf(e.target);
      if (m && e.pointerType === 'touch') this.machine.tapMention(m);
      else if (!m) this.machine.dismiss();
    });
    on('focusin', (e) => {
      const target = e.target as Element | null;
      if (!target || this.restoring || this.inCard(target)) return;
      // A link that contains a mention stands for it (mentions inside links are not tab stops).
      const own = mentionOf(target);
      const m = own ?? (target.localName === 'a' ? target.querySelector(MENTION_SELECTOR) : null);
      // Our own mention takes focus only from Tab or a click (which hovering already covers).
      if (m && (own || this.keyboardLast || focusVisible(target))) {
        this.focusReturn = target as HTMLElement;
        this.machine.focusMention(m);
      }
    });
    on('focusout', (e) => {
      if (this.inCard(e.relatedTarget as Node | null)) return;
      this.machine.blurMention();
    });
    on('keydown', (e) => {
      this.keyboardLast = true;
      // A card still waiting for the UI to load counts as open: Escape must cancel it too.
      if (e.key === 'Escape' && (this.isOpen || this.machine.current !== null)) {
        this.dismiss(true);
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const m = mentionOf(e.target);
      // A focused mention is a button: Enter/Space toggle its card (a link keeps its own Enter).
      if (m && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        if (this.isOpen) this.machine.dismiss();
        else this.machine.focusMention(m);
      } else if (e.key === 'Tab' && !e.shiftKey && this.isOpen && this.machine.openedBy === 'focus' && (m || e.target === this.focusReturn)) {
        // Tab from the mention goes into its card, so its buttons are reachable; Escape comes back.
        if (this.cardHost?.focusFirst()) e.preventDefault();
      }
    });
    on(
      'scroll',
      () => {
        const ref = this.machine.current;
        if (!ref) return;
        const r = ref.getBoundingClientRect();
        const vh = this.doc.defaultView?.innerHeight ?? 800;
        if (r.bottom < -vh / 2 || r.top > vh * 1.5) this.machine.dismiss();
      },
      true,
    );
  }

  /** Closes the card; with `restoreFocus`, focus goes back to the mention (or link) that had it. */
  dismiss(restoreFocus: boolean): void {
    const back = this.focusReturn;
    const active = this.doc.activeElement;
    const hadFocus = back !== null && (active === back || (this.cardHost !== null && active === this.cardHost.host) || active === this.doc.body);
    this.machine.dismiss();
    if (restoreFocus && back?.isConnected && hadFocus) {
      // Giving focus back must not reopen the card it just closed.
      this.restoring = true;
      try {
        back.focus();
      } finally {
        this.restoring = false;
      }
    }
  }

  private open(mention: Element, byFocus: boolean): void {
    if (!byFocus) this.focusReturn = null;
    const host = this.ensureHost();
    if (host) return this.show(host, mention, byFocus);
    // Not loaded yet (its load failed, or mentions came from elsewhere): open once it is, if the reader is still
    // on this mention. A failed load leaves the page as it is (loadUI warns once).
    loadUI().then(
      () => {
        const now = this.ensureHost();
        if (now && this.machine.current === mention && this.off.length > 0) this.show(now, mention, byFocus);
      },
      () => undefined,
    );
  }

  private ensureHost(): CardHostApi | null {
    if (this.cardHost) return this.cardHost;
    const ui = readyUI();
    if (!ui) return null;
    const host = ui.createCardHost(this.doc, () => this.dismiss(true));
    host.setTheme(this.theme);
    host.onMoved = () => this.machine.pin();
    this.cardHost = host;
    return host;
  }

  private show(host: CardHostApi, mention: Element, byFocus: boolean): void {
    const id = entityOf(mention);
    const card = this.opts.getCard(id);
    if (!card) return;
    host.show(card, mention, {
      announce: byFocus,
      onSentence: (sentence) => {
        this.machine.dismiss();
        this.opts.onSentence(id, sentence);
      },
    });
    this.opts.getEarlier?.(card).then(
      (items) => {
        if (this.cardHost === host && host.isOpen && this.machine.current === mention) host.setEarlier(id, items);
      },
      () => undefined, // no memory: the card stays as it is
    );
  }

  /** The cards changed (a note, a pack): an open card shows its new version, or closes when its
   *  mention or its entity is gone. */
  refresh(): void {
    const mention = this.machine.current;
    if (!mention || !this.cardHost?.isOpen) return;
    if (!mention.isConnected || !this.opts.getCard(entityOf(mention))) {
      this.machine.dismiss();
      return;
    }
    this.show(this.cardHost, mention, false);
  }

  stop(): void {
    for (const f of this.off.splice(0)) f();
    this.machine.dismiss();
    this.cardHost?.destroy();
  }
}
