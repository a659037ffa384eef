// Reading-memory bench rows: generated stored articles (what a reader who read a lot holds), the
// time the background takes to answer one page's earlier-reading lookup, and the stored size per
// article, measured on the real demo articles as the extension filed them.
import type { BrowserContext, Page } from 'playwright-core';
import { nameKey } from '../../src/core/memory/entity-key';
import { MEMORY_FILE_FORMAT, MEMORY_FILE_VERSION, type ArticleMemory } from '../../src/core/memory/records';
import { rng } from './names';
import { median } from './suites';

const WORDS = 'the minister said talks would resume after a pause while officials in the capital weighed a reply to the latest offer from abroad'.split(' ');

function sentence(r: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  return `${out.join(' ')}.`;
}

/** Entity `i`'s display name: two words, so it files under a name key. */
export const benchName = (i: number): string => `Person Number${i}`;

/** Names filed per generated article: a news story names about a dozen people and bodies (the
 *  demo articles file 6–20), which keeps a generated article near the demo's 2–8 KB as filed. */
export const NAMES_PER_ARTICLE = 12;

/** `count` articles of NAMES_PER_ARTICLE entities each, drawn from `pool` names with a skew (a few
 *  names in many articles, as real news has). */
export function generateArticles(count: number, pool: number, seed = 7): ArticleMemory[] {
  const r = rng(seed);
  const out: ArticleMemory[] = [];
  // Read over the last weeks, one every 10 minutes (within any retention setting).
  const day0 = Date.now() - count * 600_000;
  for (let a = 0; a < count; a++) {
    const ids = new Set<number>();
    while (ids.size < NAMES_PER_ARTICLE) ids.add(Math.floor(pool * r() ** 2));
    const readAt = day0 + a * 600_000;
    out.push({
      url: `https://news${a % 50}.example/story/${a}`,
      title: `Story ${a}: ${sentence(r, 8)}`,
      outlet: `News ${a % 50}`,
      published: new Date(readAt).toISOString().slice(0, 10),
      readAt,
      // As the demo articles are filed: a role for some names, a statement for a few, one or two
      // mentioning sentences for each.
      entities: [...ids].map((i) => ({
        key: `name:${nameKey(benchName(i))}`,
        name: benchName(i),
        type: 'person' as const,
        roles: r() < 0.3 ? [sentence(r, 4)] : [],
        statements: r() < 0.2 ? [{ text: sentence(r, 16), date: new Date(readAt).toISOString().slice(0, 10) }] : [],
        sentences: r() < 0.3 ? [sentence(r, 22), sentence(r, 22)] : [sentence(r, 22)],
      })),
    });
  }
  return out;
}

async function send<T>(page: Page, msg: unknown): Promise<T> {
  return (await page.evaluate((m) => chrome.runtime.sendMessage(m), msg)) as T;
}

/** Opens `url` and times, `reps` times, a card opening by keyboard focus on one of its mentions:
 *  from focus() to the card's host showing (the earlier items arrive after it, by design). The
 *  first open also loads the card UI, so it is left out. */
async function cardOpenRuns(ctx: BrowserContext, url: string, reps: number): Promise<number[]> {
  const page = await ctx.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 30_000 });
    const runs: number[] = [];
    for (let i = 0; i <= reps; i++) {
      const ms = await page.evaluate(async (n) => {
        const shown = () => (document.querySelector('[data-backstory-card]') as HTMLElement | null)?.style.display === 'block';
        const until = (ok: () => boolean) =>
          new Promise<boolean>((res) => {
            const end = performance.now() + 5_000;
            const tick = () => (ok() ? res(true) : performance.now() > end ? res(false) : requestAnimationFrame(tick));
            tick();
          });
        (document.activeElement as HTMLElement | null)?.blur();
        await until(() => !shown());
        const mentions = [...document.querySelectorAll<HTMLElement>('[data-backstory-entity][tabindex]')];
        const el = mentions[n % mentions.length];
        if (!el) return NaN;
        const t0 = performance.now();
        const opened = new Promise<number>((res) => {
          const obs = new MutationObserver(() => {
            if (shown()) {
              obs.disconnect();
              res(performance.now() - t0);
            }
          });
          obs.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['style'] });
          setTimeout(() => (obs.disconnect(), res(NaN)), 5_000);
        });
        el.focus();
        return opened;
      }, i);
      if (i > 0) runs.push(ms);
    }
    return runs;
  } finally {
    await page.close();
  }
}

