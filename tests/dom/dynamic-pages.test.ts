// @vitest-environment jsdom
// Pages that change under the highlights: framework re-renders, text appended to a wrapped
// paragraph, removed paragraphs, History-API navigation. No broken or duplicate wrappers, the new
// text is annotated, the cards follow what the page now says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countMentionsInPage } from '../../scripts/lib/probes.mjs';
import { Annotator } from '../../src/content/annotator';
import { useUI } from '../../src/content/ui-loader';
import { localAnalyzer, localAnnotator, settle, testUI, useFakeDebounce } from './local-analyzer';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack } from '../../src/core/types';
import { fixtureHtml, loadFixture } from './page-fixtures';

const PACK = JSON.parse(readFileSync(resolve(__dirname, '../../src/packs/korean-peninsula.json'), 'utf8')) as Pack;
const $ = (sel: string) => document.querySelector(sel)!;

function noBrokenWrappers(): void {
  expect(document.querySelectorAll('backstory-mention backstory-mention').length, 'nested wrappers').toBe(0);
  for (const el of Array.from(document.querySelectorAll('backstory-mention'))) {
    expect(el.textContent, 'empty wrapper').not.toBe('');
    expect(el.getAttribute('data-backstory-entity')).not.toBe('');
  }
}

let annotator: Annotator;
const start = async (fixture: string): Promise<void> => {
  loadFixture(fixtureHtml(fixture));
  annotator = localAnnotator(document, PACK, { ...DEFAULT_SETTINGS }).annotator;
  await annotator.annotate();
};
beforeEach(() => {
  history.replaceState(null, '', '/');
  useFakeDebounce();
});
afterEach(async () => {
  await annotator?.deactivate();
  vi.useRealTimers();
});

