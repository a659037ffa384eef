// The reading memory as the background runs it: opens the database once per worker (a handle does
// not survive a restart), files analysed articles, answers lookups, and owns the reader's controls.
// Fails safe: if IndexedDB is missing or broken the memory is off with a reason, and every call
// here resolves (a lookup to nothing) so highlights and cards carry on as without it.
import browser from 'webextension-polyfill';
import { articleUrl, siteOf } from '../../core/memory/article-url';
import { retentionCutoff, type EarlierItem, type Retention } from '../../core/memory/earlier';
import { entityKey, indexPackNames, keysOfPackEntity, type PackNameIndex } from '../../core/memory/entity-key';
import { articleMemory } from '../../core/memory/extract';
import { parseMemoryFile } from '../../core/memory/records';
import type { Settings } from '../../core/settings';
import type { CardModel, Pack } from '../../core/types';
import { errorText } from '../../shared/error-text';
import type { LookupErrors, MemoryStatus } from '../../shared/memory-messages';
import type { AnalyzeRequest } from '../../shared/messages';
import type { MessageSender } from '../../shared/senders';
import { openMemoryDb } from './db';
import { MemoryStore } from './store';

/** storage.local key: whether persistence was granted and the last failed write (small). */
export const MEMORY_STATUS_KEY = 'memoryStatus';

/** How often filing and lookups apply retention (see keepRetention); the options page's count
 *  applies it every time. */
const RETENTION_EVERY_MS = 3_600_000;

/** storage.session key (one per tab): the URL that tab's article was filed under. */
const filedKey = (tabId: number): string => `memoryFiled:${tabId}`;

interface Recorded {
  persisted?: boolean;
  lastError?: string;
  lookupErrors?: LookupErrors;
}

export interface MemoryDeps {
  loadSettings(): Promise<Settings>;
  getPack(): Promise<Pack>;
  now?(): number;
}

/** What the memory reads of a message's sender. */
export type PageSender = MessageSender;

function isQuota(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(errorText(err));
}

export class MemoryService {
  private opening: Promise<MemoryStore> | null = null;
  private failure: string | null = null;
  private packNames: { pack: Pack; index: PackNameIndex; byId: Map<string, Pack['entities'][number]> } | null = null;
  /** The URL each tab's article was filed under (its canonical link may differ from the tab's
   *  URL): that article never lists itself, and "Forget this article" finds it. Also kept in
   *  storage.session, since the browser stops an idle worker (or event page) while the tab stays
   *  open; it is cleared when the browser closes, and per tab when the tab closes. */
  private readonly filedInTab = new Map<number, string>();
  private filing: Promise<void> = Promise.resolve();
  /** What each tab last filed (its URL and facts, without the time read): a live page analyses
   *  again on every update, and most updates change nothing the memory keeps. */
  private readonly lastFiled = new Map<number, string>();
  /** Lookup failures are counted one after another: two failing at once must both count. */
  private counting: Promise<void> = Promise.resolve();
  /** When retention was last applied, and under which setting. */
  private retained: { at: number; retention: Retention } | null = null;

  constructor(private readonly deps: MemoryDeps, private readonly dbName?: string) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** The open store; rejects (with the reason recorded) when the memory cannot be used. */
  store(): Promise<MemoryStore> {
    this.opening ??= openMemoryDb(this.dbName, () => (this.opening = null)).then(
      (db) => {
        this.failure = null;
        void this.askPersistence();
        return new MemoryStore(db);
      },
      (err: unknown) => {
        this.opening = null;
        this.failure = errorText(err);
        throw err;
      },
    );
    return this.opening;
  }

  private async record(change: Recorded): Promise<void> {
    try {
      await browser.storage.local.set({ [MEMORY_STATUS_KEY]: { ...(await this.recorded()), ...change } });
    } catch {
      // Recording is best effort: storage.local may be what is full.
    }
  }

  private async recorded(): Promise<Recorded> {
    try {
      return ((await browser.storage.local.get(MEMORY_STATUS_KEY))[MEMORY_STATUS_KEY] ?? {}) as Recorded;
    } catch {
      return {};
    }
  }

  private async rememberFiled(tabId: number, url: string): Promise<void> {
    // A live page files on every pass, under the same URL.
    if (this.filedInTab.get(tabId) === url) return;
    this.filedInTab.set(tabId, url);
    try {
      await browser.storage.session.set({ [filedKey(tabId)]: url });
    } catch {
      // Without storage.session the worker's own map still serves until it stops.
    }
  }

  private async filedIn(tabId: number): Promise<string | undefined> {
    const known = this.filedInTab.get(tabId);
    if (known) return known;
    try {
      const url = (await browser.storage.session.get(filedKey(tabId)))[filedKey(tabId)];
      if (typeof url !== 'string') return undefined;
      this.filedInTab.set(tabId, url);
      return url;
    } catch {
      return undefined;
    }
  }

