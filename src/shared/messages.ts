// Every message between the extension's contexts, as one runtime-checked union.
// Receivers call `parseMessage` and drop anything else: other extensions and pages can send us messages.
import * as v from 'valibot';
import type { Settings } from '../core/settings';
import type { CardModel } from '../core/types';
import { MemoryMessages, MEMORY_SENDERS, type MemoryResponses } from './memory-messages';
import { NoteMessages, NOTE_SENDERS, type NoteResponses } from './note-messages';
import { PackMessages, PACK_SENDERS, type PackResponses } from './pack-messages';
import type { SenderKind } from './senders';

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
/** Background → content scripts: storage changed. `settings`: ask page-config again; `analysis`
 *  (notes, packs): analyse the page again. (Content scripts cannot read storage themselves.) */
const Changed = v.object({ type: v.literal('backstory:changed'), what: v.picklist(['settings', 'analysis']) });
export type ChangedWhat = v.InferOutput<typeof Changed>['what'];
/** Background → content script (keyboard command): focus the next/previous mention and open its card. */
const Step = v.object({ type: v.literal('backstory:step'), direction: v.picklist(['next', 'previous']) });

/** A page is at most this much text in all (a whole book is ~1M characters). */
export const MAX_PAGE_CHARS = 20_000_000;
const RunSchema = v.object({ text: v.string(), kind: v.picklist(['heading', 'caption', 'body']) });
/** Content script → background: the page's runs of text, to be matched and turned into cards there
 *  (the content script stays small and the page's main thread stays free). `pass` names one
 *  annotation pass of one page; later calls of the pass send only what changed: `removed` indices
 *  (of the runs the session holds, dropped first) and `added` runs (appended). `base` is how many
 *  runs the sender believes the session holds, so a restarted worker asks for everything again. */
export const AnalyzeRequestSchema = v.object({
  pass: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  base: v.pipe(v.number(), v.integer(), v.minValue(0)),
  removed: v.array(v.pipe(v.number(), v.integer(), v.minValue(0))),
  added: v.pipe(
    v.array(RunSchema),
    v.check((runs) => runs.reduce((n, r) => n + r.text.length, 0) <= MAX_PAGE_CHARS, 'the page text is too long'),
  ),
  pageDate: v.optional(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** More runs of this update follow in further messages: keep these, answer `stored`. A big page
   *  goes in pieces so that no single message holds the page's main thread for long. */
  more: v.optional(v.boolean()),
  /** What the page says about itself, for the reading memory (sent with an update's first piece).
   *  The page's own URL is never taken from here: the background reads it from the sender. */
  page: v.optional(
    v.object({
      canonical: v.optional(v.pipe(v.string(), v.maxLength(2048))),
      ogUrl: v.optional(v.pipe(v.string(), v.maxLength(2048))),
      siteName: v.optional(v.pipe(v.string(), v.maxLength(300))),
      title: v.optional(v.pipe(v.string(), v.maxLength(1000))),
    }),
  ),
});
export type AnalyzeRequest = v.InferOutput<typeof AnalyzeRequestSchema>;
/** The request travels as it is; its reply as one JSON string (`json`). Chromium turns a
 *  structured message into page objects value by value as it arrives, before any script runs: for
 *  a reply with thousands of small arrays that was one 75–180 ms task on the page's main thread,
 *  while one string arrives at once and JSON.parse takes a few milliseconds. The request is a few
 *  dozen runs: Chromium serialises it as JSON itself, and a JSON string of it was only a second
 *  copy of the page's text (3.4 MB per pass on the dense bench page). */
const Analyze = v.object({ type: v.literal('backstory:analyze'), request: AnalyzeRequestSchema });

/** Content script → background: what the page needs before its first pass. The page's address is
 *  the one the browser gives as the sender's, never one the message names. */
const PageConfig = v.object({ type: v.literal('backstory:page-config') });

export const MessageSchema = v.variant('type', [PageStatus, GetCards, Reveal, AnnotateTab, ...NoteMessages, Toggle, Step, Changed, ...PackMessages, Analyze, PageConfig, ...MemoryMessages]);
export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** One run's highlights to wrap, three numbers each: start and end in the run's text, and the
 *  index of the entity's id in the reply's `ids`. Flat, because the content script keeps them for
 *  as long as the page is annotated: on the dense bench page, tuples with their own id strings were
 *  36,000 objects of the page's heap, for its garbage collector to trace in every major collection. */
export type WireHits = number[];

/** What `backstory:analyze` answers: hits for the `added` runs only (earlier runs are wrapped
 *  already), every card of the page, and where each sentence a card cites sits (run, start, end). */
export interface AnalyzeReply {
  hits: WireHits[];
  /** The entity ids the hits refer to. */
  ids: string[];
  cards: CardModel[];
  spans: Record<number, [run: number, start: number, end: number]>;
}

/** `resync: true` when the background no longer holds the pass (worker restarted): send every run again. */
export type AnalyzeResult = AnalyzeReply | { resync: true } | { stored: true };

/** What each request answers. */
export interface Responses extends PackResponses, NoteResponses, MemoryResponses {
  'backstory:page-status': { ok: true };
  /** `ready: false` while the page's annotation pass is still running (cards may be incomplete);
   *  `off: true` when Backstory is switched off on the page (toggle, or a site the reader turned off). */
  'backstory:get-cards': { cards: CardModel[]; title: string; url: string; ready: boolean; off?: boolean };
  'backstory:reveal': { ok: boolean };
  'backstory:annotate-tab': { ok: boolean; error?: string };
  /** `active`: whether highlights are shown after the toggle (request `active` sets it instead of flipping). */
  'backstory:toggle': { active: boolean };
  /** `ok: false` when the page has no highlighted mention to go to. */
  'backstory:step': { ok: boolean };
  'backstory:changed': { ok: true };
  /** `json` is an AnalyzeResult. */
  'backstory:analyze': { json: string };
  'backstory:page-config': { settings: Settings; siteOff: boolean };
}

/** Who may send each message the background answers (see senders.ts). A message missing here is
 *  not the background's to answer: it goes to content scripts, and the hub drops it. */
export const SENDERS = {
  'backstory:analyze': 'page',
  'backstory:page-config': 'page',
  'backstory:page-status': 'page',
  'backstory:annotate-tab': 'extension',
  ...PACK_SENDERS,
  ...NOTE_SENDERS,
  ...MEMORY_SENDERS,
} as const satisfies Partial<Record<Message['type'], SenderKind>>;

export function parseMessage(raw: unknown): Message | null {
  const r = v.safeParse(MessageSchema, raw);
  return r.success ? r.output : null;
}
