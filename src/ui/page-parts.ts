// Everything ui.js gives the content script except the note editor, whose store needs a real
// extension: the DOM tests use these parts as they are.
import { CardHost } from '../content/card/host';
import { revealEntity, revealRunRange } from '../content/reveal';
import { stepMention } from '../content/step';
import type { BackstoryUI } from './api';
import { markRanges } from './mark-ranges';

export const pageParts: Omit<BackstoryUI, 'openNoteEditor'> = {
  createCardHost: (doc, onClose) => new CardHost(doc, onClose),
  markRanges,
  revealEntity,
  revealRunRange,
  stepMention,
};
