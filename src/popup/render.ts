// The popup's states as DOM. Page and pack text goes in through textContent only.
import type { EarlierItem } from '../core/memory/earlier';
import type { CardModel } from '../core/types';
import { renderCard } from '../shared/card-view';
import { t, tCount, typeLabel } from '../shared/i18n';
import { groupCards } from './group';
import { el } from '../shared/dom';

export interface ListHandlers {
  onReveal(entityId: string): void;
  onSentence(entityId: string, sentence: number): void;
}

/** One entity: a button that reveals it on the page, then its card (summary, facts, sentences). */
function renderEntity(card: CardModel, handlers: ListHandlers, earlier: readonly EarlierItem[]): HTMLElement {
  const item = el('li', 'entity');
  item.dataset.entity = card.id;
  item.dataset.type = card.type;

  const head = el('button', 'entity-head');
  head.type = 'button';
  head.title = t('popup_reveal_hint');
  head.append(el('span', 'entity-name', card.name), el('span', 'entity-count', tCount('popup_mentions', card.mentionCount)));
  head.append(el('span', 'entity-type', typeLabel(card.type)));
  head.addEventListener('click', () => handlers.onReveal(card.id));

  const body = renderCard(card, { compact: true, earlier, onSentence: (sentence) => handlers.onSentence(card.id, sentence) });
  body.classList.add('entity-card');
  item.append(head, body);
  return item;
}

/** `earlier`: the reading memory's items per entity id (none when the memory is off). */
export function renderList(cards: readonly CardModel[], handlers: ListHandlers, earlier: Record<string, readonly EarlierItem[]> = {}): HTMLElement {
  const wrap = el('div', 'list');
  wrap.append(el('p', 'list-summary', tCount('popup_entity_count', cards.length)));
  for (const group of groupCards(cards)) {
    const section = el('section', 'group');
    section.dataset.type = group.type;
    section.append(el('h2', 'group-heading', typeLabel(group.type, true)));
    const list = el('ul', 'entities');
    for (const card of group.cards) list.append(renderEntity(card, handlers, earlier[card.id] ?? []));
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
