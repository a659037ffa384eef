// DOM rendering of a CardModel, shared by the hover card (content script) and the popup.
// Every piece of pack or page text goes in through textContent: a pack or a page may hold markup.
import type { EarlierItem } from '../core/memory/earlier';
import type { CardModel, EntityType } from '../core/types';
import { t, tCount, uiLanguage } from './i18n';

export interface CardViewOptions {
  /** Shorter form: fewer sentences and facts (hover card, popup list). */
  compact?: boolean;
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

/** Longest sentence text shown before it is cut with an ellipsis. */
const SENTENCE_MAX = 220;

function make(doc: Document, tag: string, className: string, text?: string): HTMLElement {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clip(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}

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
  const head = make(doc, 'div', 'bs-head');
  head.append(make(doc, 'span', 'bs-name', card.name));
  const meta = make(doc, 'span', 'bs-meta');
  meta.append(make(doc, 'span', 'bs-type', t(TYPE_KEY[card.type])), doc.createTextNode(' · '), make(doc, 'span', 'bs-count', tCount('card_mentions', card.mentionCount)));
  head.append(meta);
  return head;
}

function fromArticle(card: CardModel, opts: CardViewOptions, doc: Document): HTMLElement | null {
  const fa = card.fromArticle;
  const maxSentences = opts.compact ? 3 : 6;
  const section = make(doc, 'section', 'bs-article');
  section.append(make(doc, 'h3', 'bs-section-title', t('card_from_article')));
  if (fa.definition) section.append(make(doc, 'p', 'bs-definition', t('card_stands_for', fa.definition.long)));
  for (const role of fa.roles.slice(0, 2)) section.append(make(doc, 'p', 'bs-role', role.text));
  if (fa.statements.length > 0) {
    const list = make(doc, 'ul', 'bs-statements');
    for (const s of fa.statements.slice(0, opts.compact ? 2 : 5)) {
      const item = make(doc, 'li', 'bs-statement');
      const when = s.date ? formatDate(s.date) : s.dateText;
      if (when) item.append(make(doc, 'span', 'bs-date', when), doc.createTextNode(' '));
      item.append(make(doc, 'q', 'bs-quote', clip(s.text, SENTENCE_MAX)));
      list.append(item);
    }
    section.append(list);
  }
  if (fa.sentences.length > 0) {
    const list = make(doc, 'ul', 'bs-sentences');
    for (const s of fa.sentences.slice(0, maxSentences)) {
      const item = make(doc, 'li', 'bs-sentence-item');
      const text = clip(s.text, SENTENCE_MAX);
      if (opts.onSentence) {
        const button = make(doc, 'button', 'bs-sentence', text) as HTMLButtonElement;
        button.type = 'button';
        button.title = t('card_show_sentence');
        const onSentence = opts.onSentence;
        button.addEventListener('click', () => onSentence(s.sentence));
        item.append(button);
      } else {
        item.append(make(doc, 'span', 'bs-sentence', text));
      }
      list.append(item);
    }
    section.append(list);
  }
  return section.childElementCount > 1 ? section : null;
}

function background(card: CardModel, opts: CardViewOptions, doc: Document): HTMLElement | null {
  const section = make(doc, 'section', 'bs-background');
  section.append(make(doc, 'h3', 'bs-section-title', t('card_background')));
  if (card.summary) section.append(make(doc, 'p', 'bs-summary', card.summary));
  if (card.background.length > 0) {
    const list = make(doc, 'ul', 'bs-facts');
    for (const f of card.background.slice(0, opts.compact ? 3 : 10)) {
      const item = make(doc, 'li', 'bs-fact');
      item.append(make(doc, 'span', 'bs-fact-text', f.text));
      const cite = [f.source, f.date ? formatDate(f.date) : undefined].filter(Boolean).join(', ');
      if (cite) item.append(doc.createTextNode(' '), make(doc, 'span', 'bs-source', `(${cite})`));
      list.append(item);
    }
    section.append(list);
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
export function renderEarlierItem(item: EarlierItem, doc: Document = document): HTMLElement {
  const li = make(doc, 'li', 'bs-earlier-item');
  li.setAttribute('data-earlier', item.kind);
  const cite = make(doc, 'span', 'bs-source', `${formatDate(item.date)} · ${item.outlet}`);
  const text = clip(item.kind === 'definition' ? t('card_stands_for', item.text) : item.text, SENTENCE_MAX);
  const href = safeHref(item.href);
  const fact = make(doc, href ? 'a' : 'span', 'bs-earlier-fact', item.kind === 'statement' ? `“${text}”` : text);
  if (href && fact instanceof HTMLAnchorElement) {
    fact.href = href;
    fact.target = '_blank';
    fact.rel = 'noopener noreferrer';
    if (item.title) fact.title = item.title;
  }
  li.append(cite, doc.createTextNode(' '), fact);
  return li;
}

export function renderEarlier(items: readonly EarlierItem[], max: number, doc: Document = document): HTMLElement | null {
  if (items.length === 0) return null;
  const section = make(doc, 'section', 'bs-earlier');
  const list = make(doc, 'ul', 'bs-earlier-list');
  for (const item of items.slice(0, max)) list.append(renderEarlierItem(item, doc));
  section.append(make(doc, 'h3', 'bs-section-title', t('card_earlier')), list);
  return section;
}

/** The card's body: from this article, earlier reading, background, the reader's note. */
export function renderCard(card: CardModel, opts: CardViewOptions = {}): HTMLElement {
  const doc = opts.doc ?? document;
  const root = make(doc, 'div', 'bs-card');
  root.dataset.type = card.type;
  if (opts.header) root.append(renderCardHeader(card, doc));
  if (card.pageOnly) root.append(make(doc, 'p', 'bs-page-only', t('card_page_only')));
  const parts = [fromArticle(card, opts, doc), renderEarlier(opts.earlier ?? [], opts.compact ? 3 : 5, doc), background(card, opts, doc)];
  for (const p of parts) if (p) root.append(p);
  if (card.note) {
    const note = make(doc, 'section', 'bs-note');
    note.append(make(doc, 'h3', 'bs-section-title', t('card_note')), make(doc, 'p', 'bs-note-text', card.note));
    root.append(note);
  }
  if (!parts.some(Boolean) && !card.note) root.append(make(doc, 'p', 'bs-empty', t('card_no_details')));
  return root;
}
