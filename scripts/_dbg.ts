import { readFileSync } from 'node:fs';
import { parseConll } from '../tests/eval/lib/names-conll';
import { bundledPack } from '../tests/eval/lib/names-eval';
import { analyzeArticle } from '../src/core/analyze';
const pack = bundledPack();
const docs = parseConll(readFileSync('/work/shared/data/names/conllpp-dev.txt','utf8'));
for (const i of process.argv.slice(2).map(Number)) {
  const d = docs[i-1]!;
  const a = analyzeArticle(d.runs, pack, {firstMentionOnly:false});
  console.log(i, a.pageEntities.map(e=>`${e.name}:${e.type}${e.short?'/'+e.short:''}`).join(' | '));
  console.log(d.runs.slice(0,3).map(r=>r.text.slice(0,200)));
}
