// Connects page events to the hover state machine and the card host: hover (with delay and
// grace), keyboard focus, touch taps, Escape, scrolling away. One set of delegated listeners on
// the document instead of listeners on every mention.
import type { CardModel } from '../../core/types';
import { MENTION_TAG } from '../dom-kinds';
import { CardHost, type Theme } from './host';
import { HoverMachine } from './hover';

const MENTION_SELECTOR = `${MENTION_TAG}[data-backstory-entity]`;

export interface CardControllerOptions {
  doc?: Document;
  delayMs: number;
  graceMs?: number;
  getCard(entityId: string): CardModel | undefined;
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
  readonly host: CardHost;
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
    this.host = new CardHost(this.doc, () => this.dismiss(true));
    this.machine = new HoverMachine<Element>(
      { open: (el, cause) => this.open(el, cause === 'focus'), close: () => this.host.hide() },
      { delayMs: opts.delayMs, graceMs: opts.graceMs ?? 250 },
      (a, b) => a === b || entityOf(a) === entityOf(b),
    );
    this.host.onMoved = () => this.machine.pin();
  }

  get isOpen(): boolean {
    return this.host.isOpen;
  }

  setDelay(delayMs: number): void {
    this.machine.setTiming({ delayMs });
  }

  setTheme(theme: Theme): void {
    this.host.setTheme(theme);
  }

  start(): void {
    const doc = this.doc;
    const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, passive = false): void => {
      doc.addEventListener(type, fn as EventListener, { capture: true, passive });
      this.off.push(() => doc.removeEventListener(type, fn as EventListener, { capture: true }));
    };
    on('pointerover', (e) => {
      if (e.pointerType === 'touch') return;
      if (this.host.contains(e.target as Node)) return this.machine.pointerEnterCard();
      const m = mentionOf(e.target);
      if (m) this.machine.pointerEnterMention(m);
    });
    on('pointerout', (e) => {
      if (e.pointerType === 'touch') return;
      const to = e.relatedTarget as Node | null;
      if (this.host.contains(e.target as Node)) {
        if (!this.host.contains(to)) this.machine.pointerLeaveCard();
        return;
      }
      const m = mentionOf(e.target);
      // Moving between parts of one mention (split by inline tags) is not leaving it.
      const next = mentionOf(to);
      if (m && !(next && entityOf(next) === entityOf(m))) this.machine.pointerLeaveMention(m);
    });
    on('pointerdown', (e) => {
      this.keyboardLast = false;
      if (this.host.contains(e.target as Node)) return;
      const m = mentionOf(e.target);
      if (m && e.pointerType === 'touch') this.machine.tapMention(m);
      else if (!m) this.machine.dismiss();
    });
    on('focusin', (e) => {
      const target = e.target as Element | null;
      if (!target || this.restoring || this.host.contains(target)) return;
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
      if (this.host.contains(e.relatedTarget as Node | null)) return;
      this.machine.blurMention();
    });
    on('keydown', (e) => {
      this.keyboardLast = true;
      if (e.key === 'Escape' && this.host.isOpen) {
        this.dismiss(true);
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const m = mentionOf(e.target);
      // A focused mention is a button: Enter/Space toggle its card (a link keeps its own Enter).
      if (m && (e.key === 'Enter' || e.key === ' ')) {
        e.preventDefault();
        if (this.host.isOpen) this.machine.dismiss();
        else this.machine.focusMention(m);
      } else if (e.key === 'Tab' && !e.shiftKey && this.host.isOpen && this.machine.openedBy === 'focus' && (m || e.target === this.focusReturn)) {
        // Tab from the mention goes into its card, so its buttons are reachable; Escape comes back.
        if (this.host.focusFirst()) e.preventDefault();
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
    const hadFocus = back !== null && (active === back || active === this.host.host || active === this.doc.body);
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
    const id = entityOf(mention);
    const card = this.opts.getCard(id);
    if (!card) return;
    this.host.show(card, mention, {
      announce: byFocus,
      onSentence: (sentence) => {
        this.machine.dismiss();
        this.opts.onSentence(id, sentence);
      },
    });
  }

  stop(): void {
    for (const f of this.off.splice(0)) f();
    this.machine.dismiss();
    this.host.destroy();
  }
}
