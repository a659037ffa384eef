// The packs the content script works with. For now only the bundled ones (validated at build);
// packs the reader imports will be read from storage and merged here too.
import bundled from 'virtual:backstory-packs';
import type { Pack } from '../core/types';
import { mergePacks } from './merge-packs';

let cached: Pack | null = null;

export async function getPack(): Promise<Pack> {
  cached ??= mergePacks(bundled);
  return cached;
}
