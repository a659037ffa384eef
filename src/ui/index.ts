// Entry of dist/ui.js: mark.js for the highlights, the card, the note editor, and scrolling to or
// stepping through mentions, imported into the content script's world only on a page with names
// to show (see src/content/ui-loader.ts). Built as an ES module so the content script can
// `import()` it; it runs nothing on load.
import type { BackstoryUI } from './api';
import { closeNoteEditor, openNoteEditor } from './open-note-editor';
import { pageParts } from './page-parts';

export const ui: BackstoryUI = { ...pageParts, openNoteEditor, closeNoteEditor };
