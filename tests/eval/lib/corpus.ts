// Loads the eval corpus from disk: every article, its facts gold when there is one, and the pack.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '../../../src/core/types';
import { parseArticle, type ParsedArticle } from './parse';
import type { FactsGold } from './score-facts';

// Next to this file when run from source (vitest); from the repo root when bundled into
// .cache/ by scripts/run-ts.mjs, where import.meta.url points elsewhere.
const besideSource = fileURLToPath(new URL('..', import.meta.url));
export const EVAL_DIR = existsSync(join(besideSource, 'dev', 'articles')) ? besideSource : resolve('tests/eval');
export const PACK_PATH = resolve(EVAL_DIR, '../../src/packs/korean-peninsula.json');

/** `dev` is tuned on freely; `test` is sealed: written once, scored, never tuned on (a miss
 *  there becomes a new dev article, see tests/eval/README.md). */
export const EVAL_SETS = ['dev', 'test'] as const;
export type EvalSet = (typeof EVAL_SETS)[number];

export const setDir = (set: EvalSet, root = EVAL_DIR) => join(root, set);

export interface CorpusArticle extends ParsedArticle {
  /** File name without extension, e.g. "01-choe-pompeo-statement". */
  name: string;
  facts?: FactsGold;
}

export function loadCorpus(set: EvalSet, root = EVAL_DIR): CorpusArticle[] {
  const dir = setDir(set, root);
  const articleDir = join(dir, 'articles');
  const files = readdirSync(articleDir).filter((f) => f.endsWith('.txt')).sort();
  return files.map((file) => {
    const name = basename(file, '.txt');
    const parsed = parseArticle(readFileSync(join(articleDir, file), 'utf8'), file);
    const factsPath = join(dir, 'facts', `${name}.json`);
    const facts = existsSync(factsPath) ? readFactsGold(factsPath) : undefined;
    return { name, ...parsed, ...(facts ? { facts } : {}) };
  });
}

export function readFactsGold(path: string): FactsGold {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const d = data as Partial<FactsGold>;
  for (const key of ['roles', 'statements', 'acronyms'] as const) {
    if (!Array.isArray(d[key])) throw new Error(`${path}: "${key}" must be an array`);
  }
  return d as FactsGold;
}

export function loadPack(path = PACK_PATH): Pack {
  if (!existsSync(path)) throw new Error(`The pack ${path} does not exist yet; the eval needs it.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Pack;
}
