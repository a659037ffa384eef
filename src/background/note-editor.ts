// The background's side of the note editor. The content script says which term it framed the
// editor for; the editor's own document (an extension page) asks for that term and the note kept
// for it, saves the reader's note here, and asks here to be taken away. The content script never
// sees what the reader types.
import browser from 'webextension-polyfill';
import { findByTerm } from '../core/notes';
import { errorText } from '../shared/error-text';
import type { Responses } from '../shared/messages';
import { loadNotes, saveNote } from '../shared/notes-store';

export interface NoteEditorControls {
  opened(tabId: number, term: string): Promise<Responses['backstory:note-editor-open']>;
  draft(tabId: number): Promise<Responses['backstory:note-editor-draft']>;
  save(term: string, text: string): Promise<Responses['backstory:save-note']>;
  close(tabId: number): Promise<Responses['backstory:note-editor-close']>;
}

/** The term each tab's editor was opened for. A restarted worker forgets it: the editor then
 *  opens with an empty term for the reader to type. */
const terms = new Map<number, string>();

export const noteEditor: NoteEditorControls = {
  async opened(tabId, term) {
    terms.set(tabId, term.replace(/\s+/g, ' ').trim());
    return { ok: true };
  },
  async draft(tabId) {
    const term = terms.get(tabId) ?? '';
    let text: string | undefined;
    try {
      text = term ? findByTerm((await loadNotes()).notes, term)?.text : undefined;
    } catch {
      text = undefined; // unreadable notes: the reader writes a new one
    }
    return text === undefined ? { term } : { term, text };
  },
  async save(term, text) {
    try {
      await saveNote(term, text);
      return { ok: true };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  },
  async close(tabId) {
    terms.delete(tabId);
    try {
      await browser.tabs.sendMessage(tabId, { type: 'backstory:close-note-editor' }, { frameId: 0 });
      return { ok: true };
    } catch {
      return { ok: false };
    }
  },
};

export function forgetEditorOfClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => terms.delete(tabId));
}
