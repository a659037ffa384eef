// Popup entry: finds the tab, asks its content script for cards, shows them (or why there are none).
import browser from 'webextension-polyfill';
import { applyTheme } from '../shared/ui-theme';
import { applyI18n, t } from '../shared/i18n';
import { loadSettings } from '../shared/settings-store';
import { renderInactive, renderList, renderMessage } from './render';
import { renderAlwaysOn, renderOff, renderTurnOff, setPageActive, siteHostOf, tabUrl } from './page-controls';
import { earlierForTab, renderMemoryBar } from './memory-controls';
import { annotate, requestCards, resolveTabId, reveal, waitForCards, type PageCards } from './tab';

// When the popup's own code starts: `npm run bench` tells the browser's page start-up from ours.
performance.mark('backstory:popup-start');

const content = document.getElementById('content') as HTMLElement;
const pageTitle = document.getElementById('page-title') as HTMLElement;

/** Tests wait on `data-ready`: it goes while the popup waits for the page, and comes back with what it shows. */
function busy(): void {
  delete document.body.dataset.ready;
}

function show(node: HTMLElement): void {
  content.replaceChildren(node);
  document.body.dataset.ready = 'true';
}

async function showCards(tabId: number, page: Extract<PageCards, { active: true }>): Promise<void> {
  pageTitle.textContent = page.title;
  pageTitle.title = page.url;
  if (page.off) return show(renderOff(() => void switchPage(tabId, true)));
  const turnOff = renderTurnOff(() => void switchPage(tabId, false));
  if (page.cards.length === 0) {
    show(renderMessage('popup_empty', 'popup_empty_detail'));
    content.prepend(turnOff);
    return;
  }
  const [earlier, memoryBar] = await Promise.all([earlierForTab(tabId, page.url, page.cards), renderMemoryBar(tabId, page.url, () => void rerender())]);
  const handlers = {
    onReveal: (id: string) => void reveal(tabId, id),
    onSentence: (id: string, sentence: number) => void reveal(tabId, id, sentence),
  };
  let list = renderList(page.cards, handlers, earlier);
  show(list);
  content.prepend(turnOff);
  if (memoryBar) turnOff.after(memoryBar);
  // "Forget this article" leaves the other articles' items; the list shows what is left.
  async function rerender(): Promise<void> {
    const opened = new Set([...list.querySelectorAll<HTMLElement>('.entity[data-open]')].map((el) => el.dataset.entity ?? ''));
    const next = renderList(page.cards, handlers, await earlierForTab(tabId, page.url, page.cards), opened);
    list.replaceWith(next);
    list = next;
  }
}

/** The popup's "Turn off on this page" / "Turn on": the same switch as the toggle key. */
async function switchPage(tabId: number, active: boolean): Promise<void> {
  busy();
  await setPageActive(tabId, active);
  const page = active ? await waitForCards(tabId) : await requestCards(tabId);
  if (page.active) await showCards(tabId, page);
  else showInactive(tabId);
}

/** Offers "Always on this site" when the popup may know the tab's site (it was opened on it). */
async function offerAlwaysOn(tabId: number, root: HTMLElement, status: HTMLElement): Promise<void> {
  const host = siteHostOf(await tabUrl(tabId));
  if (!host) return;
  root.append(
    renderAlwaysOn(host, status, async () => {
      const r = await annotate(tabId);
      const page = r.ok ? await waitForCards(tabId) : null;
      if (page?.active) await showCards(tabId, page);
    }),
  );
}

function showInactive(tabId: number): void {
  const view = renderInactive();
  view.button.addEventListener('click', async () => {
    view.button.disabled = true;
    view.status.textContent = t('popup_annotating');
    busy();
    const r = await annotate(tabId);
    const page = r.ok ? await waitForCards(tabId) : null;
    if (page?.active) return void (await showCards(tabId, page));
    view.button.disabled = false;
    view.status.textContent = r.ok ? t('popup_annotate_no_answer') : t('popup_annotate_failed', r.error ?? '');
    document.body.dataset.ready = 'true';
  });
  show(view.root);
  void offerAlwaysOn(tabId, view.root, view.status);
}

async function main(): Promise<void> {
  applyI18n(document);
  document.getElementById('open-options')?.addEventListener('click', () => void browser.runtime.openOptionsPage());
  loadSettings().then((s) => applyTheme(document, s.theme), () => {});
  const tabId = await resolveTabId(location.search);
  if (tabId === null) return show(renderMessage('popup_no_tab'));
  let page = await requestCards(tabId);
  // Opened while the page is still being read: wait for the finished list rather than show a partial one.
  if (page.active && !page.ready) page = await waitForCards(tabId);
  if (page.active) await showCards(tabId, page);
  else showInactive(tabId);
}

main().catch((err) => {
  console.error('Backstory popup:', err);
  show(renderMessage('popup_error'));
});
