// The analysis of every open page, kept in the background: the content script sends its runs of
// text once (then only what changed) and gets back the hits to wrap and the cards. The other end
// of this protocol is src/content/analysis-client.ts. No browser.* here, so jsdom tests and the
// bench drive the very code the worker runs.
import { AnalysisMemo, analyzeArticle } from '../../core/analyze';
import { findPageEntities } from '../../core/article/page-entities';
import { compileMatcher } from '../../core/match/index';
import { applyNotes, type NotesApplied } from '../../core/notes-pack';
import type { Note } from '../../core/notes';
import type { Settings } from '../../core/settings';
import type { CardModel, Hit, Pack, RunText } from '../../core/types';
import type { AnalyzeReply, AnalyzeRequest, AnalyzeResult, WireHits } from '../../shared/messages';

export interface AnalysisInputs {
  pack: Pack;
  notes: readonly Note[];
  settings: Pick<Settings, 'firstMentionOnly' | 'types'>;
}

interface Session {
  runs: RunText[];
  /** Characters of text the runs hold (what the memory cap counts). */
  chars: number;
  pageDate?: string;
  /** What the page says about itself (canonical link, site name, title), for the reading memory. */
  page?: AnalyzeRequest['page'];
  /** Per-run and per-sentence results: an update re-reads only the runs it adds. */
  memo: AnalysisMemo;
  /** Where the runs of an update sent in several messages start (until its last message). */
  pendingFrom?: number;
}

/** Open pages are few; a page left open for days is simply analysed again if it asks. */
const DEFAULT_CAPACITY = 32;
/** Text held across all sessions. One page may hold up to MAX_PAGE_CHARS (20 M); without a total
 *  cap 32 such pages would keep over a gigabyte in the worker. The page being analysed is never
 *  the one evicted, so a page at the limit still works; older pages make room for it. */
export const DEFAULT_MAX_CHARS = 24_000_000;

const charsOf = (runs: readonly RunText[]): number => runs.reduce((n, r) => n + r.text.length, 0);

export interface SessionLimits {
  /** Sessions kept at most. */
  count?: number;
  /** Characters of page text kept at most, over all sessions. */
  chars?: number;
}

export class PageSessions {
  /** Insertion order is recency: a used session is moved to the end. */
  private readonly sessions = new Map<string, Session>();
  private noted: { pack: Pack; notesKey: string; applied: NotesApplied } | null = null;

  private readonly capacity: number;
  private readonly maxChars: number;
  private held = 0;

