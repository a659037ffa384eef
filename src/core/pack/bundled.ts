// The pack that ships inside the extension. It is validated like any imported pack, so a
// broken edit fails here (and in the build and tests) instead of deep inside the matcher.
import raw from '../../packs/korean-peninsula.json';
import type { Pack } from '../types';
import { parsePack } from './schema';

export const BUNDLED_PACK_ID = 'korean-peninsula';

let cached: Pack | undefined;

export function bundledPack(): Pack {
  if (cached) return cached;
  const result = parsePack(raw);
  if (!result.ok) throw new Error(`The bundled pack ${BUNDLED_PACK_ID} is invalid:\n${result.errors.join('\n')}`);
  cached = result.pack;
  return cached;
}
