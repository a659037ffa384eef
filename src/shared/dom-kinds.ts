// What the DOM walkers need to know about elements: which join text (inline), which may never
// be read or wrapped, and our own tag names. Decided by tag name only: getComputedStyle on every
// element would force style recalculation on large pages.

export const MENTION_TAG = 'backstory-mention';
export const CARD_TAG = 'backstory-card';

/** Elements whose text joins the surrounding text into one run. Anything else breaks a run, so an
 *  unknown custom element is treated as a block: a missed join costs less than a false join. */
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins',
  'label', 'mark', 'nobr', 'q', 'rb', 'ruby', 's', 'small', 'span', 'strike', 'strong', 'sub',
  'sup', 'time', 'tt', 'u', 'wbr', MENTION_TAG,
]);

/** Never read or wrapped: form fields, code, scripts, embedded documents, our own UI. */
const SKIP = new Set([
  'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'code', 'pre', 'kbd', 'samp', 'script',
  'style', 'noscript', 'svg', 'math', 'template', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video',
  'audio', 'button', 'head', 'title', 'rt', 'rp', CARD_TAG,
]);

export function isInline(el: Element): boolean {
  return INLINE.has(el.localName);
}

/** What a tag name alone says (a walk over every element reads the name once and asks once). */
export const TAG_INLINE = 1;
export const TAG_SKIP = 2;
export const TAG_BR = 4;
const TAG_FLAGS = new Map<string, number>([...INLINE].map((t) => [t, TAG_INLINE]));
for (const t of SKIP) TAG_FLAGS.set(t, TAG_SKIP);
TAG_FLAGS.set('br', TAG_BR);

export function tagFlags(localName: string): number {
  return TAG_FLAGS.get(localName) ?? 0;
}

/** True when nothing inside `el` may be read or changed. */
export function isSkipped(el: Element): boolean {
  return SKIP.has(el.localName) || isSkippedByAttributes(el);
}

/** `isSkipped` past the tag name. Met walking down from a container already checked, only an
 *  element with attributes (contenteditable, a class styled editable, hidden) can start a
 *  skipped region: editability is inherited, and most inline elements have none. */
export function isSkippedByAttributes(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** True when `node` sits inside something we must never touch (also checks ancestors). */
export function isInsideSkipped(node: Node, stopAt?: Node): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el && el !== stopAt; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}
