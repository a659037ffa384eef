// One page's annotation: article root → runs (collected in slices) → the background's analysis →
// highlights (wrapped in slices, what is on screen first) → cards; then live updates (new content,
// settings) and removal. No browser.* here: `analyze` is injected, so the same class runs in jsdom
// tests, with the background's session code called in-process.
import { OpaqueIds } from './opaque-ids';
import type { Settings } from '../core/settings';
import type { CardModel } from '../core/types';
import type { AnalyzeReply, AnalyzeRequest, WireHits } from '../shared/messages';
import { Activity } from './activity';
import { AnalysisClient, type PageAnalyzer } from './analysis-client';
import { findArticleRoot, resetRegionCache, type ArticleRoot } from './article-root';
import { CardController } from './card/controller';
import { MENTION_TAG } from '../shared/dom-kinds';
import { Highlighter, viewportFirst } from './highlight';
import { SLICE_MS, nextSlice, runPaced, yieldToPage } from './pace';
import { observeNewContent, type Watcher } from './observe';
import { aboutPage } from './page-meta';
import type { EarlierItem } from '../core/memory/earlier';
import { findStaleRuns } from './rescan';
import { RunCollector, holdsItsText, type DomRun } from './runs';
import { loadUI } from './ui-loader';
import type { MarkRanges } from '../ui/api';

export const READY_ATTR = 'data-backstory';
/** On `<html>` while the annotator has work left (a pass, an update, new content waiting out its
 *  debounce); gone once it has settled. End-to-end tests wait on it instead of sleeping. */
export const BUSY_ATTR = 'data-backstory-busy';

export type { AnalyzeRequest, PageAnalyzer };

export interface AnnotatorHooks {
  /** Called after every pass with the number of distinct entities shown. */
  onStatus?(entityCount: number): void;
  /** The reading memory's items for a card being opened (asked of the background). */
  getEarlier?(card: CardModel): Promise<readonly EarlierItem[]>;
}

/** A run's hits and the ids they index (see WireHits). */
interface RunHits {
  hits: WireHits;
  ids: readonly string[];
}

/** Whether two runs' hits are the same (compared only on a refresh, not on every pass). */
const sameHits = (a: RunHits | undefined, b: RunHits): boolean =>
  a !== undefined && a.hits.length === b.hits.length && a.hits.every((x, i) => (i % 3 === 2 ? a.ids[x] === b.ids[b.hits[i]!] : x === b.hits[i]));
const NO_MARK: MarkRanges = () => undefined;

export class Annotator {
  private article: ArticleRoot | null = null;
  /** The page's runs as the content script sees them; new ones are always appended. */
  private runs: DomRun[] = [];
  /** The background's session of this page's runs (the sync protocol). */
  private readonly client: AnalysisClient<DomRun>;
  // Plain collections for the runs of `runs` (a run leaves them when it leaves `runs`): weak
  // ones with an entry per run lengthened the page's garbage collections on dense pages.
  private wrapped = new Set<DomRun>();
  /** The hits each wrapped run shows, to tell which runs a refresh must redo. */
  private applied = new Map<DomRun, RunHits>();
  /** The first pass has wrapped every run it found: later changes can be made in place. */
  private firstPassWrapped = false;
  /** Runs the page changed under us: never wrapped again (their blocks are collected afresh). */
  private dropped = new WeakSet<DomRun>();
  private highlighter: Highlighter;
  private cardList: CardModel[] = [];
  private cards = new Map<string, CardModel>();
  /** Reader-made ids swapped for tokens before anything reaches the page (see opaque-ids.ts). */
  private readonly ids = new OpaqueIds();
  /** Where each cited sentence is: the session's runs at the time of the reply, and the spans. */
  private spans: { runs: DomRun[]; at: AnalyzeReply['spans'] } = { runs: [], at: {} };
  private focusable = new Set<string>();
  private generation = 0;
  /** Updates of one pass go to the background one at a time, in order. */
  private queue: Promise<void> = Promise.resolve();
  /** Highlights of earlier passes still coming off the page. */
  private removing: Promise<void> = Promise.resolve();
  private watcher: Watcher | null = null;
  private readonly controller: CardController;
  private active = false;
  /** The current pass has wrapped what it found (or failed): its cards are the page's. */
  private passDone = true;
  private readonly activity: Activity;

