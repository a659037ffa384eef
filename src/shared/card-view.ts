// DOM rendering of a CardModel, shared by the hover card (content script) and the popup.
// Every piece of pack or page text goes in through textContent: a pack or a page may hold markup.
import { clip } from '../core/article/text';
import type { EarlierItem } from '../core/memory/earlier';
import type { CardFact, CardModel, EntityType } from '../core/types';
import { t, tCount, uiLanguage } from './i18n';
import { el } from './dom';

export interface CardViewOptions {
  /** Shorter form: fewer sentences and facts. */
  compact?: boolean;
  /** The full card with what the compact form leaves out marked `bs-extra` and hidden, for a
   *  list that opens each card in place (the popup): every item is in the DOM either way. */
  fold?: boolean;
  /** Also render the name/type/count header (the popup draws its own). */
  header?: boolean;
  /** Called when the reader picks a sentence; without it sentences are plain text. */
  onSentence?: (sentence: number) => void;
  /** Document to create nodes in (the card may live in another document than `document`). */
  doc?: Document;
  /** "Earlier in your reading": what earlier articles said (newest first). */
  earlier?: readonly EarlierItem[];
}

export const TYPE_KEY: Record<EntityType, string> = {
  person: 'type_person',
  organization: 'type_organization',
  place: 'type_place',
  event: 'type_event',
  equipment: 'type_equipment',
  term: 'type_term',
};

/** How many of each list a card shows: the full card, and the compact form (or a folded card
 *  before it is opened). The glance's "N more" counts from the full limits. */
const LIMITS = {
  full: { roles: 2, statements: 5, sentences: 6, earlier: 5, facts: 10, later: 10 },
  compact: { roles: 2, statements: 2, sentences: 3, earlier: 3, facts: 3, later: 2 },
} as const;
type Limits = (typeof LIMITS)['full' | 'compact'];

/** What is rendered (`shown`) and from which index on it is folded away (`open`). */
function limitsFor(opts: CardViewOptions): { shown: Limits; open: Limits | null } {
  if (opts.fold) return { shown: LIMITS.full, open: LIMITS.compact };
  return { shown: opts.compact ? LIMITS.compact : LIMITS.full, open: null };
}

/** Marks `node` as folded away when it is past what the compact form shows. */
function foldPast<T extends HTMLElement>(node: T, index: number, limit: number | undefined): T {
  if (limit !== undefined && index >= limit) {
    node.classList.add('bs-extra');
    node.hidden = true;
  }
  return node;
}

/** Longest sentence text shown before it is cut with an ellipsis. */
const SENTENCE_MAX = 220;

/** "2019-08-31" → "31 Aug 2019" in the UI language; partial dates keep their precision. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (mo) opts.month = 'short';
  if (d) opts.day = 'numeric';
  try {
    return new Intl.DateTimeFormat(uiLanguage(), opts).format(date);
  } catch {
    return iso;
  }
}

export function renderCardHeader(card: CardModel, doc: Document = document): HTMLElement {
  const head = el('div', 'bs-head', undefined, doc);
  head.append(el('span', 'bs-name', card.name, doc));
  const meta = el('span', 'bs-meta', undefined, doc);
  meta.append(el('span', 'bs-type', t(TYPE_KEY[card.type]), doc), doc.createTextNode(' · '), el('span', 'bs-count', tCount('card_mentions', card.mentionCount), doc));
  head.append(meta);
  return head;
}

/** A dated quote from the article. */
function statementItem(s: CardModel['fromArticle']['statements'][number], doc: Document): HTMLElement {
  const item = el('li', 'bs-statement', undefined, doc);
  const when = s.date ? formatDate(s.date) : s.dateText;
  if (when) {
    const date = el('span', 'bs-date', when, doc);
    // The resolved day for reading at a glance; the article's own words ("Thursday") on hover.
    if (s.date && s.dateText) date.title = s.dateText;
    item.append(date, doc.createTextNode(' '));
  }
  item.append(el('q', 'bs-quote', clip(s.text, SENTENCE_MAX), doc));
  return item;
}

function noteSection(note: string, doc: Document): HTMLElement {
  const section = el('section', 'bs-note', undefined, doc);
  section.append(el('h3', 'bs-section-title', t('card_note'), doc), el('p', 'bs-note-text', note, doc));
  return section;
}

