// What the annotator still has to do (a pass, a queued update, new content waiting out its
// debounce, highlights coming off), counted so that "settled" can be awaited instead of guessed
// with a sleep: the popup's `ready`, the tests' "nothing else happened" checks.

export class Activity {
  private count = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly onChange?: (busy: boolean) => void) {}

  /** One piece of work starts; call the returned function (once) when it ends. */
  begin(): () => void {
    if (this.count++ === 0) this.onChange?.(true);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.count > 0) return;
      this.onChange?.(false);
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
    };
  }

  /** Runs `work` as one piece of work. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Resolves once nothing is left to do (checked again on wake-up: work may start meanwhile).
   *  It looks first after one microtask: a MutationObserver's callback for a change made just
   *  before the call is queued already, so the watcher has seen that change by then. */
  async idle(): Promise<void> {
    await Promise.resolve();
    while (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
