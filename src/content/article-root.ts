// Finds the article's main text and what inside it is not article text (navigation, site chrome,
// comments, ads, "related" link lists, forms). Heuristics in the spirit of Readability: explicit
// markup first (schema.org articleBody, <article>, <main>), then paragraph density, then <body>.

export interface ArticleRoot {
  /** The element holding the article text. */
  root: Element;
  /** Headings outside `root` that still title the article (the page's h1 when the root lacks one). */
  extraHeadings: Element[];
  /** How the root was chosen, for debugging and tests. */
  method: 'articleBody' | 'article' | 'main' | 'density' | 'body';
}

/** Minimum paragraph text for a marked-up candidate to count as the article (teasers are shorter). */
const MIN_TEXT = 200;

const EXCLUDED_SELECTOR = [
  'nav', 'aside', 'form', 'footer', 'dialog', 'menu',
  '[role=complementary]', '[role=navigation]', '[role=contentinfo]', '[role=banner]', '[role=search]',
  '[role=dialog]', '[role=alertdialog]', '[aria-hidden=true]',
  // AMP pages mark ads and menus by tag name, not by class.
  'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-sidebar', 'amp-consent',
].join(',');

/** Class/id words that mark comments, ads, sharing and "read more" blocks. Whole dash/underscore
 *  separated words only, so "commentary" or "adviser" do not match. */
const NOISE_WORD =
  /(?:^|[-_\s])(?:comments?|comment-list|disqus|respond|replies|ad|ads|adv|advert|advertisement|adslot|dfp|sponsor|sponsored|promo|promoted|outbrain|taboola|newsletter|subscribe|share|sharing|social|related|recommended|recommendations|more-stories|read-more|readmore|trending|most-read|most-popular|breadcrumbs?|byline-share|cookie|consent)(?:[-_\s]|$)/i;

/** State modifiers ("has-comments", "no-ads") describe the page, not the block itself. */
const MODIFIER = /^(?:has|with|no|is|show|enable|enabled|allow|can)[-_]/i;

function noiseName(el: Element): boolean {
  const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') ?? '';
  const words = `${el.id} ${cls}`.split(/\s+/);
  return words.some((w) => w !== '' && !MODIFIER.test(w) && NOISE_WORD.test(w));
}

const LINK_LIST_MAX_TEXT = 3000;

/** Whether the text inside `el` (as textContent would give it) is longer than `limit`, reading no
 *  further than the limit. */
function textLongerThan(el: Element, limit: number): boolean {
  // NodeFilter.SHOW_TEXT | SHOW_CDATA_SECTION: the nodes textContent is made of.
  const walker = el.ownerDocument.createTreeWalker(el, 0x4 | 0x8);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    n += (node as CharacterData).data.length;
    if (n > limit) return true;
  }
  return false;
}

/** A list or box made mostly of links with little prose: "related stories", tag clouds, menus. */
export function isLinkList(el: Element): boolean {
  if (!/^(ul|ol|div|section|dl|table)$/.test(el.localName)) return false;
  // Long containers are article bodies, not link boxes; skipping them keeps this check cheap. Their
  // length is counted only up to the limit: textContent of every ancestor of every paragraph
  // copied the whole article several times over on a long page.
  if (textLongerThan(el, LINK_LIST_MAX_TEXT)) return false;
  const text = el.textContent ?? '';
  const links = el.getElementsByTagName('a');
  if (links.length < 3) return false;
  let linkText = 0;
  for (const a of Array.from(links)) linkText += (a.textContent ?? '').trim().length;
  const total = text.replace(/\s+/g, ' ').trim().length;
  return total > 0 && linkText / total > 0.5;
}

function isNoiseRegion(el: Element): boolean {
  if (el.matches(EXCLUDED_SELECTOR)) return true;
  // A <header> inside an article usually carries its h1 and byline; a site header has neither.
  if (el.localName === 'header' && !el.querySelector('h1,h2')) return true;
  if (noiseName(el)) return true;
  return isLinkList(el);
}

// Choosing the root asks about the same ancestors for every paragraph; one answer per element
// per pass keeps that linear. Cleared at each pass since pages change classes and content, and
// after it: a plain map (a weak one keyed by thousands of elements lengthened the page's garbage
// collections), so it must not keep the elements once the walk is done.
let cache = new Map<Element, boolean>();

/** Forget cached answers (call when starting a new pass over a page that may have changed, and
 *  when a walk is done). */
export function resetRegionCache(): void {
  cache = new Map();
}

/** True when `el` (inside the chosen root) holds no article text. The root itself is never excluded. */
export function isExcludedRegion(el: Element, root: Element): boolean {
  if (el === root || el.contains(root)) return false;
  let noise = cache.get(el);
  if (noise === undefined) {
    noise = isNoiseRegion(el);
    cache.set(el, noise);
  }
  return noise;
}

