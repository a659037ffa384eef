// Messages for the reader's notes (joined into the one union in messages.ts).
import * as v from 'valibot';
import type { SenderKind } from './senders';

/** The background cuts a selection to this many characters before sending it (a term is far shorter;
 *  the editor shows the rest so the reader can trim it). */
export const NOTE_SELECTION_MAX = 1_000;

export const NoteMessages = [
  /** Background → content script (context menu): open the note editor with the selected text as the term. */
  v.object({ type: v.literal('backstory:open-note-editor'), term: v.pipe(v.string(), v.maxLength(NOTE_SELECTION_MAX)) }),
] as const;

/** Who may send the note messages the background answers. */
export const NOTE_SENDERS = {} as const satisfies Record<string, SenderKind>;
