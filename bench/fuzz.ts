// `npm run bench:fuzz`: the properties of test/unit/properties.ts on many
// more inputs than `npm test` affords (100,000 per property by default),
// each property on its own so one failure does not hide the others.
//
//   node --import tsx bench/fuzz.ts [--runs 100000] [--seed N] [--only NAME[,NAME]]
import fc from 'fast-check';
import type { Settings } from '../server/src/core';
import {
  checkDigitFixesKeepValue,
  checkFixesDisjoint,
  checkFixIdempotent,
  checkOutsideUnchanged,
  checkRangesInside,
  corpusTexts,
  longLine,
  runCorpus,
  seedText,
  settingsArb,
  type CorpusRun,
} from '../test/unit/properties';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
const RUNS = Number(option('--runs', '100000'));
const SEED = Number(option('--seed', String(Date.now() % 2 ** 31)));
const ONLY = option('--only', '').split(',').filter(Boolean);

const PROPERTIES: [string, (run: CorpusRun) => void][] = [
  ['no-throw', () => {}],
  ['ranges-inside', checkRangesInside],
  ['fixes-disjoint', checkFixesDisjoint],
  ['outside-unchanged', checkOutsideUnchanged],
  ['digit-fix-keeps-value', checkDigitFixesKeepValue],
  ['fix-idempotent', checkFixIdempotent],
];

let failed = 0;
let inputs = 0;
const started = Date.now();
process.stdout.write(`fuzzing with seed ${SEED}, ${RUNS} inputs per property\n`);
for (const [name, check] of PROPERTIES) {
  if (ONLY.length && !ONLY.includes(name)) continue;
  const t0 = Date.now();
  const details = fc.check(
    fc.property(corpusTexts, settingsArb, (texts: string[], settings: Settings) => check(runCorpus(texts, settings))),
    { numRuns: RUNS, seed: SEED },
  );
  inputs += details.numRuns;
  report(name, details, t0);
}
if (!ONLY.length || ONLY.includes('long-lines')) {
  // 100,000-character lines are slow to analyse (about 2 s each today, claim extraction): a few dozen.
  const t0 = Date.now();
  const details = fc.check(
    fc.property(longLine, seedText, settingsArb, (line: string, text: string, settings: Settings) => {
      const run = runCorpus([`${text}\n${line}\n${text}`], settings);
      checkRangesInside(run);
      checkFixesDisjoint(run);
      checkOutsideUnchanged(run);
    }),
    { numRuns: Math.max(10, Math.round(RUNS / 5000)), seed: SEED },
  );
  inputs += details.numRuns;
  report('long-lines', details, t0);
}
process.stdout.write(`${inputs} inputs in ${((Date.now() - started) / 1000).toFixed(1)} s; ${failed ? `${failed} propert${failed === 1 ? 'y' : 'ies'} FAILED` : 'all properties held'}\n`);
process.exitCode = failed ? 1 : 0;

function report<T>(name: string, details: fc.RunDetails<T>, t0: number): void {
  const took = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  if (!details.failed) {
    process.stdout.write(`ok    ${name}: ${details.numRuns} inputs, ${took}\n`);
    return;
  }
  failed++;
  const [texts] = details.counterexample as unknown as [unknown];
  const error = details.errorInstance instanceof Error ? details.errorInstance.message.split('\n')[0] : String(details.errorInstance);
  process.stdout.write(
    `FAIL  ${name} after ${details.numRuns} inputs (${took}): ${error}\n` +
      `      counterexample: ${JSON.stringify(texts).slice(0, 2000)}\n` +
      `      replay: --seed ${details.seed} (path ${details.counterexamplePath})\n`,
  );
}
