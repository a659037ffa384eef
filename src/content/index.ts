// Content script entry: loads the pack and settings, annotates the page, answers the popup and
// background, follows settings changes. All browser.* use is here; the work is in Annotator.
import browser from 'webextension-polyfill';
import type { Pack } from '../core/types';
import { parseMessage, type Message, type Responses } from '../shared/messages';
import { loadSettings, onSettingsChanged } from '../shared/settings-store';
import { isSiteDisabled } from '../shared/sites-store';
import { Annotator, READY_ATTR } from './annotator';
import { askBackground } from './ask-background';
import { OrphanGuard } from './orphan';
import { followNotes, openNoteEditor } from './notes-glue';
import { stepMention } from './step';

const GUARD = '__backstoryContentLoaded';
/** Requests this script answers; anything else is left to other listeners. */
const ANSWERED = new Set<Message['type']>(['backstory:get-cards', 'backstory:reveal', 'backstory:open-note-editor', 'backstory:toggle', 'backstory:step']);

function isPack(x: unknown): x is Pack {
  const p = x as Partial<Pack> | null;
  return typeof p === 'object' && p !== null && Array.isArray(p.entities) && Array.isArray(p.sources);
}

async function loadPack(): Promise<Pack> {
  const res = (await askBackground({ type: 'backstory:get-pack' })) as Partial<Responses['backstory:get-pack']> | undefined;
  if (!res || !isPack(res.pack)) throw new Error('the background sent no usable knowledge pack');
  return res.pack;
}

// A reloaded or removed extension leaves this script orphaned in open pages: put the page back.
let orphanedAnnotator: Annotator | null = null;
const orphan = new OrphanGuard(() => {
  orphanedAnnotator?.deactivate();
  (globalThis as Record<string, unknown>)[GUARD] = false;
});

function sendStatus(entityCount: number): void {
  // A rejection means the background is restarting; the next pass reports again.
  orphan.call(() => browser.runtime.sendMessage({ type: 'backstory:page-status', entityCount }));
}

async function answer(msg: Message, annotator: Annotator | null): Promise<unknown> {
  switch (msg.type) {
    case 'backstory:get-cards': {
      const res: Responses['backstory:get-cards'] = { cards: annotator?.visibleCards() ?? [], title: document.title, url: location.href };
      if (annotator && !annotator.isActive) res.off = true;
      return res;
    }
    case 'backstory:reveal': {
      if (!annotator) return { ok: false };
      const ok = msg.sentence !== undefined ? annotator.revealSentence(msg.sentence) : annotator.revealEntity(msg.entityId);
      return { ok } satisfies Responses['backstory:reveal'];
    }
    case 'backstory:toggle': {
      if (!annotator) return { active: false };
      const want = msg.active ?? !annotator.isActive;
      if (!want && annotator.isActive) annotator.deactivate();
      else if (want && !annotator.isActive) await annotator.annotate();
      return { active: annotator.isActive } satisfies Responses['backstory:toggle'];
    }
    case 'backstory:step':
      return { ok: annotator?.isActive === true && stepMention(document, msg.direction) !== null } satisfies Responses['backstory:step'];
    case 'backstory:open-note-editor':
      return openNoteEditor(document, msg.term);
    default:
      return undefined;
  }
}

async function main(): Promise<void> {
  let annotator: Annotator | null = null;
  // Listen first: the popup may ask while the pack loads, and an empty answer beats no answer.
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = parseMessage(raw);
    if (!msg || !ANSWERED.has(msg.type)) return undefined;
    return answer(msg, annotator);
  });
  try {
    const [pack, settings, siteOff] = await Promise.all([loadPack(), loadSettings(), isSiteDisabled(location.href)]);
    annotator = new Annotator(document, pack, settings, { onStatus: sendStatus });
    orphanedAnnotator = annotator;
    orphan.watch(document);
    onSettingsChanged((s) => void annotator?.applySettings(s));
    await followNotes(annotator);
    // On a site the reader switched off, stay ready to be turned on from the popup or the key.
    if (!siteOff) await annotator.annotate();
  } catch (err) {
    console.warn('Backstory: the page was not annotated:', err instanceof Error ? err.message : err);
  } finally {
    // Tests and the popup wait on this; a failed pass is still a finished one.
    document.documentElement.setAttribute(READY_ATTR, 'ready');
  }
}

const g = globalThis as Record<string, unknown>;
if (!g[GUARD]) {
  g[GUARD] = true;
  void main();
}