  constructor(
    private readonly doc: Document,
    private settings: Settings,
    analyze: PageAnalyzer,
    private readonly hooks: AnnotatorHooks = {},
  ) {
    this.highlighter = new Highlighter(settings.highlightStyle);
    this.client = new AnalysisClient(analyze);
    const html = doc.documentElement;
    this.activity = new Activity((busy) => (busy ? html.setAttribute(BUSY_ATTR, '') : html.removeAttribute(BUSY_ATTR)));
    this.controller = new CardController({
      doc,
      delayMs: settings.hoverDelayMs,
      getCard: (id) => this.cards.get(id),
      onSentence: (_id, sentence) => this.revealSentence(sentence),
      ...(hooks.getEarlier ? { getEarlier: hooks.getEarlier } : {}),
    });
    this.controller.setTheme(settings.theme);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** False while a pass is still reading, analysing or wrapping the page: its cards may be partial. */
  get isReady(): boolean {
    return !this.active || this.passDone;
  }

  /** Resolves once nothing is left to do: no pass or update running, no new content waiting out
   *  its debounce, no highlights still coming off. */
  settled(): Promise<void> {
    return this.activity.idle();
  }

  /** Cards of the entities found on the page, in the core's order (hidden types included: the
   *  core counts them and the popup can still reach them). */
  visibleCards(): CardModel[] {
    return this.cardList;
  }

  /** The first full pass (also after a toggle or a settings change). Resolves when all runs are done. */
  async annotate(): Promise<void> {
    // Busy from before the teardown, so the page is never seen idle between two passes.
    const end = this.activity.begin();
    const gen = ++this.generation;
    this.teardown();
    this.active = true;
    this.passDone = false;
    try {
      await this.firstPass(gen);
    } finally {
      if (gen === this.generation) this.passDone = true;
      end();
    }
  }

  private async firstPass(gen: number): Promise<void> {
    const cancelled = () => gen !== this.generation;
    // The previous pass's highlights come off first (in slices): a new walk must not see them.
    await this.removing;
    if (cancelled()) return;
    this.client.newPass();
    this.controller.start();
    this.article = findArticleRoot(this.doc);
    // Watching starts before the walk, held: what the page adds or rewrites while the pass reads,
    // analyses and wraps (live blogs, lazy paragraphs, hydration) is handed over when it ends.
    this.watch(gen, this.article.root);
    try {
      await this.readAndWrap(gen);
    } catch (err) {
      // A failed pass watches nothing, as before.
      if (!cancelled()) this.stopWatching();
      throw err;
    }
  }

  private async readAndWrap(gen: number): Promise<void> {
    const cancelled = () => gen !== this.generation;
    const article = this.article!;
    // A big page's walk takes longer than a frame: it goes in slices too.
    const collector = new RunCollector(article);
    while (!collector.step(performance.now() + SLICE_MS)) {
      await nextSlice();
      if (cancelled()) return;
    }
    this.runs = collector.runs;
    resetRegionCache();
    const reply = await this.sync(gen);
    if (!reply || cancelled()) return;
    // Decoding the reply took its share of this frame (10-30 ms on a dense page): what follows
    // waits for the next one, and the first batch for the one after, or they made one frame of
    // 50-65 ms between them.
    await nextSlice();
    if (cancelled()) return;
    // Only runs with something to wrap are measured: one layout read per block, before any write.
    const withHits = reply.added.filter((_, k) => reply.hits[k]!.length > 0);
    const hitsOf = new Map(reply.added.map((run, k) => [run, reply.hits[k]!]));
    const order = viewportFirst(withHits, this.doc.defaultView?.innerHeight ?? 800).map((i) => withHits[i]!);
    const rest = reply.added.filter((_, k) => reply.hits[k]!.length === 0);
    const work = [...order, ...rest];
    const mark = await this.marker(withHits.length > 0);
    if (cancelled()) return;
    const hitsAt = (k: number) => hitsOf.get(work[k]!) ?? [];
    // Paced by frames, weighed by the wrappers each run adds: what one frame must lay out.
    const wrapOne = (k: number) => void this.wrap(work[k]!, { hits: hitsAt(k), ids: reply.ids }, mark);
    if (!(await runPaced([...work.keys()], wrapOne, { cancelled, weight: (k) => hitsAt(k).length / 3, around: this.unobserved }))) return;
    // The last batch resolved inside an animation frame's callbacks, and what follows ran there
    // too: finding every mention again for the tab stops added about 10 ms of script to that
    // frame on the dense bench page, on top of its layout and paint. It gets a task of its own.
    await yieldToPage();
    if (cancelled()) return;
    // Tab stops go to each entity's first mention in reading order, not in the order wrapped.
    this.makeFocusable(Array.from(this.doc.querySelectorAll(`${MENTION_TAG}[data-backstory-entity]`)));
    this.firstPassWrapped = true;
    this.finishPass();
    // Still inside annotate()'s busy span: the follow-up update keeps the page busy in turn.
    this.watcher?.release();
  }

  private watch(gen: number, root: Element): void {
    this.watcher = observeNewContent({
      root,
      claimed: () => this.highlighter.claimed,
      onRuns: (runs) => this.enqueue(gen, runs),
      beforeCollect: (blocks) => this.dropStale(blocks),
      onRootLost: () => {
        if (gen === this.generation && this.active) void this.annotate();
      },
      activity: this.activity,
      held: true,
    });
  }

  /** Our own writes, kept from the watcher (which would only have to tell them from the page's). */
  private readonly unobserved = (batch: () => void): void => void (this.watcher ? this.watcher.unobserved(batch) : batch());

  private stopWatching(): void {
    this.watcher?.stop();
    this.watcher = null;
  }

  /** Takes every highlight and the card off the page; resolves when the page is as before. */
  async deactivate(): Promise<void> {
    const end = this.activity.begin();
    this.generation++;
    this.teardown();
    this.active = false;
    this.hooks.onStatus?.(0);
    try {
      await this.removing;
    } finally {
      end();
    }
  }

  applySettings(next: Settings): Promise<void> {
    return this.activity.track(() => this.settingsChanged(next));
  }

  private async settingsChanged(next: Settings): Promise<void> {
    const prev = this.settings;
    this.settings = next;
    this.controller.setDelay(next.hoverDelayMs);
    this.controller.setTheme(next.theme);
    if (next.highlightStyle !== prev.highlightStyle) this.highlighter.setStyle(next.highlightStyle);
    const reanalyze = next.firstMentionOnly !== prev.firstMentionOnly || next.types.join() !== prev.types.join();
    if (reanalyze) await this.refresh();
  }

  /** What the background knows changed (the reader's notes, the packs, settings it applies): the
   *  page is analysed again and only the runs whose hits differ are unwrapped and wrapped again.
   *  Annotating from scratch made every highlight blink, for seconds on a big page. */
  async refresh(): Promise<void> {
    if (!this.active) return;
    if (!this.firstPassWrapped) return this.annotate();
    const gen = this.generation;
    const done = this.activity.track(() => this.queue.then(() => this.rescore(gen)));
    this.queue = done.catch(() => undefined);
    await done;
  }

  /** `refresh`, after any update of new content already queued: the same runs, a new session. */
  private async rescore(gen: number): Promise<void> {
    const cancelled = () => gen !== this.generation || !this.active;
    if (cancelled()) return;
    this.client.newPass();
    const reply = await this.sync(gen);
    if (!reply || cancelled()) return;
    const hitsAt = (k: number): RunHits => ({ hits: reply.hits[k]!, ids: reply.ids });
    const changed = [...reply.added.keys()].filter((k) => !sameHits(this.applied.get(reply.added[k]!), hitsAt(k)));
    const mark = await this.marker(changed.some((k) => reply.hits[k]!.length > 0));
    if (cancelled()) return;
    const rewrap = (k: number) => {
      const run = reply.added[k]!;
      if (this.dropped.has(run)) return;
      this.highlighter.removeRun(run);
      this.wrapped.delete(run);
      this.wrap(run, hitsAt(k), mark);
    };
    // Each changed run's wrappers come off and its new ones go on in the same frame.
    const weight = (k: number) => 1 + reply.hits[k]!.length / 3;
    if (!(await runPaced(changed, rewrap, { cancelled, weight, around: this.unobserved }))) return;
    // Out of the last batch's frame, as after the first pass.
    await yieldToPage();
    if (cancelled()) return;
    if (changed.length > 0) this.refocus();
    this.controller.refresh();
    this.finishPass();
  }

  /** Scrolling and flashing live in the UI bundle: they follow a click in the popup or a card. */
  async revealEntity(entityId: string): Promise<boolean> {
    return (await loadUI()).revealEntity(this.doc, entityId);
  }

  async revealSentence(index: number): Promise<boolean> {
    const at = this.spans.at[index];
    const run = at ? this.spans.runs[at[0]] : undefined;
    return at && run ? (await loadUI()).revealRunRange(this.doc, { nodes: this.highlighter.nodesOf(run) }, at[1], at[2]) : false;
  }

  /** Brings the background's session up to date with the page's runs and takes the new cards.
   *  Returns the runs added and their hits, or null if the pass was replaced. */
  private async sync(gen: number): Promise<Pick<AnalyzeReply, 'hits' | 'ids'> & { added: DomRun[] } | null> {
    const synced = await this.client.sync(this.runs, aboutPage(this.doc), () => gen === this.generation);
    if (!synced) return null;
    const reply = this.ids.reply(synced);
    if (reply.cards) {
      this.cardList = reply.cards;
      this.cards = new Map(reply.cards.map((c) => [c.id, c]));
      this.highlighter.setPageOnly(new Set(reply.cards.filter((c) => c.pageOnly).map((c) => c.id)));
      this.spans = { runs: reply.runs ?? [], at: reply.spans ?? {} };
    }
    return { added: reply.added, hits: reply.hits, ids: reply.ids };
  }

  /** mark.js comes with ui.js, loaded when there is first something to wrap. If it cannot load
   *  (loadUI warns once) nothing is wrapped, and the popup still lists the page's cards. */
  private async marker(needed: boolean): Promise<MarkRanges> {
    if (!needed) return NO_MARK;
    try {
      return (await loadUI()).markRanges;
    } catch {
      return NO_MARK;
    }
  }

  private wrap(run: DomRun, found: RunHits, mark: MarkRanges): readonly Element[] {
    const { hits, ids } = found;
    // A run the page changed or took away while its reply was on the way is not ours to touch.
    if (this.wrapped.has(run) || this.dropped.has(run)) return [];
    // During the first pass a run without hits is checked too: its new text may have some.
    if ((hits.length > 0 || !this.firstPassWrapped) && !holdsItsText(run)) {
      // The page rewrote it since it was read: its hits' offsets no longer fit. Forgotten as the
      // watcher's stale check does; its block is collected again once the watcher hands it over.
      this.dropped.add(run);
      this.applied.delete(run);
      this.runs = this.runs.filter((r) => r !== run);
      // The watcher may have taken the rewrite for ours; during the first pass it is still held,
      // with no other update in flight, so the block is safe to read again.
      const node = run.nodes.find((n) => n.isConnected);
      if (!this.firstPassWrapped && node) this.watcher?.recheck(node);
      return [];
    }
    this.wrapped.add(run);
    this.applied.set(run, found);
    return this.highlighter.highlightRun(run, hits, ids, mark).elements;
  }

  /** Runs the page changed under our highlights: unwrapped now, reported on the next sync. */
  private dropStale(blocks: Element[]): number {
    const stale = findStaleRuns(this.runs, blocks, (run) => this.highlighter.nodesOf(run));
    if (stale.size === 0) return 0;
    for (const run of stale) {
      this.highlighter.removeRun(run);
      this.wrapped.delete(run);
      this.applied.delete(run);
      this.dropped.add(run);
    }
    this.runs = this.runs.filter((r) => !stale.has(r));
    return stale.size;
  }

  /** New content: only the new runs go to the background and get wrapped. */
  private enqueue(gen: number, runs: DomRun[]): void {
    this.runs.push(...runs);
    const end = this.activity.begin();
    this.queue = this.queue.then(async () => {
      if (gen !== this.generation || !this.active) return;
      const reply = await this.sync(gen).catch((err: unknown) => {
        console.warn('Backstory: new content was not annotated:', err instanceof Error ? err.message : err);
        return null;
      });
      if (!reply) return;
      const k = [...reply.added.keys()];
      const mark = await this.marker(reply.hits.some((h) => h.length > 0));
      const wrapNew = (i: number) => this.makeFocusable(this.wrap(reply.added[i]!, { hits: reply.hits[i] ?? [], ids: reply.ids }, mark));
      const weight = (i: number) => (reply.hits[i]?.length ?? 0) / 3;
      if (await runPaced(k, wrapNew, { cancelled: () => gen !== this.generation, weight, around: this.unobserved })) this.finishPass();
    }).finally(end);
  }

  private finishPass(): void {
    this.doc.documentElement.setAttribute(READY_ATTR, 'ready');
    this.hooks.onStatus?.(this.cardList.length);
  }

  /** One tab stop per entity (its first mention) so keyboard users reach every card without
   *  tabbing through each repetition; mentions inside links are reached through the link. */
  private makeFocusable(elements: readonly Element[]): void {
    for (const el of elements) {
      const id = el.getAttribute('data-backstory-entity') ?? '';
      if (this.focusable.has(id)) continue;
      this.focusable.add(id);
      if (el.closest('a[href],button,[tabindex]:not(backstory-mention)')) continue;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-haspopup', 'dialog');
    }
  }

  /** Tab stops again from scratch: a refresh may have changed which mention of a name comes first. */
  private refocus(): void {
    for (const el of this.highlighter.mentionElements) {
      if (el.getAttribute('role') !== 'button') continue;
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-haspopup');
    }
    this.focusable.clear();
    this.makeFocusable(Array.from(this.doc.querySelectorAll(`${MENTION_TAG}[data-backstory-entity]`)));
  }

  private teardown(): void {
    this.stopWatching();
    this.controller.stop();
    const old = this.highlighter;
    const end = this.activity.begin();
    this.removing = this.removing.then(() => old.removeAllSliced()).finally(end);
    this.highlighter = new Highlighter(this.settings.highlightStyle);
    this.runs = [];
    this.client.newPass();
    this.wrapped = new Set();
    this.applied = new Map();
    this.firstPassWrapped = false;
    this.dropped = new WeakSet();
    this.cardList = [];
    this.cards.clear();
    this.spans = { runs: [], at: {} };
    this.focusable.clear();
    this.queue = Promise.resolve();
  }
}
