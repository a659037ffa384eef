// Messages the options page sends the background to manage knowledge packs (joined into the one
// union in messages.ts). Imports carry the file's text; the background validates it.
import * as v from 'valibot';
import { MAX_PACK_BYTES } from '../core/pack/limits';
import type { ChangeResult, ExportResult, ImportResult, PackList } from '../core/pack/library';
import type { SenderKind } from './senders';

/** Pack ids are at most 80 characters; a little slack so an odd id gets the store's clear refusal. */
const PackId = v.pipe(v.string(), v.maxLength(200));

export const PackMessages = [
  v.object({ type: v.literal('backstory:list-packs') }),
  // One character is at least one UTF-8 byte, so any text over this is over the byte limit too;
  // the options page checks the file's size before reading it and says so.
  v.object({ type: v.literal('backstory:import-pack'), text: v.pipe(v.string(), v.maxLength(MAX_PACK_BYTES)) }),
  v.object({ type: v.literal('backstory:export-pack'), id: PackId }),
  v.object({ type: v.literal('backstory:set-pack-enabled'), id: PackId, enabled: v.boolean() }),
  v.object({ type: v.literal('backstory:remove-pack'), id: PackId }),
] as const;

export interface PackResponses {
  'backstory:list-packs': PackList;
  'backstory:import-pack': ImportResult;
  'backstory:export-pack': ExportResult;
  'backstory:set-pack-enabled': ChangeResult;
  'backstory:remove-pack': ChangeResult;
}

/** The reader manages packs on the options page: no content script may. */
export const PACK_SENDERS = {
  'backstory:list-packs': 'extension',
  'backstory:import-pack': 'extension',
  'backstory:export-pack': 'extension',
  'backstory:set-pack-enabled': 'extension',
  'backstory:remove-pack': 'extension',
} as const satisfies Record<string, SenderKind>;
