// What the acronym extractor misses and takes wrongly on the dev halves of the real acronym sets
// (never the sealed halves): `node scripts/run-ts.mjs scripts/acronym-dev-errors.ts`.
import { printRealAcronymSets } from '../tests/eval/lib/real-acronyms-report';

printRealAcronymSets({ errors: true });
