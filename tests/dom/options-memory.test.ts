// @vitest-environment jsdom
// The options page's memory status: what it says when lookups of earlier reading failed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MemoryStatus } from '../../src/shared/memory-messages';

const root = resolve(__dirname, '../..');
const en = JSON.parse(readFileSync(resolve(root, '_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
/** getMessage over the English locale: $ARG1$… → the substitutions in order. */
const getMessage = (key: string, subs: string[] = []) => en[key]?.message.replace(/\$ARG(\d)\$/g, (_m, n: string) => subs[Number(n) - 1] ?? '') ?? '';

let status: MemoryStatus;
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { sendMessage: async (msg: { type: string }) => (msg.type === 'backstory:memory-status' ? status : { ok: true }) },
    storage: { local: { get: async () => ({}), set: async () => {} }, onChanged: { addListener: () => {}, removeListener: () => {} } },
  },
}));

beforeEach(() => {
  (globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage, getUILanguage: () => 'en' } };
  document.body.innerHTML = '<section id="memory"></section>';
});

async function mount(): Promise<HTMLElement> {
  const { mountMemory } = await import('../../src/options/memory-section');
  const section = document.getElementById('memory')!;
  await mountMemory(section);
  return section;
}

describe('options: memory status', () => {
  it('says how many lookups failed, the last reason and when', async () => {
    const at = Date.UTC(2026, 4, 20, 9, 30);
    status = { on: true, available: true, stats: { articles: 2, entities: 5, bytes: 2048 }, lookupErrors: { count: 3, last: 'AbortError: The transaction was aborted', at } };
    const section = await mount();
    const line = section.querySelector<HTMLElement>('#memory-lookup-errors')!;
    expect(line.hidden).toBe(false);
    expect(line.textContent).toContain('3 time(s)');
    expect(line.textContent).toContain('AbortError: The transaction was aborted');
    expect(line.textContent).toContain(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(at));
  });

  it('says nothing of lookups when none failed', async () => {
    status = { on: true, available: true, stats: { articles: 0, entities: 0, bytes: 0 } };
    const section = await mount();
    expect(section.querySelector<HTMLElement>('#memory-lookup-errors')!.hidden).toBe(true);
  });
});
