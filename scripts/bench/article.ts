// News-like test pages for the speed benchmark: site chrome (nav, related links, footer) around an
// <article> of headings, paragraphs, quotes, lists and captions, with inline tags and links, and
// names from a pack spread at news density (~2,800 mentions per MB). The prose is generated from
// templates written for this benchmark. A <template> holds an extra block for the "new content" check.
import type { PackEntity } from '../../src/core/types';
import { pick, rng, type Rand } from './names';

/** Mentions per character of article text: ~2,800 per MB, as measured on real Korea coverage. */
export const MENTION_DENSITY = 2800 / 1_000_000;

const SENTENCES = [
  '{E} told reporters on {day} that the proposal still needed more work before any signing.',
  'Analysts in {city} said the latest move by {E} pointed to a broader change of course.',
  'A spokesperson for {E} declined to comment on the reports, citing the sensitivity of the file.',
  'The meeting ended without a joint statement, according to two officials who were briefed on it.',
  'Officials from both delegations spent most of {day} going over the wording of a draft text.',
  '{E} has long argued that sanctions relief should come before any inspection of the sites.',
  'Satellite images reviewed by researchers showed new construction near the northern coast.',
  'Diplomats said {E} had not replied to a letter delivered through a third country in the spring.',
  'In a commentary carried by state media, {E} accused its rivals of bad faith.',
  'The price of rice in border markets rose sharply over the summer, traders told our reporters.',
  'Several lawmakers in {city} urged the government to resume aid shipments without conditions.',
  'People familiar with the talks said {E} was expected to lead the next round.',
  'It was the third time this year that a planned meeting had been called off at short notice.',
  'Observers noted that {E} had avoided any direct criticism of the other side for weeks.',
  'The statement did not mention {E}, which some readers took as a deliberate signal.',
  'Experts cautioned that one test launch says little about how far the programme has advanced.',
  'According to a former negotiator, {E} would accept a partial deal only under strict timelines.',
  'Relatives of separated families again asked both governments to allow reunions before winter.',
  'Footage released on {day} showed {E} inspecting a factory that makes machine tools.',
  'The ministry in {city} said it was watching the situation closely and keeping allies informed.',
  'A researcher who tracks the issue said the numbers were consistent with earlier estimates.',
  'Neither side has published a schedule, and the venue of any future meeting remains unclear.',
  '{E} later insisted that the door to dialogue had never been closed.',
  'Ship-tracking data suggested that at least two tankers had switched off their transponders.',
];
/** Sentences for the dense page (several names each): a page several times denser in names than
 *  news, as world packs and names recognised everywhere will make pages. */
const DENSE_SENTENCES = [
  '{E} and {E} met in {city} on {day} to go over the draft with {E}.',
  'According to {E}, both {E} and {E} had seen the text before {day}.',
  '{E} said {E} would travel to {city} with {E} after the vote.',
  'Officials close to {E} blamed {E} for the delay, while {E} kept silent.',
  '{E}, {E} and {E} signed a short statement in {city}.',
  'The letter from {E} reached {E} on {day}, a week after {E} had asked for it.',
];
const CITIES = ['Seoul', 'Washington', 'Tokyo', 'Beijing', 'Moscow', 'Geneva', 'Singapore', 'Brussels', 'London', 'Canberra'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'March 4', 'June 12', 'August 31', 'September 3'];
const HEADINGS = ['What happened next', 'A stalled process', 'The view from the region', 'Sanctions and trade', 'Inside the negotiations', 'What analysts expect', 'Reaction at home', 'The military picture'];
const FILLER_LINKS = ['earlier reporting', 'a previous analysis', 'the full statement', 'our explainer', 'this timeline'];

export interface PageSpec {
  /** Target characters of article text. */
  chars: number;
  /** Entities whose names appear in the text (the smallest pack, so every pack finds them). */
  entities: PackEntity[];
  seed?: number;
  title: string;
  /** Script the page loads at the end of <body> (the in-page bench); null for none. Default /bench.js. */
  script?: string | null;
  /** Mentions per character of text; default MENTION_DENSITY (news). Above it, sentences with
   *  several names are mixed in. */
  density?: number;
}

