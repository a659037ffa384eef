// Every message between the extension's contexts, as one runtime-checked union.
// Receivers call `parseMessage` and drop anything else: other extensions and pages can send us messages.
import * as v from 'valibot';
import type { CardModel, Pack } from '../core/types';
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
const Toggle = v.object({ type: v.literal('backstory:toggle') });

export const MessageSchema = v.variant('type', [GetPack, PageStatus, GetCards, Reveal, AnnotateTab, Toggle, ...PackMessages]);
export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** What each request answers. */
export interface Responses extends PackResponses {
  'backstory:get-pack': { pack: Pack };
  'backstory:page-status': { ok: true };
  /** `ready: false` while the first annotation pass is still running (cards may be incomplete). */
  'backstory:get-cards': { cards: CardModel[]; title: string; url: string; ready?: boolean };
  'backstory:reveal': { ok: boolean };
  'backstory:annotate-tab': { ok: boolean; error?: string };
  /** `active`: whether highlights are shown after the toggle. */
  'backstory:toggle': { active: boolean };
}

export function parseMessage(raw: unknown): Message | null {
  const r = v.safeParse(MessageSchema, raw);
  return r.success ? r.output : null;
}