/** Tags `isNoiseRegion` can flag without any attribute (by selector, <header>, link lists). */
const NOISE_TAGS = new Set([
  'nav', 'aside', 'form', 'footer', 'dialog', 'menu', 'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-sidebar',
  'amp-consent', 'header', 'ul', 'ol', 'div', 'section', 'dl', 'table',
]);

/** Attributes `isNoiseRegion` reads (by selector or by name). */
function hasNoiseAttributes(el: Element): boolean {
  return el.hasAttribute('class') || el.hasAttribute('id') || el.hasAttribute('role') || el.hasAttribute('aria-hidden');
}

/** `isExcludedRegion` for an element strictly inside the root (as a walk down from it meets
 *  them), its tag name and `hasAttributes()` already read: no containment test, and elements
 *  with neither a telling tag nor an attribute the checks read (most inline ones, links with
 *  only an href) are answered without a lookup. */
export function isExcludedRegionKnown(el: Element, localName: string, hasAttributes: boolean): boolean {
  if (!NOISE_TAGS.has(localName) && !(hasAttributes && hasNoiseAttributes(el))) return false;
  let noise = cache.get(el);
  if (noise === undefined) {
    noise = isNoiseRegion(el);
    cache.set(el, noise);
  }
  return noise;
}

/** True when any ancestor of `node` up to `root` is an excluded region. */
export function isInExcludedRegion(node: Node, root: Element): boolean {
  for (let el = node instanceof Element ? node : node.parentElement; el && el !== root; el = el.parentElement) {
    if (isExcludedRegion(el, root)) return true;
  }
  return false;
}

/** Paragraph text length inside `el`, not counting paragraphs in excluded regions; counting stops
 *  once `cap` is reached (reading every paragraph of a 1 MB story took tens of milliseconds). */
function paragraphText(el: Element, cap = Infinity): number {
  let n = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    if (!isInExcludedRegion(p, el)) n += (p.textContent ?? '').trim().length;
    if (n >= cap) break;
  }
  return n;
}

function best(all: Element[], body: Element): Element | null {
  // A candidate inside site chrome (a teaser <article> in an aside) is not the story.
  const candidates = all.filter((c) => !isInExcludedRegion(c, body));
  // One candidate only has to be long enough; several are compared in full.
  const cap = candidates.length === 1 ? MIN_TEXT : Infinity;
  let top: Element | null = null;
  let topScore = MIN_TEXT - 1;
  for (const c of candidates) {
    const score = paragraphText(c, cap);
    if (score > topScore) {
      top = c;
      topScore = score;
    }
  }
  return top;
}

/** Readability-style: credit each paragraph's parent (and half to the grandparent) with its text. */
function densest(body: Element): Element | null {
  const scores = new Map<Element, number>();
  for (const p of Array.from(body.querySelectorAll('p'))) {
    if (isInExcludedRegion(p, body)) continue;
    const text = (p.textContent ?? '').trim();
    if (text.length < 25) continue;
    const score = 1 + text.split(/[,،，]/).length + Math.min(3, Math.floor(text.length / 100));
    const parent = p.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
  }
  let top: Element | null = null;
  let topScore = 0;
  for (const [el, s] of scores) {
    if (s > topScore) {
      top = el;
      topScore = s;
    }
  }
  return top && paragraphText(top, MIN_TEXT) >= MIN_TEXT ? top : null;
}

export function findArticleRoot(doc: Document): ArticleRoot {
  resetRegionCache();
  const body = doc.body ?? doc.documentElement;
  let root: Element | null = null;
  let method: ArticleRoot['method'] = 'body';
  const tries: [ArticleRoot['method'], () => Element | null][] = [
    ['articleBody', () => best(Array.from(doc.querySelectorAll('[itemprop~=articleBody]')), body)],
    ['article', () => best(Array.from(doc.querySelectorAll('article')), body)],
    ['main', () => best(Array.from(doc.querySelectorAll('main,[role=main]')), body)],
    ['density', () => densest(body)],
  ];
  for (const [m, find] of tries) {
    root = find();
    if (root) {
      method = m;
      break;
    }
  }
  root ??= body;
  return { root, extraHeadings: headingsOutside(doc, root, body), method };
}

/** The story's h1 often sits just above the body container; keep it when the root has none. */
function headingsOutside(doc: Document, root: Element, body: Element): Element[] {
  if (root.querySelector('h1')) return [];
  const h1 = Array.from(doc.querySelectorAll('h1')).find((h) => !root.contains(h) && !h.contains(root) && !isInExcludedRegion(h, body));
  return h1 ? [h1] : [];
}
