// The content script's end of the sync protocol whose other end is
// src/background/analysis/page-sessions.ts: the background keeps a session of the page's runs per
// pass; each update says how many runs the sender believes it holds (`base`), which of them are
// gone (`removed`, indices) and which are new (`added`, appended), in pieces of about CHUNK_CHARS
// (`more` on all but the last, each answered `stored`). A worker that restarted and lost the
// session answers `resync`, and the whole page goes again. No DOM and no browser.* here: runs are
// anything with a text and a kind, and `analyze` is injected.
import type { RunText } from '../core/types';
import type { AnalyzeReply, AnalyzeRequest, AnalyzeResult } from '../shared/messages';

/** Sends one message of an update; the extension sends it to the background, tests call it directly. */
export type PageAnalyzer = (req: AnalyzeRequest) => Promise<AnalyzeResult>;

/** Text per analyze message: a 1 MB page in one message held the page's main thread for ~100 ms
 *  (serialising and posting it); 30 K characters take a few. Below 64 K for the page's garbage
 *  collector: a piece's JSON, and Chromium's copy of it as it posts the message, are strings of
 *  two bytes a character on most news pages (curly quotes, dashes), and a string over 128 KB is
 *  made in the old generation at once. With 64 K pieces, 3 of 6 traced warm passes on the dense
 *  bench page had a major collection (22-63 ms) inside one of their frames; at 30 K the pieces
 *  die young, and 1 of 9 had one (23 ms, no frame over 50 ms). */
export const CHUNK_CHARS = 30_000;

/** What one sync brought: the runs it added and their hits; the page's cards and the cited
 *  sentences' places (`spans` indices refer to `runs`), or no `cards` when nothing had changed. */
export interface Synced<R> {
  added: R[];
  hits: AnalyzeReply['hits'];
  ids: AnalyzeReply['ids'];
  cards?: AnalyzeReply['cards'];
  spans?: AnalyzeReply['spans'];
  runs?: R[];
}

/** What the page says about itself: its date, and its address, title and outlet for the memory. */
export interface PageAbout {
  pageDate?: string;
  page?: AnalyzeRequest['page'];
}

let passCounter = 0;
const newPassId = () => `${Date.now().toString(36)}-${++passCounter}`;

export class AnalysisClient<R extends RunText> {
  /** The runs the background's session holds, in its order (what reply indices refer to). */
  private sent: R[] = [];
  private pass = newPassId();

  constructor(
    private readonly analyze: PageAnalyzer,
    private readonly chunkChars = CHUNK_CHARS,
  ) {}

  /** Starts a new session: the next sync sends every run, and the background drops the old pass. */
  newPass(): void {
    this.pass = newPassId();
    this.sent = [];
  }

  /** Sends the background what changed since the last reply (runs no longer in `runs`, runs not
   *  sent yet) and takes the new cards. Null when `current()` turned false on the way (a newer
   *  pass replaced this one) or the background broke the protocol. */
  async sync(runs: readonly R[], about: PageAbout, current: () => boolean = () => true): Promise<Synced<R> | null> {
    const now = new Set(runs);
    const removed: number[] = [];
    this.sent.forEach((run, i) => {
      if (!now.has(run)) removed.push(i);
    });
    const kept = new Set(this.sent);
    const added = runs.filter((r) => !kept.has(r));
    if (removed.length === 0 && added.length === 0 && this.sent.length > 0) return { added, hits: [], ids: [] };
    const snapshot = runs.slice();
    const pass = this.pass;
    const live = () => current() && pass === this.pass;
    let reply = await this.send(live, this.sent.length, removed, added, about);
    if (reply === null) return null;
    let hits: AnalyzeReply['hits'];
    if ('resync' in reply) {
      // The worker restarted and lost the session: send the whole page again; only the runs
      // added in this update take the hits (the others are wrapped already).
      reply = await this.send(live, 0, [], snapshot, about);
      if (reply === null || 'resync' in reply) return null;
      const all = reply.hits;
      const at = new Map(snapshot.map((run, i) => [run, i]));
      hits = added.map((run) => all[at.get(run)!] ?? []);
    } else {
      hits = reply.hits;
    }
    this.sent = snapshot;
    return { added, hits, ids: reply.ids, cards: reply.cards, spans: reply.spans, runs: snapshot };
  }

  /** Sends one update in pieces of about `chunkChars` of text, each its own message (and task). */
  private async send(live: () => boolean, base: number, removed: number[], added: readonly R[], about: PageAbout): Promise<AnalyzeReply | { resync: true } | null> {
    let held = base;
    let from = 0;
    do {
      let to = from;
      for (let chars = 0; to < added.length && (to === from || chars + added[to]!.text.length <= this.chunkChars); to++) chars += added[to]!.text.length;
      const more = to < added.length;
      const piece = added.slice(from, to).map((r) => ({ text: r.text, kind: r.kind }));
      // What the page says about itself goes with the last piece, when the background files the article.
      const page = more ? undefined : about.page;
      const res = await this.analyze({
        pass: this.pass,
        base: held,
        removed: from === 0 ? removed : [],
        added: piece,
        ...(about.pageDate ? { pageDate: about.pageDate } : {}),
        ...(more ? { more } : {}),
        ...(page ? { page } : {}),
      });
      if (!live()) return null;
      if ('resync' in res || !('stored' in res)) return res;
      held += piece.length - (from === 0 ? removed.length : 0);
      from = to;
    } while (from < added.length);
    return null; // the worker kept the last piece without answering: a protocol error
  }
}
