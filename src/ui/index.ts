// Entry of dist/ui.js: the card UI, the note editor, and scrolling to or stepping through mentions, loaded into the content script's world
// only when a reader first needs them (see src/content/ui-loader.ts). Built as an ES module so the
// content script can `import()` it; it runs nothing on load.
import { CardHost } from '../content/card/host';
import { revealEntity, revealRunRange } from '../content/reveal';
import { stepMention } from '../content/step';
import type { BackstoryUI } from './api';
import { markRanges } from './mark-ranges';
import { openNoteEditor } from './open-note-editor';

export const ui: BackstoryUI = {
  createCardHost: (doc, onClose) => new CardHost(doc, onClose),
  markRanges,
  openNoteEditor,
  revealEntity,
  revealRunRange,
  stepMention,
};
