// When the extension is reloaded, updated or removed, this content script lives on in pages that
// were open, with no extension behind it: every browser.* call then throws "Extension context
// invalidated" (synchronously, in Chromium), which would surface in the page's console. Once that
// happens the script puts the page back as it was and stops; the next page load starts afresh.
import { nativeApi } from '../shared/native-api';

function runtimeId(): string | undefined {
  try {
    return nativeApi<{ runtime: { id?: string } }>()?.runtime?.id;
  } catch {
    return undefined;
  }
}

/** True when the extension this script belongs to is gone. */
export function extensionGone(): boolean {
  return runtimeId() === undefined;
}

export class OrphanGuard {
  private gone = false;

  constructor(private readonly onGone: () => void) {}

  get isGone(): boolean {
    return this.gone;
  }

  /** Checks once; calls `onGone` the first time the extension is found gone. */
  check(): boolean {
    if (!this.gone && extensionGone()) {
      this.gone = true;
      this.onGone();
    }
    return this.gone;
  }

  /** Runs a browser.* call that may throw (or reject) once the extension is gone. */
  call(send: () => Promise<unknown>): void {
    if (this.check()) return;
    try {
      send().catch(() => void this.check());
    } catch {
      this.check();
    }
  }

  /** Checks before the reader's hover, focus or keys reach our handlers (which may call browser.*). */
  watch(doc: Document): void {
    const opts = { capture: true, passive: true } as const;
    const check = (): void => {
      if (this.check()) for (const t of TYPES) doc.removeEventListener(t, check, opts);
    };
    for (const t of TYPES) doc.addEventListener(t, check, opts);
  }
}

const TYPES = ['pointerover', 'focusin', 'keydown'] as const;
