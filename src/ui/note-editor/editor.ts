// The note editor a reader opens from the context menu: a small form in a CLOSED shadow root next
// to the selection (the page must not read what the reader writes). Text only; Escape cancels,
// Ctrl/Cmd+Enter saves, Tab stays inside the form while it is open.
import { checkDraft, NOTE_TERM_MAX, NOTE_TEXT_MAX, type NoteDraft } from '../../core/notes';
import { t } from '../../shared/i18n';
import { adoptStyles } from '../adopt-styles';
import { placeEditor, type Box } from './place';
import { NOTE_EDITOR_CSS } from './styles';

export const NOTE_EDITOR_TAG = 'backstory-note-editor';

export interface NoteEditorOptions {
  term: string;
  /** The note already kept for this term, to edit rather than retype. */
  text?: string;
  /** Where the selection is, in viewport coordinates. */
  anchor?: Box | null;
  /** Stores the note; a rejection's message is shown and the editor stays open. */
  onSave(draft: NoteDraft): Promise<void>;
  onClose?(): void;
}

/** Key and input events are stopped at the shadow root: page shortcuts must not fire while the
 *  reader types, and the page should not see the keys of a private note through bubbling. */
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'paste', 'copy', 'cut'];

export class NoteEditor {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly form: HTMLFormElement;
  private readonly term: HTMLInputElement;
  private readonly text: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly save: HTMLButtonElement;
  private readonly returnFocus: Element | null;
  private closed = false;

  constructor(
    private readonly opts: NoteEditorOptions,
    private readonly doc: Document = document,
  ) {
    this.returnFocus = doc.activeElement;
    this.host = doc.createElement(NOTE_EDITOR_TAG);
    this.host.setAttribute('data-backstory-note-editor', '');
    const s = this.host.style;
    s.setProperty('all', 'initial');
    s.setProperty('position', 'fixed');
    s.setProperty('z-index', '2147483647');
    this.shadow = this.host.attachShadow({ mode: 'closed' });
    adoptStyles(this.shadow, doc, NOTE_EDITOR_CSS);

    this.form = this.el('form');
    this.form.setAttribute('role', 'dialog');
    this.form.setAttribute('aria-label', t('note_editor_label'));
    this.form.noValidate = true;
    const title = this.el('h2', t('note_editor_label'));
    this.term = this.el('input');
    this.term.type = 'text';
    this.term.maxLength = NOTE_TERM_MAX;
    this.term.value = opts.term;
    this.term.autocomplete = 'off';
    this.text = this.el('textarea');
    this.text.maxLength = NOTE_TEXT_MAX;
    this.text.value = opts.text ?? '';
    this.error = this.el('p');
    this.error.className = 'error';
    this.error.setAttribute('role', 'alert');
    const hint = this.el('p', t('note_editor_hint'));
    hint.className = 'hint';
    this.save = this.el('button', t('note_editor_save'));
    this.save.type = 'submit';
    this.save.className = 'save';
    const cancel = this.el('button', t('note_editor_cancel'));
    cancel.type = 'button';
    cancel.addEventListener('click', () => this.close());
    const buttons = this.el('div');
    buttons.className = 'buttons';
    buttons.append(cancel, this.save);
    this.form.append(title, this.labelled('note_editor_term', this.term), this.labelled('note_editor_text', this.text), this.error, hint, buttons);
    this.shadow.append(this.form);

    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.form.addEventListener('keydown', (e) => this.onKey(e));
    for (const type of CONTAINED_EVENTS) this.shadow.addEventListener(type, (e) => e.stopPropagation());
  }

  /** Puts the editor on the page next to `anchor` and focuses the field to fill in. */
  open(): this {
    this.doc.documentElement.append(this.host);
    const view = this.doc.defaultView;
    const size = { width: this.form.offsetWidth || 340, height: this.form.offsetHeight || 260 };
    const at = placeEditor(this.opts.anchor ?? null, size, { width: view?.innerWidth ?? 1024, height: view?.innerHeight ?? 768 });
    this.host.style.setProperty('left', `${at.left}px`);
    this.host.style.setProperty('top', `${at.top}px`);
    (this.term.value.trim() ? this.text : this.term).focus();
    return this;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.host.remove();
    if (this.returnFocus instanceof HTMLElement && this.returnFocus.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.opts.onClose?.();
  }

  private async submit(): Promise<void> {
    const draft = checkDraft({ term: this.term.value, text: this.text.value });
    if (!draft.ok) return this.fail(draft.error, /term/.test(draft.error) ? this.term : this.text);
    this.save.disabled = true;
    try {
      await this.opts.onSave(draft.value);
      this.close();
    } catch (err) {
      this.fail(err instanceof Error ? err.message : String(err), this.text);
    } finally {
      this.save.disabled = false;
    }
  }

  private fail(message: string, field: HTMLElement): void {
    this.error.textContent = t('note_editor_failed', message);
    field.focus();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.submit();
    } else if (e.key === 'Tab') {
      this.trapTab(e);
    }
  }

  /** Tab from the last control goes to the first and Shift+Tab the other way: focus cannot wander
   *  into the page behind while the editor is open (Escape is the way out). */
  private trapTab(e: KeyboardEvent): void {
    const controls = Array.from(this.form.querySelectorAll<HTMLElement>('input, textarea, button')).filter((c) => !(c as HTMLButtonElement).disabled);
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = this.shadow.activeElement;
    if (!first || !last) return;
    if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  }

  private labelled(key: string, field: HTMLElement): HTMLLabelElement {
    const label = this.el('label', t(key));
    label.append(field);
    return label;
  }

  private el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
    const node = this.doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }
}
