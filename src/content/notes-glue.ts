// The context menu's request frames the note editor next to the selection. The frame is the
// extension's own editor page (note-editor/editor.html): the background hands it the term said
// here, and it saves the note through the background. (Notes reach the highlights through the
// background, which applies them when it analyses a page.) The frame's host is in the lazily
// loaded UI bundle (src/ui/).
import type { Responses } from '../shared/messages';
import { askBackground } from './ask-background';
import { extensionUrl } from './runtime';
import { loadUI, readyUI } from './ui-loader';

/** `ok: false` when the UI cannot load or the background does not answer. */
export async function openNoteEditor(doc: Document, term: string): Promise<Responses['backstory:open-note-editor']> {
  let ui;
  try {
    ui = await loadUI();
    const told = (await askBackground({ type: 'backstory:note-editor-open', term })) as Responses['backstory:note-editor-open'] | undefined;
    if (!told?.ok) return { ok: false };
  } catch {
    return { ok: false };
  }
  return ui.openNoteEditor(doc, extensionUrl('note-editor/editor.html'));
}

/** The editor's document asked (through the background) to be taken away. */
export function closeNoteEditor(): Responses['backstory:close-note-editor'] {
  readyUI()?.closeNoteEditor();
  return { ok: true };
}
