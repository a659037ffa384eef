// @vitest-environment jsdom
// What "Always on this site" does around the permission prompt, with the browser APIs stubbed
// (a headless browser cannot answer the prompt): refused → nothing registered and the reader is
// told; granted → one persistent script for that host and the page annotated; removing gives the
// access back. Also the background's side: grants made elsewhere register, revocations unregister.
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (p: { origins?: string[] }) => void;
const api = vi.hoisted(() => {
  const scripts = new Map<string, { id: string; matches: string[]; persistAcrossSessions?: boolean; js?: string[]; css?: string[] }>();
  const state = { grant: false, added: [] as ((p: { origins?: string[] }) => void)[], removed: [] as ((p: { origins?: string[] }) => void)[] };
  const browser = {
    permissions: {
      request: vi.fn(async () => state.grant),
      remove: vi.fn(async () => true),
      onAdded: { addListener: (fn: Listener) => state.added.push(fn) },
      onRemoved: { addListener: (fn: Listener) => state.removed.push(fn) },
    },
    scripting: {
      registerContentScripts: vi.fn(async (list: { id: string; matches: string[] }[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      }),
      getRegisteredContentScripts: vi.fn(async (filter?: { ids?: string[] }) => [...scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id))),
      unregisterContentScripts: vi.fn(async (filter: { ids: string[] }) => {
        for (const id of filter.ids) scripts.delete(id);
      }),
      insertCSS: vi.fn(async () => {}),
      executeScript: vi.fn(async () => {}),
    },
    tabs: {
      query: vi.fn(async () => [{ id: 7 }]),
      sendMessage: vi.fn(async () => {
        throw new Error('no content script');
      }),
    },
  };
  return { scripts, state, browser };
});
vi.mock('webextension-polyfill', () => ({ default: api.browser }));

const { renderAlwaysOn, siteHostOf } = await import('../../src/popup/page-controls');
const { listSites, removeSite } = await import('../../src/shared/site-access');
const { followSiteGrants } = await import('../../src/background/sites');

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  api.scripts.clear();
  api.state.grant = false;
  vi.clearAllMocks();
});

describe('Always on this site (popup)', () => {
  it('offers itself only for web pages', () => {
    expect(siteHostOf('https://www.example.org/world/story')).toBe('www.example.org');
    expect(siteHostOf('chrome://extensions/')).toBeNull();
    expect(siteHostOf('file:///tmp/a.html')).toBeNull();
    expect(siteHostOf(undefined)).toBeNull();
  });

  it('asks for that one site only; refused → nothing registered, and says so', async () => {
    const status = document.createElement('p');
    const onAdded = vi.fn(async () => {});
    const view = renderAlwaysOn('www.example.org', status, onAdded);
    view.querySelector('button')!.click();
    await flush();
    expect(api.browser.permissions.request).toHaveBeenCalledWith({ origins: ['*://www.example.org/*'] });
    expect(api.browser.scripting.registerContentScripts).not.toHaveBeenCalled();
    expect(onAdded).not.toHaveBeenCalled();
    expect(status.textContent).toBe('popup_site_denied');
  });

  it('granted → one persistent content script for the host, then the page is annotated', async () => {
    api.state.grant = true;
    const status = document.createElement('p');
    const onAdded = vi.fn(async () => {});
    renderAlwaysOn('www.example.org', status, onAdded).querySelector('button')!.click();
    await flush();
    await flush();
    expect([...api.scripts.values()]).toEqual([
      { id: 'backstory-site:www.example.org', matches: ['*://www.example.org/*'], js: ['content.js'], css: ['content.css'], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
    expect(onAdded).toHaveBeenCalledOnce();
    expect(status.textContent).toBe('popup_site_added');
    expect(await listSites()).toEqual(['www.example.org']);
  });
});

describe('removing a site', () => {
  it('unregisters its script and gives the access back', async () => {
    api.scripts.set('backstory-site:example.org', { id: 'backstory-site:example.org', matches: ['*://example.org/*'] });
    api.scripts.set('someone-else', { id: 'someone-else', matches: ['*://x.example/*'] });
    expect(await listSites()).toEqual(['example.org']);
    expect(await removeSite('example.org')).toEqual({ ok: true });
    expect(api.browser.permissions.remove).toHaveBeenCalledWith({ origins: ['*://example.org/*'] });
    expect([...api.scripts.keys()]).toEqual(['someone-else']);
  });
});

describe('background: grants made anywhere', () => {
  it('registers a granted site once (also when the popup did too) and annotates its open tabs; a revocation unregisters', async () => {
    followSiteGrants();
    const [onAdded] = api.state.added;
    const [onRemoved] = api.state.removed;
    onAdded!({ origins: ['*://news.example.net/*', '*://*/*', '*://*.example.com/*'] });
    onAdded!({ origins: ['*://news.example.net/*'] });
    await vi.waitFor(() => expect(api.browser.scripting.executeScript).toHaveBeenCalled());
    expect([...api.scripts.keys()], 'wide grants get no per-host script').toEqual(['backstory-site:news.example.net']);
    expect(api.browser.tabs.query).toHaveBeenCalledWith({ url: '*://news.example.net/*' });
    expect(api.browser.scripting.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['content.js'] });

    onRemoved!({ origins: ['*://news.example.net/*'] });
    await vi.waitFor(() => expect(api.scripts.size).toBe(0));
  });
});
