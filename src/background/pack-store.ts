// Imported packs in extension storage (one key per pack plus an index of order and switched-off
// packs), and the merged pack the worker analyses pages with. Every change goes through one queue,
// so two imports at once cannot lose each other's index entry. Storage is passed in: the tests
// run this against a map.
import type { Pack } from '../core/types';
import {
  assembleLibrary,
  indexFromKeys,
  packKey,
  packInfo,
  packToText,
  planImport,
  readIndex,
  withEnabled,
  withoutPack,
  PACK_INDEX_KEY,
  type Library,
  type PackIndex,
  type ChangeResult,
  type ExportResult,
  type ImportResult,
  type PackList,
  type StoredPack,
} from '../core/pack/library';
import { mergePacks } from './merge-packs';
import { errorText } from '../shared/error-text';

export interface PackStorage {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface Loaded extends Library {
  index: PackIndex;
  notice?: 'index-rebuilt';
  pack: Pack;
}

/** What the message hub needs from the store. */
export type PackControls = Pick<PackStore, 'list' | 'importText' | 'exportText' | 'setEnabled' | 'remove'>;

/** The bundled packs, or how to read them (the worker reads them from files in the extension
 *  when first needed, not while it starts: see src/background/packs.ts). */
export type BundledPacks = readonly Pack[] | (() => Promise<readonly Pack[]>);

export class PackStore {
  private loaded: Promise<Loaded> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private bundledRead: Promise<{ packs: readonly Pack[]; ids: ReadonlySet<string> }> | null = null;

  constructor(
    private readonly storage: PackStorage,
    private readonly bundledSource: BundledPacks,
  ) {}

  /** Read once; a failed read is tried again next time rather than remembered. */
  private bundled(): Promise<{ packs: readonly Pack[]; ids: ReadonlySet<string> }> {
    const source = this.bundledSource;
    this.bundledRead ??= (typeof source === 'function' ? source() : Promise.resolve(source)).then(
      (packs) => ({ packs, ids: new Set(packs.map((p) => p.id)) }),
      (err: unknown) => {
        this.bundledRead = null;
        throw err;
      },
    );
    return this.bundledRead;
  }

  /** Drops the cached library; the next read goes to storage (another context changed it). */
  invalidate(): void {
    this.loaded = null;
  }

  async servedPack(): Promise<Pack> {
    return (await this.load()).pack;
  }

  async list(): Promise<PackList> {
    const { infos, notice } = await this.load();
    return notice ? { packs: infos, notice } : { packs: infos };
  }

  importText(text: string): Promise<ImportResult> {
    return this.change(async (lib) => {
      const plan = planImport(text, lib.index, (await this.bundled()).ids);
      if (!plan.ok) return plan;
      const record: StoredPack = { text, importedAt: Date.now() };
      const key = packKey(plan.pack.id);
      const previous = plan.replaces ? (await this.storage.get(key))[key] : undefined;
      try {
        // Pack first, index second: a failure in between leaves the old index, which never names
        // a pack that is not there.
        await this.storage.set({ [key]: record });
        await this.storage.set({ [PACK_INDEX_KEY]: plan.index });
      } catch (err) {
        await (previous === undefined ? this.storage.remove(key) : this.storage.set({ [key]: previous })).catch(() => {});
        return { ok: false, errors: [`the pack could not be stored (${errorText(err)})`] };
      }
      return { ok: true, pack: packInfo(plan.pack, false, true), replaced: plan.replaces };
    });
  }

  async exportText(id: string): Promise<ExportResult> {
    const bundled = (await this.bundled()).packs.find((p) => p.id === id);
    if (bundled) return { ok: true, text: packToText(bundled), filename: `${id}.json` };
    const text = (await this.load()).texts.get(id);
    return text === undefined ? { ok: false, error: `no pack '${id}' to export` } : { ok: true, text, filename: `${id}.json` };
  }

  setEnabled(id: string, enabled: boolean): Promise<ChangeResult> {
    return this.change(async (lib) => {
      if (!lib.infos.some((p) => p.id === id)) return { ok: false, error: `no pack '${id}'` };
      return this.writeIndex(withEnabled(lib.index, id, enabled));
    });
  }

  remove(id: string): Promise<ChangeResult> {
    return this.change(async (lib) => {
      if ((await this.bundled()).ids.has(id)) return { ok: false, error: `'${id}' is built in: it can be switched off but not removed` };
      if (!lib.index.imported.includes(id)) return { ok: false, error: `no imported pack '${id}'` };
      const written = await this.writeIndex(withoutPack(lib.index, id));
      if (written.ok) await this.storage.remove(packKey(id)).catch(() => {});
      return written;
    });
  }

  private async writeIndex(index: PackIndex): Promise<ChangeResult> {
    try {
      await this.storage.set({ [PACK_INDEX_KEY]: index });
      return { ok: true };
    } catch (err) {
      return { ok: false, error: `the change could not be stored (${errorText(err)})` };
    }
  }

  /** Runs one change after the previous ones, on a fresh read, and drops the cache afterwards. */
  private change<T>(fn: (lib: Loaded) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.invalidate();
      try {
        return await fn(await this.load());
      } finally {
        this.invalidate();
      }
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private load(): Promise<Loaded> {
    this.loaded ??= this.read().catch((err) => {
      this.loaded = null;
      throw err;
    });
    return this.loaded;
  }

  private async read(): Promise<Loaded> {
    let notice: 'index-rebuilt' | undefined;
    let index: PackIndex;
    let stored: Record<string, unknown>;
    // The bundled files are read while storage answers (a cold worker waits on both).
    const bundled = this.bundled();
    bundled.catch(() => {});
    const { index: fromIndex, damaged } = readIndex((await this.storage.get(PACK_INDEX_KEY))[PACK_INDEX_KEY]);
    if (damaged) {
      // Rebuilt, not reset: every pack still in storage is listed again (written on the next change).
      stored = await this.storage.get(null);
      index = indexFromKeys(Object.keys(stored).sort());
      notice = 'index-rebuilt';
    } else {
      index = fromIndex;
      stored = index.imported.length ? await this.storage.get(index.imported.map(packKey)) : {};
    }
    const lib = assembleLibrary((await bundled).packs, index, stored);
    return { ...lib, index, notice, pack: mergePacks(lib.served) };
  }
}
