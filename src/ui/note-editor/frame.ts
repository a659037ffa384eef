// Where the note editor sits in the page: an <iframe> of the extension's own editor page
// (note-editor/editor.html), in a CLOSED shadow root next to the selection, as Hypothesis frames
// its sidebar. The page sees the host element and that it holds a frame; what the reader types
// stays in the frame's document, which is the extension's origin.
import { t } from '../../shared/i18n';
import { placeEditor, type Box } from './place';

export const NOTE_EDITOR_TAG = 'backstory-note-editor';
/** The frame's size; the editor's form fills it. */
const WIDTH = 340;
const HEIGHT = 290;

export class EditorFrame {
  readonly host: HTMLElement;
  private readonly frame: HTMLIFrameElement;
  private readonly returnFocus: Element | null;
  private closed = false;

  constructor(
    src: string,
    private readonly anchor: Box | null,
    private readonly doc: Document = document,
    private readonly onClose?: () => void,
  ) {
    this.returnFocus = doc.activeElement;
    this.host = doc.createElement(NOTE_EDITOR_TAG);
    this.host.setAttribute('data-backstory-note-editor', '');
    const s = this.host.style;
    s.setProperty('all', 'initial');
    s.setProperty('position', 'fixed');
    s.setProperty('z-index', '2147483647');
    const shadow = this.host.attachShadow({ mode: 'closed' });
    this.frame = doc.createElement('iframe');
    this.frame.title = t('note_editor_label');
    const f = this.frame.style;
    f.setProperty('display', 'block');
    f.setProperty('border', '0');
    f.setProperty('width', `min(${WIDTH}px, calc(100vw - 16px))`);
    f.setProperty('height', `${HEIGHT}px`);
    f.setProperty('color-scheme', 'normal');
    f.setProperty('border-radius', '8px');
    f.setProperty('box-shadow', '0 6px 24px rgba(0,0,0,.25)');
    this.frame.src = src;
    shadow.append(this.frame);
  }

  /** Puts the editor on the page next to the selection and moves focus into its frame. */
  open(): this {
    this.doc.documentElement.append(this.host);
    const view = this.doc.defaultView;
    const at = placeEditor(this.anchor, { width: WIDTH, height: HEIGHT }, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 });
    this.host.style.setProperty('left', `${at.left}px`);
    this.host.style.setProperty('top', `${at.top}px`);
    this.frame.focus();
    return this;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Takes the frame off the page and gives focus back to where the reader was. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    // Focus leaves the frame before the frame goes: keys still on their way then reach the page,
    // not a frame being torn down.
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus({ preventScroll: true });
    else this.doc.defaultView?.focus();
    this.frame.blur();
    this.host.remove();
    this.onClose?.();
  }
}
