// The reader's notes (pure): schema, limits, edits, storage reading, export and import with merge.
// Notes are the reader's own words, so nothing here may lose one quietly: a stored entry that
// cannot be read is handed back as unreadable (to be kept and reported), never dropped.
import * as v from 'valibot';
import { foldKey } from './match/fold';

export const NOTE_TERM_MAX = 120;
export const NOTE_TEXT_MAX = 2_000;
export const NOTES_MAX = 1_000;
/** Largest import file accepted, in characters: far above NOTES_MAX full notes' worth of JSON. */
export const NOTES_IMPORT_MAX_CHARS = 4 * 1024 * 1024;
export const NOTES_FORMAT = 'backstory-notes';
export const NOTES_VERSION = 1;

export interface Note {
  id: string;
  term: string;
  text: string;
  /** ISO date-time. */
  created: string;
  /** ISO date-time. */
  updated: string;
}

export interface NoteDraft {
  term: string;
  text: string;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Collapses runs of whitespace so "Kim  Jong Un\n" and "Kim Jong Un" are one term. */
export function cleanTerm(term: string): string {
  return term.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

const TermField = v.pipe(
  v.string('the term must be text'),
  v.transform(cleanTerm),
  v.minLength(1, 'the term is empty'),
  v.maxLength(NOTE_TERM_MAX, `the term is longer than ${NOTE_TERM_MAX} characters`),
  v.regex(/[\p{L}\p{N}]/u, 'the term needs at least one letter or digit'),
  v.check((s) => !/[<>]/.test(s), 'the term may not contain < or >'),
);
const TextField = v.pipe(
  v.string('the note must be text'),
  v.transform((s) => s.replace(/\r\n?/g, '\n').trim()),
  v.minLength(1, 'the note is empty'),
  v.maxLength(NOTE_TEXT_MAX, `the note is longer than ${NOTE_TEXT_MAX} characters`),
);
const DateField = v.pipe(v.string(), v.regex(ISO_DATE_TIME, 'the date is not an ISO date-time'));

export const NoteDraftSchema = v.object({ term: TermField, text: TextField });
export const NoteSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'the id is not a short lowercase id')),
  term: TermField,
  text: TextField,
  created: DateField,
  updated: DateField,
});

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** The first problem; `withPath` names the field (for files), a form's messages name it already. */
function firstIssue(issues: readonly v.BaseIssue<unknown>[], withPath = true): string {
  const issue = issues[0];
  if (!issue) return 'invalid';
  const path = withPath ? issue.path?.map((p) => String(p.key)).join('.') : undefined;
  return path ? `${path}: ${issue.message}` : issue.message;
}

export function checkDraft(draft: unknown): Checked<NoteDraft> {
  const r = v.safeParse(NoteDraftSchema, draft);
  return r.success ? { ok: true, value: r.output } : { ok: false, error: firstIssue(r.issues, false) };
}

export function checkNote(raw: unknown): Checked<Note> {
  const r = v.safeParse(NoteSchema, raw);
  return r.success ? { ok: true, value: r.output } : { ok: false, error: firstIssue(r.issues) };
}

/** Two terms are the same note when they fold alike (case, accents, hyphens, spacing). */
export function termKey(term: string): string {
  return foldKey(cleanTerm(term));
}

export function findByTerm(notes: readonly Note[], term: string): Note | undefined {
  const key = termKey(term);
  return notes.find((n) => termKey(n.term) === key);
}

