// The names dev set's part of `npm run eval`: skipped with a message when the data is absent.
import { namesFloorFailures } from './names-floors';
import { evaluateNames, namesDevPath, printNames } from './names-eval';
import { ratio, SCORED_TYPES } from './names-score';

export function runNamesSection(verbose: boolean) {
  const path = namesDevPath();
  if (!path) {
    console.log('\nnames dev set: skipped (../shared/data/names/conllpp-dev.txt not found; set BACKSTORY_DATA to the data folder)');
    return undefined;
  }
  const r = evaluateNames(path);
  printNames(r, verbose);
  const figures = (s: typeof r.ours) => ({
    ...Object.fromEntries(SCORED_TYPES.map((t) => [t, ratio(s.mentions[t])])),
    all: ratio(s.mentions.ALL),
    entities: ratio(s.entities),
    precision: s.highlights.total ? s.highlights.right / s.highlights.total : 1,
  });
  return { prose: r.prose, ours: figures(r.ours), compromise: figures(r.compromise), failures: namesFloorFailures(r) };
}
