// The reader's notes in the content script: the annotator follows the notes store live, and the
// context menu's request opens the note editor next to the selection.
import type { Responses } from '../shared/messages';
import { findByTerm } from '../core/notes';
import { loadNotes, onNotesChanged, saveNote } from '../shared/notes-store';
import type { Annotator } from './annotator';
import { NoteEditor } from './note-editor/editor';
import type { Box } from './note-editor/place';

/** Gives the annotator the stored notes (before its first pass) and every later change. */
export async function followNotes(annotator: Annotator): Promise<void> {
  onNotesChanged((stored) => void annotator.setReaderNotes(stored.notes));
  try {
    await annotator.setReaderNotes((await loadNotes()).notes);
  } catch (err) {
    // Notes are extra: the page is still annotated from the pack.
    console.warn('Backstory: notes could not be read:', err instanceof Error ? err.message : err);
  }
}

let open: NoteEditor | null = null;

function selectionBox(doc: Document): Box | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0).getBoundingClientRect();
  return r.width || r.height ? { top: r.top, bottom: r.bottom, left: r.left } : null;
}

/** Opens the editor with `term` (the selected text) prefilled, and the note already kept for it. */
export async function openNoteEditor(doc: Document, term: string): Promise<Responses['backstory:open-note-editor']> {
  open?.close();
  let text: string | undefined;
  try {
    text = findByTerm((await loadNotes()).notes, term)?.text;
  } catch {
    text = undefined;
  }
  const editor = new NoteEditor(
    {
      term: term.replace(/\s+/g, ' ').trim(),
      text,
      anchor: selectionBox(doc),
      onSave: async (draft) => void (await saveNote(draft.term, draft.text)),
      onClose: () => {
        if (open === editor) open = null;
      },
    },
    doc,
  );
  open = editor.open();
  return { ok: true };
}
