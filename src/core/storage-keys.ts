// Every key Backstory keeps in storage.local, declared once. Pure constants, so the content script
// (which must not pull in the stores and their polyfill) and core can read them too.

export const SETTINGS_KEY = 'settings';
export const NOTES_KEY = 'notes';
/** The default sites the reader switched off. */
export const SITES_KEY = 'sites';
/** The list of imported packs (ids, order, which are off). */
export const PACK_INDEX_KEY = 'packs.index';
/** One imported pack per key: this prefix and the pack's id. */
export const PACK_KEY_PREFIX = 'packs.item.';

/** True for the index of imported packs and for each stored pack. */
export function isPackKey(key: string): boolean {
  return key === PACK_INDEX_KEY || key.startsWith(PACK_KEY_PREFIX);
}
