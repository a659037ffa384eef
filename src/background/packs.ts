// The packs the worker analyses pages with: the bundled ones (validated at build, shipped as files
// in the extension) and the ones the reader imported (validated again on every read from storage),
// merged as the pack store decides.
import browser from 'webextension-polyfill';
import bundledFiles from 'virtual:backstory-packs';
import { isPackKey } from '../core/storage-keys';
import type { Pack } from '../core/types';
import { PackStore } from './pack-store';

/** Reads the bundled packs from the extension's own files when first needed, not while the worker
 *  starts: a page's first analysis waits for them, a message that needs no pack does not. */
async function readBundled(): Promise<Pack[]> {
  return Promise.all(
    bundledFiles.map(async ({ id, path }) => {
      const res = await fetch(browser.runtime.getURL(path));
      if (!res.ok) throw new Error(`the built-in pack '${id}' could not be read (${res.status})`);
      return (await res.json()) as Pack;
    }),
  );
}

export const packStore = new PackStore(browser.storage.local as unknown as ConstructorParameters<typeof PackStore>[0], readBundled);

// Another context (or a second worker instance in Firefox) may write the packs: read afresh then.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && Object.keys(changes).some(isPackKey)) packStore.invalidate();
});

export async function getPack(): Promise<Pack> {
  return packStore.servedPack();
}