  /** The URLs the article open at `url` (in tab `tabId`) may be filed under. */
  private async thisArticle(url: string | undefined, tabId: number | undefined): Promise<Set<string>> {
    const urls = new Set<string>();
    const fromUrl = url ? articleUrl(url) : null;
    if (fromUrl) urls.add(fromUrl);
    const filed = tabId !== undefined ? await this.filedIn(tabId) : undefined;
    if (filed) urls.add(filed);
    return urls;
  }

  /** A closed tab's article is no longer "this article" anywhere. */
  async tabClosed(tabId: number): Promise<void> {
    // A filing of this tab's article still under way would mark the closed tab as filed again.
    await this.filing;
    this.filedInTab.delete(tabId);
    this.lastFiled.delete(tabId);
    await browser.storage.session.remove(filedKey(tabId)).catch(() => undefined);
  }

  /** Best-effort storage may be evicted under disk pressure: ask once to keep it, and record the answer.
   *  Firefox's event page has persist() and grants it only because the manifest asks for
   *  unlimitedStorage (without it the answer is a silent false, and the options page warns);
   *  Chromium's service worker has no persist() at all, so the status there stays "unknown". */
  private async askPersistence(): Promise<void> {
    const storage = (globalThis.navigator as Navigator | undefined)?.storage;
    if (!storage?.persist) return;
    try {
      const granted = (await storage.persisted?.()) || (await storage.persist());
      await this.record({ persisted: granted });
    } catch {
      // Refused outright rather than answered: the status says "unknown".
    }
  }

  private names(pack: Pack): PackNameIndex {
    return this.packIndex(pack).index;
  }

  /** The pack's name index and entities by id, built once per served pack (a lookup runs on every
   *  card, and a big pack holds 10,000 entities). */
  private packIndex(pack: Pack): NonNullable<MemoryService['packNames']> {
    if (this.packNames?.pack !== pack) this.packNames = { pack, index: indexPackNames(pack.entities), byId: new Map(pack.entities.map((e) => [e.id, e])) };
    return this.packNames;
  }

  /** Files an analysis after the page has had its answer, in the order the analyses finished:
   *  a live page's later pass must not be overwritten by an earlier one still on its way. */
  fileInOrder(...args: Parameters<MemoryService['fileArticle']>): Promise<void> {
    this.filing = this.filing.then(() => this.fileArticle(...args)).catch(() => undefined);
    return this.filing;
  }

  /** Files what the analysis of a page found. Never for private windows, with memory switched off,
   *  or on a site the reader excluded. Resolves when the write is done (or failed and recorded). */
  async fileArticle(sender: PageSender, cards: readonly CardModel[], page: AnalyzeRequest['page'], published: string | undefined): Promise<void> {
    // Frames are embeds and ads, not the article the reader chose.
    if (sender.tab?.incognito || (sender.frameId ?? 0) !== 0) return;
    const pageUrl = sender.url ?? sender.tab?.url;
    if (!pageUrl || cards.length === 0) return;
    const url = articleUrl(pageUrl, { canonical: page?.canonical, ogUrl: page?.ogUrl });
    if (!url) return;
    const settings = await this.deps.loadSettings();
    if (!settings.memory || excluded(url, settings.memoryExcludedSites)) return;
    const pack = await this.deps.getPack();
    const site = siteOf(url) ?? '';
    const article = articleMemory(cards, this.names(pack), {
      url,
      title: (page?.title ?? '').trim(),
      outlet: (page?.siteName ?? '').trim() || site,
      ...(published ? { published } : {}),
      readAt: this.now(),
    });
    if (!article) return;
    const tabId = sender.tab?.id;
    if (tabId !== undefined) await this.rememberFiled(tabId, url);
    const facts = JSON.stringify({ ...article, readAt: 0 });
    if (tabId !== undefined && this.lastFiled.get(tabId) === facts) return;
    let store: MemoryStore;
    try {
      store = await this.store();
    } catch {
      return; // off, with the reason in `failure`
    }
    try {
      await store.put(article);
    } catch (err) {
      if (!isQuota(err)) return this.record({ lastError: errorText(err) });
      // Full: make room by forgetting the oldest tenth, then try once more; say so either way.
      try {
        const { articles } = await store.stats();
        await store.forgetOldest(Math.max(1, Math.ceil(articles / 10)));
        await store.put(article);
        await this.record({ lastError: 'storage was full; the oldest articles were forgotten to make room' });
      } catch (again) {
        await this.record({ lastError: `storage is full: ${errorText(again)}` });
      }
      return;
    }
    if (tabId !== undefined) this.lastFiled.set(tabId, facts);
    await this.keepRetention(store, settings.memoryRetention, RETENTION_EVERY_MS).catch(() => undefined);
  }

  /** Forgets what the reader's retention no longer keeps, unless that was done under the same
   *  setting less than `every` ms ago. Lookups apply it too (hourly): a name's ready list holds its
   *  newest-dated facts, and once those fall out of retention only forgetting them brings the
   *  older-dated ones read since into the list. */
  private async keepRetention(store: MemoryStore, retention: Retention, every: number): Promise<void> {
    const now = this.now();
    const cutoff = retentionCutoff(retention, now);
    if (cutoff === null) return;
    if (this.retained?.retention === retention && now - this.retained.at < every) return;
    await store.forgetBefore(cutoff);
    this.retained = { at: now, retention };
  }

