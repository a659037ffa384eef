// The packs the worker analyses pages with: the bundled ones (validated at build) and the ones the
// reader imported (validated again on every read from storage), merged as the pack store decides.
import browser from 'webextension-polyfill';
import bundled from 'virtual:backstory-packs';
import { isPackKey } from '../core/storage-keys';
import type { Pack } from '../core/types';
import { PackStore } from './pack-store';

export const packStore = new PackStore(browser.storage.local as unknown as ConstructorParameters<typeof PackStore>[0], bundled);

// Another context (or a second worker instance in Firefox) may write the packs: read afresh then.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && Object.keys(changes).some(isPackKey)) packStore.invalidate();
});

export async function getPack(): Promise<Pack> {
  return packStore.servedPack();
}
