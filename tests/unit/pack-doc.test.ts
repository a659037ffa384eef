// docs/PACKS.md cannot drift from the schema: its minimal example must validate, and its field
// tables must list exactly the fields the schema knows, marked required exactly when they are.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPackText } from '../../scripts/pack/check';
import { PackEntitySchema, PackFactSchema, PackSchema, PackSourceSchema, parsePackJson } from '../../src/core/pack/schema';

const doc = readFileSync(resolve(import.meta.dirname, '../../docs/PACKS.md'), 'utf8');

/** The body of the section under `heading`, up to the next heading of that level or above. */
function section(heading: string): string {
  const start = doc.indexOf(`${heading}\n`);
  expect(start, `docs/PACKS.md has a "${heading}" section`).toBeGreaterThanOrEqual(0);
  const level = heading.match(/^#+/)![0].length;
  const rest = doc.slice(start + heading.length + 1);
  const next = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return next < 0 ? rest : rest.slice(0, next);
}

/** Field name → "yes"/other, from a table whose first two columns are `field` and required. */
function fieldTable(heading: string): Map<string, boolean> {
  const rows = section(heading)
    .split('\n')
    .map((l) => /^\| `([a-zA-Z]+)` \| ([^|]+) \|/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null);
  return new Map(rows.map((m) => [m[1]!, m[2]!.trim() === 'yes']));
}

function schemaFields(schema: { entries: Record<string, { type: string }> }): Map<string, boolean> {
  return new Map(Object.entries(schema.entries).map(([k, v]) => [k, v.type !== 'optional']));
}

describe('docs/PACKS.md', () => {
  it('opens with a minimal pack that validates, with nothing to warn about', () => {
    const example = /```json\n([\s\S]*?)```/.exec(section('## A minimal pack'))?.[1];
    expect(example, 'a ```json block under "A minimal pack"').toBeDefined();
    expect(parsePackJson(example!)).toMatchObject({ ok: true });
    expect(checkPackText(example!, 'my-first-pack.json')).toMatchObject({ code: 0, lines: [expect.stringMatching(/^my-first-pack\.json: valid pack/)] });
  });

  it.each([
    ['### The pack', PackSchema],
    ['### A source', PackSourceSchema],
    ['### An entity', PackEntitySchema],
    ['### A fact', PackFactSchema],
  ] as const)('"%s" lists every field of the schema, required exactly where the schema requires it', (heading, schema) => {
    expect(fieldTable(heading)).toEqual(schemaFields(schema as unknown as { entries: Record<string, { type: string }> }));
  });
});
