#!/usr/bin/env node
// Release packages: builds dist/, then zips it for Firefox and for Chrome (web-ext's zipper for
// both, so no extra tool is needed). The Chrome zip is dist/ as it is. The Firefox zip gets a
// manifest without `background.service_worker`, which Firefox ignores (it runs `scripts` as an
// event page) and `web-ext lint` warns about. The Firefox package is then linted: any error, or a
// warning not listed in ACCEPTED below with its reason, fails the packaging.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = join(root, 'web-ext-artifacts');
const webExt = join(root, 'node_modules', '.bin', 'web-ext');

/**
 * Lint warnings that are understood and stay, with why. Anything else fails the packaging.
 * - UNSAFE_VAR_ASSIGNMENT on `import()` in content.js: the content script loads the card UI
 *   lazily with `import(runtime.getURL('ui.js'))` (src/content/ui-loader.ts). The argument is the
 *   extension's own packaged file, never page or remote input, but it is a call, and the linter's
 *   rule accepts only string literals there. The URL cannot be a literal: the extension's host is
 *   per-install (and per-session with use_dynamic_url).
 */
const ACCEPTED = [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: 'content.js', message: /import/ }];

function run(cmd, args, capture = false) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0 && !capture) {
    console.error(`\nPACKAGE FAILED: ${relative(root, cmd) || cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
  return r;
}

run(process.execPath, ['build.mjs']);
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
const { version } = manifest;

// The Firefox tree: dist/ with a Firefox-only manifest.
const stage = mkdtempSync(join(tmpdir(), 'backstory-firefox-'));
/** Stops with the reason; process.exit skips `finally`, so the staging folder goes first. */
const fail = (/** @type {string[]} */ ...lines) => {
  for (const line of lines) console.error(line);
  rmSync(stage, { recursive: true, force: true });
  process.exit(1);
};
try {
  cpSync(dist, stage, { recursive: true });
  const { service_worker: _chromeOnly, ...background } = manifest.background ?? {};
  if (!Array.isArray(background.scripts)) {
    fail('\nPACKAGE FAILED: dist/manifest.json has no background.scripts for Firefox');
  }
  writeFileSync(join(stage, 'manifest.json'), `${JSON.stringify({ ...manifest, background }, null, 2)}\n`);

  const lint = run(webExt, ['lint', '--source-dir', stage, '--output', 'json', '--no-config-discovery'], true);
  const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{')));
  const accepted = (w) => ACCEPTED.some((a) => a.code === w.code && a.file === w.file && a.message.test(w.message));
  const problems = [...report.errors, ...report.warnings.filter((w) => !accepted(w))];
  const known = report.warnings.filter(accepted);
  if (problems.length > 0) {
    fail('\nPACKAGE FAILED: web-ext lint on the Firefox package:', ...problems.map((p) => `  ${p.code} ${p.file ?? ''}${p.line ? `:${p.line}` : ''}: ${p.message}`));
  }
  console.log(`web-ext lint (Firefox package): 0 errors, ${known.length} known warning(s) accepted (see ACCEPTED in scripts/package.mjs)`);

  const outputs = [];
  for (const [browser, source] of [['firefox', stage], ['chrome', dist]]) {
    const filename = `backstory-${browser}-${version}.zip`;
    run(webExt, ['build', '--source-dir', source, '--artifacts-dir', artifacts, '--filename', filename, '--overwrite-dest']);
    outputs.push(join(artifacts, filename));
  }
  console.log('\npackages:');
  for (const p of outputs) console.log(`  ${relative(root, p)}  ${(statSync(p).size / 1024).toFixed(1)} KiB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
