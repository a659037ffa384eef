// Orders the page's cards for the popup: one group per type, people first, then the most mentioned.
import type { CardModel, EntityType } from '../core/types';

/** Who and what a news reader looks up most comes first. */
export const TYPE_ORDER: readonly EntityType[] = ['person', 'organization', 'place', 'event', 'equipment', 'term'];

export interface CardGroup {
  type: EntityType;
  cards: CardModel[];
}

export function groupCards(cards: readonly CardModel[]): CardGroup[] {
  return TYPE_ORDER.map((type) => ({
    type,
    cards: cards
      .filter((c) => c.type === type)
      .sort((a, b) => b.mentionCount - a.mentionCount || a.name.localeCompare(b.name)),
  })).filter((g) => g.cards.length > 0);
}
