// Keyboard stepping through the highlighted mentions (next-mention / previous-mention commands):
// focus goes to the mention, which opens its card through the card controller's focus path, the
// same one Tab uses. Every mention is a stop here, not only each name's first one.
import { MENTION_TAG } from '../shared/dom-kinds';

export type StepDirection = 'next' | 'previous';

const SELECTOR = `${MENTION_TAG}[data-backstory-entity]`;

/** The first element of every mention in document order (a mention split by inline tags has
 *  several adjacent elements with the same id; the later ones are not stops). */
export function mentionStops(doc: Document): HTMLElement[] {
  const stops: HTMLElement[] = [];
  let prev: Element | null = null;
  for (const el of Array.from(doc.querySelectorAll<HTMLElement>(SELECTOR))) {
    if (!(prev && continues(doc, prev, el))) stops.push(el);
    prev = el;
  }
  return stops;
}

function continues(doc: Document, prev: Element, el: Element): boolean {
  if (prev.getAttribute('data-backstory-entity') !== el.getAttribute('data-backstory-entity')) return false;
  const between = doc.createRange();
  between.setStartAfter(prev);
  between.setEndBefore(el);
  return between.toString() === '';
}

/** Index of the stop `active` is in (or is a later piece of), else -1. */
function currentIndex(stops: HTMLElement[], active: Element | null): number {
  // A link stands for the mention inside it (such mentions are reached through the link).
  const mention = active?.closest(SELECTOR) ?? (active?.localName === 'a' ? active.querySelector(SELECTOR) : null);
  if (!mention) return -1;
  let found = -1;
  for (let i = 0; i < stops.length; i++) {
    const pos = stops[i]!.compareDocumentPosition(mention);
    if (stops[i] === mention || pos & Node.DOCUMENT_POSITION_FOLLOWING) found = i;
    else break;
  }
  return found;
}

/** Without a focused mention, start from what the reader is looking at: the first stop at or
 *  below the top of the viewport (next), or the last one above its bottom (previous). */
function fromViewport(stops: HTMLElement[], direction: StepDirection, viewportHeight: number): number {
  if (direction === 'next') {
    const i = stops.findIndex((el) => el.getBoundingClientRect().top >= 0);
    return i < 0 ? 0 : i;
  }
  for (let i = stops.length - 1; i >= 0; i--) if (stops[i]!.getBoundingClientRect().bottom <= viewportHeight) return i;
  return stops.length - 1;
}

/** Moves focus to the next or previous mention (wrapping at the ends), scrolls it to the middle
 *  of the view and returns it; null when the page has none. */
export function stepMention(doc: Document, direction: StepDirection): HTMLElement | null {
  const stops = mentionStops(doc);
  if (!stops.length) return null;
  const here = currentIndex(stops, doc.activeElement);
  const n = stops.length;
  const index = here < 0 ? fromViewport(stops, direction, doc.defaultView?.innerHeight ?? 800) : (here + (direction === 'next' ? 1 : -1) + n) % n;
  const target = stops[index]!;
  // Focusable without joining the Tab order: only each name's first mention is a tab stop.
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  // An instant jump: a smooth scroll from far away would pass the point where the controller
  // closes a card whose mention is off screen, closing the card it is about to open.
  target.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior: 'auto' });
  target.focus({ preventScroll: true });
  return target;
}
