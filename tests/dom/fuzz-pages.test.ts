// @vitest-environment jsdom
// Fuzzing the content script on random pages and random packs (fast-check, fixed seed): whatever
// the markup and whatever the names, nothing throws out of analysis, highlighting or removal, the
// page's text never changes while annotated, and switching off gives back the same innerHTML byte
// for byte. (highlight-property.test.ts checks which hits get wrapped; this checks the page survives.)
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotator } from '../../src/content/annotator';
import { localAnnotator } from './local-analyzer';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { Pack, PackEntity } from '../../src/core/types';
import { PACK } from './fixtures';

const SEED = 20261128;
const RUNS = 200;
/** Random packs compile a new matcher every run, the slow part; fewer runs keep the file under 20 s. */
const PACK_RUNS = 150;

const NAMES = ['Kim Jong Un', 'Choe Son Hui', 'Choe', 'Yongbyon', 'Nyongbyon', 'Mike Pompeo', 'Pompeo'];
const TEXTS = [
  ...NAMES, ' ', '  ', '\n\t', '\u00a0', ', ', '. ', "'s", '’s', '(', ')', '&', '<', '>', '"', 'and', 'the talks',
  'e\u0301', 'Sŏn-hŭi', 'قال المحلل', 'לדברי', '\u200f', '\u200d', '🇰🇷', '👩‍👩‍👧', '한국', 'ＦＵＬＬ', '\ud835\udc00',
];
const INLINE = ['b', 'i', 'em', 'span', 'a', 'mark', 'small', 'bdi', 'q', 'time', 'label'];
const BLOCK = ['p', 'div', 'section', 'li', 'blockquote', 'h2', 'figcaption', 'td', 'custom-box'];
// No <script>: jsdom here would run it.
const SKIPPED = ['code', 'pre', 'textarea', 'button', 'select', 'svg', 'noscript', 'style', 'nav', 'aside', 'math', 'kbd'];
const ATTRS: [string, string][] = [
  ['class', 'story'], ['class', 'ad'], ['class', 'comments'], ['id', 'x"y'], ['dir', 'rtl'], ['lang', 'ar'],
  ['hidden', ''], ['contenteditable', 'true'], ['contenteditable', 'false'], ['aria-hidden', 'true'], ['data-q', "it's <b>"], ['title', 'Kim Jong Un'],
];

type Tree = { text: string } | { comment: string } | { tag: string; attrs: [string, string][]; children: Tree[] };

const text = fc.array(fc.constantFrom(...TEXTS), { minLength: 1, maxLength: 5 }).map((parts) => ({ text: parts.join('') }));
const { tree } = fc.letrec<{ tree: Tree; node: Tree }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, text, text, text, fc.record({ comment: fc.constantFrom('', ' Kim Jong Un ', '--x') }), tie('tree')),
  tree: fc.record({
    tag: fc.constantFrom(...INLINE, ...INLINE, ...BLOCK, ...SKIPPED),
    attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 2 }),
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

function build(t: Tree): Node {
  if ('text' in t) return document.createTextNode(t.text);
  if ('comment' in t) return document.createComment(t.comment);
  const el = document.createElement(t.tag);
  for (const [k, v] of t.attrs) el.setAttribute(k, v);
  for (const c of t.children) el.append(build(c));
  return el;
}

/** A page: an article long enough to be chosen as the root, plus the random trees inside it. */
function mount(trees: Tree[]): void {
  document.documentElement.removeAttribute('data-backstory');
  document.body.replaceChildren();
  const article = document.createElement('article');
  const lead = document.createElement('p');
  lead.textContent = 'Talks between the two sides have stalled for weeks, and neither capital has shown much interest in moving first. Kim Jong Un and Mike Pompeo have not met since the summer, aides said, and no date is set.';
  article.append(lead, ...trees.map(build));
  document.body.append(article);
}

let annotator: Annotator | null = null;
afterEach(() => {
  annotator?.deactivate();
  annotator = null;
});

/** Runs that highlighted something: a fuzzer that never highlights would prove nothing. */
let highlighted = 0;

async function roundTrip(pack: Pack): Promise<void> {
  const html = document.body.innerHTML;
  const textBefore = document.body.textContent;
  annotator = localAnnotator(document, pack, { ...DEFAULT_SETTINGS }).annotator;
  await annotator.annotate();
  if (document.querySelector('backstory-mention')) highlighted++;
  expect(document.body.textContent).toBe(textBefore);
  expect(document.querySelectorAll('backstory-mention backstory-mention').length).toBe(0);
  await annotator.deactivate();
  annotator = null;
  expect(document.body.innerHTML).toBe(html);
}

// Pack names built from regex metacharacters, quotes, apostrophes, dashes and non-Latin letters.
const NAME_PARTS = ['(', ')', '[', ']', '\\', '^', '$', '.', '*', '+', '?', '|', '{', '}', '/', "'", '’', '"', '-', '–', '&', ' ', 'é', 'ŏ', 'ü', '한', 'ß', 'İ', 'Kim', 'Sea', 'Al', 'O', 'x'];
const name = fc
  .array(fc.constantFrom(...NAME_PARTS), { minLength: 1, maxLength: 6 })
  .map((p) => p.join('').trim())
  .filter((n) => /\p{L}{2}/u.test(n));
const entity = fc.record({
  name,
  aliases: fc.array(name, { maxLength: 2 }),
  short: fc.array(name, { maxLength: 1 }),
  type: fc.constantFrom('person', 'place', 'organization', 'term' as const),
});

describe('fuzz: the page survives annotation', () => {
  it(`random DOM trees (${RUNS} runs): no throw, text unchanged, removal restores innerHTML byte for byte`, async () => {
    highlighted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(tree, { minLength: 1, maxLength: 4 }), async (trees) => {
        mount(trees);
        await roundTrip(PACK);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(highlighted).toBeGreaterThan(RUNS / 2);
  });

  it(`random packs with metacharacters and Unicode in names (${PACK_RUNS} runs), names placed in random markup`, async () => {
    highlighted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(entity, { minLength: 1, maxLength: 5 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...INLINE), fc.boolean()), { minLength: 1, maxLength: 8 }), async (ents, placements) => {
        const entities: PackEntity[] = ents.map((e, i) => ({ id: `e${i}`, type: e.type, name: e.name, aliases: e.aliases, short: e.short, summary: 'Fuzzed.' }));
        const pack: Pack = { ...PACK, id: 'fuzz', entities };
        const trees: Tree[] = placements.map(([k, tag, wrap]) => {
          const e = entities[k % entities.length]!;
          const names = [e.name, ...(e.aliases ?? []), ...(e.short ?? [])];
          const n = names[k % names.length]!;
          const inner: Tree = { text: n };
          return { tag: 'p', attrs: [], children: [{ text: 'Before ' }, wrap ? { tag, attrs: [], children: [inner] } : inner, { text: ' after.' }] };
        });
        mount(trees);
        await roundTrip(pack);
      }),
      { seed: SEED, numRuns: PACK_RUNS },
    );
    expect(highlighted).toBeGreaterThan(PACK_RUNS / 4);
  });
});
