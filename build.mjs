#!/usr/bin/env node
// Builds the unpacked extension into dist/ (one tree for Chrome and Firefox).
//   node build.mjs            one build; exits 1 on any problem
//   node build.mjs --watch    rebuilds whenever src/, _locales/, icons/ or manifest.json change
//   node build.mjs --sourcemap  inline sourcemaps (never in a release build)
import { build } from 'esbuild';
import { existsSync, watch } from 'node:fs';
import { cp, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { forbiddenIn } from './scripts/lib/bundle-rules.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const finalDist = join(root, 'dist');
// Built in a staging folder and swapped in by rename, so a browser or test reading dist/
// meanwhile never sees it half-written or missing.
const dist = join(root, '.cache', `dist-staging-${process.pid}`);
const args = new Set(process.argv.slice(2));
const watchMode = args.has('--watch');
const sourcemap = args.has('--sourcemap') ? 'inline' : false;

class BuildError extends Error {}

const bundles = [
  { entry: 'src/content/index.ts', out: 'content.js' },
  // IIFE works both as a Chrome service worker and as a Firefox background script.
  { entry: 'src/background/index.ts', out: 'background.js' },
  { entry: 'src/popup/index.ts', out: 'popup/popup.js' },
  { entry: 'src/options/index.ts', out: 'options/options.js' },
  // The card UI and note editor: an ES module the content script import()s when first needed.
  { entry: 'src/ui/index.ts', out: 'ui.js', format: 'esm' },
  // The note editor's own document, framed in pages (web-accessible): what the reader types stays in it.
  { entry: 'src/note-editor/index.ts', out: 'note-editor/editor.js' },
];

const statics = [
  ['manifest.json', 'manifest.json'],
  ['src/popup/popup.html', 'popup/popup.html'],
  ['src/popup/popup.css', 'popup/popup.css'],
  ['src/options/options.html', 'options/options.html'],
  ['src/options/options.css', 'options/options.css'],
  ['src/note-editor/editor.html', 'note-editor/editor.html'],
  ['src/note-editor/editor.css', 'note-editor/editor.css'],
  ['_locales', '_locales'],
];

/** Loads `parsePack` and `placeholderProblems` from the pack schema by bundling it to a temp
 *  module (Node 20 cannot import .ts). */
async function loadPackParser() {
  const schema = join(root, 'src/core/pack/schema.ts');
  if (!existsSync(schema)) throw new BuildError(`pack schema not found at ${relative(root, schema)}: cannot validate packs`);
  const outfile = join(root, '.cache', `pack-schema-${process.pid}.mjs`);
  await build({ entryPoints: [schema], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  try {
    const mod = await import(`${pathToFileURL(outfile).href}?t=${Date.now()}`);
    if (typeof mod.parsePack !== 'function') throw new BuildError('src/core/pack/schema.ts does not export parsePack');
    if (typeof mod.placeholderProblems !== 'function') throw new BuildError('src/core/pack/schema.ts does not export placeholderProblems');
    return { parsePack: mod.parsePack, placeholderProblems: mod.placeholderProblems };
  } finally {
    await rm(outfile, { force: true });
  }
}

/** A pack, or the problems parsePack (src/core/pack/schema.ts) found; a throw is a problem too. */
function checkPack(parsePack, raw) {
  try {
    const result = parsePack(raw);
    return result.ok ? { pack: result.pack } : { problems: result.errors };
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : String(err)] };
  }
}

async function validatePacks() {
  const dir = join(root, 'src/packs');
  const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) {
    console.warn('warning: no packs in src/packs/; the extension will ship an empty pack');
    return [];
  }
  const { parsePack, placeholderProblems } = await loadPackParser();
  const packs = [];
  for (const f of files) {
    const path = join(dir, f);
    let raw;
    try {
      raw = JSON.parse(await readFile(path, 'utf8'));
    } catch (err) {
      throw new BuildError(`src/packs/${f} is not valid JSON: ${err.message}`);
    }
    const { pack, problems } = checkPack(parsePack, raw);
    if (!pack) throw new BuildError(`src/packs/${f} does not validate:\n  - ${problems.slice(0, 20).join('\n  - ')}`);
    // A bundled pack speaks for the project: every fact must cite a source a reader can open.
    const placeholders = placeholderProblems(pack);
    if (placeholders.length) throw new BuildError(`src/packs/${f} cites placeholder sources:\n  - ${placeholders.slice(0, 20).join('\n  - ')}`);
    packs.push({ file: f, pack });
  }
  return packs;
}

