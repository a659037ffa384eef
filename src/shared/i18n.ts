// UI strings from _locales/<lang>/messages.json. Uses the browser's synchronous i18n API directly
// (not the polyfill), so modules that call t() also load in unit tests and fall back to the key.
import type { EntityType } from '../core/types';
import { nativeApi } from './native-api';

type GetMessage = (key: string, subs?: string | string[]) => string;

function getMessageFn(): GetMessage | null {
  const api = nativeApi<{ i18n: { getMessage?: GetMessage } }>()?.i18n;
  return typeof api?.getMessage === 'function' ? api.getMessage.bind(api) : null;
}

/** The message for `key` with `$1`… substituted; the key itself when there is no such message. */
export function t(key: string, ...subs: (string | number)[]): string {
  const get = getMessageFn();
  let text = '';
  try {
    text = get ? get(key, subs.map(String)) : '';
  } catch {
    text = '';
  }
  return text || key;
}

/** "1 mention" / "3 mentions": picks `<base>_one` or `<base>_other`. */
export function tCount(base: string, n: number): string {
  return n === 1 ? t(`${base}_one`, n) : t(`${base}_other`, n);
}

/** "Person" / "People": keys `type_<type>` and `type_<type>_plural` exist for every entity type. */
export function typeLabel(type: EntityType, plural = false): string {
  return t(plural ? `type_${type}_plural` : `type_${type}`);
}

/** The UI language the browser reports ("en", "ko"), for lang attributes and number formats. */
export function uiLanguage(): string {
  const g = globalThis as { chrome?: { i18n?: { getUILanguage?: () => string } }; browser?: { i18n?: { getUILanguage?: () => string } } };
  const api = g.browser?.i18n ?? g.chrome?.i18n;
  try {
    return api?.getUILanguage?.() ?? 'en';
  } catch {
    return 'en';
  }
}

/** Fills static page text: `data-i18n="key"` sets textContent, `data-i18n-title`/`-aria-label`/`-placeholder` set attributes. */
export function applyI18n(root: ParentNode & { documentElement?: HTMLElement }): void {
  if (root.documentElement) root.documentElement.lang = uiLanguage();
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) node.textContent = t(node.dataset.i18n ?? '');
  for (const attr of ['title', 'aria-label', 'placeholder'] as const) {
    for (const node of root.querySelectorAll<HTMLElement>(`[data-i18n-${attr}]`)) {
      node.setAttribute(attr, t(node.getAttribute(`data-i18n-${attr}`) ?? ''));
    }
  }
}
