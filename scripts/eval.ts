// `npm run eval`: runs every article of tests/eval (the dev set and the sealed test set, each
// scored on its own) through analyzeArticle and reports how its mentions and article facts
// compare with the gold, with the Schwartz–Hearst baseline's acronym pairs beside ours. Exits 1
// when a set falls under its floors (tests/eval/lib/floors.ts), 2 when the corpus cannot load.
//
//   npm run eval                 print the report
//   npm run eval -- --json FILE  also write the figures as JSON
import { writeFileSync } from 'node:fs';
import { EVAL_SETS, loadCorpus, loadPack, type EvalSet } from '../tests/eval/lib/corpus';
import { evaluateCorpus, type EvalResult } from '../tests/eval/lib/evaluate';
import { floorFailures } from '../tests/eval/lib/floors';
import { printRealAcronymSets } from '../tests/eval/lib/real-acronyms-report';
import { f1, precision, recall, type Counts } from '../tests/eval/lib/score-mentions';
import { describeFigures } from '../tests/eval/lib/score-statements';
import { runNamesSection } from '../tests/eval/lib/names-section';

function main(argv: string[]): number {
  let jsonPath: string | undefined;
  let namesVerbose = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--names-detail') namesVerbose = true;
    else if (argv[i] === '--json') {
      jsonPath = argv[++i];
      if (!jsonPath) return fail('--json needs a file name');
    } else {
      return fail(`unknown argument ${JSON.stringify(argv[i])} (usage: npm run eval -- [--json FILE] [--names-detail])`);
    }
  }
  const results = new Map<EvalSet, EvalResult>();
  try {
    const pack = loadPack();
    for (const set of EVAL_SETS) results.set(set, evaluateCorpus(loadCorpus(set), pack));
  } catch (err) {
    return fail((err as Error).message);
  }
  for (const [set, result] of results) {
    console.log(`\n=== ${set} set${set === 'test' ? ' (sealed: report only, never tune on it)' : ''} ===\n`);
    print(result);
  }
  console.log('\n=== summary ===');
  for (const [set, r] of results) {
    console.log(`\n${set}:`);
    console.log(`  mentions             ${prf(r.mentions)}`);
    console.log(`  acronyms (ours)      ${prf(r.facts.acronyms)}`);
    console.log(`  acronyms (S&H 2003)  ${prf(r.baselineAcronyms)}`);
    console.log(`  roles                ${prf(r.facts.roles)}`);
    console.log(`  statements           ${prf(r.facts.statements)}`);
    for (const line of r.statementFigures ? describeFigures(r.statementFigures) : []) console.log(`  ${line}`);
  }
  const realSetFailures = printRealAcronymSets().failures;
  const names = runNamesSection(namesVerbose);
  if (jsonPath) {
    writeFileSync(jsonPath, JSON.stringify({ ...Object.fromEntries([...results].map(([k, r]) => [k, summary(r)])), ...(names ? { names } : {}) }, null, 2) + '\n');
    console.log(`\nfigures written to ${jsonPath}`);
  }
  const failures = [...results].flatMap(([set, r]) => floorFailures(set, r)).concat(realSetFailures, names?.failures ?? []);
  if (failures.length) {
    console.log(`\nUnder the floor:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    return 1;
  }
  console.log('\nAll floors hold.');
  return 0;
}

function fail(message: string): number {
  console.error(`eval: ${message}`);
  return 2;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const prf = (c: Counts) => `P ${pct(precision(c))}  R ${pct(recall(c))}  F1 ${pct(f1(c))}  (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;

function print(r: EvalResult): void {
  const w = Math.max(...r.articles.map((a) => a.name.length));
  console.log(`${'article'.padEnd(w)}  topic  words  gold   tp   fp   fn`);
  for (const a of r.articles) {
    const m = a.mentions;
    console.log(
      `${a.name.padEnd(w)}  ${a.topic.padEnd(5)}  ${String(a.words).padStart(5)}  ${String(m.tp + m.fn).padStart(4)}  ${[m.tp, m.fp, m.fn].map((n) => String(n).padStart(3)).join('  ')}`,
    );
  }
  const trapFp = r.articles.filter((a) => a.topic === 'trap').reduce((n, a) => n + a.mentions.fp, 0);
  console.log(`\nMentions: ${prf(r.mentions)}; false hits on trap pages: ${trapFp}`);

  const misses = r.articles.flatMap((a) => a.mentions.misses.map((m) => ({ a: a.name, m })));
  const falseHits = r.articles.flatMap((a) => a.mentions.falsePositives.map((m) => ({ a: a.name, m })));
  console.log(`\nMissed mentions (${misses.length}):`);
  for (const { a, m } of misses) console.log(`  ${a}  ${JSON.stringify(m.surface)} → ${m.entityId}   ${m.context}`);
  console.log(`\nFalse hits (${falseHits.length}):`);
  for (const { a, m } of falseHits) console.log(`  ${a}  ${JSON.stringify(m.surface)} → ${m.entityId}   ${m.context}`);

  console.log('\nFacts (articles with a facts gold file):');
  for (const kind of ['roles', 'statements', 'acronyms'] as const) console.log(`  ${kind.padEnd(10)} ${prf(r.facts[kind])}`);
  console.log(`  S&H 2003   ${prf(r.baselineAcronyms)}  (acronym pairs, baseline)`);
  for (const kind of ['roles', 'statements', 'acronyms'] as const) {
    const rows = r.articles.flatMap((a) => (a.facts ? [{ a: a.name, s: a.facts[kind] }] : []));
    const nMiss = rows.reduce((n, x) => n + x.s.misses.length, 0);
    const nFalse = rows.reduce((n, x) => n + x.s.falseHits.length, 0);
    console.log(`\n${kind}: missed (${nMiss})`);
    for (const { a, s } of rows) for (const m of s.misses) console.log(`  ${a}  ${m}`);
    console.log(`${kind}: false hits (${nFalse})`);
    for (const { a, s } of rows) for (const m of s.falseHits) console.log(`  ${a}  ${m}`);
  }
  const base = r.articles.flatMap((a) => (a.baseline ? [{ a: a.name, s: a.baseline }] : []));
  console.log(`\nS&H 2003 acronyms: missed (${base.reduce((n, x) => n + x.s.fn, 0)})`);
  for (const { a, s } of base) for (const m of s.misses) console.log(`  ${a}  ${m}`);
  console.log(`S&H 2003 acronyms: false hits (${base.reduce((n, x) => n + x.s.fp, 0)})`);
  for (const { a, s } of base) for (const m of s.falseHits) console.log(`  ${a}  ${m}`);
}

function summary(r: EvalResult) {
  const figures = (c: Counts) => ({ ...c, precision: precision(c), recall: recall(c), f1: f1(c) });
  return {
    articles: r.articles.map((a) => ({
      name: a.name,
      topic: a.topic,
      words: a.words,
      mentions: { tp: a.mentions.tp, fp: a.mentions.fp, fn: a.mentions.fn },
      ...(a.facts
        ? { facts: Object.fromEntries((['roles', 'statements', 'acronyms'] as const).map((k) => [k, { tp: a.facts![k].tp, fp: a.facts![k].fp, fn: a.facts![k].fn }])) }
        : {}),
    })),
    mentions: figures(r.mentions),
    facts: { roles: figures(r.facts.roles), statements: figures(r.facts.statements), acronyms: figures(r.facts.acronyms) },
    baselineAcronyms: figures(r.baselineAcronyms),
    statementFigures: r.statementFigures,
  };
}

process.exitCode = main(process.argv.slice(2));
