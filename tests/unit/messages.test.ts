import { describe, expect, it, vi } from 'vitest';
import type { Pack } from '../../src/core/types';
import { createHub, type HubDeps } from '../../src/background/hub';
import { mergePacks } from '../../src/background/merge-packs';
import { parseMessage } from '../../src/shared/messages';

describe('parseMessage', () => {
  it.each([
    [{ type: 'backstory:get-pack' }],
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
    ['a string', 'backstory:get-pack'],
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

function hubWith(overrides: Partial<HubDeps> = {}) {
  const deps = {
    extensionId: 'self',
    getPack: vi.fn(async () => PACK),
    setBadge: vi.fn(async () => {}),
    annotateTab: vi.fn(async () => ({ ok: true })),
    ...overrides,
  };
  return { deps, handle: createHub(deps) };
}

describe('background message hub', () => {
  it('answers get-pack with the pack', async () => {
    const { handle } = hubWith();
    await expect(handle({ type: 'backstory:get-pack' }, { id: 'self' })).resolves.toEqual({ pack: PACK });
  });

  it('sets the badge of the tab that reported its status', async () => {
    const { handle, deps } = hubWith();
    await expect(handle({ type: 'backstory:page-status', entityCount: 5 }, { id: 'self', tab: { id: 9 } })).resolves.toEqual({ ok: true });
    expect(deps.setBadge).toHaveBeenCalledWith(9, 5);
  });

  it('ignores a page status that does not come from a tab', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:page-status', entityCount: 5 }, { id: 'self' })).toBeUndefined();
    expect(deps.setBadge).not.toHaveBeenCalled();
  });

  it('passes annotate-tab to the injector with the asked tab', async () => {
    const { handle, deps } = hubWith();
    await expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, { id: 'self' })).resolves.toEqual({ ok: true });
    expect(deps.annotateTab).toHaveBeenCalledWith(3);
  });

  it('drops unknown and malformed messages without answering', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'something-else' }, { id: 'self' })).toBeUndefined();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 'all' }, { id: 'self' })).toBeUndefined();
    expect(handle(undefined, { id: 'self' })).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
  });

  it('leaves messages meant for content scripts unanswered', () => {
    const { handle } = hubWith();
    expect(handle({ type: 'backstory:get-cards' }, { id: 'self' })).toBeUndefined();
    expect(handle({ type: 'backstory:toggle' }, { id: 'self' })).toBeUndefined();
  });

  it('drops valid-looking messages sent by another extension', () => {
    const { handle, deps } = hubWith();
    expect(handle({ type: 'backstory:annotate-tab', tabId: 3 }, { id: 'intruder' })).toBeUndefined();
    expect(deps.annotateTab).not.toHaveBeenCalled();
  });
});

describe('mergePacks (what get-pack serves when several packs are installed)', () => {
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
