// The context menu's "Add a note": the editor's frame next to the selection. The content script
// has told the background the term first; the editor's own document asks the background for it
// and saves there, so nothing the reader types passes through this world.
import type { Responses } from '../shared/messages';
import { EditorFrame } from './note-editor/frame';
import type { Box } from './note-editor/place';

let open: EditorFrame | null = null;

function selectionBox(doc: Document): Box | null {
  const sel = doc.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0).getBoundingClientRect();
  return r.width || r.height ? { top: r.top, bottom: r.bottom, left: r.left } : null;
}

/** `src` is the editor page's address (runtime.getURL of note-editor/editor.html). */
export function openNoteEditor(doc: Document, src: string): Responses['backstory:open-note-editor'] {
  open?.close();
  const editor = new EditorFrame(src, selectionBox(doc), doc, () => {
    if (open === editor) open = null;
  });
  open = editor.open();
  return { ok: true };
}

export function closeNoteEditor(): void {
  open?.close();
}
