import { describe, expect, it } from 'vitest';
import { contentRequest } from '../../src/content/requests';

describe('contentRequest', () => {
  it('takes the requests the content script answers, as sent', () => {
    expect(contentRequest({ type: 'backstory:get-cards' })).toEqual({ type: 'backstory:get-cards' });
    expect(contentRequest({ type: 'backstory:reveal', entityId: 'yongbyon', sentence: 3 })).toEqual({ type: 'backstory:reveal', entityId: 'yongbyon', sentence: 3 });
    expect(contentRequest({ type: 'backstory:toggle' })).toEqual({ type: 'backstory:toggle' });
    expect(contentRequest({ type: 'backstory:step', direction: 'previous' })).toEqual({ type: 'backstory:step', direction: 'previous' });
    expect(contentRequest({ type: 'backstory:open-note-editor', term: 'Choe' })).toEqual({ type: 'backstory:open-note-editor', term: 'Choe' });
    expect(contentRequest({ type: 'backstory:changed', what: 'settings' })).toEqual({ type: 'backstory:changed', what: 'settings' });
  });

  it('leaves malformed requests and other messages unanswered', () => {
    for (const raw of [
      null,
      'backstory:get-cards',
      { type: 'backstory:analyze' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'backstory:reveal' },
      { type: 'backstory:reveal', entityId: 'x'.repeat(201) },
      { type: 'backstory:reveal', entityId: 'a', sentence: -1 },
      { type: 'backstory:reveal', entityId: 'a', sentence: 1.5 },
      { type: 'backstory:toggle', active: 'yes' },
      { type: 'backstory:step', direction: 'up' },
      { type: 'backstory:open-note-editor', term: 'x'.repeat(1_001) },
      { type: 'backstory:changed', what: 'everything' },
    ]) {
      expect(contentRequest(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});
