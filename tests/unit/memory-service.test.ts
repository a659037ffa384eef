// The background's memory service on fake-indexeddb: what it files for a page, and in what order.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MemoryService } from '../../src/background/memory/service';
import { MemoryStore } from '../../src/background/memory/store';
import { applyChange, DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { CardModel, Pack } from '../../src/core/types';

vi.mock('webextension-polyfill', async () => (await import('./fake-storage')).polyfill);

const pack: Pack = { id: 'p', version: 1, title: 'P', language: 'en', entities: [] } as unknown as Pack;

function card(sentences: string[]): CardModel {
  return {
    id: 'page:ri-yong-ho',
    name: 'Ri Yong Ho',
    type: 'person',
    pageOnly: true,
    mentionCount: sentences.length,
    background: [],
    fromArticle: { roles: [], statements: [], sentences: sentences.map((text, i) => ({ text, sentence: i })) },
  };
}

const sender = { url: 'https://news.example/live', frameId: 0, tab: { id: 7, url: 'https://news.example/live' } };
const page = { title: 'Live: talks', siteName: 'News' };

describe('memory service', () => {
  it('files a live page’s passes in the order they finished, even when an earlier one is slower to start', async () => {
    let calls = 0;
    const service = new MemoryService(
      {
        // The first pass's settings read is the slow one: without the queue it would file last
        // and put the page's older, shorter facts back.
        loadSettings: async (): Promise<Settings> => {
          if (calls++ === 0) await new Promise((r) => setTimeout(r, 30));
          return DEFAULT_SETTINGS;
        },
        getPack: async () => pack,
      },
      'service-order',
    );
    const first = service.fileInOrder(sender, [card(['Ri spoke first.'])], page, undefined);
    const second = service.fileInOrder(sender, [card(['Ri spoke first.', 'Ri spoke again later.'])], page, undefined);
    await Promise.all([first, second]);
    const file = JSON.parse(((await service.exportJson()) as { json: string }).json) as { articles: { entities: { sentences: string[] }[] }[] };
    expect(file.articles).toHaveLength(1);
    expect(file.articles[0]!.entities[0]!.sentences).toEqual(['Ri spoke first.', 'Ri spoke again later.']);
  });
});

describe('memory service: a live page', () => {
  it('files a pass only when it changes what the memory keeps of the article', async () => {
    let now = Date.UTC(2026, 0, 1);
    const service = new MemoryService({ loadSettings: async () => DEFAULT_SETTINGS, getPack: async () => pack, now: () => now }, 'service-unchanged');
    const put = vi.spyOn(MemoryStore.prototype, 'put');
    try {
      await service.fileInOrder(sender, [card(['Ri spoke first.'])], page, undefined);
      // Passes that find the same facts (an ad or a counter changed on the page) write nothing.
      for (let i = 0; i < 3; i++) {
        now += 60_000;
        await service.fileInOrder(sender, [card(['Ri spoke first.'])], page, undefined);
      }
      expect(put).toHaveBeenCalledTimes(1);
      await service.fileInOrder(sender, [card(['Ri spoke first.', 'Ri spoke again.'])], page, undefined);
      expect(put).toHaveBeenCalledTimes(2);
      // After "Forget this article" the next pass files it again.
      await service.forget('article', { tabId: 7 });
      await service.fileInOrder(sender, [card(['Ri spoke first.', 'Ri spoke again.'])], page, undefined);
      expect(put).toHaveBeenCalledTimes(3);
    } finally {
      put.mockRestore();
    }
    const file = JSON.parse(((await service.exportJson()) as { json: string }).json) as { articles: { entities: { sentences: string[] }[] }[] };
    expect(file.articles.map((a) => a.entities[0]!.sentences)).toEqual([['Ri spoke first.', 'Ri spoke again.']]);
  });
});

describe('memory service: retention', () => {
  it('a shorter retention forgets the older articles as soon as the reader looks at the counts', async () => {
    const day = 86_400_000;
    let now = Date.UTC(2026, 0, 1);
    let settings: Settings = { ...DEFAULT_SETTINGS, memoryRetention: 'forever' };
    const service = new MemoryService({ loadSettings: async () => settings, getPack: async () => pack, now: () => now }, 'service-retention');
    await service.fileInOrder(sender, [card(['Ri spoke in winter.'])], page, undefined);
    now += 200 * day;
    await service.fileInOrder({ ...sender, url: 'https://news.example/later' }, [card(['Ri spoke in summer.'])], page, undefined);
    expect((await service.status()).stats?.articles).toBe(2);
    settings = { ...settings, memoryRetention: '3m' };
    expect((await service.status()).stats?.articles).toBe(1);
  });
});

describe('memory service: retention and the ready lists', () => {
  it('once a name’s newest-dated articles fall out of retention, its card shows the older-dated one read since', async () => {
    const day = 86_400_000;
    let now = Date.UTC(2026, 4, 20);
    let settings: Settings = { ...DEFAULT_SETTINGS, memoryRetention: 'forever' };
    const service = new MemoryService({ loadSettings: async () => settings, getPack: async () => pack, now: () => now }, 'service-stale');
    // Seven May articles read in May, then an article dated January read 100 days later.
    for (let i = 1; i <= 7; i++) await service.fileInOrder({ ...sender, url: `https://news.example/may/${i}` }, [card([`May fact ${i}.`])], page, `2026-05-0${i}`);
    now += 100 * day;
    await service.fileInOrder({ ...sender, url: 'https://news.example/january' }, [card(['January fact.'])], page, '2026-01-15');
    settings = { ...settings, memoryRetention: '3m' };
    const got = await service.earlier([{ id: 'page:ri-yong-ho', name: 'Ri Yong Ho', pageOnly: true }], 'https://elsewhere.example/', undefined);
    expect(got['page:ri-yong-ho']?.map((i) => i.text)).toEqual(['January fact.']);
  });
});

describe('memory service: sites', () => {
  it('an excluded site written as its mobile or AMP host still excludes the site, and forgetting it that way works', async () => {
    let settings: Settings = { ...DEFAULT_SETTINGS, memoryRetention: 'forever' };
    const service = new MemoryService({ loadSettings: async () => settings, getPack: async () => pack }, 'service-sites');
    await service.fileInOrder({ ...sender, url: 'https://www.paper.example/a' }, [card(['Ri spoke.'])], page, undefined);
    expect(await service.forget('site', { site: 'amp.paper.example' })).toEqual({ ok: true, removed: 1 });
    settings = (applyChange(DEFAULT_SETTINGS, { memoryExcludedSites: ['M.Paper.example'] }) as { settings: Settings }).settings;
    await service.fileInOrder({ ...sender, url: 'https://paper.example/b' }, [card(['Ri spoke again.'])], page, undefined);
    expect((await service.status()).stats?.articles).toBe(0);
  });
});

describe('memory service: failed lookups', () => {
  it('a lookup that throws leaves the card without earlier items, and the status counts it with the last reason and when', async () => {
    let now = Date.UTC(2026, 4, 20, 9, 30);
    const service = new MemoryService({ loadSettings: async () => DEFAULT_SETTINGS, getPack: async () => pack, now: () => now }, 'service-lookup-errors');
    await service.fileInOrder(sender, [card(['Ri spoke.'])], page, undefined);
    const wanted = [{ id: 'page:ri-yong-ho', name: 'Ri Yong Ho', pageOnly: true }];
    expect((await service.earlier(wanted, 'https://elsewhere.example/'))['page:ri-yong-ho']).toHaveLength(1);
    expect((await service.status()).lookupErrors).toBeUndefined();

    const broken = vi.spyOn(MemoryStore.prototype, 'earlier').mockRejectedValue(new DOMException('The transaction was aborted', 'AbortError'));
    try {
      expect(await service.earlier(wanted, 'https://elsewhere.example/')).toEqual({});
      now += 60_000;
      // Two at once both count.
      await Promise.all([service.earlier(wanted, 'https://elsewhere.example/'), service.earlier(wanted, 'https://elsewhere.example/')]);
    } finally {
      broken.mockRestore();
    }
    const st = await service.status();
    expect(st.on).toBe(true);
    expect(st.lookupErrors).toEqual({ count: 3, last: expect.stringContaining('The transaction was aborted'), at: now });
    // Forgetting everything starts the count again.
    await service.forget('all', {});
    expect((await service.status()).lookupErrors).toBeUndefined();
  });
});
