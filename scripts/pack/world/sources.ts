// Where each world source's data is read from, and what is known about the snapshot (its
// repository, commit, data date and licence: scripts/pack/sources/<source>/source.json).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface SourceNote {
  repository: string;
  commit: string;
  /** The snapshot's data date: the packs' asOf. */
  dataDate: string;
  license: string;
}

export type SourceName = 'factbook' | 'wikidata-leaders' | 'supraverden' | 'us-congress';

/** The folder to read a source from: `<data>/<source>` when a snapshot folder is given, else the vendored copy. */
export function sourceDir(name: SourceName, data: string | undefined, root: string): string {
  return data ? join(resolve(root, data), name) : join(root, 'scripts/pack/sources', name);
}

/** The note of a source: the snapshot's own source.json when it has one, else the vendored copy's. */
export function sourceNote(name: SourceName, dir: string, root: string): SourceNote {
  const own = join(dir, 'source.json');
  const file = existsSync(own) ? own : join(root, 'scripts/pack/sources', name, 'source.json');
  return JSON.parse(readFileSync(file, 'utf8')) as SourceNote;
}
