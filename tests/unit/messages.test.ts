import { describe, expect, it, vi } from 'vitest';
import type { Pack } from '../../src/core/types';
import { createHub, type HubDeps } from '../../src/background/hub';
import { mergePacks } from '../../src/background/merge-packs';
import { MAX_PAGE_CHARS, parseMessage } from '../../src/shared/messages';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

describe('parseMessage', () => {
  it.each([
    [{ type: 'backstory:get-cards' }],
    [{ type: 'backstory:page-status', entityCount: 0 }],
    [{ type: 'backstory:reveal', entityId: 'choe-son-hui' }],
    [{ type: 'backstory:reveal', entityId: 'choe-son-hui', sentence: 3 }],
    [{ type: 'backstory:annotate-tab', tabId: 12 }],
    [{ type: 'backstory:toggle' }],
  ])('accepts %j', (msg) => {
    expect(parseMessage(msg)).toEqual(msg);
  });

  it.each([
    ['another extension’s message', { type: 'other:hello' }],
    ['no type', { entityCount: 1 }],
    ['a string', 'backstory:get-cards'],
    ['the removed get-pack', { type: 'backstory:get-pack' }],
    ['null', null],
    ['a negative count', { type: 'backstory:page-status', entityCount: -1 }],
    ['a fractional count', { type: 'backstory:page-status', entityCount: 1.5 }],
    ['a count as text', { type: 'backstory:page-status', entityCount: '3' }],
    ['a missing tab id', { type: 'backstory:annotate-tab' }],
    ['an entity id that is not text', { type: 'backstory:reveal', entityId: 7 }],
    ['an absurdly long entity id', { type: 'backstory:reveal', entityId: 'x'.repeat(500) }],
  ])('drops %s', (_label, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('strips fields it does not know, so nothing extra reaches a handler', () => {
    expect(parseMessage({ type: 'backstory:get-cards', script: 'alert(1)' })).toEqual({ type: 'backstory:get-cards' });
  });
});

const PACK: Pack = {
  id: 'test-pack',
  version: 1,
  title: 'Test',
  language: 'en',
  sources: [{ id: 's', title: 'Source' }],
  entities: [{ id: 'yongbyon', type: 'place', name: 'Yongbyon', summary: 'A nuclear site.' }],
};

/** What the browser says about each kind of sender. */
const ORIGIN = 'chrome-extension://self/';
const PAGE = { id: 'self', url: 'https://news.example/story', tab: { id: 9 }, frameId: 0 };
const OPTIONS = { id: 'self', url: `${ORIGIN}options/options.html`, tab: { id: 4 }, frameId: 0 };
const POPUP = { id: 'self', url: `${ORIGIN}popup/popup.html?tabId=9` };

function hubWith(overrides: Partial<HubDeps> = {}) {
  const packs = {
    list: vi.fn(async () => ({ packs: [] })),
    importText: vi.fn(async () => ({ ok: true })),
    exportText: vi.fn(async () => ({ ok: true })),
    setEnabled: vi.fn(async () => ({ ok: true })),
    remove: vi.fn(async () => ({ ok: true })),
  };
  const notes = {
    opened: vi.fn(async () => ({ ok: true as const })),
    draft: vi.fn(async () => ({ term: '' })),
    save: vi.fn(async () => ({ ok: true as const })),
    close: vi.fn(async () => ({ ok: true })),
  };
  const deps = {
    extensionId: 'self',
    noteEditor: notes,
    extensionOrigin: ORIGIN,
    setBadge: vi.fn(async () => {}),
    annotateTab: vi.fn(async () => ({ ok: true })),
    packs: packs as unknown as NonNullable<HubDeps['packs']>,
    pageConfig: vi.fn(async () => ({ settings: DEFAULT_SETTINGS, siteOff: false })),
    analyze: vi.fn(async () => ({ json: '{}' })),
    ...overrides,
  };
  return { deps, packs, notes, handle: createHub(deps) };
}

describe('background message hub', () => {
  it('sets the badge of the tab that reported its status', async () => {
    const { handle, deps } = hubWith();
    await expect(handle({ type: 'backstory:page-status', entityCount: 5 }, PAGE)).resolves.toEqual({ ok: true });
    expect(deps.setBadge).toHaveBeenCalledWith(9, 5);
  });

  it('tells the analysis that the page finished its pass, so its article is filed now', async () => {
    const settled = vi.fn();
    const { handle } = hubWith({ settled });
    await handle({ type: 'backstory:page-status', entityCount: 5 }, PAGE);
    expect(settled).toHaveBeenCalledWith(expect.objectContaining({ tab: expect.objectContaining({ id: 9 }) }));
  });

  it('ignores a page status that does not come from a tab’s top frame', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:page-status', entityCount: 5 }, { id: 'self', url: PAGE.url })).toBeUndefined();
    expect(handle({ type: 'backstory:page-status', entityCount: 5 }, { ...PAGE, frameId: 3 })).toBeUndefined();
    expect(handle({ type: 'backstory:page-status', entityCount: 5 }, POPUP)).toBeUndefined();
    expect(deps.setBadge).not.toHaveBeenCalled();
  });

  it('passes annotate-tab from the popup to the injector with the asked tab', async () => {
    const { handle, deps } = hubWith();
    await expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, POPUP)).resolves.toEqual({ ok: true });
    expect(deps.annotateTab).toHaveBeenCalledWith(3);
  });

  it.each([
    [{ type: 'backstory:annotate-tab', tabId: 3 }],
    [{ type: 'backstory:list-packs' }],
    [{ type: 'backstory:import-pack', text: '{"id":"evil"}' }],
    [{ type: 'backstory:export-pack', id: 'mine' }],
    [{ type: 'backstory:set-pack-enabled', id: 'built-in', enabled: false }],
    [{ type: 'backstory:remove-pack', id: 'mine' }],
    [{ type: 'backstory:save-note', term: 'Choe Son Hui', text: 'planted by the page' }],
    [{ type: 'backstory:note-editor-draft' }],
    [{ type: 'backstory:note-editor-close' }],
  ])('a content script sending %j gets nothing done', (msg) => {
    const { handle, deps, packs, notes } = hubWith();
    expect(handle(msg, PAGE)).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
    for (const fn of [...Object.values(packs), ...Object.values(notes)]) expect(fn).not.toHaveBeenCalled();
  });

  it('the editor’s own document reads its tab’s draft and saves; the content script only says what it opened', async () => {
    const { handle, notes } = hubWith();
    const editor = { id: 'self', url: `${ORIGIN}note-editor/editor.html`, tab: { id: 9 }, frameId: 5 };
    await handle({ type: 'backstory:note-editor-open', term: 'Choe' }, PAGE);
    expect(notes.opened).toHaveBeenCalledWith(9, 'Choe');
    expect(handle({ type: 'backstory:note-editor-open', term: 'Choe' }, editor)).toBeUndefined();
    await handle({ type: 'backstory:note-editor-draft' }, editor);
    expect(notes.draft).toHaveBeenCalledWith(9);
    await handle({ type: 'backstory:save-note', term: 'Choe', text: 'Mine.' }, editor);
    expect(notes.save).toHaveBeenCalledWith('Choe', 'Mine.');
  });

  it('answers the same pack message from the options page', async () => {
    const { handle, packs } = hubWith();
    await expect(handle({ type: 'backstory:remove-pack', id: 'mine' }, OPTIONS)).resolves.toEqual({ ok: true });
    expect(packs.remove).toHaveBeenCalledWith('mine');
  });

  it('answers page messages only from a content script, not from extension pages', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:page-config' }, OPTIONS)).toBeUndefined();
    expect(handle({ type: 'backstory:analyze', request: { pass: 'p', base: 0, removed: [], added: [{ text: 'Kim Jong Un spoke.', kind: 'body' }] } }, POPUP)).toBeUndefined();
    expect(deps.pageConfig).not.toHaveBeenCalled();
    expect(deps.analyze).not.toHaveBeenCalled();
  });

  it('page-config reads the page’s address from the sender, never from the message', async () => {
    const { handle, deps } = hubWith();
    await handle({ type: 'backstory:page-config', url: 'https://switched-off.example/' }, PAGE);
    expect(deps.pageConfig).toHaveBeenCalledWith('https://news.example/story');
  });

  it('drops unknown and malformed messages without answering', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'something-else' }, POPUP)).toBeUndefined();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 'all' }, POPUP)).toBeUndefined();
    expect(handle(undefined, POPUP)).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
  });

  it('passes a content script’s analyze request on as sent, and drops one that is not a request', async () => {
    const { handle, deps } = hubWith();
    const request = { pass: 'p1', base: 0, removed: [], added: [{ text: 'Kim Jong Un spoke.', kind: 'body' }] };
    await handle({ type: 'backstory:analyze', request }, PAGE);
    expect(deps.analyze).toHaveBeenCalledTimes(1);
    expect(vi.mocked(deps.analyze!).mock.calls[0]![0].request).toEqual(request);
    for (const bad of [
      { ...request, added: [{ text: 'Kim', kind: 'sidebar' }] },
      { ...request, base: -1 },
      { ...request, added: [{ text: 'x'.repeat(MAX_PAGE_CHARS + 1), kind: 'body' }] },
      JSON.stringify(request),
    ]) {
      expect(handle({ type: 'backstory:analyze', request: bad }, PAGE)).toBeUndefined();
    }
    expect(deps.analyze).toHaveBeenCalledTimes(1);
  });

  it('leaves messages meant for content scripts unanswered', () => {
    const { handle } = hubWith();
    expect(handle({ type: 'backstory:get-cards' }, POPUP)).toBeUndefined();
    expect(handle({ type: 'backstory:toggle' }, POPUP)).toBeUndefined();
    expect(handle({ type: 'backstory:get-pack' }, POPUP)).toBeUndefined();
  });

  it('drops valid-looking messages sent by another extension', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, { ...POPUP, id: 'intruder' })).toBeUndefined();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, { id: 'intruder', url: 'chrome-extension://intruder/x.html' })).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
  });

  it('does not take an address that merely starts like the extension’s for one of its pages', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, { id: 'self', url: 'chrome-extension://self.evil/x.html', tab: { id: 9 }, frameId: 0 })).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
  });
});

describe('mergePacks (what the analysis uses when several packs are installed)', () => {
  const other: Pack = {
    ...PACK,
    id: 'other',
    sources: [{ id: 's', title: 'Duplicate source' }, { id: 't', title: 'Second source' }],
    entities: [
      { id: 'yongbyon', type: 'place', name: 'Nyongbyon', summary: 'Shadowed.' },
      { id: 'kcna', type: 'organization', name: 'KCNA', summary: 'State news agency.' },
    ],
  };

  it('serves a single pack as it is', () => {
    expect(mergePacks([PACK])).toBe(PACK);
  });

  it('serves an empty pack when there is none', () => {
    expect(mergePacks([]).entities).toEqual([]);
  });

  it('keeps the first pack’s entity and source when ids repeat', () => {
    const merged = mergePacks([PACK, other]);
    expect(merged.entities.map((e) => e.name)).toEqual(['Yongbyon', 'KCNA']);
    expect(merged.sources.map((s) => s.title)).toEqual(['Source', 'Second source']);
  });
});
