// `npm run bench:memory`: the reading memory with 10,000 generated stored articles in the real
// extension (headless Chromium): time for the background to answer one page's lookup of 20 names,
// and the stored size per article (the demo articles as filed; the generated ones on average).
// Budgets: lookup ≤ 20 ms; median stored size per real article ≤ 5 KB.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium, launchWithExtension } from './lib/browser.mjs';
import { serveStatic } from './lib/demo-server.mjs';
import { runMemoryBench } from './bench/memory';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const COUNT = quick ? 2_000 : 10_000;
const chromium = findChromium();
if (!chromium) {
  console.error('bench:memory: no Chromium (set CHROMIUM_PATH)');
  process.exit(1);
}
const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-memory-'));
const server = await serveStatic(resolve('demo'));
const { ctx, extensionId } = await launchWithExtension({ dist: resolve('dist'), executablePath: chromium, userDataDir: profile });
try {
  const ext = await ctx.newPage();
  await ext.goto(`chrome-extension://${extensionId}/manifest.json`);
  const demo = ['hanoi-aftermath.html', 'panmunjom-meeting.html', 'index.html'].map((p) => `${server.origin}/${p}`);
  const r = await runMemoryBench(ctx, ext, demo, COUNT, 3, (m) => process.stderr.write(`bench: ${m}\n`));
  const kb = (n: number) => (n / 1024).toFixed(1);
  const med = r.demoArticleBytes[r.demoArticleBytes.length >> 1] ?? 0;
  console.log('\nReading memory');
  console.log(`  stored articles                 ${r.articles} (${r.entities} names), ${kb(r.storedBytes)} KB of facts`);
  console.log(`  generated article, mean size    ${kb(r.storedBytes / Math.max(1, r.articles))} KB`);
  console.log(`  demo articles as filed          ${r.demoArticleBytes.map(kb).join(' / ')} KB (median ${kb(med)} KB; budget ≤ 5 KB: ${med <= 5 * 1024 ? 'ok' : 'OVER'})`);
  console.log(`  lookup, 20 names (round trip)   ${r.lookup20Ms.toFixed(1)} ms median, ${r.itemsFound} items (budget ≤ 20 ms: ${r.lookup20Ms <= 20 ? 'ok' : 'OVER'})`);
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/bench-memory.json', JSON.stringify(r, null, 2));
} finally {
  await ctx.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
