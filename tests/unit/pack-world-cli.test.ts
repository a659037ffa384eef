// `npm run pack -- world`: the command a maintainer runs to rebuild the world packs.
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorld, command } from '../../scripts/pack/world';
import { packText } from '../../scripts/pack/world/write';
import { parsePackJson } from '../../src/core/pack/schema';

const ROOT = resolve(import.meta.dirname, '../..');
const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
};

describe('npm run pack -- world', () => {
  it('builds one pack from a snapshot folder into the folder given, and says what it wrote', async () => {
    const out = mkdtempSync(join(tmpdir(), 'world-packs-'));
    const r = await run(['--data', 'tests/fixtures/world', '--only', 'organizations', '--out', out]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(['world-organizations.json']);
    expect(r.out[0]).toMatch(/^world-organizations\.json: 5 entities, \d+ facts, \d+ sources; \d+ KB, \d+ KB gzipped$/);
    const parsed = parsePackJson(readFileSync(join(out, 'world-organizations.json'), 'utf8'));
    expect(parsed.ok && parsed.pack.license).toBe('CC-BY-SA-4.0');
  });

  it('refuses an unknown pack name or argument with the usage line (exit 2)', async () => {
    const r = await run(['--only', 'planets']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('--only: "planets" is not one of countries, leaders-2021, organizations, cities, us-congress');
    expect(r.err[1]).toMatch(/^usage: npm run pack -- world /);
    expect((await run(['--vendor'])).err[0]).toBe('--vendor needs --data DIR (the snapshot to trim)');
  });

  it('says which folder lacks the Factbook when a snapshot folder is wrong (exit 1)', async () => {
    const r = await run(['--data', 'tests/fixtures/world/cities', '--only', 'countries', '--out', mkdtempSync(join(tmpdir(), 'world-packs-'))]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/factbook/);
  });

  // The vendored copies are trims of the snapshot in ../shared/data/world: both must give the same packs.
  const snapshot = ['../shared/data/world', '../../shared/data/world'].map((d) => resolve(ROOT, d)).find((d) => existsSync(join(d, 'factbook')));
  it.skipIf(!snapshot)('makes the same packs from the raw snapshot as from the trimmed copies', () => {
    const vendored = buildWorld({ root: ROOT });
    const raw = buildWorld({ root: ROOT, data: snapshot! });
    for (const [name, pack] of Object.entries(vendored.packs)) expect(packText(raw.packs[name as keyof typeof raw.packs]!), name).toBe(packText(pack));
  }, 60_000);
});
