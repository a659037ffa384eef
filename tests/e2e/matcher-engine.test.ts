// The prefilter's regex depends on the engine: Chromium has regex modifiers, so a name's first
// letter is matched in its own case and the rest with `(?i:…)`; Node 20 (the unit tests) has
// not and runs the case-insensitive fallback. Here, in Chromium's engine, the scan with the
// prefilter must find exactly what the plain walk over every position finds.
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findChromium } from '../../scripts/lib/browser.mjs';
import { SCAN_ENTITIES as ENTITIES, SCAN_TEXTS as TEXTS } from '../unit/scan-texts';
import { describeInBrowser, ROOT } from './harness';

/** Runs in the page: each text's match spans with the prefilter and with the plain walk. */
const PAGE_SOURCE = `
import { buildIndex } from './src/core/match/compile';
import { SurfaceLookup } from './src/core/match/lookup';
import { findMatches } from './src/core/match/scan';
window.compareScans = (entities, texts) => {
  const index = buildIndex(entities);
  const lookup = new SurfaceLookup(index);
  const plain = { ...index, prefilter: null };
  const spans = (ix, text, kind) => findMatches(ix, lookup, { text, kind }).map((m) => m.start + ':' + m.end);
  const out = [];
  for (const text of texts) for (const kind of ['body', 'heading']) out.push({ text, kind, prefiltered: spans(index, text, kind), plain: spans(plain, text, kind) });
  return { flags: index.prefilter && index.prefilter.flags, source: index.prefilter && index.prefilter.source, out };
};`;

describeInBrowser('matcher in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bundle = await build({
      stdin: { contents: PAGE_SOURCE, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    browser = await chromium.launch({ executablePath: findChromium()!, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('with regex modifiers, the prefilter finds exactly the matches of the plain walk', async () => {
    const result = await page.evaluate(
      ([entities, texts]) => (window as unknown as { compareScans: (e: unknown, t: unknown) => { flags: string | null; source: string | null; out: { text: string; kind: string; prefiltered: string[]; plain: string[] }[] } }).compareScans(entities, texts),
      [ENTITIES, TEXTS] as const,
    );
    // The case-sensitive first letter is in use: no `i` flag, modifiers in the source.
    expect(result.flags).toBe('g');
    expect(result.source).toContain('(?i:');
    const differing = result.out.filter((r) => r.prefiltered.join() !== r.plain.join());
    expect(differing).toEqual([]);
    // The texts do hold names: the comparison is not between two empty lists.
    expect(result.out.filter((r) => r.plain.length > 0).length).toBeGreaterThan(300);
  });
});
