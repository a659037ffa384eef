// Popup controls for where Backstory runs: "Turn off on this page" / "Turn on" (the same switch as
// the toggle key) and "Always on this site" (a per-site host permission plus a registered script).
// Page text never reaches these: only our own strings and the host name, as text.
import browser from 'webextension-polyfill';
import { parseSite } from '../core/sites';
import { t } from '../shared/i18n';
import type { Message, Responses } from '../shared/messages';
import { registerSite, requestSitePermission } from '../shared/site-access';

/** Switches the page's highlights on or off; resolves to whether they are shown afterwards. */
export async function setPageActive(tabId: number, active: boolean): Promise<boolean | null> {
  const msg: Message = { type: 'backstory:toggle', active };
  try {
    const res = (await browser.tabs.sendMessage(tabId, msg)) as Responses['backstory:toggle'] | undefined;
    return typeof res?.active === 'boolean' ? res.active : null;
  } catch {
    return null;
  }
}

function button(className: string, key: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = className;
  b.textContent = t(key);
  return b;
}

/** A row with "Turn off on this page", shown above the cards. */
export function renderTurnOff(onClick: () => void): HTMLElement {
  const row = document.createElement('div');
  row.className = 'page-switch';
  const b = button('secondary', 'popup_turn_off');
  b.dataset.action = 'turn-off';
  b.addEventListener('click', () => {
    b.disabled = true;
    onClick();
  });
  row.append(b);
  return row;
}

function stateBox(titleKey: string, detailKey: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'state';
  const title = document.createElement('p');
  title.className = 'state-title';
  title.textContent = t(titleKey);
  const detail = document.createElement('p');
  detail.className = 'state-detail';
  detail.textContent = t(detailKey);
  box.append(title, detail);
  return box;
}

/** The page is switched off (by the reader, or because its site is switched off in the settings). */
export function renderOff(onTurnOn: () => void): HTMLElement {
  const box = stateBox('popup_off', 'popup_off_detail');
  box.classList.add('state-off');
  const b = button('primary', 'popup_turn_on');
  b.dataset.action = 'turn-on';
  b.addEventListener('click', () => {
    b.disabled = true;
    onTurnOn();
  });
  box.append(b);
  return box;
}

/** The web site host of a tab address, or null for pages no site permission can cover. */
export function siteHostOf(url: string | undefined): string | null {
  if (!url || !/^https?:/i.test(url)) return null;
  const r = parseSite(url);
  return r.ok ? r.host : null;
}

/**
 * "Always on this site" for the inactive state. The permission request is the first thing the
 * click does: browsers show the prompt only inside the user's gesture. If the popup closes while
 * the prompt is up, the background finishes the job when the grant arrives.
 */
export function renderAlwaysOn(host: string, status: HTMLElement, onAdded: () => Promise<void>): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'always-on';
  const b = button('secondary', 'popup_always_on_site');
  b.dataset.action = 'always-on';
  const hint = document.createElement('p');
  hint.className = 'state-detail';
  hint.textContent = t('popup_always_on_site_hint', host);
  b.addEventListener('click', async () => {
    const granted = await requestSitePermission(host);
    if (!granted) {
      status.textContent = t('popup_site_denied');
      return;
    }
    b.disabled = true;
    const r = await registerSite(host);
    if (!r.ok) {
      status.textContent = t('popup_site_failed', r.error ?? '');
      b.disabled = false;
      return;
    }
    status.textContent = t('popup_site_added', host);
    await onAdded();
  });
  wrap.append(b, hint);
  return wrap;
}

/** The tab's address when the popup may know it (activeTab or a host permission), else undefined. */
export async function tabUrl(tabId: number): Promise<string | undefined> {
  try {
    return (await browser.tabs.get(tabId)).url;
  } catch {
    return undefined;
  }
}
