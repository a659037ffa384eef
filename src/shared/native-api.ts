// The browser's own extension namespace, for code that does without webextension-polyfill: the
// content script (every page it runs on would parse the polyfill) and the UI strings (which must
// also load in unit tests). `browser` in Firefox, `chrome` in Chromium; undefined outside an
// extension. `T` is the part of the API the caller uses; every member may still be missing.
export function nativeApi<T extends object>(): Partial<T> | undefined {
  const g = globalThis as { browser?: Partial<T>; chrome?: Partial<T> };
  return g.browser ?? g.chrome;
}
