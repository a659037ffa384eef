// What the lazily loaded UI bundle (dist/ui.js, built from ./index.ts) gives the content script.
// Types only: the content script imports this file with `import type`, so none of the UI's code
// (floating-ui, the card view, the note editor) ends up in content.js.
import type { EarlierItem } from '../core/memory/earlier';
import type { CardModel } from '../core/types';
import type { Responses } from '../shared/messages';

export type Theme = 'system' | 'light' | 'dark';

export interface ShowOptions {
  onSentence?: (sentence: number) => void;
  /** Also announce the card through the live region (keyboard users do not see it open). */
  announce?: boolean;
}

/** The card's host element and its closed shadow root (src/ui/card/host.ts). */
export interface CardHostApi {
  readonly host: HTMLElement;
  readonly isOpen: boolean;
  /** Called when the open card had to move into a new top-layer element (or back out of one). */
  onMoved: (() => void) | null;
  setTheme(theme: Theme): void;
  contains(node: Node | null): boolean;
  show(card: CardModel, reference: Element, opts?: ShowOptions): void;
  /** Adds the "Earlier in your reading" items to the open card, if it still shows `entityId`. */
  setEarlier(entityId: string, items: readonly EarlierItem[]): void;
  focusFirst(): boolean;
  hide(): void;
  destroy(): void;
}

/** A stretch of a run's text to wrap, and whose name it is. */
export interface WrapRange {
  start: number;
  length: number;
  entityId: string;
}

/** Wraps `ranges` (offsets in the joined text of `nodes`) in mention elements; `each` gets every
 *  element made, in document order (a name split over two Text nodes gets two), with the index in
 *  `nodes` of the node it was cut from and its offset there. Each node keeps the text before its
 *  first piece; after it come, per piece, the element and the Text node that follows it (empty
 *  when the piece ended the node): the highlighter puts the page back from that. */
export type MarkRanges = (nodes: Text[], ranges: WrapRange[], each: (el: Element, range: WrapRange, node: number, offset: number) => void) => void;

export interface BackstoryUI {
  markRanges: MarkRanges;
  createCardHost(doc: Document, onClose: () => void): CardHostApi;
  /** Scrolls to an entity's first mention and flashes it (popup card click). */
  revealEntity(doc: Document, entityId: string): boolean;
  /** Scrolls to a range of a run's text and flashes it (a card's evidence link). */
  revealRunRange(doc: Document, run: { nodes: Text[] }, start: number, end: number): boolean;
  /** Focuses the next or previous mention, which opens its card (keyboard commands). */
  stepMention(doc: Document, direction: 'next' | 'previous'): Element | null;
  /** Frames the note editor page (`src`) next to the selection and moves focus into it. */
  openNoteEditor(doc: Document, src: string): Responses['backstory:open-note-editor'];
  /** Takes the editor's frame away and gives focus back to the page. */
  closeNoteEditor(): void;
}
