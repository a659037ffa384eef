// Content script entry: asks the background for the page's settings, annotates the page (the
// analysis itself runs in the background), answers the popup and background, and follows changes
// to settings, notes and packs the background reports. All extension API use is here and in runtime.ts.
import type { EarlierItem } from '../core/memory/earlier';
import type { Settings } from '../core/settings';
import type { CardModel } from '../core/types';
import type { AnalyzeResult, Responses } from '../shared/messages';
import type { PageAnalyzer } from './analysis-client';
import { Annotator, READY_ATTR } from './annotator';
import { askBackground } from './ask-background';
import { OrphanGuard } from './orphan';
import { closeNoteEditor, openNoteEditor } from './notes-glue';
import { contentRequest } from './requests';
import { onRequest, sendMessage } from './runtime';
import { loadUI } from './ui-loader';

const GUARD = '__backstoryContentLoaded';

async function pageConfig(): Promise<Responses['backstory:page-config']> {
  const res = (await askBackground({ type: 'backstory:page-config' })) as Partial<Responses['backstory:page-config']> | undefined;
  if (!res || typeof res.settings !== 'object' || res.settings === null) throw new Error('the background sent no settings');
  return { settings: res.settings as Settings, siteOff: res.siteOff === true };
}

const analyze: PageAnalyzer = async (req) => {
  const res = (await askBackground({ type: 'backstory:analyze', request: req })) as Partial<Responses['backstory:analyze']> | undefined;
  if (typeof res?.json !== 'string') throw new Error('the background sent no analysis');
  return JSON.parse(res.json) as AnalyzeResult;
};

// A reloaded or removed extension leaves this script orphaned in open pages: put the page back.
let orphanedAnnotator: Annotator | null = null;
const orphan = new OrphanGuard(() => {
  void orphanedAnnotator?.deactivate();
  (globalThis as Record<string, unknown>)[GUARD] = false;
});

/** Asks the background for one card's earlier-reading items: only the entity shown, never more. */
async function getEarlier(card: CardModel): Promise<readonly EarlierItem[]> {
  const res = (await askBackground({ type: 'backstory:memory-earlier', entities: [{ id: card.id, name: card.name, pageOnly: card.pageOnly }] })) as Partial<Responses['backstory:memory-earlier']> | undefined;
  return res?.items?.[card.id] ?? [];
}

function sendStatus(entityCount: number): void {
  // A rejection means the background is restarting; the next pass reports again.
  orphan.call(() => sendMessage({ type: 'backstory:page-status', entityCount }));
}

/** Set once the page's settings are in and its first pass (if any) has run: until then the
 *  popup is told `ready: false` and waits, rather than show an empty or partial list. */
let started = false;

async function answer(msg: NonNullable<ReturnType<typeof contentRequest>>, annotator: Annotator | null): Promise<unknown> {
  switch (msg.type) {
    case 'backstory:get-cards': {
      const ready = started && (annotator?.isReady ?? true);
      const res: Responses['backstory:get-cards'] = { cards: annotator?.visibleCards() ?? [], title: document.title, url: location.href, ready };
      if (annotator && !annotator.isActive) res.off = true;
      return res;
    }
    case 'backstory:reveal': {
      if (!annotator) return { ok: false };
      const ok = await (msg.sentence !== undefined ? annotator.revealSentence(msg.sentence) : annotator.revealEntity(msg.entityId));
      return { ok } satisfies Responses['backstory:reveal'];
    }
    case 'backstory:toggle': {
      if (!annotator) return { active: false };
      const want = msg.active ?? !annotator.isActive;
      if (!want && annotator.isActive) await annotator.deactivate();
      else if (want && !annotator.isActive) await annotator.annotate();
      return { active: annotator.isActive } satisfies Responses['backstory:toggle'];
    }
    case 'backstory:step':
      return { ok: annotator?.isActive === true && (await loadUI()).stepMention(document, msg.direction) !== null } satisfies Responses['backstory:step'];
    case 'backstory:open-note-editor':
      return openNoteEditor(document, msg.term);
    case 'backstory:close-note-editor':
      return closeNoteEditor();
    case 'backstory:changed':
      // Storage is closed to content scripts: the background says what changed.
      if (annotator && msg.what === 'settings') {
        await pageConfig()
          .then((c) => annotator.applySettings(c.settings))
          .catch(() => undefined);
      } else if (annotator) {
        void annotator.refresh();
      }
      return { ok: true } satisfies Responses['backstory:changed'];
  }
}

async function main(): Promise<void> {
  let annotator: Annotator | null = null;
  // Listen first: the popup may ask while the page loads, and an empty answer beats no answer.
  onRequest((raw) => {
    const msg = contentRequest(raw);
    return msg ? answer(msg, annotator) : undefined;
  });
  try {
    const config = await pageConfig();
    annotator = new Annotator(document, config.settings, analyze, { onStatus: sendStatus, getEarlier });
    orphanedAnnotator = annotator;
    orphan.watch(document);
    // On a site the reader switched off, stay ready to be turned on from the popup or the key.
    if (!config.siteOff) await annotator.annotate();
  } catch (err) {
    console.warn('Backstory: the page was not annotated:', err instanceof Error ? err.message : err);
  } finally {
    // Tests and the popup wait on this; a failed pass is still a finished one.
    started = true;
    document.documentElement.setAttribute(READY_ATTR, 'ready');
  }
}

const g = globalThis as Record<string, unknown>;
if (!g[GUARD]) {
  g[GUARD] = true;
  void main();
}
