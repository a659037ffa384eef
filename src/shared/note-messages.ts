// Messages for the reader's notes (joined into the one union in messages.ts).
import * as v from 'valibot';
import { NOTE_TERM_MAX, NOTE_TEXT_MAX } from '../core/notes';
import type { SenderKind } from './senders';

/** The background cuts a selection to this many characters before sending it (a term is far shorter;
 *  the editor shows the rest so the reader can trim it). */
export const NOTE_SELECTION_MAX = 1_000;

export const NoteMessages = [
  /** Background → content script (context menu): open the note editor with the selected text as the term. */
  v.object({ type: v.literal('backstory:open-note-editor'), term: v.pipe(v.string(), v.maxLength(NOTE_SELECTION_MAX)) }),
  /** Content script → background: the editor is being framed in this tab for `term` (the
   *  selection, which the page knows anyway). The editor's document asks for it next. */
  v.object({ type: v.literal('backstory:note-editor-open'), term: v.pipe(v.string(), v.maxLength(NOTE_SELECTION_MAX)) }),
  /** Editor document → background: the term its tab opened it for, and the note kept for it. */
  v.object({ type: v.literal('backstory:note-editor-draft') }),
  /** Editor document → background: store the reader's note (checked again there). */
  v.object({
    type: v.literal('backstory:save-note'),
    // Slack over the limits so an over-long draft gets the notes store's clear refusal.
    term: v.pipe(v.string(), v.maxLength(NOTE_TERM_MAX * 4)),
    text: v.pipe(v.string(), v.maxLength(NOTE_TEXT_MAX * 4)),
  }),
  /** Editor document → background → its tab's content script: take the editor's frame away. */
  v.object({ type: v.literal('backstory:note-editor-close') }),
  v.object({ type: v.literal('backstory:close-note-editor') }),
] as const;

export interface NoteResponses {
  /** `ok: false` when the editor could not open (Backstory switched off on the page). */
  'backstory:open-note-editor': { ok: boolean };
  'backstory:note-editor-open': { ok: true };
  'backstory:note-editor-draft': { term: string; text?: string };
  'backstory:save-note': { ok: true } | { ok: false; error: string };
  'backstory:note-editor-close': { ok: boolean };
  'backstory:close-note-editor': { ok: true };
}

/** Who may send the note messages the background answers. */
export const NOTE_SENDERS = {
  'backstory:note-editor-open': 'page',
  // What the reader types is seen and stored only by extension documents.
  'backstory:note-editor-draft': 'extension',
  'backstory:save-note': 'extension',
  'backstory:note-editor-close': 'extension',
} as const satisfies Record<string, SenderKind>;
