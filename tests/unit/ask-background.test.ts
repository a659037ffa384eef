import { beforeEach, describe, expect, it, vi } from 'vitest';

const sendMessage = vi.fn();
// The content script uses the browser's own API object (no polyfill): stand one in.
(globalThis as { chrome?: unknown }).chrome = { runtime: { id: 'test', sendMessage } };

const { askBackground } = await import('../../src/content/ask-background');
const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
const msg = { type: 'backstory:page-config' } as const;

describe('askBackground', () => {
  beforeEach(() => {
    sendMessage.mockReset();
  });

  it('asks again while the service worker is restarting, then gets the answer', async () => {
    sendMessage.mockRejectedValueOnce(noReceiver).mockRejectedValueOnce(noReceiver).mockResolvedValueOnce({ pack: 'p' });
    await expect(askBackground(msg, [0, 0, 0])).resolves.toEqual({ pack: 'p' });
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('gives up after its last retry with the browser’s own error', async () => {
    sendMessage.mockRejectedValue(noReceiver);
    await expect(askBackground(msg, [0, 0])).rejects.toThrow(/Receiving end does not exist/);
    expect(sendMessage).toHaveBeenCalledTimes(3);
  });

  it('does not retry other failures', async () => {
    sendMessage.mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(askBackground(msg, [0, 0])).rejects.toThrow(/invalidated/);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
