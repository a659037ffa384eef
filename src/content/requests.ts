// The requests the content script answers, checked by hand: only this extension's own pages and
// worker can message a content script, and a schema library would double the script's size.
import type { Message } from '../shared/messages';

type Answered = Extract<Message, { type: 'backstory:get-cards' | 'backstory:reveal' | 'backstory:open-note-editor' | 'backstory:close-note-editor' | 'backstory:toggle' | 'backstory:step' | 'backstory:changed' }>;

const str = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
const optional = (x: unknown, test: (x: unknown) => boolean) => x === undefined || test(x);

/** Which fields each request must have right; anything else is left to other listeners. */
const VALID: Record<Answered['type'], (m: Record<string, unknown>) => boolean> = {
  'backstory:get-cards': () => true,
  'backstory:reveal': (m) => str(m.entityId, 200) && optional(m.sentence, (s) => Number.isInteger(s) && (s as number) >= 0),
  'backstory:toggle': (m) => optional(m.active, (a) => typeof a === 'boolean'),
  'backstory:step': (m) => m.direction === 'next' || m.direction === 'previous',
  // The background cuts a selection to 1,000 characters (NOTE_SELECTION_MAX).
  'backstory:open-note-editor': (m) => str(m.term, 1_000),
  'backstory:close-note-editor': () => true,
  'backstory:changed': (m) => m.what === 'settings' || m.what === 'analysis',
};

/** The request, or null for anything else. */
export function contentRequest(raw: unknown): Answered | null {
  const m = raw as Record<string, unknown> | null;
  const valid = typeof m === 'object' && m !== null && Object.hasOwn(VALID, m.type as string) ? VALID[m.type as Answered['type']] : undefined;
  return valid?.(m!) ? (m as Answered) : null;
}
