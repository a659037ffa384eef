// Everything ui.js gives the content script except the note editor, whose frame needs a real
// extension page: the DOM tests use these parts as they are.
import { CardHost } from './card/host';
import { revealEntity, revealRunRange } from './reveal';
import { stepMention } from './step';
import type { BackstoryUI } from './api';
import { markRanges } from './mark-ranges';

export const pageParts: Omit<BackstoryUI, 'openNoteEditor' | 'closeNoteEditor'> = {
  createCardHost: (doc, onClose) => new CardHost(doc, onClose),
  markRanges,
  revealEntity,
  revealRunRange,
  stepMention,
};
