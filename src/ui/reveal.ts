// Scrolls to an entity's first mention or to a sentence, and flashes it. The flash uses the CSS
// Custom Highlight API when present (it paints a Range without touching the DOM); otherwise our own
// mention elements get a short-lived attribute that content.css outlines.
import { MENTION_TAG } from '../shared/dom-kinds';
import { locate } from './text-offsets';

const FLASH_NAME = 'backstory-flash';
export const FLASH_ATTR = 'data-backstory-flash';
const FLASH_MS = 1600;

type HighlightCtor = new (...ranges: Range[]) => unknown;
interface HighlightRegistry {
  set(name: string, h: unknown): void;
  delete(name: string): void;
}

function reducedMotion(win: Window | null): boolean {
  try {
    return win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  } catch {
    return false;
  }
}

let flashTimer: ReturnType<typeof setTimeout> | undefined;

function flash(doc: Document, range: Range): void {
  const win = doc.defaultView as (Window & { Highlight?: HighlightCtor; CSS?: { highlights?: HighlightRegistry } }) | null;
  const registry = win?.CSS?.highlights;
  const Ctor = win?.Highlight;
  if (flashTimer !== undefined) clearTimeout(flashTimer);
  for (const el of Array.from(doc.querySelectorAll(`[${FLASH_ATTR}]`))) el.removeAttribute(FLASH_ATTR);
  if (registry && Ctor) {
    registry.set(FLASH_NAME, new Ctor(range));
    flashTimer = setTimeout(() => registry.delete(FLASH_NAME), FLASH_MS);
    return;
  }
  const marked = mentionsIn(doc, range);
  for (const el of marked) el.setAttribute(FLASH_ATTR, '');
  flashTimer = setTimeout(() => {
    for (const el of marked) el.removeAttribute(FLASH_ATTR);
  }, FLASH_MS);
}

function mentionsIn(doc: Document, range: Range): Element[] {
  const root = range.commonAncestorContainer;
  const scope = root instanceof Element ? root : root.parentElement;
  if (!scope) return [];
  const inside = scope.closest(MENTION_TAG);
  if (inside) return [inside];
  return Array.from(scope.querySelectorAll(MENTION_TAG)).filter((el) => range.intersectsNode(el));
}

function scrollTo(doc: Document, el: Element): void {
  const behavior: ScrollBehavior = reducedMotion(doc.defaultView) ? 'auto' : 'smooth';
  el.scrollIntoView?.({ block: 'center', inline: 'nearest', behavior });
}

/** All pieces of the first mention of `entityId` (a mention split by inline tags has several). */
export function firstMention(doc: Document, entityId: string): Element[] {
  const all = Array.from(doc.querySelectorAll(`${MENTION_TAG}[data-backstory-entity]`)).filter(
    (el) => el.getAttribute('data-backstory-entity') === entityId,
  );
  const first = all[0];
  if (!first) return [];
  // Pieces of one mention follow each other with nothing but inline tag boundaries between them.
  const pieces = [first];
  for (let i = 1; i < all.length; i++) {
    const prev = pieces[pieces.length - 1]!;
    const between = doc.createRange();
    between.setStartAfter(prev);
    between.setEndBefore(all[i]!);
    if (between.toString() !== '') break;
    pieces.push(all[i]!);
  }
  return pieces;
}

export function revealEntity(doc: Document, entityId: string): boolean {
  const pieces = firstMention(doc, entityId);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return false;
  scrollTo(doc, first);
  const range = doc.createRange();
  range.setStartBefore(first);
  range.setEndAfter(last);
  flash(doc, range);
  return true;
}

/** Scrolls to `start`–`end` of a run's text and flashes it. */
export function revealRunRange(doc: Document, run: { nodes: Text[] }, start: number, end: number): boolean {
  const a = locate(run, start);
  const b = locate(run, end, true);
  if (!a || !b || !a.node.isConnected || !b.node.isConnected) return false;
  const range = doc.createRange();
  try {
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return false;
  }
  const el = a.node.parentElement;
  if (el) scrollTo(doc, el);
  flash(doc, range);
  return true;
}