/** Where a bundled pack ships in dist/: beside the scripts, not inside background.js. Several MB
 *  of packs inlined as a script cost the service worker ~190 ms of parsing on every start, against
 *  ~45 ms to JSON.parse the same files when first needed (figures: README, "Knowledge packs"). */
const packPath = (pack) => `packs/${pack.id}.json`;

/** Resolves `virtual:backstory-packs` to the list of pack files validated in this build. */
function packsPlugin(packs) {
  return {
    name: 'backstory-packs',
    setup(b) {
      b.onResolve({ filter: /^virtual:backstory-packs$/ }, (a) => ({ path: a.path, namespace: 'backstory-packs' }));
      b.onLoad({ filter: /.*/, namespace: 'backstory-packs' }, () => ({
        contents: JSON.stringify(packs.map((p) => ({ id: p.pack.id, path: packPath(p.pack) }))),
        loader: 'json',
      }));
    },
  };
}

async function writePacks(packs) {
  const ids = new Set();
  for (const { file, pack } of packs) {
    if (ids.has(pack.id)) throw new BuildError(`src/packs/${file} has the id '${pack.id}' of another bundled pack`);
    ids.add(pack.id);
    await mkdir(join(dist, 'packs'), { recursive: true });
    // As validated (parsePack's output), minified: what the worker reads is what the build checked.
    await writeFile(join(dist, packPath(pack)), JSON.stringify(pack));
  }
}

async function bundleAll(packs) {
  for (const b of bundles) {
    if (!existsSync(join(root, b.entry))) throw new BuildError(`missing entry point ${b.entry}`);
  }
  const results = await Promise.all(
    bundles.map((b) =>
      build({
        entryPoints: [join(root, b.entry)],
        outfile: join(dist, b.out),
        bundle: true,
        format: b.format ?? 'iife',
        target: 'es2022',
        minify: true,
        sourcemap,
        legalComments: 'none',
        // Extension scripts are read as UTF-8 anyway; escaping every non-ASCII character in the
        // names tables and regexes cost content.js 1.3 KB.
        charset: 'utf8',
        metafile: true,
        logLevel: 'silent',
        plugins: [packsPlugin(packs)],
      }).catch((err) => {
        const msgs = (err.errors ?? []).map((e) => `${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`);
        throw new BuildError(`bundling ${b.entry} failed:\n  ${msgs.join('\n  ') || err.message}`);
      }),
    ),
  );
  await writeNotices(results.map((r) => r.metafile));
}

/** The bundles drop the libraries' license comments (they would cost every page bytes), so their
 *  names, versions and license texts ship in one file beside them. */
