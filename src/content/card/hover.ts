// When the card opens and closes, as a small state machine with no DOM of its own: the controller
// feeds it pointer/focus/key events and it calls `open`/`close`. All of the card's timers live here.

export type OpenCause = 'hover' | 'focus' | 'tap';

export interface HoverActions<T> {
  open(target: T, cause: OpenCause): void;
  close(): void;
}

export interface HoverTiming {
  /** Pointer rest on a mention before the card opens. */
  delayMs: number;
  /** Time the pointer has to travel from the mention into the card (or back). */
  graceMs: number;
}

export class HoverMachine<T> {
  private shown: T | null = null;
  private pending: T | null = null;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private cause: OpenCause | null = null;
  /** Kept open until dismissed: leaving the mention or losing focus no longer closes it. */
  private pinned = false;

  constructor(
    private readonly actions: HoverActions<T>,
    private timing: HoverTiming,
    /** Two targets that show the same card (pieces of one mention split by inline tags). */
    private readonly same: (a: T, b: T) => boolean = (a, b) => a === b,
  ) {}

  get current(): T | null {
    return this.shown;
  }

  get openedBy(): OpenCause | null {
    return this.cause;
  }

  setTiming(timing: Partial<HoverTiming>): void {
    this.timing = { ...this.timing, ...timing };
  }

  pointerEnterMention(target: T): void {
    this.cancelClose();
    if (this.shown !== null && this.same(this.shown, target)) return;
    if (this.pending !== null && this.same(this.pending, target)) return;
    this.cancelOpen();
    this.pending = target;
    this.openTimer = setTimeout(() => {
      this.openTimer = undefined;
      this.pending = null;
      this.show(target, 'hover');
    }, this.timing.delayMs);
  }

  pointerLeaveMention(target: T): void {
    if (this.pending !== null && this.same(this.pending, target)) this.cancelOpen();
    if (this.shown !== null && this.cause !== 'focus' && !this.pinned) this.scheduleClose();
  }

  pointerEnterCard(): void {
    this.cancelClose();
  }

  pointerLeaveCard(): void {
    if (this.shown !== null && !this.pinned) this.scheduleClose();
  }

  /** Keyboard focus and taps open at once: there is no hover intent to wait for. */
  focusMention(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.show(target, 'focus');
  }

  tapMention(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    if (this.shown !== null && this.same(this.shown, target)) return;
    this.show(target, 'tap');
  }

  /** Focus left the mention (and did not go into the card). */
  blurMention(): void {
    if (this.shown !== null && this.cause === 'focus' && !this.pinned) this.scheduleClose();
  }

  /**
   * The page put something over the mention while the card was open (a modal, full screen): the
   * pointer or focus leaving the mention then says nothing about the reader, so the open card
   * stays until it is dismissed (Escape, its close button, a click elsewhere).
   */
  pin(): void {
    if (this.shown === null) return;
    this.pinned = true;
    this.cancelClose();
  }

  /** Escape, a tap elsewhere, scrolling far away: close now. Returns whether a card was open. */
  dismiss(): boolean {
    this.cancelOpen();
    this.cancelClose();
    if (this.shown === null) return false;
    this.shown = null;
    this.cause = null;
    this.pinned = false;
    this.actions.close();
    return true;
  }

  private show(target: T, cause: OpenCause): void {
    this.pinned = false;
    this.shown = target;
    this.cause = cause;
    this.actions.open(target, cause);
  }

  private scheduleClose(): void {
    if (this.closeTimer !== undefined) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = undefined;
      this.dismiss();
    }, this.timing.graceMs);
  }

  private cancelOpen(): void {
    if (this.openTimer !== undefined) clearTimeout(this.openTimer);
    this.openTimer = undefined;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== undefined) clearTimeout(this.closeTimer);
    this.closeTimer = undefined;
  }
}