function fromArticle(card: CardModel, opts: CardViewOptions, doc: Document): HTMLElement | null {
  const fa = card.fromArticle;
  const { shown, open } = limitsFor(opts);
  const section = el('section', 'bs-article', undefined, doc);
  section.append(el('h3', 'bs-section-title', t('card_from_article'), doc));
  if (fa.definition) section.append(el('p', 'bs-definition', t('card_stands_for', fa.definition.long), doc));
  for (const role of fa.roles.slice(0, shown.roles)) section.append(el('p', 'bs-role', role.text, doc));
  if (fa.statements.length > 0) {
    const list = el('ul', 'bs-statements', undefined, doc);
    fa.statements.slice(0, shown.statements).forEach((s, i) => list.append(foldPast(statementItem(s, doc), i, open?.statements)));
    section.append(list);
  }
  if (fa.sentences.length > 0) {
    const list = el('ul', 'bs-sentences', undefined, doc);
    for (const [i, s] of fa.sentences.slice(0, shown.sentences).entries()) {
      const item = foldPast(el('li', 'bs-sentence-item', undefined, doc), i, open?.sentences);
      const text = clip(s.text, SENTENCE_MAX);
      if (opts.onSentence) {
        const button = el('button', 'bs-sentence', text, doc);
        button.type = 'button';
        button.title = t('card_show_sentence');
        const onSentence = opts.onSentence;
        button.addEventListener('click', () => onSentence(s.sentence));
        item.append(button);
      } else {
        item.append(el('span', 'bs-sentence', text, doc));
      }
      list.append(item);
    }
    section.append(list);
  }
  return section.childElementCount > 1 ? section : null;
}

function factList(facts: readonly CardFact[], max: number, foldFrom: number | undefined, className: string, doc: Document): HTMLElement {
  const list = el('ul', className, undefined, doc);
  for (const [i, f] of facts.slice(0, max).entries()) {
    const item = foldPast(el('li', 'bs-fact', undefined, doc), i, foldFrom);
    item.append(el('span', 'bs-fact-text', f.text, doc));
    const href = f.url ? safeHref(f.url) : null;
    if (f.source && href) {
      // The publisher opens the page the fact comes from, so a reader can check it.
      const link = el('a', 'bs-source-link', f.source, doc);
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      const cite = el('span', 'bs-source', '(', doc);
      cite.append(link, doc.createTextNode(f.date ? `, ${formatDate(f.date)})` : ')'));
      item.append(doc.createTextNode(' '), cite);
    } else {
      const cite = [f.source, f.date ? formatDate(f.date) : undefined].filter(Boolean).join(', ');
      if (cite) item.append(doc.createTextNode(' '), el('span', 'bs-source', `(${cite})`, doc));
    }
    list.append(item);
  }
  return list;
}

function background(card: CardModel, opts: CardViewOptions, doc: Document): HTMLElement | null {
  const { shown, open } = limitsFor(opts);
  const section = el('section', 'bs-background', undefined, doc);
  section.append(el('h3', 'bs-section-title', t('card_background'), doc));
  if (card.summary) section.append(el('p', 'bs-summary', card.summary, doc));
  if (card.background.length > 0) section.append(factList(card.background, shown.facts, open?.facts, 'bs-facts', doc));
  // Facts from after the article's date, under their own label: what the article could not know.
  const later = card.later ?? [];
  if (later.length > 0) {
    section.append(el('p', 'bs-later-title', t('card_later'), doc), factList(later, shown.later, open?.later, 'bs-facts bs-later', doc));
  }
  return section.childElementCount > 1 ? section : null;
}

/** Only web links: a stored URL went through checks, but a link is the last place to be sure. */
function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** One item: date and outlet, then the fact as a link that opens the earlier article at it. */
function renderEarlierItem(item: EarlierItem, doc: Document = document): HTMLElement {
  const li = el('li', 'bs-earlier-item', undefined, doc);
  li.setAttribute('data-earlier', item.kind);
  const cite = el('span', 'bs-source', `${formatDate(item.date)} · ${item.outlet}`, doc);
  const text = clip(item.kind === 'definition' ? t('card_stands_for', item.text) : item.text, SENTENCE_MAX);
  const href = safeHref(item.href);
  const factText = item.kind === 'statement' ? `“${text}”` : text;
  let fact: HTMLElement = el('span', 'bs-earlier-fact', factText, doc);
  if (href) {
    const link = el('a', 'bs-earlier-fact', factText, doc);
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    if (item.title) link.title = item.title;
    fact = link;
  }
  li.append(cite, doc.createTextNode(' '), fact);
  return li;
}

function renderEarlier(items: readonly EarlierItem[], max: number, doc: Document = document, foldFrom?: number): HTMLElement | null {
  if (items.length === 0) return null;
  const section = el('section', 'bs-earlier', undefined, doc);
  const list = el('ul', 'bs-earlier-list', undefined, doc);
  items.slice(0, max).forEach((item, i) => list.append(foldPast(renderEarlierItem(item, doc), i, foldFrom)));
  section.append(el('h3', 'bs-section-title', t('card_earlier'), doc), list);
  return section;
}

