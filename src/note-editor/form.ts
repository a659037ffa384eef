// The note editor's form, in its own extension-origin document (note-editor/editor.html, framed
// in the page by the content script). Being another origin's document is what keeps the reader's
// typing from the page: no event in here reaches a page listener, capture phase or not, and the
// page cannot read the fields. Text only; Escape cancels, Ctrl/Cmd+Enter saves, Tab stays inside.
import { checkDraft, NOTE_TERM_MAX, NOTE_TEXT_MAX, type NoteDraft } from '../core/notes';
import { t } from '../shared/i18n';

export interface NoteFormOptions {
  term: string;
  /** The note already kept for this term, to edit rather than retype. */
  text?: string;
  /** Stores the note; a rejection's message is shown and the form stays. */
  onSave(draft: NoteDraft): Promise<void>;
  /** Cancelled, or saved: the frame goes away. */
  onClose(): void;
}

export class NoteForm {
  readonly form: HTMLFormElement;
  private readonly term: HTMLInputElement;
  private readonly text: HTMLTextAreaElement;
  private readonly error: HTMLElement;
  private readonly save: HTMLButtonElement;
  private done = false;

  constructor(
    private readonly opts: NoteFormOptions,
    private readonly doc: Document = document,
  ) {
    this.form = this.el('form');
    this.form.setAttribute('aria-label', t('note_editor_label'));
    this.form.noValidate = true;
    const title = this.el('h1', t('note_editor_label'));
    this.term = this.el('input');
    this.term.type = 'text';
    this.term.name = 'term';
    this.term.maxLength = NOTE_TERM_MAX;
    this.term.value = opts.term;
    this.term.autocomplete = 'off';
    this.text = this.el('textarea');
    this.text.name = 'text';
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
    cancel.className = 'cancel';
    cancel.addEventListener('click', () => this.close());
    const buttons = this.el('div');
    buttons.className = 'buttons';
    buttons.append(cancel, this.save);
    this.form.append(title, this.labelled('note_editor_term', this.term), this.labelled('note_editor_text', this.text), this.error, hint, buttons);
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.doc.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** The field to fill in: the note when the term is there already. */
  focus(): void {
    (this.term.value.trim() ? this.text : this.term).focus();
  }

  get isOpen(): boolean {
    return !this.done;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.opts.onClose();
  }

  private async submit(): Promise<void> {
    if (this.done) return;
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

  /** Tab from the last control goes to the first and Shift+Tab the other way: focus does not
   *  leave the frame for the page behind while the editor is open (Escape is the way out). */
  private trapTab(e: KeyboardEvent): void {
    const controls = Array.from(this.form.querySelectorAll<HTMLElement>('input, textarea, button')).filter((c) => !(c as HTMLButtonElement).disabled);
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = this.doc.activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (active === first || !this.form.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !this.form.contains(active))) {
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
