// @vitest-environment jsdom
// Regression tests on the saved news-page fixtures (tests/fixtures/pages), through the real
// Annotator: exactly the expected names are highlighted, nothing in site chrome, form fields or
// code is, and the page's text, fields and markup are as before — annotated and switched off.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countMentionsInPage } from '../../scripts/lib/probes.mjs';
import type { Annotator } from '../../src/content/annotator';
import { localAnnotator } from './local-analyzer';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack } from '../../src/core/types';
import { expected, fixtureHtml, fixtureNames, loadFixture } from './page-fixtures';
import { bundledPack } from '../eval/lib/bundled-pack';

// Every bundled pack, merged as the worker serves them: the Chromium run of these fixtures
// (tests/e2e/fixtures.test.ts) loads the built extension with all of them.
const PACK: Pack = bundledPack();
const NAMES = fixtureNames();

function fieldValues(): string[] {
  return Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('input,textarea,select')).map(
    (f) => `${f.localName}#${f.id}=${f.value}`,
  );
}

let annotator: Annotator | null = null;
afterEach(() => {
  annotator?.deactivate();
  annotator = null;
});

async function annotateFixture(html: string): Promise<{ text: string; markup: string; fields: string[] }> {
  loadFixture(html);
  const before = { text: document.body.textContent ?? '', markup: document.body.innerHTML, fields: fieldValues() };
  annotator = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS }).annotator;
  await annotator.annotate();
  return before;
}

describe('news-page fixtures (jsdom)', () => {
  it('has at least ten fixtures, each with its expectations', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(10);
    for (const name of NAMES) expect(Object.keys(expected(name).highlights).length, name).toBeGreaterThan(0);
  });

  it.each(NAMES)('%s: highlights exactly the expected names', async (name) => {
    const exp = expected(name);
    await annotateFixture(fixtureHtml(name));
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
    expect(countMentionsInPage()).toEqual(exp.highlights);
    for (const sel of exp.notHighlighted) {
      const regions = Array.from(document.querySelectorAll(sel));
      expect(regions.length, `"${sel}" matches something on ${name}`).toBeGreaterThan(0);
      for (const region of regions) expect(region.querySelector('backstory-mention'), `${sel}: ${region.textContent?.slice(0, 60)}`).toBeNull();
    }
    expect(document.querySelectorAll('backstory-mention backstory-mention').length, 'nothing wrapped twice').toBe(0);
  });

  it.each(NAMES)('%s: text, fields and markup are untouched, annotated and after switching off', async (name) => {
    const before = await annotateFixture(fixtureHtml(name));
    expect(document.body.textContent).toBe(before.text);
    expect(fieldValues()).toEqual(before.fields);
    await annotator!.deactivate();
    expect(document.body.textContent).toBe(before.text);
    expect(document.body.innerHTML).toBe(before.markup);
    expect(document.querySelectorAll('backstory-mention').length).toBe(0);
  });
  // The page over 1 MB runs in real Chromium (tests/e2e/fixtures.test.ts): jsdom needs minutes for it.
});
