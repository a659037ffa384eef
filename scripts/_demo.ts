import { readFileSync, readdirSync } from 'node:fs';
// @ts-expect-error no types
import { JSDOM } from 'jsdom';
import { findArticleRoot } from '../src/content/article-root';
import { collectRuns } from '../src/content/runs';
import { analyzeArticle } from '../src/core/analyze';
const pack = JSON.parse(readFileSync('src/packs/korean-peninsula.json','utf8'));
const dir = process.argv[2] ?? 'demo';
for (const f of readdirSync(dir).filter(f=>f.endsWith('.html'))) {
  const dom = new JSDOM(readFileSync(`${dir}/${f}`,'utf8'));
  for (const name of ['Element','Node','Text','NodeFilter','HTMLElement','Document'] as const) Object.assign(globalThis,{[name]:dom.window[name]});
  const runs = collectRuns(findArticleRoot(dom.window.document)).map(({text,kind})=>({text,kind}));
  const a = analyzeArticle(runs, pack, {firstMentionOnly:false});
  console.log(f, a.recognized.map(e=>`${e.name}:${e.type}`).join(' | '));
}
{
  const dom = new JSDOM(readFileSync(`demo/hanoi-aftermath.html`,'utf8'));
  for (const name of ['Element','Node','Text','NodeFilter','HTMLElement','Document'] as const) Object.assign(globalThis,{[name]:dom.window[name]});
  const runs = collectRuns(findArticleRoot(dom.window.document)).map(({text,kind})=>({text,kind}));
  console.log(runs.slice(0,4));
}
