// Everything ui.js gives the content script except the note editor, whose store needs a real
// extension: the DOM tests use these parts as they are.
import { CardHost } from './card/host';
import { revealEntity, revealRunRange } from './reveal';
import { stepMention } from './step';
import type { BackstoryUI } from './api';
import { markRanges } from './mark-ranges';

export const pageParts: Omit<BackstoryUI, 'openNoteEditor'> = {
  createCardHost: (doc, onClose) => new CardHost(doc, onClose),
  markRanges,
  revealEntity,
  revealRunRange,
  stepMention,
};
