// The reader's notes in browser.storage.local (key `notes`). Every write re-reads storage first and
// carries unreadable entries along, so a damaged entry is reported until the reader removes it,
// never lost by an unrelated edit.
import browser from 'webextension-polyfill';
import { NOTES_KEY } from '../core/storage-keys';
import {
  deleteNote,
  editNote,
  exportNotes,
  mergeNotes,
  parseNotesFile,
  readStoredNotes,
  toStored,
  upsertNote,
  type Checked,
  type MergeResult,
  type Note,
  type StoredNotes,
} from '../core/notes';

export { NOTES_KEY };

function idSeed(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export async function loadNotes(): Promise<StoredNotes> {
  const raw = (await browser.storage.local.get(NOTES_KEY))[NOTES_KEY];
  return readStoredNotes(raw);
}

/** Applies an edit to what storage holds now; throws the edit's reason when it is refused. */
async function update<T>(change: (notes: Note[]) => Checked<T>, notesOf: (result: T) => Note[]): Promise<T> {
  const current = await loadNotes();
  const r = change(current.notes);
  if (!r.ok) throw new Error(r.error);
  await browser.storage.local.set({ [NOTES_KEY]: toStored(notesOf(r.value), current.unreadable) });
  return r.value;
}

const same = (notes: Note[]) => notes;

/** Adds a note, or replaces the text of the note on the same term. */
export function saveNote(term: string, text: string): Promise<Note[]> {
  return update((notes) => upsertNote(notes, { term, text }, { now: new Date().toISOString(), idSeed: idSeed() }), same);
}

export function updateNote(id: string, term: string, text: string): Promise<Note[]> {
  return update((notes) => editNote(notes, id, { term, text }, new Date().toISOString()), same);
}

export function removeNote(id: string): Promise<Note[]> {
  return update((notes) => ({ ok: true, value: deleteNote(notes, id) }), same);
}

/** Validates the whole file before anything is written: a broken file changes nothing. */
export function importNotes(fileText: string): Promise<MergeResult> {
  return update((notes) => {
    const parsed = parseNotesFile(fileText);
    return parsed.ok ? mergeNotes(notes, parsed.value, idSeed()) : parsed;
  }, (r) => r.notes);
}

export async function exportAllNotes(): Promise<string> {
  return exportNotes((await loadNotes()).notes, new Date().toISOString());
}

/** Removes the entries that could not be read (the reader asked to, after seeing the notice). */
export async function discardUnreadableNotes(): Promise<void> {
  const current = await loadNotes();
  await browser.storage.local.set({ [NOTES_KEY]: toStored(current.notes) });
}

/** Calls `cb` with what storage holds after every change to the notes, in any context. */
export function onNotesChanged(cb: (stored: StoredNotes) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    if (area !== 'local' || !(NOTES_KEY in changes)) return;
    cb(readStoredNotes(changes[NOTES_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
