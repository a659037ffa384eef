// The pack messages are checked at runtime like every other message; a hub without a pack store
// leaves them unanswered instead of answering wrongly.
import { describe, expect, it } from 'vitest';
import { createHub } from '../../src/background/hub';
import { MAX_PACK_BYTES } from '../../src/core/pack/limits';
import { parseMessage } from '../../src/shared/messages';

describe('pack messages', () => {
  it.each([
    [{ type: 'backstory:list-packs' }],
    [{ type: 'backstory:import-pack', text: '{}' }],
    [{ type: 'backstory:export-pack', id: 'mine' }],
    [{ type: 'backstory:set-pack-enabled', id: 'mine', enabled: false }],
    [{ type: 'backstory:remove-pack', id: 'mine' }],
  ])('accepts %j', (msg) => {
    expect(parseMessage(msg)).toEqual(msg);
  });

  it.each([
    ['an import without text', { type: 'backstory:import-pack' }],
    ['an import longer than any pack may be', { type: 'backstory:import-pack', text: 'x'.repeat(MAX_PACK_BYTES + 1) }],
    ['an enable flag as text', { type: 'backstory:set-pack-enabled', id: 'mine', enabled: 'yes' }],
    ['a removal without an id', { type: 'backstory:remove-pack' }],
  ])('drops %s', (_label, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });

  it('goes unanswered by a hub that has no pack store', () => {
    const handle = createHub({ extensionId: 'self', extensionOrigin: 'chrome-extension://self/', setBadge: async () => {}, annotateTab: async () => ({ ok: true }) });
    expect(handle({ type: 'backstory:list-packs' }, { id: 'self', url: 'chrome-extension://self/options/options.html' })).toBeUndefined();
  });
});