async function writeNotices(metafiles) {
  const packages = new Set();
  for (const meta of metafiles) {
    for (const input of Object.keys(meta.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
      if (m) packages.add(m[1]);
    }
  }
  const parts = ['Backstory includes the following libraries, bundled and minified.\n'];
  for (const name of [...packages].sort()) {
    const dir = join(root, 'node_modules', name);
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
    const licenseFile = (await readdir(dir)).find((f) => /^licen[cs]e/i.test(f));
    if (!licenseFile) throw new BuildError(`${name} ships no license file: cannot write its notice`);
    const text = (await readFile(join(dir, licenseFile), 'utf8')).trim();
    const source = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url ?? `https://www.npmjs.com/package/${name}`;
    parts.push(`${'='.repeat(72)}\n${name} ${pkg.version} (${pkg.license}), source: ${source}\n${'='.repeat(72)}\n${text}\n`);
  }
  await writeFile(join(dist, 'THIRD-PARTY-NOTICES.txt'), parts.join('\n'));
}

async function copyStatics() {
  for (const [from, to] of statics) {
    const src = join(root, from);
    if (!existsSync(src)) throw new BuildError(`missing ${from}`);
    await mkdir(dirname(join(dist, to)), { recursive: true });
    await cp(src, join(dist, to), { recursive: true });
  }
  // The manifest always lists content.css; an empty sheet keeps it loadable until styles exist.
  const css = join(root, 'src/content/content.css');
  if (existsSync(css)) await cp(css, join(dist, 'content.css'));
  else await writeFile(join(dist, 'content.css'), '');
  await mkdir(join(dist, 'icons'), { recursive: true });
  for (const f of (await readdir(join(root, 'icons'))).filter((f) => f.endsWith('.png'))) {
    await cp(join(root, 'icons', f), join(dist, 'icons', f));
  }
}

async function checkNoEval() {
  for (const b of bundles) {
    const bad = forbiddenIn(b.out, await readFile(join(dist, b.out), 'utf8'));
    if (bad) throw new BuildError(`${b.out} contains "${bad.found}" (near: ${bad.near})`);
  }
}

async function checkManifestFiles() {
  const manifest = JSON.parse(await readFile(join(dist, 'manifest.json'), 'utf8'));
  const files = [
    manifest.background?.service_worker,
    ...(manifest.background?.scripts ?? []),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter(Boolean);
  const missing = files.filter((f) => !existsSync(join(dist, f)));
  if (missing.length) throw new BuildError(`manifest names files missing from dist/: ${missing.join(', ')}`);
}

async function sizeOf(path) {
  const s = await stat(path);
  if (!s.isDirectory()) return s.size;
  let total = 0;
  for (const f of await readdir(path)) total += await sizeOf(join(path, f));
  return total;
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

async function swapIntoPlace() {
  const old = `${dist}-old`;
  // Another build may swap its own dist/ in between our two renames: then move that aside too.
  for (let attempt = 0; ; attempt++) {
    await rm(old, { recursive: true, force: true });
    if (existsSync(finalDist)) await rename(finalDist, old).catch(() => {});
    try {
      await rename(dist, finalDist);
      break;
    } catch (err) {
      if (attempt >= 5 || !['ENOTEMPTY', 'EEXIST'].includes(err.code)) throw err;
    }
  }
  await rm(old, { recursive: true, force: true });
}

async function buildOnce() {
  const started = performance.now();
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  try {
    const packs = await validatePacks();
    await bundleAll(packs);
    await writePacks(packs);
    await copyStatics();
    await checkNoEval();
    await checkManifestFiles();
    for (const b of bundles) console.log(`  ${b.out.padEnd(22)} ${kb(await sizeOf(join(dist, b.out)))}`);
    for (const { file, pack } of packs) console.log(`  pack ${file.padEnd(26)} ${String(pack.entities.length).padStart(6)} entities, ${kb(await sizeOf(join(dist, packPath(pack))))} (dist/${packPath(pack)})`);
    console.log(`  ${'dist/ total'.padEnd(22)} ${kb(await sizeOf(dist))}`);
    await swapIntoPlace();
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
  console.log(`built dist/ in ${Math.round(performance.now() - started)} ms`);
}

async function run() {
  try {
    await buildOnce();
    return true;
  } catch (err) {
    console.error(`\nBUILD FAILED: ${err instanceof BuildError ? err.message : err?.stack ?? err}\n`);
    return false;
  }
}

if (!watchMode) {
  process.exit((await run()) ? 0 : 1);
} else {
  await run();
  let timer;
  let running = Promise.resolve();
  const schedule = (file) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(async () => {
        console.log(`\n${file ?? 'change'} — rebuilding…`);
        await run();
      });
    }, 150);
  };
  for (const target of ['src', '_locales', 'icons', 'manifest.json']) {
    const path = resolve(root, target);
    if (existsSync(path)) watch(path, { recursive: true }, (_e, f) => schedule(f ? join(target, f.toString()) : target));
  }
  console.log('watching src/, _locales/, icons/, manifest.json (Ctrl+C to stop)');
}