/** The card's body: from this article, earlier reading, background, the reader's note. */
export function renderCard(card: CardModel, opts: CardViewOptions = {}): HTMLElement {
  const doc = opts.doc ?? document;
  const root = el('div', 'bs-card', undefined, doc);
  root.dataset.type = card.type;
  if (opts.header) root.append(renderCardHeader(card, doc));
  if (card.pageOnly) root.append(el('p', 'bs-page-only', t('card_page_only'), doc));
  const { shown, open } = limitsFor(opts);
  const parts = [fromArticle(card, opts, doc), renderEarlier(opts.earlier ?? [], shown.earlier, doc, open?.earlier), background(card, opts, doc)];
  for (const p of parts) if (p) root.append(p);
  if (card.note) root.append(noteSection(card.note, doc));
  if (!parts.some(Boolean) && !card.note) root.append(el('p', 'bs-empty', t('card_no_details'), doc));
  return root;
}

/** The first sentence of a summary: what the glance can hold of it. */
function firstSentence(text: string): string {
  const s = text.replace(/\s+/g, ' ').trim();
  const m = /^.+?[.!?。](?=\s|$)/u.exec(s);
  return m ? m[0] : s;
}

/**
 * The one line that says who or what this is: the article's own role for it, else the pack
 * summary's first sentence, else the newest role the reader met earlier.
 */
function identityLine(card: CardModel, earlier: readonly EarlierItem[] = []): { text: string; fromRole: boolean } | null {
  const role = card.fromArticle.roles[0];
  if (role) return { text: role.text, fromRole: true };
  if (card.summary) return { text: firstSentence(card.summary), fromRole: false };
  const remembered = earlier.find((e) => e.kind === 'role');
  return remembered ? { text: remembered.text, fromRole: false } : null;
}

/** How many pieces (list items, roles, definition, summary, note) the full card holds, counted
 *  from the model: the glance asks on every card it shows, and the full card is not rendered. */
export function fullCardPieces(card: CardModel, earlier: readonly EarlierItem[] = []): number {
  const f = LIMITS.full;
  const fa = card.fromArticle;
  let n = Math.min(fa.roles.length, f.roles) + (fa.definition ? 1 : 0) + Math.min(fa.statements.length, f.statements) + Math.min(fa.sentences.length, f.sentences);
  n += Math.min(earlier.length, f.earlier);
  n += (card.summary ? 1 : 0) + Math.min(card.background.length, f.facts) + Math.min(card.later?.length ?? 0, f.later);
  return n + (card.note ? 1 : 0);
}

/** How many folded pieces a folded card (renderCard with `fold`) holds behind its "N more". */
export function foldedCount(root: ParentNode): number {
  return root.querySelectorAll('.bs-extra').length;
}

export interface Glance {
  element: HTMLElement;
  /** Pieces of the full card the glance leaves out: the "N more" count (0: nothing left out). */
  more: number;
}

/**
 * The hover card's short form: one identity line, at most one statement from this article, at
 * most one earlier-reading item, and the reader's note. The full card (renderCard, not compact)
 * holds the rest.
 */
export function renderGlance(card: CardModel, opts: CardViewOptions = {}): Glance {
  const doc = opts.doc ?? document;
  const earlier = opts.earlier ?? [];
  const root = el('div', 'bs-card bs-glance', undefined, doc);
  root.dataset.type = card.type;
  if (card.pageOnly) root.append(el('p', 'bs-page-only', t('card_page_only'), doc));
  const identity = identityLine(card, earlier);
  if (identity) root.append(el('p', 'bs-identity', identity.text, doc));
  let shown = identity?.fromRole ? 1 : 0;
  const statement = card.fromArticle.statements[0];
  if (statement) {
    const list = el('ul', 'bs-statements', undefined, doc);
    list.append(statementItem(statement, doc));
    root.append(list);
    shown++;
  }
  const earlierSection = renderEarlier(earlier, 1, doc);
  if (earlierSection) {
    root.append(earlierSection);
    shown++;
  }
  // The reader's own note stays in sight: it is what they wanted to see again on this name.
  if (card.note) {
    root.append(noteSection(card.note, doc));
    shown++;
  }
  const more = Math.max(0, fullCardPieces(card, earlier) - shown);
  if (!identity && !statement && !earlierSection && !card.note && more === 0 && !card.pageOnly) root.append(el('p', 'bs-empty', t('card_no_details'), doc));
  return { element: root, more };
}
