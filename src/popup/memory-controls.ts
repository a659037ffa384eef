// The popup's part of the reading memory: the items for the tab's cards (asked of the background
// for this tab only), a one-time line saying the memory is on, and "Forget this article".
import browser from 'webextension-polyfill';
import type { EarlierItem } from '../core/memory/earlier';
import type { CardModel } from '../core/types';
import { el } from '../shared/dom';
import { t } from '../shared/i18n';
import type { Responses } from '../shared/messages';

/** storage.local key: the reader dismissed the line that says the memory is on. */
export const MEMORY_NOTICE_KEY = 'memoryNoticeSeen';

export async function earlierForTab(tabId: number, url: string, cards: readonly CardModel[]): Promise<Record<string, EarlierItem[]>> {
  try {
    const res = (await browser.runtime.sendMessage({
      type: 'backstory:memory-earlier-tab',
      tabId,
      url,
      entities: cards.slice(0, 200).map((c) => ({ id: c.id, name: c.name, pageOnly: c.pageOnly })),
    })) as Responses['backstory:memory-earlier-tab'] | undefined;
    return res?.items ?? {};
  } catch {
    return {};
  }
}

/** The memory line under the page controls: the one-time notice and "Forget this article". */
export async function renderMemoryBar(tabId: number, url: string, onForgotten: () => void): Promise<HTMLElement | null> {
  let status: Responses['backstory:memory-status'];
  try {
    status = (await browser.runtime.sendMessage({ type: 'backstory:memory-status' })) as Responses['backstory:memory-status'];
  } catch {
    return null;
  }
  if (!status?.available) return null;
  const bar = el('div', 'memory-bar');
  const stored: Record<string, unknown> = await browser.storage.local.get(MEMORY_NOTICE_KEY).catch(() => ({}));
  const seen = stored[MEMORY_NOTICE_KEY] === true;
  if (status.on && !seen) {
    const line = el('p', 'memory-notice');
    line.id = 'memory-notice';
    const settings = el('a', '', t('popup_memory_settings'));
    settings.href = '#';
    settings.addEventListener('click', (e) => {
      e.preventDefault();
      void browser.runtime.openOptionsPage();
    });
    const dismiss = el('button', 'link-button', t('popup_memory_dismiss'));
    dismiss.type = 'button';
    dismiss.addEventListener('click', () => {
      line.remove();
      void browser.storage.local.set({ [MEMORY_NOTICE_KEY]: true });
    });
    line.append(el('span', '', `${t('popup_memory_notice')} `), settings, document.createTextNode(' · '), dismiss);
    bar.append(line);
  }
  const forget = el('button', 'secondary', t('popup_forget_article'));
  forget.type = 'button';
  forget.id = 'forget-article';
  const said = el('span', 'state-status');
  said.setAttribute('role', 'status');
  forget.addEventListener('click', async () => {
    forget.disabled = true;
    const r = (await browser.runtime.sendMessage({ type: 'backstory:memory-forget', scope: 'article', tabId, url }).catch(() => null)) as Responses['backstory:memory-forget'] | null;
    said.textContent = r?.ok ? t('popup_forgot_article') : (r?.error ?? '');
    if (r?.ok) onForgotten();
  });
  bar.append(forget, said);
  return bar;
}