  /** Earlier-reading items for the entities a card shows, leaving out the article at `pageUrl`. */
  async earlier(wanted: { id: string; name: string; pageOnly: boolean }[], pageUrl: string | undefined, tabId?: number): Promise<Record<string, EarlierItem[]>> {
    if (wanted.length === 0) return {};
    let store: MemoryStore;
    try {
      store = await this.store();
    } catch {
      return {}; // off, with the reason in `failure` (the options page says it)
    }
    try {
      const [settings, pack] = await Promise.all([this.deps.loadSettings(), this.deps.getPack()]);
      await this.keepRetention(store, settings.memoryRetention, RETENTION_EVERY_MS);
      const { index: names, byId } = this.packIndex(pack);
      const requests = wanted.flatMap((w) => {
        const packEntity = w.pageOnly ? undefined : byId.get(w.id);
        const keys = packEntity ? keysOfPackEntity(packEntity, names) : [entityKey({ id: w.id, name: w.name, fromPack: !w.pageOnly }, names)].filter((k): k is string => k !== null);
        return keys.length > 0 ? [{ id: w.id, keys }] : [];
      });
      const current = await this.thisArticle(pageUrl, tabId);
      return await store.earlier(requests, current, retentionCutoff(settings.memoryRetention, this.now()));
    } catch (err) {
      // The card goes on without earlier items; the options page says how often and why.
      await this.lookupFailed(err);
      return {};
    }
  }

  /** Counts a failed lookup and keeps the last one's reason and time. */
  private lookupFailed(err: unknown): Promise<void> {
    const last = errorText(err);
    this.counting = this.counting.then(async () => {
      const count = ((await this.recorded()).lookupErrors?.count ?? 0) + 1;
      await this.record({ lookupErrors: { count, last, at: this.now() } });
    }).catch(() => undefined);
    return this.counting;
  }

  async status(): Promise<MemoryStatus> {
    const [settings, recorded] = await Promise.all([this.deps.loadSettings(), this.recorded()]);
    let stats;
    try {
      const store = await this.store();
      // What the options page counts is what the reader's retention keeps: a shorter setting
      // forgets the older articles now, not at the next article read.
      await this.keepRetention(store, settings.memoryRetention, 0);
      stats = await store.stats();
    } catch {
      // failure holds why
    }
    const out: MemoryStatus = { on: settings.memory && stats !== undefined, available: stats !== undefined };
    if (!stats) out.reason = this.failure ?? 'the memory database could not be opened';
    else if (!settings.memory) out.reason = 'setting';
    if (stats) out.stats = stats;
    if (recorded.persisted !== undefined) out.persisted = recorded.persisted;
    if (recorded.lastError) out.lastError = recorded.lastError;
    if (recorded.lookupErrors) out.lookupErrors = recorded.lookupErrors;
    return out;
  }

  async forget(scope: 'article' | 'site' | 'all', target: { url?: string; site?: string; tabId?: number }): Promise<{ ok: boolean; removed: number; error?: string }> {
    // What a tab filed may be gone now: its next pass files it again, as before this check.
    this.lastFiled.clear();
    try {
      const store = await this.store();
      if (scope === 'all') {
        const { articles } = await store.stats();
        await store.forgetAll();
        await this.record({ lastError: undefined, lookupErrors: undefined });
        return { ok: true, removed: articles };
      }
      if (scope === 'article') {
        const urls = await this.thisArticle(target.url, target.tabId);
        let removed = 0;
        for (const u of urls) removed += await store.forgetArticle(u);
        return { ok: urls.size > 0, removed };
      }
      const site = target.site ?? (target.url ? siteOf(target.url) : null);
      return { ok: site !== null, removed: site ? await store.forgetSite(site) : 0 };
    } catch (err) {
      return { ok: false, removed: 0, error: errorText(err) };
    }
  }

  async exportJson(): Promise<{ ok: true; json: string } | { ok: false; error: string }> {
    try {
      return { ok: true, json: JSON.stringify(await (await this.store()).exportFile(this.now())) };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  }

  /** A file is validated whole before anything is written, then written in one transaction. */
  async importJson(text: string): Promise<{ ok: true; count: number } | { ok: false; error: string }> {
    const parsed = parseMemoryFile(text);
    if (!parsed.ok) return parsed;
    this.lastFiled.clear();
    try {
      const store = await this.store();
      await store.putAll(parsed.file.articles);
      // The reader's retention applies to imported articles too: older ones are not kept.
      const cutoff = retentionCutoff((await this.deps.loadSettings()).memoryRetention, this.now());
      const dropped = cutoff === null ? 0 : await store.forgetBefore(cutoff);
      return { ok: true, count: parsed.file.articles.length - dropped };
    } catch (err) {
      return { ok: false, error: errorText(err) };
    }
  }
}

function excluded(url: string, sites: readonly string[]): boolean {
  const site = siteOf(url);
  return site !== null && sites.some((s) => site === s || site.endsWith(`.${s}`));
}
