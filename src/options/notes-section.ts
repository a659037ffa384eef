// Options section for the reader's notes: list, edit inline, delete, add, export, import. Renders
// into `el` and un-hides it. Terms and notes are the reader's (or an imported file's) text: shown
// as text only.
import type { Note, StoredNotes } from '../core/notes';
import { NOTE_TERM_MAX, NOTE_TEXT_MAX } from '../core/notes';
import { t, tCount, uiLanguage } from '../shared/i18n';
import * as store from '../shared/notes-store';
import { downloadText, jsonFilePicker, readChosenFile } from './files';
import { el } from '../shared/dom';
import { errorText } from '../shared/error-text';

function formatWhen(iso: string): string {
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium' }).format(new Date(iso));
  } catch {
    return iso.slice(0, 10);
  }
}

/** A term input and a note textarea with visible labels. */
function fields(term: string, text: string): { term: HTMLInputElement; text: HTMLTextAreaElement; nodes: HTMLElement[] } {
  const termInput = el('input');
  termInput.type = 'text';
  termInput.name = 'term';
  termInput.maxLength = NOTE_TERM_MAX;
  termInput.value = term;
  const textArea = el('textarea');
  textArea.name = 'text';
  textArea.maxLength = NOTE_TEXT_MAX;
  textArea.rows = 3;
  textArea.value = text;
  const termLabel = el('label', 'note-field', t('options_notes_term'));
  termLabel.append(termInput);
  const textLabel = el('label', 'note-field', t('options_notes_text'));
  textLabel.append(textArea);
  return { term: termInput, text: textArea, nodes: [termLabel, textLabel] };
}

export async function mountNotes(root: HTMLElement): Promise<void> {
  const notice = el('div', 'notice note-notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;
  const list = el('ul', 'note-list');
  list.setAttribute('aria-label', t('options_notes_title'));
  const empty = el('p', 'hint note-empty', t('options_notes_empty'));
  const status = el('p', 'status note-status');
  status.setAttribute('role', 'status');
  const problem = el('p', 'note-error');
  problem.setAttribute('role', 'alert');

  const add = el('form', 'note-add');
  const addFields = fields('', '');
  const addButton = el('button', '', t('options_notes_add'));
  addButton.type = 'submit';
  add.append(...addFields.nodes, addButton);

  const exportButton = el('button', 'note-export', t('options_notes_export'));
  exportButton.type = 'button';
  const { file, label: importLabel } = jsonFilePicker('notes-file', t('options_notes_import'), 'note-import');
  const fileRow = el('div', 'note-files');
  fileRow.append(exportButton, importLabel);

  root.replaceChildren(el('h2', '', t('options_notes_title')), el('p', 'hint', t('options_notes_intro')), notice, add, empty, list, fileRow, status, problem);

  let editing: string | null = null;
  let latest: StoredNotes = { notes: [], unreadable: [], problems: [] };

  function say(text: string): void {
    problem.textContent = '';
    status.textContent = text;
  }
  function fail(text: string): void {
    status.textContent = '';
    problem.textContent = text;
  }

  function showNotice(stored: StoredNotes): void {
    const count = stored.unreadable.length;
    notice.hidden = count === 0;
    if (count === 0) return notice.replaceChildren();
    const discard = el('button', '', t('options_notes_discard'));
    discard.type = 'button';
    discard.addEventListener('click', () => void store.discardUnreadableNotes().catch((err) => fail(errorText(err))));
    const why = el('ul', 'note-problems');
    why.append(...stored.problems.slice(0, 5).map((p) => el('li', '', p)));
    notice.replaceChildren(el('p', '', tCount('options_notes_unreadable', count)), why, discard);
  }

  function row(note: Note): HTMLLIElement {
    const item = el('li', 'note');
    item.dataset.noteId = note.id;
    const edit = el('button', '', t('options_notes_edit'));
    edit.type = 'button';
    edit.setAttribute('aria-label', t('options_notes_edit_label', note.term));
    edit.addEventListener('click', () => {
      editing = note.id;
      item.replaceWith(editor(note));
    });
    const del = el('button', '', t('options_notes_delete'));
    del.type = 'button';
    del.setAttribute('aria-label', t('options_notes_delete_label', note.term));
    del.addEventListener('click', async () => {
      try {
        await store.removeNote(note.id);
        say(t('options_notes_deleted'));
      } catch (err) {
        fail(t('options_notes_not_saved', errorText(err)));
      }
    });
    const actions = el('div', 'note-actions');
    actions.append(edit, del);
    item.append(el('span', 'note-term', note.term), el('span', 'note-date', t('options_notes_updated', formatWhen(note.updated))), el('p', 'note-text', note.text), actions);
    return item;
  }

  function editor(note: Note): HTMLLIElement {
    const item = el('li', 'note note-editing');
    item.dataset.noteId = note.id;
    const form = el('form', 'note-edit');
    const f = fields(note.term, note.text);
    const save = el('button', '', t('options_notes_save'));
    save.type = 'submit';
    const cancel = el('button', '', t('options_notes_cancel'));
    cancel.type = 'button';
    const stop = () => {
      editing = null;
      render(latest);
    };
    cancel.addEventListener('click', stop);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') stop();
    });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await store.updateNote(note.id, f.term.value, f.text.value);
        editing = null;
        say(t('options_notes_saved'));
        render(latest);
      } catch (err) {
        fail(t('options_notes_not_saved', errorText(err)));
      }
    });
    const actions = el('div', 'note-actions');
    actions.append(save, cancel);
    form.append(...f.nodes, actions);
    item.append(form);
    queueMicrotask(() => f.text.focus());
    return item;
  }

  function render(stored: StoredNotes): void {
    latest = stored;
    showNotice(stored);
    empty.hidden = stored.notes.length > 0;
    // An open inline edit is not thrown away by a change made elsewhere; the list catches up after it.
    if (editing && stored.notes.some((n) => n.id === editing)) return;
    editing = null;
    list.replaceChildren(...stored.notes.map(row));
  }

  add.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await store.saveNote(addFields.term.value, addFields.text.value);
      add.reset();
      say(t('options_notes_saved'));
      addFields.term.focus();
    } catch (err) {
      fail(t('options_notes_not_saved', errorText(err)));
    }
  });

  exportButton.addEventListener('click', async () => {
    try {
      downloadText(await store.exportAllNotes(), `backstory-notes-${new Date().toISOString().slice(0, 10)}.json`);
    } catch (err) {
      fail(errorText(err));
    }
  });

  file.addEventListener('change', async () => {
    try {
      const text = await readChosenFile(file);
      if (text === null) return;
      const r = await store.importNotes(text);
      say(t('options_notes_imported', r.added, r.updated, r.unchanged));
    } catch (err) {
      fail(t('options_notes_import_failed', errorText(err)));
    } finally {
      file.value = '';
    }
  });

  store.onNotesChanged(render);
  try {
    render(await store.loadNotes());
  } catch (err) {
    fail(t('options_notes_load_failed', errorText(err)));
  }
  root.hidden = false;
}
