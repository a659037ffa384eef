// The context menu's "Add a note": the editor next to the selection, prefilled with the note
// already kept for the selected term, saving to the notes store.
import { findByTerm } from '../core/notes';
import { NoteEditor } from './note-editor/editor';
import type { Box } from './note-editor/place';
import type { Responses } from '../shared/messages';
import { loadNotes, saveNote } from '../shared/notes-store';

let open: NoteEditor | null = null;

function selectionBox(doc: Document): Box | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0).getBoundingClientRect();
  return r.width || r.height ? { top: r.top, bottom: r.bottom, left: r.left } : null;
}

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