/** A fresh id unlike any in `taken`; `seed` (e.g. a timestamp plus randomness) keeps ids distinct across contexts. */
export function newNoteId(seed: string, taken: ReadonlySet<string>): string {
  const base = `n${seed.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 40) || '0'}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

export interface EditContext {
  now: string;
  idSeed: string;
}

/** Adds a note, or replaces the text of the note already kept for the same term. */
export function upsertNote(notes: readonly Note[], draft: unknown, ctx: EditContext): Checked<Note[]> {
  const d = checkDraft(draft);
  if (!d.ok) return d;
  const existing = findByTerm(notes, d.value.term);
  if (existing) return { ok: true, value: notes.map((n) => (n === existing ? { ...n, term: d.value.term, text: d.value.text, updated: ctx.now } : n)) };
  if (notes.length >= NOTES_MAX) return { ok: false, error: `there are already ${NOTES_MAX} notes, the most Backstory keeps` };
  const id = newNoteId(ctx.idSeed, new Set(notes.map((n) => n.id)));
  return { ok: true, value: [...notes, { id, term: d.value.term, text: d.value.text, created: ctx.now, updated: ctx.now }] };
}

/** Changes one note's term and text; refuses a term another note already has. */
export function editNote(notes: readonly Note[], id: string, draft: unknown, now: string): Checked<Note[]> {
  const d = checkDraft(draft);
  if (!d.ok) return d;
  if (!notes.some((n) => n.id === id)) return { ok: false, error: 'that note no longer exists' };
  const clash = findByTerm(notes, d.value.term);
  if (clash && clash.id !== id) return { ok: false, error: `there is already a note for “${clash.term}”` };
  return { ok: true, value: notes.map((n) => (n.id === id ? { ...n, term: d.value.term, text: d.value.text, updated: now } : n)) };
}

export function deleteNote(notes: readonly Note[], id: string): Note[] {
  return notes.filter((n) => n.id !== id);
}

/** What storage held, split into notes that can be used and entries that cannot. */
export interface StoredNotes {
  notes: Note[];
  /** Raw entries that failed validation, kept as they were so a later write does not lose them. */
  unreadable: unknown[];
  /** Why each unreadable entry failed (same order). */
  problems: string[];
}

/** Storage holds `{ version, notes: [...] }`; anything else is kept whole as one unreadable entry. */
export function readStoredNotes(raw: unknown): StoredNotes {
  const out: StoredNotes = { notes: [], unreadable: [], problems: [] };
  if (raw === undefined || raw === null) return out;
  const list = typeof raw === 'object' && !Array.isArray(raw) ? (raw as { notes?: unknown }).notes : undefined;
  if (!Array.isArray(list)) {
    out.unreadable.push(raw);
    out.problems.push('the stored notes are not a list');
    return out;
  }
  const seen = new Set<string>();
  list.forEach((entry, i) => {
    const r = checkNote(entry);
    const key = r.ok ? termKey(r.value.term) : '';
    if (r.ok && !seen.has(key) && !out.notes.some((n) => n.id === r.value.id)) {
      seen.add(key);
      out.notes.push(r.value);
      return;
    }
    out.unreadable.push(entry);
    out.problems.push(`entry ${i + 1}: ${r.ok ? 'repeats the term or id of an earlier note' : r.error}`);
  });
  return out;
}

/** The record written to storage: usable notes first, unreadable entries carried along untouched. */
export function toStored(notes: readonly Note[], unreadable: readonly unknown[] = []): { version: number; notes: unknown[] } {
  return { version: NOTES_VERSION, notes: [...notes, ...unreadable] };
}

export function exportNotes(notes: readonly Note[], exported: string): string {
  return `${JSON.stringify({ format: NOTES_FORMAT, version: NOTES_VERSION, exported, notes }, null, 2)}\n`;
}

/** Reads an export file. A file with any bad entry is refused whole, so an import never half-happens. */
export function parseNotesFile(text: string): Checked<Note[]> {
  if (text.length > NOTES_IMPORT_MAX_CHARS) return { ok: false, error: 'the file is too large to be a notes export' };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, error: `the file is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const record = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!record || record.format !== NOTES_FORMAT || !Array.isArray(record.notes)) {
    return { ok: false, error: 'the file is not a Backstory notes export' };
  }
  if (typeof record.version !== 'number' || record.version > NOTES_VERSION) {
    return { ok: false, error: 'the file comes from a newer version of Backstory' };
  }
  if (record.notes.length > NOTES_MAX) return { ok: false, error: `the file holds more than ${NOTES_MAX} notes` };
  const notes: Note[] = [];
  for (const [i, entry] of record.notes.entries()) {
    const r = checkNote(entry);
    if (!r.ok) return { ok: false, error: `note ${i + 1}: ${r.error}` };
    notes.push(r.value);
  }
  return { ok: true, value: notes };
}

export interface MergeResult {
  notes: Note[];
  added: number;
  updated: number;
  /** Same term already kept with the same text, or with a newer edit than the file's. */
  unchanged: number;
}

/** Merges by term: new terms are added; for a known term the more recently edited text wins. */
export function mergeNotes(existing: readonly Note[], incoming: readonly Note[], idSeed: string): Checked<MergeResult> {
  const notes = [...existing];
  const ids = new Set(notes.map((n) => n.id));
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const note of incoming) {
    const at = notes.findIndex((n) => termKey(n.term) === termKey(note.term));
    const current = at >= 0 ? notes[at] : undefined;
    if (current) {
      if (current.text === note.text || Date.parse(current.updated) >= Date.parse(note.updated)) unchanged++;
      else {
        notes[at] = { ...current, term: note.term, text: note.text, updated: note.updated };
        updated++;
      }
      continue;
    }
    const id = ids.has(note.id) ? newNoteId(`${idSeed}${added}`, ids) : note.id;
    ids.add(id);
    notes.push({ ...note, id });
    added++;
  }
  if (notes.length > NOTES_MAX) return { ok: false, error: `importing would make more than ${NOTES_MAX} notes` };
  return { ok: true, value: { notes, added, updated, unchanged } };
}
