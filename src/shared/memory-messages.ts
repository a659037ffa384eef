// Messages for the reading memory (joined into the one union in messages.ts). Each says who may
// send it: 'page' = a tab's content script, 'extension' = the popup or the options page. A page
// asks only for the entities its card shows; the whole memory never goes to a page.
import * as v from 'valibot';
import type { EarlierItem } from '../core/memory/earlier';
import type { SenderKind } from './senders';

/** Import files are at most this many characters (the store's cap is ~50 MB). */
export const MAX_MEMORY_FILE_CHARS = 64 * 1024 * 1024;
/** A card or a popup asks for at most this many entities at once. */
export const MAX_EARLIER_ENTITIES = 200;

const Wanted = v.pipe(
  v.array(v.object({ id: v.pipe(v.string(), v.maxLength(200)), name: v.pipe(v.string(), v.maxLength(300)), pageOnly: v.boolean() })),
  v.maxLength(MAX_EARLIER_ENTITIES),
);
const TabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const PageUrl = v.pipe(v.string(), v.maxLength(8192));

export const MemoryMessages = [
  /** page: earlier-reading items for the entities of the card being opened (the page is the tab's URL). */
  v.object({ type: v.literal('backstory:memory-earlier'), entities: Wanted }),
  /** extension (popup): the same for the cards of tab `tabId`. `url` is the page's address as its
   *  content script reported it to the popup, used when the browser does not tell the worker the
   *  tab's URL (no "tabs" permission); only extension pages may send it. */
  v.object({ type: v.literal('backstory:memory-earlier-tab'), tabId: TabId, url: v.optional(PageUrl), entities: Wanted }),
  /** extension (options, popup): whether the memory is on, why not, and how big it is. */
  v.object({ type: v.literal('backstory:memory-status') }),
  /** extension: forget the article open in `tabId`, a site, or everything. */
  v.object({
    type: v.literal('backstory:memory-forget'),
    scope: v.picklist(['article', 'site', 'all']),
    tabId: v.optional(TabId),
    url: v.optional(PageUrl),
    site: v.optional(v.pipe(v.string(), v.maxLength(300))),
  }),
  /** extension (options): the whole memory as one JSON file. */
  v.object({ type: v.literal('backstory:memory-export') }),
  /** extension (options): a file to import, validated whole by the background. */
  v.object({ type: v.literal('backstory:memory-import'), text: v.pipe(v.string(), v.maxLength(MAX_MEMORY_FILE_CHARS)) }),
] as const;

export interface MemoryStats {
  articles: number;
  entities: number;
  /** Size of the stored facts (JSON characters, about bytes). */
  bytes: number;
}

export interface MemoryStatus {
  /** Whether new articles are remembered now. */
  on: boolean;
  /** Why not, when it is off ('setting', or the storage problem in words). */
  reason?: string;
  /** The database opened (the counts are real). */
  available: boolean;
  stats?: MemoryStats;
  /** Whether the browser granted persistent storage (undefined: not asked or not supported). */
  persisted?: boolean;
  /** The last write that failed, and why (a full disk, a quota). */
  lastError?: string;
  /** Lookups of earlier reading that failed with the memory open (the cards went without). */
  lookupErrors?: LookupErrors;
}

export interface LookupErrors {
  count: number;
  /** The last failure's reason. */
  last: string;
  /** When it happened (ms since the epoch). */
  at: number;
}

export interface MemoryResponses {
  'backstory:memory-earlier': { items: Record<string, EarlierItem[]> };
  /** `ms`: the background's own time for the lookup, from the message's arrival to its answer (what
   *  the bench holds to its budget, apart from the message round trip). */
  'backstory:memory-earlier-tab': { items: Record<string, EarlierItem[]>; ms?: number };
  'backstory:memory-status': MemoryStatus;
  'backstory:memory-forget': { ok: boolean; removed: number; error?: string };
  'backstory:memory-export': { ok: true; json: string } | { ok: false; error: string };
  'backstory:memory-import': { ok: true; count: number } | { ok: false; error: string };
}

/** Who may send each memory message: a page asks only for what its open card shows. */
export const MEMORY_SENDERS = {
  'backstory:memory-earlier': 'page',
  'backstory:memory-earlier-tab': 'extension',
  'backstory:memory-status': 'extension',
  'backstory:memory-forget': 'extension',
  'backstory:memory-export': 'extension',
  'backstory:memory-import': 'extension',
} as const satisfies Record<string, SenderKind>;