export interface MemoryBench {
  /** Card opening by focus on a demo page (ms, per run): with only the demo articles stored, and
   *  with the generated ones too. */
  cardOpenEmpty: number[];
  cardOpenFull: number[];
  articles: number;
  entities: number;
  storedBytes: number;
  /** Stored size of each generated article (JSON characters, as the cap counts them), sorted. */
  generatedArticleBytes: number[];
  /** Median ms the background spent on one lookup of 20 entities (timed in the service worker). */
  background20Ms: number;
  backgroundRuns: number[];
  /** Median ms for the same lookup sent from an extension page (message round trip included). */
  lookup20Ms: number;
  lookupRuns: number[];
  itemsFound: number;
  /** Filing one more article into the full memory (ms per run, from an extension page: the
   *  import message, which validates and writes as reading an article does). */
  fileOneRuns: number[];
  /** What the extension's origin holds on disk with the generated articles stored (bytes, the
   *  browser's navigator.storage.estimate()): the facts, their indexes and each name's ready list. */
  originUsage: number | null;
  /** Median JSON size of a real demo article as filed (bytes). */
  demoArticleBytes: number[];
}

/** Fills the memory with `count` generated articles (through the import message, 1,000 a file),
 *  then times lookups. `extPage` is any page of the extension; `demoPages` are read first. */
export async function runMemoryBench(ctx: BrowserContext, extPage: Page, demoUrls: string[], count: number, reps: number, log: (m: string) => void): Promise<MemoryBench> {
  await send(extPage, { type: 'backstory:memory-forget', scope: 'all' });
  for (const url of demoUrls) {
    const p = await ctx.newPage();
    await p.goto(url);
    await p.waitForSelector('html[data-backstory="ready"]', { state: 'attached', timeout: 30_000 });
    await p.close();
  }
  const exported = await send<{ ok: boolean; json: string }>(extPage, { type: 'backstory:memory-export' });
  const demoArticleBytes = (JSON.parse(exported.json).articles as unknown[]).map((a) => JSON.stringify(a).length).sort((a, b) => a - b);

  const cardUrl = demoUrls[demoUrls.length - 1]!;
  const cardOpenEmpty = await cardOpenRuns(ctx, cardUrl, Math.max(5, reps * 2));
  const all = generateArticles(count, 2_000);
  for (let i = 0; i < all.length; i += 1_000) {
    const file = { format: MEMORY_FILE_FORMAT, version: MEMORY_FILE_VERSION, articles: all.slice(i, i + 1_000) };
    const r = await send<{ ok: boolean; error?: string }>(extPage, { type: 'backstory:memory-import', text: JSON.stringify(file) });
    if (!r.ok) throw new Error(`memory bench: import failed: ${r.error}`);
    log(`memory: ${Math.min(i + 1_000, all.length)} / ${all.length} articles stored`);
  }
  const status = await send<{ stats: { articles: number; entities: number; bytes: number } }>(extPage, { type: 'backstory:memory-status' });
  // A page's 20 names: the 5 most common, 10 middling, 5 rare.
  const wanted = [0, 1, 2, 3, 4, 100, 150, 200, 300, 400, 500, 600, 700, 800, 900, 1500, 1700, 1800, 1900, 1999].map((i) => ({ id: `e${i}`, name: benchName(i), pageOnly: true }));
  const lookupRuns: number[] = [];
  const backgroundRuns: number[] = [];
  let itemsFound = 0;
  for (let i = 0; i < Math.max(5, reps * 3); i++) {
    const { ms, bg, found } = await extPage.evaluate(async (entities) => {
      const t0 = performance.now();
      const res = (await chrome.runtime.sendMessage({ type: 'backstory:memory-earlier-tab', tabId: 0, url: 'https://elsewhere.example/', entities })) as { items: Record<string, unknown[]>; ms?: number };
      return { ms: performance.now() - t0, bg: res.ms ?? NaN, found: Object.values(res.items).reduce((n, l) => n + l.length, 0) };
    }, wanted);
    lookupRuns.push(ms);
    backgroundRuns.push(bg);
    itemsFound = found;
  }
  const fileOneRuns: number[] = [];
  for (const [i, a] of generateArticles(Math.max(5, reps * 2), 2_000, 99).entries()) {
    const file = { format: MEMORY_FILE_FORMAT, version: MEMORY_FILE_VERSION, articles: [{ ...a, url: `https://later.example/story/${i}`, readAt: Date.now() }] };
    fileOneRuns.push(
      await extPage.evaluate(async (text) => {
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'backstory:memory-import', text });
        return performance.now() - t0;
      }, JSON.stringify(file)),
    );
  }
  const originUsage = await extPage.evaluate(async () => (await navigator.storage.estimate()).usage ?? null);
  const cardOpenFull = await cardOpenRuns(ctx, cardUrl, Math.max(5, reps * 2));
  // The first lookup opens the database and warms the caches: reported in the runs, not the median.
  return {
    cardOpenEmpty,
    cardOpenFull,
    articles: status.stats.articles,
    entities: status.stats.entities,
    storedBytes: status.stats.bytes,
    generatedArticleBytes: all.map((a) => JSON.stringify(a).length).sort((a, b) => a - b),
    background20Ms: median(backgroundRuns.slice(1)),
    backgroundRuns,
    lookup20Ms: median(lookupRuns.slice(1)),
    lookupRuns,
    itemsFound,
    fileOneRuns,
    originUsage,
    demoArticleBytes,
  };
}
