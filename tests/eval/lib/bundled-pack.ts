// The bundled packs as the worker serves them: every src/packs/*.json in the pack library's rank
// order (rankBundled: hand-written first, then the world packs), merged by the store's own mergePacks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mergePacks } from '../../../src/background/merge-packs';
import { rankBundled } from '../../../src/core/pack/precedence';
import type { Pack } from '../../../src/core/types';

/** Beside this file when run from source; from the repo root when bundled into .cache/ or where
 *  import.meta.url is not a file (jsdom tests). */
function packsDir(): string {
  try {
    const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../src/packs');
    if (existsSync(dir)) return dir;
  } catch {
    // not a file: URL
  }
  return resolve('src/packs');
}

/** Every src/packs/*.json, in file-name order (as the build bundles them), unmerged. */
export function bundledPackFiles(dir = packsDir()): Pack[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Pack);
}

export function bundledPack(dir = packsDir()): Pack {
  return mergePacks(rankBundled(bundledPackFiles(dir)));
}
