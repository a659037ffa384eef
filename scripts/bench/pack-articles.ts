// Saved-article folders for the pack builder's benchmark: news-length pages from the page
// generator (site chrome around an <article>), each opening with a paragraph that introduces
// people with a title and defines an acronym, as real reporting does, so the builder has page
// entities to find, merge across articles and compare. Seeded: the same folder every time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackEntity } from '../../src/core/types';
import { generatePage } from './article';
import { pick, rng, syntheticEntities, type Rand } from './names';

/** Text characters of a generated article: a long news story (~800 words). */
export const ARTICLE_CHARS = 4_500;

const TITLES = ['Foreign Minister', 'Defense Minister', 'Vice Foreign Minister', 'Ambassador', 'Special Representative', 'Deputy Prime Minister', 'Gen.', 'Chief Negotiator'];
const CLAIMS = [
  'the talks could resume before the end of the year',
  'sanctions would stay in place until every site was open to inspectors',
  'the proposal on the table was not enough to restart work',
  'a working-level meeting had been set for the following week',
  'the other side had ignored repeated offers of dialogue',
];
const OUTLETS = ['The Bench Times', 'Harbour Ledger', 'Northern Dispatch', 'The Evening Wire'];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function intro(r: Rand, people: PackEntity[], orgs: PackEntity[], month: string): string {
  const a = pick(r, people);
  const b = pick(r, people);
  const org = pick(r, orgs);
  const acr = org.aliases?.[0] ?? 'XX';
  // Each person mostly keeps one title; now and then a paper gives another (the conflicts report).
  const titleOf = (p: PackEntity) => TITLES[(Number(p.id.slice(4)) + (r() < 0.1 ? 1 : 0)) % TITLES.length]!;
  return (
    `<p>${titleOf(a)} ${esc(a.name)} said on ${month} 12 that “${pick(r, CLAIMS)}.” ` +
    `${titleOf(b)} ${esc(b.name)} told the ${esc(org.name)} (${esc(acr)}) that ${pick(r, CLAIMS)}.</p>`
  );
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface GeneratedArticles {
  dir: string;
  files: number;
  /** Bytes of HTML written. */
  bytes: number;
}

/** Writes `count` article pages into `dir` (100 per subfolder). */
export function writeArticles(dir: string, count: number, seed = 11): GeneratedArticles {
  const r = rng(seed);
  const pool = syntheticEntities(2_000, seed);
  const people = pool.filter((e) => e.type === 'person');
  const orgs = pool.filter((e) => e.type === 'organization');
  const named = pool.slice(0, 100);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 100)).padStart(3, '0'));
    if (i % 100 === 0) mkdirSync(sub, { recursive: true });
    const year = 2018 + Math.floor(r() * 4);
    const m = Math.floor(r() * 12);
    const date = `${year}-${String(m + 1).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const outlet = pick(r, OUTLETS);
    const page = generatePage({ chars: ARTICLE_CHARS, entities: named, seed: seed * 100_003 + i, title: `Envoys trade blame as talks stall (${i + 1})`, script: null });
    const html = page.html
      .replace('<head>', `<head><link rel="canonical" href="https://news.example/${i + 1}"><meta property="og:site_name" content="${outlet}"><meta property="article:published_time" content="${date}">`)
      .replace('<div class="article-body">', `<div class="article-body">\n${intro(r, people, orgs, MONTHS[m]!)}`)
      // The browser bench's block for its "new content" check is no part of a saved article.
      .replace(/<template id="bench-append">[\s\S]*?<\/template>/, '');
    writeFileSync(join(sub, `article-${i + 1}.html`), html);
    bytes += Buffer.byteLength(html);
  }
  return { dir, files: count, bytes };
}