  constructor(limits: SessionLimits = {}) {
    this.capacity = limits.count ?? DEFAULT_CAPACITY;
    this.maxChars = limits.chars ?? DEFAULT_MAX_CHARS;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Characters of page text held over all sessions. */
  get heldChars(): number {
    return this.held;
  }

  /** One message of an update, answered at once: `receive`, then `answer` when it was the last. */
  analyze(scope: string, req: AnalyzeRequest, inputs: AnalysisInputs): AnalyzeResult {
    return this.receive(scope, req) ?? this.answer(scope, req.pass, inputs);
  }

  /** Applies one message of an update to its session. Null when the update is complete and
   *  `answer` should reply; otherwise the reply itself (`stored`, or `resync`). Needs no pack,
   *  notes or settings, so the pieces of a big page cost the worker no storage reads.
   *  `scope` is the tab and frame: a new pass there replaces the older ones. */
  receive(scope: string, req: AnalyzeRequest): { resync: true } | { stored: true } | null {
    const key = `${scope}#${req.pass}`;
    let session = this.sessions.get(key);
    if (req.base === 0) {
      this.dropScope(scope);
      session = { runs: [], chars: 0, memo: new AnalysisMemo() };
    } else if (!session || session.runs.length !== req.base) {
      return { resync: true };
    }
    // Most recently used last (the map keeps insertion order): eviction takes the oldest first.
    this.sessions.delete(key);
    this.sessions.set(key, session);

    const before = session.chars;
    if (req.removed.length > 0) {
      const gone = new Set(req.removed);
      session.chars -= charsOf(session.runs.filter((_, i) => gone.has(i)));
      session.runs = session.runs.filter((_, i) => !gone.has(i));
    }
    session.pendingFrom ??= session.runs.length;
    for (const r of req.added) session.runs.push({ text: r.text, kind: r.kind });
    session.chars += charsOf(req.added);
    this.held += session.chars - before;
    if (req.pageDate) session.pageDate = req.pageDate;
    this.evict(key);
    if (req.page) session.page = req.page;
    return req.more ? { stored: true } : null;
  }

  /** The analysis of a complete update: hits for every run it added, and all the page's cards. */
  answer(scope: string, pass: string, inputs: AnalysisInputs): AnalyzeReply | { resync: true } {
    const session = this.sessions.get(`${scope}#${pass}`);
    // A newer pass of the same page replaced this one while the inputs were being read.
    if (!session || session.pendingFrom === undefined) return { resync: true };
    const first = session.pendingFrom;
    session.pendingFrom = undefined;
    return this.reply(session, first, inputs);
  }

  /** The page's own metadata and date as its pass last sent them. */
  pageOf(scope: string, pass: string): { page?: AnalyzeRequest['page']; pageDate?: string } {
    const s = this.sessions.get(`${scope}#${pass}`);
    return { page: s?.page, pageDate: s?.pageDate };
  }

  /** Builds what every page needs (the pack's matcher, its name index) ahead of the first analyze:
   *  a worker started for a page's first message would otherwise build them while the page waits. */
  warm(inputs: AnalysisInputs): void {
    const entities = this.withNotes(inputs.pack, inputs.notes).pack.entities;
    compileMatcher(entities);
    findPageEntities([], [], entities);
  }

  /** Forgets every pass of a tab (closed) or of one frame of it (`scope` prefix). */
  dropScope(scope: string): void {
    for (const key of [...this.sessions.keys()]) if (key === scope || key.startsWith(`${scope}#`) || key.startsWith(`${scope}:`)) this.delete(key);
  }

  private delete(key: string): void {
    const session = this.sessions.get(key);
    if (!session) return;
    this.held -= session.chars;
    this.sessions.delete(key);
  }

  /** Least recently used sessions go first, until both limits hold; `keep` (in use) stays. */
  private evict(keep: string): void {
    for (const key of [...this.sessions.keys()]) {
      if (this.sessions.size <= this.capacity && this.held <= this.maxChars) return;
      if (key !== keep) this.delete(key);
    }
  }

  private withNotes(pack: Pack, notes: readonly Note[]): NotesApplied {
    const notesKey = JSON.stringify(notes.map((n) => [n.term, n.text]));
    if (this.noted?.pack !== pack || this.noted.notesKey !== notesKey) this.noted = { pack, notesKey, applied: applyNotes(pack, notes) };
    return this.noted.applied;
  }

  private reply(session: Session, first: number, inputs: AnalysisInputs): AnalyzeReply {
    const noted = this.withNotes(inputs.pack, inputs.notes);
    const analysis = analyzeArticle(session.runs, noted.pack, {
      firstMentionOnly: inputs.settings.firstMentionOnly,
      types: inputs.settings.types,
      pageDate: session.pageDate,
      notes: noted.notes,
    }, session.memo);
    const shown = new Set(analysis.cards.map((c) => c.id));
    // Shown iff resolved, not hidden (first mention only, a type the reader hid) and on a card.
    const accept = (h: Hit): h is Hit & { entityId: string } => h.entityId !== null && h.hidden !== true && shown.has(h.entityId);
    const ids: string[] = [];
    const idIndex = new Map<string, number>();
    const indexOf = (id: string): number => {
      let k = idIndex.get(id);
      if (k === undefined) idIndex.set(id, (k = ids.push(id) - 1));
      return k;
    };
    const hits: WireHits[] = [];
    for (let i = first; i < session.runs.length; i++) {
      hits.push((analysis.hits[i] ?? []).filter(accept).flatMap((h) => [h.start, h.end, indexOf(h.entityId)]));
    }
    const spans: AnalyzeReply['spans'] = {};
    for (const index of citedSentences(analysis.cards)) {
      const s = analysis.sentences[index];
      if (s) spans[index] = [s.run, s.start, s.end];
    }
    return { hits, ids, cards: analysis.cards, spans };
  }
}

/** Every sentence index a card links to (roles, statements, definition, mentions). */
function citedSentences(cards: readonly CardModel[]): Set<number> {
  const out = new Set<number>();
  for (const c of cards) {
    const a = c.fromArticle;
    for (const x of a.roles) out.add(x.sentence);
    for (const x of a.statements) out.add(x.sentence);
    for (const x of a.sentences) out.add(x.sentence);
    if (a.definition) out.add(a.definition.sentence);
  }
  return out;
}
