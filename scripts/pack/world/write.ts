// Writes a generated pack: validated first with the extension's own parser and the build's
// placeholder check, then as JSON with one source or entity a line (small diffs on rebuild).
import { writeFileSync } from 'node:fs';
import { MAX_PACK_BYTES } from '../../../src/core/pack/limits';
import { parsePack, placeholderProblems } from '../../../src/core/pack/schema';
import type { Pack, PackEntity } from '../../../src/core/types';

/** The pack's text, one source or entity a line. */
export function packText(pack: Pack): string {
  const { sources, entities, ...head } = pack;
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  const list = (items: unknown[]) => (items.length ? `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]` : '[]');
  lines.push(`  "sources": ${list(sources)}`, `  "entities": ${list(entities)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** Problems that would stop the build from bundling the pack; empty when it is fine. */
export function packProblems(pack: Pack, text = packText(pack)): string[] {
  const parsed = parsePack(JSON.parse(text));
  if (!parsed.ok) return parsed.errors;
  const problems = placeholderProblems(parsed.pack);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_PACK_BYTES) problems.push(`the pack is ${bytes} bytes, over the ${MAX_PACK_BYTES}-byte limit`);
  return problems;
}

/** Drops full names two entities of one pack both claim (neither may keep it: the matcher could
 *  not tell them apart), and forms an entity lists twice. Returns the forms dropped. */
export function dropSharedForms(entities: PackEntity[]): string[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[-\s.]+/g, ' ').trim();
  const owners = new Map<string, Set<string>>();
  for (const e of entities) for (const f of [e.name, ...(e.aliases ?? [])]) (owners.get(fold(f)) ?? owners.set(fold(f), new Set()).get(fold(f))!).add(e.id);
  const dropped: string[] = [];
  for (const e of entities) {
    if (!e.aliases) continue;
    const seen = new Set<string>([fold(e.name)]);
    e.aliases = e.aliases.filter((a) => {
      const k = fold(a);
      const keep = owners.get(k)!.size === 1 && !seen.has(k);
      seen.add(k);
      if (!keep) dropped.push(`${e.id}: ${a}`);
      return keep;
    });
    if (e.aliases.length === 0) delete e.aliases;
  }
  return dropped;
}

export function writePack(path: string, pack: Pack): { bytes: number } {
  const text = packText(pack);
  const problems = packProblems(pack, text);
  if (problems.length) throw new Error(`${pack.id} does not validate:\n  ${problems.slice(0, 20).join('\n  ')}`);
  writeFileSync(path, text);
  return { bytes: Buffer.byteLength(text) };
}
