// The Annotator in jsdom talks to the background's real session code in-process. Requests and
// replies go through structuredClone, as extension messages are copied between contexts.
import { vi } from 'vitest';
import { PageSessions } from '../../src/background/analysis/page-sessions';
import { Annotator, type AnnotatorHooks, type PageAnalyzer } from '../../src/content/annotator';
import type { Note } from '../../src/core/notes';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Pack } from '../../src/core/types';
import { useUI } from '../../src/content/ui-loader';
import type { BackstoryUI } from '../../src/ui/api';
import { pageParts } from '../../src/ui/page-parts';

/** ui.js as the content script imports it, minus the note editor (its frame needs a real
 *  extension page: tests/e2e/both/options.test.ts and tests/e2e/notes.test.ts cover it). */
export const testUI: BackstoryUI = { ...pageParts, openNoteEditor: () => ({ ok: false }), closeNoteEditor: () => {} };

/** What the background would read from storage; tests change it as the reader would. */
export interface LocalEnv {
  pack: Pack;
  notes: Note[];
  settings: Settings;
}

export function localAnalyzer(env: LocalEnv, sessions = new PageSessions()): PageAnalyzer {
  return async (req) => structuredClone(sessions.analyze('1:0', structuredClone(req), env));
}

/** An annotator wired to a local background, plus that background's stored state. */
export function localAnnotator(doc: Document, pack: Pack, settings: Settings = { ...DEFAULT_SETTINGS }, hooks?: AnnotatorHooks) {
  useUI(testUI);
  const env: LocalEnv = { pack, notes: [], settings };
  const annotator = new Annotator(doc, settings, localAnalyzer(env), hooks);
  return {
    annotator,
    env,
    /** The reader changes a setting: stored (the background sees it), then announced to the page. */
    async setSettings(next: Settings) {
      env.settings = next;
      await annotator.applySettings(next);
    },
    async setNotes(notes: Note[]) {
      env.notes = notes;
      await annotator.refresh();
    },
  };
}

/** Fake timers for the watcher's debounce (and the navigation wait); the rest runs for real. */
export function useFakeDebounce(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

/** After a change to the page: the debounce runs out at once (fake timers), then the annotator's
 *  own signal says when every update it started has been wrapped. A check that something did NOT
 *  happen comes after this, not after a sleep. */
export async function settle(annotator: Annotator): Promise<void> {
  await vi.runAllTimersAsync();
  await annotator.settled();
}