describe('dynamic pages (jsdom)', () => {
  it('a framework rewriting the Text node it kept: no duplicated text, the new text is annotated', async () => {
    await start('rerender');
    const lead = $('#lead');
    expect(lead.querySelector('backstory-mention')?.textContent).toBe('Mike Pompeo');
    // The name starts the paragraph, so the framework's node is the empty prefix mark.js left.
    const next = 'Mike Pompeo said on Tuesday that talks would resume within weeks, without naming a place.';
    (lead.firstChild as Text).data = next;
    await settle(annotator);
    expect(lead.textContent).toBe(next);
    expect(Array.from(lead.querySelectorAll('backstory-mention')).map((m) => m.textContent)).toEqual(['Mike Pompeo']);
    noBrokenWrappers();
  });

  it('live updates on one address read the page’s metadata once, not on every update', async () => {
    const metaReads = vi.spyOn(document, 'querySelector');
    const reads = () => metaReads.mock.calls.filter(([sel]) => sel.includes('og:site_name')).length;
    try {
      // An address of its own: the page's metadata was read at '/' by the other cases.
      history.replaceState(null, '', '/metadata-once');
      await start('rerender');
      expect(reads()).toBe(1);
      for (let i = 0; i < 3; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${i}: Mike Pompeo spoke again.`;
        $('#lead').after(p);
        await settle(annotator);
      }
      expect(countMentionsInPage()['mike-pompeo']).toBe(4);
      expect(reads()).toBe(1);
    } finally {
      metaReads.mockRestore();
    }
  });

  it('text rewritten while the first pass is on its way: no highlight lands on shifted text, the new text is marked', async () => {
    loadFixture(fixtureHtml('rerender'));
    useUI(testUI);
    const env = { pack: PACK, notes: [], settings: { ...DEFAULT_SETTINGS } };
    const analyze = localAnalyzer(env);
    const lead = $('#lead');
    const next = 'Late update: Mike Pompeo said talks would resume within weeks.';
    let calls = 0;
    // The page hydrates while the runs are with the background, after they were read.
    annotator = new Annotator(document, env.settings, async (req) => {
      if (calls++ === 0) (lead.firstChild as Text).data = next;
      return analyze(req);
    });
    await annotator.annotate();
    await annotator.settled();
    expect(lead.textContent).toBe(next);
    // Its old offsets would have wrapped "Late update" text; the run is read again instead.
    expect(Array.from(lead.querySelectorAll('backstory-mention')).map((m) => m.textContent)).toEqual(['Mike Pompeo']);
    expect(countMentionsInPage()).toEqual({ 'mike-pompeo': 1, pyongyang: 1, 'kim-jong-un': 1, 'page-stockholm': 1 });
    noBrokenWrappers();
  });

  it('a paragraph added and another rewritten while the first pass waits on a late reply: both marked once settled', async () => {
    loadFixture(fixtureHtml('rerender'));
    useUI(testUI);
    const env = { pack: PACK, notes: [], settings: { ...DEFAULT_SETTINGS } };
    const analyze = localAnalyzer(env);
    let release!: () => void;
    const late = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    annotator = new Annotator(document, env.settings, async (req) => {
      if (calls++ === 0) await late;
      return analyze(req);
    });
    const pass = annotator.annotate();
    // Let the pass read the page and send its runs off; the reply is held back.
    while (calls === 0) await new Promise<void>((resolve) => queueMicrotask(resolve));
    // A live blog's update lands, and the page rewrites a paragraph that had no names in it.
    const update = document.createElement('p');
    update.id = 'update';
    update.textContent = 'Stephen Biegun is expected in Seoul later this week.';
    $('#story').append(update);
    const third = $('#third');
    (third.firstChild as Text).data = 'The last round ended after a single day; Pyongyang blamed Washington.';
    release();
    await pass;
    expect(document.documentElement.getAttribute('data-backstory')).toBe('ready');
    // No debounce to wait out: the changes seen during the pass are handed over as it ends, and
    // the page stays busy until they are wrapped.
    await annotator.settled();
    expect(document.documentElement.hasAttribute('data-backstory-busy')).toBe(false);
    expect(update.querySelector('backstory-mention')?.textContent).toBe('Stephen Biegun');
    expect(third.querySelector('backstory-mention')?.textContent).toBe('Pyongyang');
    expect(countMentionsInPage()).toEqual({ 'mike-pompeo': 1, pyongyang: 2, 'kim-jong-un': 1, 'stephen-biegun': 1, 'page-seoul': 1, 'page-washington': 1 });
    expect(annotator.visibleCards().map((c) => c.id)).toContain('stephen-biegun');
    // Nothing else is waiting: a later change still goes through the usual debounce.
    await settle(annotator);
    expect(countMentionsInPage()).toEqual({ 'mike-pompeo': 1, pyongyang: 2, 'kim-jong-un': 1, 'stephen-biegun': 1, 'page-seoul': 1, 'page-washington': 1 });
    noBrokenWrappers();
  });

  it('children replaced and textContent set over wrappers: old wrappers gone, new text annotated, cards follow', async () => {
    await start('rerender');
    expect(countMentionsInPage()).toEqual({ 'mike-pompeo': 1, pyongyang: 1, 'kim-jong-un': 1, 'page-stockholm': 1 });
    const span = document.createElement('span');
    span.textContent = 'Officials in Pyongyang now say Kim Jong Un approved the meeting himself.';
    $('#second').replaceChildren(span);
    $('#third').textContent = 'Stephen Biegun will lead the American side, as in Stockholm.';
    await settle(annotator);
    expect(countMentionsInPage()).toEqual({ 'mike-pompeo': 1, pyongyang: 1, 'kim-jong-un': 1, 'stephen-biegun': 1, 'page-stockholm': 1 });
    expect($('#third').textContent).toBe('Stephen Biegun will lead the American side, as in Stockholm.');
    noBrokenWrappers();
    // A card's mentions are those on the page now, not the replaced ones as well.
    const kim = annotator.visibleCards().find((c) => c.id === 'kim-jong-un');
    expect(kim?.fromArticle.sentences.length).toBe(1);
  });

  it('a sentence appended to a wrapped paragraph is annotated, the earlier names stay wrapped once', async () => {
    await start('rerender');
    const lead = $('#lead');
    lead.append(' Stephen Biegun agreed.');
    await settle(annotator);
    expect(Array.from(lead.querySelectorAll('backstory-mention')).map((m) => m.textContent)).toEqual(['Mike Pompeo', 'Stephen Biegun']);
    expect(lead.textContent).toBe('Mike Pompeo said on Monday that he expected talks to resume soon, but gave no date. Stephen Biegun agreed.');
    noBrokenWrappers();
  });

  it('the page takes away the text after a highlighted name: the card forgets what it said', async () => {
    await start('rerender');
    const said = () => annotator.visibleCards().find((c) => c.id === 'mike-pompeo')?.fromArticle.statements.map((s) => s.text) ?? [];
    expect(said().join(' ')).toContain('expected talks to resume');
    // The Text node after the wrapper is one our wrap cut off; the page never had it before.
    const lead = $('#lead');
    expect(lead.lastChild?.textContent).toContain(' said on Monday');
    lead.lastChild!.remove();
    await settle(annotator);
    expect(lead.textContent).toBe('Mike Pompeo');
    expect(said()).toEqual([]);
    noBrokenWrappers();
  });

  it('a removed paragraph takes its names off the cards', async () => {
    await start('rerender');
    $('#second').remove();
    await settle(annotator);
    expect(annotator.visibleCards().map((c) => c.id).sort()).toEqual(['mike-pompeo', 'page-stockholm']);
  });

  it('History-API navigation with the view swapped in place re-annotates the new story only', async () => {
    await start('spa-history');
    expect(countMentionsInPage()).toEqual({ 'stephen-biegun': 2, 'working-level-talks': 1, 'page-seoul': 1 });
    history.pushState({}, '', '?story=second');
    $('#view').innerHTML =
      '<article><h1>A statement</h1><p>Choe Son Hui said on Tuesday that the North saw no reason to hurry, in a statement carried by state media.</p><p>Choe added that the next step was for Washington to take, and repeated that patience had limits.</p><p>Diplomats in Seoul said the tone was sharper than in August.</p></article>';
    await settle(annotator);
    expect(countMentionsInPage()).toEqual({ 'choe-son-hui': 2, 'page-washington': 1, 'page-seoul': 1 });
    expect(annotator.visibleCards().map((c) => c.id).sort()).toEqual(['choe-son-hui', 'page-seoul', 'page-washington']);
    noBrokenWrappers();
    // Back: the old story comes back and is annotated again.
    let popped = false;
    window.addEventListener('popstate', () => (popped = true), { once: true });
    history.back();
    // jsdom traverses history from timers: run them one at a time until popstate has fired.
    for (let i = 0; i < 10 && !popped; i++) await vi.advanceTimersToNextTimerAsync();
    expect(popped).toBe(true);
    $('#view').innerHTML = '<article><h1>Back</h1><p>Stephen Biegun spent most of the week in meetings that were never announced, diplomats said, pressing for a date.</p><p>Biegun has not had an answer, and his counterparts in Seoul called the meetings useful but not decisive.</p></article>';
    await settle(annotator);
    expect(countMentionsInPage()).toEqual({ 'stephen-biegun': 2, 'page-seoul': 1 });
  });

  it('our own wrapping does not make the observer loop: the page settles', async () => {
    await start('rerender');
    let records = 0;
    const mo = new MutationObserver((r) => (records += r.length));
    $('#lead').append(' Kim Jong Un was not there.');
    await settle(annotator);
    mo.observe(document.body, { childList: true, subtree: true, characterData: true });
    await settle(annotator);
    mo.disconnect();
    expect(records).toBe(0);
  });
});
