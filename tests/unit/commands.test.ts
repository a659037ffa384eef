// The keyboard commands: Chrome accepts at most four suggested keys, no two alike, and every
// command the background acts on must be declared in the manifest.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { NEXT_COMMAND, PREVIOUS_COMMAND, TOGGLE_COMMAND } = await import('../../src/background/commands');

const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../manifest.json'), 'utf8'));
const commands = manifest.commands as Record<string, { suggested_key?: { default?: string } }>;

describe('keyboard commands', () => {
  it('declares the toggle and the next/previous mention commands the background handles', () => {
    for (const name of [TOGGLE_COMMAND, NEXT_COMMAND, PREVIOUS_COMMAND]) expect(commands[name], name).toBeDefined();
    expect(commands[NEXT_COMMAND]!.suggested_key?.default).toBe('Alt+Shift+N');
  });

  it('suggests at most four keys, all different, each with a modifier', () => {
    const keys = Object.values(commands).map((c) => c.suggested_key?.default).filter((k): k is string => !!k);
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^(Alt|Ctrl|Command|MacCtrl)\+(Shift\+)?[A-Z0-9]$/);
  });
});
