// `npm run eval`: runs every article of tests/eval through analyzeArticle and reports how its
// mentions and article facts compare with the gold. A report, not a gate: it always exits 0
// when the corpus loads (the floor lives in tests/unit/eval-floor.test.ts).
//
//   npm run eval                 print the report
//   npm run eval -- --json FILE  also write the figures as JSON
import { writeFileSync } from 'node:fs';
import { loadCorpus, loadPack } from '../tests/eval/lib/corpus';
import { evaluateCorpus, type EvalResult } from '../tests/eval/lib/evaluate';
import { f1, precision, recall, type Counts } from '../tests/eval/lib/score-mentions';

function main(argv: string[]): number {
  let jsonPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') {
      jsonPath = argv[++i];
      if (!jsonPath) return fail('--json needs a file name');
    } else {
      return fail(`unknown argument ${JSON.stringify(argv[i])} (usage: npm run eval -- [--json FILE])`);
    }
  }
  let result: EvalResult;
  try {
    result = evaluateCorpus(loadCorpus(), loadPack());
  } catch (err) {
    return fail((err as Error).message);
  }
  print(result);
  if (jsonPath) {
    writeFileSync(jsonPath, JSON.stringify(summary(result), null, 2) + '\n');
    console.log(`\nfigures written to ${jsonPath}`);
  }
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
  for (const kind of ['roles', 'statements', 'acronyms'] as const) {
    const rows = r.articles.flatMap((a) => (a.facts ? [{ a: a.name, s: a.facts[kind] }] : []));
    const nMiss = rows.reduce((n, x) => n + x.s.misses.length, 0);
    const nFalse = rows.reduce((n, x) => n + x.s.falseHits.length, 0);
    console.log(`\n${kind}: missed (${nMiss})`);
    for (const { a, s } of rows) for (const m of s.misses) console.log(`  ${a}  ${m}`);
    console.log(`${kind}: false hits (${nFalse})`);
    for (const { a, s } of rows) for (const m of s.falseHits) console.log(`  ${a}  ${m}`);
  }
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
  };
}

process.exitCode = main(process.argv.slice(2));
