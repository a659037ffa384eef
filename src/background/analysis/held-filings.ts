// A page's analysis is filed into the reading memory only once the page says its highlights are
// in (its page-status). Filed at once, the worker's work and the browser's disk writes ran beside
// the page's first wrapping frames and, on a two-core machine, took the CPU those frames needed.
// No browser.* here: the worker wires it to its messages, and tests drive it with fake timers.

/** A page that never reports (its pass failed, or it was left hidden) is filed after this long. */
export const HOLD_MS = 5_000;

export class HeldFilings {
  private readonly held = new Map<string, { file: () => void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly holdMs = HOLD_MS) {}

  /** Holds `file` for the page at `scope` ("tabId:frameId"). One held before it is filed now, so
   *  filings still run in the order their analyses finished. */
  hold(scope: string, file: () => void): void {
    this.release(scope);
    const timer = setTimeout(() => this.release(scope), this.holdMs);
    this.held.set(scope, { file, timer });
  }

  /** Files what `scope` holds, if anything: its page has finished a pass, or is going away. */
  release(scope: string): void {
    const h = this.held.get(scope);
    if (!h) return;
    this.held.delete(scope);
    clearTimeout(h.timer);
    h.file();
  }

  /** Files what every frame of a closed tab holds: the reader did open the article. */
  releaseTab(tabId: number): void {
    for (const scope of [...this.held.keys()]) if (scope.startsWith(`${tabId}:`)) this.release(scope);
  }
}