export interface GeneratedPage {
  html: string;
  /** Article text characters and planted mentions. */
  textChars: number;
  mentions: number;
  /** Text characters of the <template> block appended by the "new content" check. */
  appendChars: number;
  appendParagraphs: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class Writer {
  private seen = new Set<string>();
  mentions = 0;
  text = 0;
  constructor(
    private readonly r: Rand,
    private readonly entities: PackEntity[],
    private readonly density = MENTION_DENSITY,
  ) {}

  /** A surface form as a writer would use it: full name first, then short name, alias or acronym. */
  private mention(): string {
    const e = pick(this.r, this.entities);
    this.mentions++;
    const first = !this.seen.has(e.id);
    this.seen.add(e.id);
    const roll = this.r();
    let surface = e.name;
    if (!first && e.short?.length && roll < 0.5) surface = pick(this.r, e.short);
    else if (e.aliases?.length && roll > 0.75) surface = pick(this.r, e.aliases);
    this.text += surface.length;
    const html = esc(surface);
    const wrap = this.r();
    // Some names sit in links or emphasis, as on real pages; a few cross an inline tag boundary.
    if (wrap < 0.1) return `<a href="#topic-${esc(e.id)}">${html}</a>`;
    if (wrap < 0.14) return `<strong>${html}</strong>`;
    const space = surface.indexOf(' ');
    if (wrap < 0.16 && space > 0) return `<em>${esc(surface.slice(0, space))}</em>${esc(surface.slice(space))}`;
    return html;
  }

  sentence(): string {
    const below = () => this.mentions < (this.text + 60) * this.density;
    // The dense page mixes in sentences with several names while it is below its density; a news
    // page never draws them, so its text is the same as before they existed.
    const t = this.density > MENTION_DENSITY && below() && this.r() < 0.6 ? pick(this.r, DENSE_SENTENCES) : pick(this.r, SENTENCES);
    // A name only while the page is below its density, so every page size has the same density.
    const withName = t.includes('{E}') && below();
    let out = '';
    for (const part of t.split(/(\{E\}|\{city\}|\{day\})/)) {
      if (part === '{E}') {
        if (withName) out += this.mention();
        else {
          const s = pick(this.r, ['The delegation', 'The foreign ministry', 'The envoy', 'The agency']);
          out += s;
          this.text += s.length;
        }
      } else if (part === '{city}' || part === '{day}') {
        const s = pick(this.r, part === '{city}' ? CITIES : DAYS);
        out += s;
        this.text += s.length;
      } else {
        out += esc(part);
        this.text += part.length;
      }
    }
    if (this.r() < 0.08) {
      const link = pick(this.r, FILLER_LINKS);
      out += ` More in <a href="#more">${link}</a>.`;
      this.text += link.length + 10;
    }
    return out;
  }

  paragraph(): string {
    const n = 2 + Math.floor(this.r() * 4);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.sentence());
    this.text += n;
    return parts.join(' ');
  }
}

function articleBody(w: Writer, r: Rand, chars: number): string {
  const out: string[] = [];
  let k = 0;
  while (w.text < chars) {
    k++;
    if (k % 9 === 0) out.push(`<h2>${pick(r, HEADINGS)}</h2>`);
    const roll = r();
    if (roll < 0.04) out.push(`<blockquote><p>${w.paragraph()}</p></blockquote>`);
    else if (roll < 0.07) out.push(`<ul><li>${w.sentence()}</li><li>${w.sentence()}</li><li>${w.sentence()}</li></ul>`);
    else if (roll < 0.09) out.push(`<figure><div class="ph" style="height:120px;background:#ddd"></div><figcaption>${w.sentence()}</figcaption></figure>`);
    else out.push(`<p>${w.paragraph()}</p>`);
  }
  return out.join('\n');
}

function chrome(r: Rand, entities: PackEntity[]): { header: string; aside: string; footer: string } {
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="#s${i}">${esc(pick(r, HEADINGS))}</a></li>`).join('');
  const related = Array.from({ length: 8 }, () => `<li><a href="#r">${esc(pick(r, entities).name)}: ${esc(pick(r, HEADINGS))}</a></li>`).join('');
  return {
    header: `<header class="site-header"><a href="/" class="logo">The Bench Times</a><nav><ul>${links}</ul></nav></header>`,
    aside: `<aside class="related"><h3>Related</h3><ul>${related}</ul></aside>`,
    footer: `<footer><p>© The Bench Times. All rights reserved.</p><ul>${links}</ul></footer>`,
  };
}

export function generatePage(spec: PageSpec): GeneratedPage {
  const r = rng(spec.seed ?? 7);
  const w = new Writer(r, spec.entities, spec.density);
  const body = articleBody(w, r, spec.chars);
  const textChars = w.text;
  const mentions = w.mentions;
  // The appended block is written by a writer that already "saw" the article's names.
  const before = w.text;
  const appendParagraphs = 20;
  const extra = Array.from({ length: appendParagraphs }, () => `<p>${w.paragraph()}</p>`).join('\n');
  const { header, aside, footer } = chrome(r, spec.entities);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(spec.title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:760px;margin:0 auto;padding:0 16px}nav ul,footer ul{display:flex;flex-wrap:wrap;gap:8px;list-style:none;padding:0}</style>
</head><body>
${header}
<main><article id="bench-article"><h1>${esc(spec.title)}</h1>
<p class="byline">By a staff writer · <time datetime="2019-09-05">September 5, 2019</time></p>
<div class="article-body">
${body}
</div></article></main>
${aside}
${footer}
<template id="bench-append">${extra}</template>
${spec.script === null ? '' : `<script src="${esc(spec.script ?? '/bench.js')}"></script>`}
</body></html>`;
  return { html, textChars, mentions, appendChars: w.text - before, appendParagraphs };
}
