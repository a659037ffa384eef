// Bundle sizes: every dist/*.js (minified as built, and gzipped), and what the content script is
// made of (esbuild's metafile: bytes each source contributes to the minified output).
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  file: string;
  bytes: number;
  gzip: number;
}

function jsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...jsFiles(p));
    else if (name.endsWith('.js')) out.push(p);
  }
  return out;
}

export function bundleSizes(dist: string): BundleSize[] {
  if (!existsSync(dist)) return [];
  return jsFiles(dist)
    .sort()
    .map((p) => {
      const buf = readFileSync(p);
      return { file: relative(dist, p), bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
    });
}

/** Minified bytes per package or source folder in the content bundle, largest first. */
export async function contentComposition(entry: string): Promise<{ what: string; bytes: number }[]> {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    outfile: 'content.js',
    legalComments: 'none',
    logLevel: 'silent',
  });
  const out = Object.values(r.metafile.outputs)[0];
  const by = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(out?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const what = pkg ? pkg[1]! : path.replace(/\/[^/]+$/, '/');
    by.set(what, (by.get(what) ?? 0) + bytesInOutput);
  }
  return [...by].map(([what, bytes]) => ({ what, bytes })).sort((a, b) => b.bytes - a.bytes);
}
