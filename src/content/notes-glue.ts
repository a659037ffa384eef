// The context menu's request opens the note editor next to the selection. (Notes reach the
// highlights through the background, which applies them when it analyses a page.) The editor
// itself is in the lazily loaded UI bundle (src/ui/).
import type { Responses } from '../shared/messages';
import { loadUI } from './ui-loader';

/** Opens the editor with `term` (the selected text) prefilled, and the note already kept for it.
 *  The editor is in the UI bundle, loaded here on first use; `ok: false` when it cannot load. */
export async function openNoteEditor(doc: Document, term: string): Promise<Responses['backstory:open-note-editor']> {
  let ui;
  try {
    ui = await loadUI();
  } catch {
    return { ok: false };
  }
  return ui.openNoteEditor(doc, term);
}
