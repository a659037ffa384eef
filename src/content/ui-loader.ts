// Loads the card UI and the note editor (dist/ui.js) into this content script's world the first
// time a reader may need them, so a page that is only highlighted never parses them.
//
// How: `import()` of the extension's own ui.js, listed in web_accessible_resources with
// use_dynamic_url. The planned alternative, the background calling scripting.executeScript, is
// refused by Chromium on the sites the content script is declared for ("Cannot access contents of
// the page"): content-script matches are not host permissions there, and adding host permissions
// would let the extension do more than it needs. A dynamic import from a content script runs in
// its isolated world (checked in Chromium), is not subject to the page's CSP, and with
// use_dynamic_url its URL changes every session, so pages cannot probe for it.
import type { BackstoryUI } from '../ui/api';
import { extensionGone } from './orphan';
import { extensionUrl } from './runtime';

/** Loads the module; tests give one that needs no extension. */
export type UIImporter = () => Promise<BackstoryUI>;

const importBundle: UIImporter = async () => {
  const mod = (await import(/* @vite-ignore */ extensionUrl('ui.js'))) as { ui?: BackstoryUI };
  if (!mod.ui) throw new Error('ui.js has no UI');
  return mod.ui;
};

let importer: UIImporter = importBundle;
let loaded: BackstoryUI | null = null;
let pending: Promise<BackstoryUI> | null = null;
let warned = false;

/** The UI if it is loaded already (then a card can open in the same task as the event). */
export function readyUI(): BackstoryUI | null {
  return loaded;
}

/** Loads the UI once; concurrent and later calls share that load. A failed load is retried by
 *  the next call (a reader hovering again), and warned about once. */
export function loadUI(): Promise<BackstoryUI> {
  if (loaded) return Promise.resolve(loaded);
  pending ??= importer().then(
    (ui) => {
      loaded = ui;
      pending = null;
      return ui;
    },
    (err: unknown) => {
      pending = null;
      // A reloaded or removed extension leaves this script behind with no ui.js to load: nothing
      // to warn about there (orphan.ts puts the page back).
      if (!warned && !extensionGone()) {
        warned = true;
        console.warn('Backstory: the card could not be loaded; highlights stay:', err instanceof Error ? err.message : err);
      }
      throw err;
    },
  );
  return pending;
}

/** Starts loading without waiting, for when a card may be wanted soon. */
export function prefetchUI(): void {
  loadUI().catch(() => undefined);
}

/** For tests: `ui` counts as loaded (null: not loaded), and `load` replaces the import of ui.js. */
export function useUI(ui: BackstoryUI | null, load: UIImporter = importBundle): void {
  loaded = ui;
  pending = null;
  importer = load;
  warned = false;
}
