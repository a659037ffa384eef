// Every message between the extension's contexts, as one runtime-checked union.
// Receivers call `parseMessage` and drop anything else: other extensions and pages can send us messages.
import * as v from 'valibot';
import type { CardModel, Pack } from '../core/types';
import { NoteMessages } from './note-messages';
import { PackMessages, type PackResponses } from './pack-messages';

const GetPack = v.object({ type: v.literal('backstory:get-pack') });
const PageStatus = v.object({ type: v.literal('backstory:page-status'), entityCount: v.pipe(v.number(), v.integer(), v.minValue(0)) });
const GetCards = v.object({ type: v.literal('backstory:get-cards') });
const Reveal = v.object({
  type: v.literal('backstory:reveal'),
  entityId: v.pipe(v.string(), v.maxLength(200)),
  sentence: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
});
const AnnotateTab = v.object({ type: v.literal('backstory:annotate-tab'), tabId: v.pipe(v.number(), v.integer(), v.minValue(0)) });
/** Background → content script (keyboard command): switch the page's highlights off or back on. */
const Toggle = v.object({ type: v.literal('backstory:toggle'), active: v.optional(v.boolean()) });
/** Background → content script (keyboard command): focus the next/previous mention and open its card. */
const Step = v.object({ type: v.literal('backstory:step'), direction: v.picklist(['next', 'previous']) });

export const MessageSchema = v.variant('type', [GetPack, PageStatus, GetCards, Reveal, AnnotateTab, ...NoteMessages, Toggle, Step, ...PackMessages]);
export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** What each request answers. */
export interface Responses extends PackResponses {
  'backstory:get-pack': { pack: Pack };
  'backstory:page-status': { ok: true };
  /** `ready: false` while the first annotation pass is still running (cards may be incomplete). */
  /** `off: true` when Backstory is switched off on the page (toggle, or a site the reader turned off). */
  'backstory:get-cards': { cards: CardModel[]; title: string; url: string; ready?: boolean; off?: boolean };
  'backstory:reveal': { ok: boolean };
  /** `ok: false` when the editor could not open (Backstory switched off on the page). */
  'backstory:open-note-editor': { ok: boolean };
  'backstory:annotate-tab': { ok: boolean; error?: string };
  /** `active`: whether highlights are shown after the toggle (request `active` sets it instead of flipping). */
  'backstory:toggle': { active: boolean };
  /** `ok: false` when the page has no highlighted mention to go to. */
  'backstory:step': { ok: boolean };
}

export function parseMessage(raw: unknown): Message | null {
  const r = v.safeParse(MessageSchema, raw);
  return r.success ? r.output : null;
}
