// One page's annotation: article root → runs → core analysis → highlights → cards, plus live
// updates (new content, settings changes) and removal. No browser.* here, so it runs under jsdom;
// index.ts connects it to the extension's messages and storage.
import { analyzeArticle, type Analysis } from '../core/analyze';
import type { Settings } from '../core/settings';
import { applyNotes } from '../core/notes-pack';
import type { Note } from '../core/notes';
import type { CardModel, Hit, Pack } from '../core/types';
import { findArticleRoot, type ArticleRoot } from './article-root';
import { CardController } from './card/controller';
import { MENTION_TAG } from './dom-kinds';
import { Highlighter, runSliced, viewportFirst } from './highlight';
import { observeNewContent } from './observe';
import { pageDate } from './page-date';
import { dropStaleRuns } from './rescan';
import { revealEntity, revealRunRange } from './reveal';
import { collectRuns, type DomRun } from './runs';

export const READY_ATTR = 'data-backstory';

export interface AnnotatorHooks {
  /** Called after every pass with the number of distinct entities shown. */
  onStatus?(entityCount: number): void;
}

export class Annotator {
  private article: ArticleRoot | null = null;
  private runs: DomRun[] = [];
  private analysis: Analysis | null = null;
  private highlighter: Highlighter;
  private cards = new Map<string, CardModel>();
  private generation = 0;
  private stopObserving: (() => void) | null = null;
  private readonly controller: CardController;
  private active = false;
  private notes: Record<string, string> | undefined;
  /** The pack plus one entity per reader note on a term the pack lacks (see core/notes-pack). */
  private notedPack: Pack | null = null;

  constructor(
    private readonly doc: Document,
    private readonly pack: Pack,
    private settings: Settings,
    private readonly hooks: AnnotatorHooks = {},
  ) {
    this.highlighter = new Highlighter(settings.highlightStyle);
    this.controller = new CardController({
      doc,
      delayMs: settings.hoverDelayMs,
      getCard: (id) => this.cards.get(id),
      onSentence: (_id, sentence) => this.revealSentence(sentence),
    });
    this.controller.setTheme(settings.theme);
  }

  get isActive(): boolean {
    return this.active;
  }

  /** Cards of the entities found on the page, in the core's order (hidden types included: the
   *  core counts them and the popup can still reach them). */
  visibleCards(): CardModel[] {
    return this.analysis?.cards ?? [];
  }

  /** The first full pass (also after a toggle or a settings change). Resolves when all runs are done. */
  async annotate(): Promise<void> {
    this.teardown();
    const gen = ++this.generation;
    this.active = true;
    this.controller.start();
    this.article = findArticleRoot(this.doc);
    this.runs = collectRuns(this.article);
    this.analyze();
    const order = viewportFirst(this.runs, this.doc.defaultView?.innerHeight ?? 800);
    const done = await runSliced(order, (i) => this.highlightRun(i), { cancelled: () => gen !== this.generation });
    if (!done) return;
    this.finishPass();
    this.stopObserving = observeNewContent({
      root: this.article.root,
      claimed: () => this.highlighter.claimed,
      onRuns: (runs) => void this.addRuns(runs),
      changedByPage: (node) => this.highlighter.changedByPage(node),
      beforeCollect: (blocks) => {
        const { kept, dropped } = dropStaleRuns(this.runs, blocks, this.article?.root ?? this.doc.body, this.highlighter);
        this.runs = kept;
        return dropped;
      },
      onRootLost: () => {
        if (gen === this.generation && this.active) void this.annotate();
      },
    });
  }

  /** Takes every highlight and the card off the page; the page is as before. */
  deactivate(): void {
    this.generation++;
    this.teardown();
    this.active = false;
    this.hooks.onStatus?.(0);
  }

  async applySettings(next: Settings): Promise<void> {
    const prev = this.settings;
    this.settings = next;
    this.controller.setDelay(next.hoverDelayMs);
    this.controller.setTheme(next.theme);
    if (next.highlightStyle !== prev.highlightStyle) this.highlighter.setStyle(next.highlightStyle);
    const reanalyze = next.firstMentionOnly !== prev.firstMentionOnly || next.types.join() !== prev.types.join();
    if (reanalyze && this.active) await this.annotate();
  }

  /** The reader's notes per entity id (shown on cards). Re-builds the cards; highlights stay. */
  setNotes(notes: Record<string, string> | undefined): void {
    this.notes = notes;
    if (this.analysis) this.analyze();
  }

  /** The reader's notes as stored: new terms must be found on the page, so an active page is re-annotated. */
  async setReaderNotes(notes: readonly Note[]): Promise<void> {
    const applied = applyNotes(this.pack, notes);
    this.notedPack = applied.pack;
    this.notes = applied.notes;
    if (this.active) await this.annotate();
  }

  revealEntity(entityId: string): boolean {
    return revealEntity(this.doc, entityId);
  }

  revealSentence(index: number): boolean {
    const s = this.analysis?.sentences[index];
    const run = s ? this.runs[s.run] : undefined;
    return s && run ? revealRunRange(this.doc, run, s.start, s.end) : false;
  }

  private analyze(): void {
    this.analysis = analyzeArticle(this.runs, this.notedPack ?? this.pack, {
      firstMentionOnly: this.settings.firstMentionOnly,
      types: this.settings.types,
      pageDate: pageDate(this.doc),
      notes: this.notes,
    });
    this.cards = new Map(this.analysis.cards.map((c) => [c.id, c]));
  }

  /** The core decided every hit: shown iff resolved and not hidden (first-mention-only, hidden type). */
  private readonly accept = (hit: Hit): boolean => hit.entityId !== null && hit.hidden !== true && this.cards.has(hit.entityId);

  private highlightRun(i: number): void {
    const run = this.runs[i];
    const analysis = this.analysis;
    if (!run || !analysis) return;
    this.highlighter.highlightRun(run, analysis.hits[i] ?? [], analysis.matcher.regex, this.accept);
  }

  /** Runs added to the page after the first pass: analysed with the rest, only they are wrapped. */
  private async addRuns(runs: DomRun[]): Promise<void> {
    if (!this.active) return;
    const gen = this.generation;
    const first = this.runs.length;
    this.runs.push(...runs);
    this.analyze();
    const indices = runs.map((_, k) => first + k);
    if (await runSliced(indices, (i) => this.highlightRun(i), { cancelled: () => gen !== this.generation })) this.finishPass();
  }

  private finishPass(): void {
    this.makeFirstMentionsFocusable();
    this.doc.documentElement.setAttribute(READY_ATTR, 'ready');
    this.hooks.onStatus?.(this.visibleCards().length);
  }

  /** One tab stop per entity (its first mention) so keyboard users reach every card without
   *  tabbing through each repetition; mentions inside links are reached through the link. */
  private makeFirstMentionsFocusable(): void {
    const seen = new Set<string>();
    for (const el of Array.from(this.doc.querySelectorAll(`${MENTION_TAG}[data-backstory-entity]`))) {
      const id = el.getAttribute('data-backstory-entity') ?? '';
      if (seen.has(id)) continue;
      seen.add(id);
      if (el.closest('a[href],button,[tabindex]:not(backstory-mention)')) continue;
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.setAttribute('aria-haspopup', 'dialog');
    }
  }

  private teardown(): void {
    this.stopObserving?.();
    this.stopObserving = null;
    this.controller.stop();
    this.highlighter.removeAll();
    this.highlighter = new Highlighter(this.settings.highlightStyle);
    this.runs = [];
    this.analysis = null;
    this.cards.clear();
  }
}
