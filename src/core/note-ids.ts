// Entities the reader made: a note on a term no pack knows becomes an entity with this id prefix.
// Kept apart from notes-pack.ts so the content script can tell such ids without its matcher code.
export const NOTE_ENTITY_PREFIX = 'note-';

export function isNoteEntityId(id: string): boolean {
  return id.startsWith(NOTE_ENTITY_PREFIX);
}
