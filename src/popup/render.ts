// The popup's states as DOM. Page and pack text goes in through textContent only.
import type { EarlierItem } from '../core/memory/earlier';
import type { CardModel } from '../core/types';
import { foldedCount, renderCard } from '../shared/card-view';
import { t, tCount, typeLabel } from '../shared/i18n';
import { groupCards } from './group';
import { el } from '../shared/dom';

export interface ListHandlers {
  onReveal(entityId: string): void;
  onSentence(entityId: string, sentence: number): void;
}

/**
 * A folded card's "N more" / "Show less": the list stays scannable, and each card opens in place
 * to the full card. The folded items are in the DOM (hidden) either way.
 */
function foldToggle(body: HTMLElement, hidden: number, open: boolean): HTMLButtonElement {
  const button = el('button', 'bs-more');
  button.type = 'button';
  button.setAttribute('aria-controls', body.id);
  const set = (open: boolean): void => {
    for (const extra of body.querySelectorAll<HTMLElement>('.bs-extra')) extra.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? t('popup_less') : tCount('card_more', hidden);
    body.closest<HTMLElement>('.entity')?.toggleAttribute('data-open', open);
  };
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  set(open);
  return button;
}

/** One entity: a button that reveals it on the page, then its card (summary, facts, sentences). */
function renderEntity(card: CardModel, handlers: ListHandlers, earlier: readonly EarlierItem[], index: number, open: boolean): HTMLElement {
  const item = el('li', 'entity');
  item.dataset.entity = card.id;
  item.dataset.type = card.type;

  const head = el('button', 'entity-head');
  head.type = 'button';
  head.title = t('popup_reveal_hint');
  head.append(el('span', 'entity-name', card.name), el('span', 'entity-count', tCount('popup_mentions', card.mentionCount)));
  head.append(el('span', 'entity-type', typeLabel(card.type)));
  head.addEventListener('click', () => handlers.onReveal(card.id));

  const body = renderCard(card, { fold: true, earlier, onSentence: (sentence) => handlers.onSentence(card.id, sentence) });
  body.classList.add('entity-card');
  body.id = `entity-card-${index}`;
  item.append(head, body);
  const hidden = foldedCount(body);
  if (hidden > 0) item.append(foldToggle(body, hidden, open));
  return item;
}

/** `earlier`: the reading memory's items per entity id (none when the memory is off); `open`: the
 *  entities whose cards start opened (a list drawn again keeps what the reader opened). */
export function renderList(cards: readonly CardModel[], handlers: ListHandlers, earlier: Record<string, readonly EarlierItem[]> = {}, open: ReadonlySet<string> = new Set()): HTMLElement {
  const wrap = el('div', 'list');
  wrap.append(el('p', 'list-summary', tCount('popup_entity_count', cards.length)));
  let index = 0;
  for (const group of groupCards(cards)) {
    const section = el('section', 'group');
    section.dataset.type = group.type;
    section.append(el('h2', 'group-heading', typeLabel(group.type, true)));
    const list = el('ul', 'entities');
    for (const card of group.cards) list.append(renderEntity(card, handlers, earlier[card.id] ?? [], index++, open.has(card.id)));
    section.append(list);
    wrap.append(section);
  }
  return wrap;
}

export function renderMessage(key: string, detailKey?: string): HTMLElement {
  const box = el('div', 'state');
  box.append(el('p', 'state-title', t(key)));
  if (detailKey) box.append(el('p', 'state-detail', t(detailKey)));
  return box;
}

export interface InactiveView {
  root: HTMLElement;
  button: HTMLButtonElement;
  status: HTMLElement;
}

export function renderInactive(): InactiveView {
  const root = renderMessage('popup_inactive', 'popup_inactive_detail');
  root.classList.add('state-inactive');
  const button = el('button', 'primary', t('popup_annotate'));
  button.type = 'button';
  const status = el('p', 'state-status');
  status.setAttribute('role', 'status');
  root.append(button, status);
  return { root, button, status };
}
