// The requests the content script answers, checked by hand: only this extension's own pages and
// worker can message a content script, and a schema library would double the script's size.
import type { Message } from '../shared/messages';

type Answered = Extract<Message, { type: 'backstory:get-cards' | 'backstory:reveal' | 'backstory:open-note-editor' | 'backstory:toggle' | 'backstory:step' }>;

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;
const isText = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

/** The request, or null for anything else (left to other listeners). */
export function contentRequest(raw: unknown): Answered | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'backstory:get-cards':
      return { type: m.type };
    case 'backstory:reveal':
      if (!isText(m.entityId, 200) || (m.sentence !== undefined && !isCount(m.sentence))) return null;
      return { type: m.type, entityId: m.entityId, sentence: m.sentence as number | undefined };
    case 'backstory:toggle':
      if (m.active !== undefined && typeof m.active !== 'boolean') return null;
      return { type: m.type, active: m.active as boolean | undefined };
    case 'backstory:step':
      return m.direction === 'next' || m.direction === 'previous' ? { type: m.type, direction: m.direction } : null;
    case 'backstory:open-note-editor':
      // The background cuts a selection to 1,000 characters (NOTE_SELECTION_MAX).
      return isText(m.term, 1_000) ? { type: m.type, term: m.term } : null;
    default:
      return null;
  }
}
