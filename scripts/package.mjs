#!/usr/bin/env node
// Release packages: builds dist/, then zips it for Firefox (web-ext build) and for Chrome.
// Both are plain zips of the same dist/ tree (one manifest serves both browsers); web-ext's
// zipper is used for both so no extra tool is needed.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'web-ext-artifacts');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    console.error(`\nPACKAGE FAILED: ${relative(root, cmd) || cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
}

run(process.execPath, ['build.mjs']);
const { version } = JSON.parse(readFileSync(join(root, 'dist', 'manifest.json'), 'utf8'));

const outputs = [];
for (const browser of ['firefox', 'chrome']) {
  const filename = `backstory-${browser}-${version}.zip`;
  run(webExt, ['build', '--source-dir', 'dist', '--artifacts-dir', artifacts, '--filename', filename, '--overwrite-dest']);
  outputs.push(join(artifacts, filename));
}

console.log('\npackages:');
for (const p of outputs) console.log(`  ${relative(root, p)}  ${(statSync(p).size / 1024).toFixed(1)} KiB`);
