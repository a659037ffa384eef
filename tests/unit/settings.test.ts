import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyChange,
  DEFAULT_SETTINGS,
  diffFromDefaults,
  HIGHLIGHT_STYLES,
  migrate,
  SETTINGS_VERSION,
  THEMES,
  type Migration,
  type Settings,
} from '../../src/core/settings';
import { ENTITY_TYPES } from '../../src/core/types';

describe('migrate', () => {
  it('gives the defaults, without a notice, when nothing was stored', () => {
    expect(migrate(undefined)).toEqual({ settings: DEFAULT_SETTINGS });
    expect(migrate(null).notice).toBeUndefined();
  });

  it('hands out a copy, so changing the result cannot change the defaults', () => {
    const { settings } = migrate(undefined);
    settings.types.pop();
    expect(DEFAULT_SETTINGS.types).toHaveLength(ENTITY_TYPES.length);
  });

  it('keeps what the reader changed and fills the rest from the defaults', () => {
    const { settings, notice } = migrate({ version: SETTINGS_VERSION, firstMentionOnly: true, theme: 'dark' });
    expect(notice).toBeUndefined();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, firstMentionOnly: true, theme: 'dark' });
  });

  it('upgrades an unversioned record, reading a numeric-string delay as a number', () => {
    const { settings, notice } = migrate({ hoverDelayMs: ' 450 ', highlightStyle: 'background' });
    expect(notice).toBeUndefined();
    expect(settings.hoverDelayMs).toBe(450);
    expect(settings.highlightStyle).toBe('background');
  });

  it.each([['a string', 'garbage'], ['a number', 42], ['an array', ['person']], ['true', true]])(
    'falls back to the defaults with a notice when storage holds %s',
    (_label, stored) => {
      const r = migrate(stored);
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.notice).toMatch(/reset to defaults/);
    },
  );

  it('resets only the invalid fields and names them in the notice', () => {
    const r = migrate({ version: 1, hoverDelayMs: -20, theme: 'neon', firstMentionOnly: true });
    expect(r.settings.firstMentionOnly).toBe(true);
    expect(r.settings.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(r.settings.theme).toBe(DEFAULT_SETTINGS.theme);
    expect(r.notice).toContain('hoverDelayMs');
    expect(r.notice).toContain('theme');
    expect(r.notice).not.toContain('firstMentionOnly');
    expect(r.resetFields).toEqual(['hoverDelayMs', 'theme']);
  });

  it('rejects a type list with an unknown type instead of guessing', () => {
    const r = migrate({ version: 1, types: ['person', 'planet'] });
    expect(r.settings.types).toEqual(DEFAULT_SETTINGS.types);
    expect(r.notice).toContain('types');
  });

  it('puts a stored type list in canonical order without repeats', () => {
    expect(migrate({ version: 1, types: ['term', 'person', 'term'] }).settings.types).toEqual(['person', 'term']);
  });

  it('keeps known fields from a newer version and says so', () => {
    const r = migrate({ version: SETTINGS_VERSION + 3, theme: 'light', sparkles: 'yes' });
    expect(r.settings.theme).toBe('light');
    expect(r.settings).not.toHaveProperty('sparkles');
    expect(r.notice).toMatch(/newer version/);
  });

  it('reads a record with an unreadable version as current, with a notice', () => {
    const r = migrate({ version: 'two', theme: 'dark' });
    expect(r.settings.theme).toBe('dark');
    expect(r.notice).toMatch(/version was unreadable/);
  });

  it('applies numbered steps in order, from the stored version up to the current one', () => {
    const steps: Record<number, Migration> = {
      1: (o) => ({ ...o, trail: [...((o.trail as number[]) ?? []), 1] }),
      2: (o) => ({ ...o, trail: [...((o.trail as number[]) ?? []), 2], hoverDelayMs: (o.delaySeconds as number) * 1000 }),
      3: (o) => ({ ...o, trail: [...((o.trail as number[]) ?? []), 3], theme: o.dark ? 'dark' : 'light' }),
    };
    // Version 1 record: steps 2 and 3 must run, step 1 must not.
    const r = migrate({ version: 1, delaySeconds: 0.5, dark: true }, steps, 3);
    expect(r.notice).toBeUndefined();
    expect(r.settings.hoverDelayMs).toBe(500);
    expect(r.settings.theme).toBe('dark');
  });

  it('falls back to the defaults when a step throws', () => {
    const steps: Record<number, Migration> = {
      1: () => {
        throw new Error('boom');
      },
    };
    const r = migrate({ theme: 'dark' }, steps, 1);
    expect(r.settings).toEqual(DEFAULT_SETTINGS);
    expect(r.notice).toMatch(/version 1 failed/);
  });
});

describe('diffFromDefaults', () => {
  it('stores only the version when nothing changed', () => {
    expect(diffFromDefaults({ ...DEFAULT_SETTINGS })).toEqual({ version: SETTINGS_VERSION });
  });

  it('stores only the changed fields', () => {
    expect(diffFromDefaults({ ...DEFAULT_SETTINGS, hoverDelayMs: 800, types: ['person', 'place'] })).toEqual({
      version: SETTINGS_VERSION,
      hoverDelayMs: 800,
      types: ['person', 'place'],
    });
  });

  it('does not store the type list when only its order differs', () => {
    expect(diffFromDefaults({ ...DEFAULT_SETTINGS, types: [...ENTITY_TYPES].reverse() })).toEqual({ version: SETTINGS_VERSION });
  });

  it('round-trips any valid settings through storage unchanged', () => {
    const settingsArb: fc.Arbitrary<Settings> = fc.record({
      types: fc.subarray([...ENTITY_TYPES]),
      firstMentionOnly: fc.boolean(),
      highlightStyle: fc.constantFrom(...HIGHLIGHT_STYLES),
      hoverDelayMs: fc.integer({ min: 0, max: 2000 }),
      theme: fc.constantFrom(...THEMES),
      memory: fc.boolean(),
      memoryRetention: fc.constantFrom('3m', '1y', 'forever'),
      memoryExcludedSites: fc.uniqueArray(fc.constantFrom('example.com', 'news.example.org', 'localhost:8080')),
    });
    fc.assert(
      fc.property(settingsArb, (s) => {
        const stored = JSON.parse(JSON.stringify(diffFromDefaults(s)));
        const back = migrate(stored);
        expect(back.notice).toBeUndefined();
        expect(back.settings).toEqual(s);
      }),
    );
  });
});

describe('applyChange', () => {
  it('accepts a valid change', () => {
    const r = applyChange(DEFAULT_SETTINGS, { highlightStyle: 'none' });
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, highlightStyle: 'none' } });
  });

  it('refuses an out-of-range delay and names the field', () => {
    const r = applyChange(DEFAULT_SETTINGS, { hoverDelayMs: 99_999 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^hoverDelayMs:/);
  });

  it('allows turning every type off (the reader may want no highlights)', () => {
    expect(applyChange(DEFAULT_SETTINGS, { types: [] })).toMatchObject({ ok: true, settings: { types: [] } });
  });
});

describe('settings migration 2 (reading memory)', () => {
  it('memory is on by default and a comma-separated excluded-sites draft becomes a list', () => {
    expect(migrate(undefined).settings).toMatchObject({ memory: true, memoryRetention: '1y', memoryExcludedSites: [] });
    const r = migrate({ version: 1, memoryExcludedSites: 'www.Example.com, news.test' });
    expect(r.notice).toBeUndefined();
    expect(r.settings.memoryExcludedSites).toEqual(['example.com', 'news.test']);
  });
});
