import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  checkDigitFixesKeepValue,
  checkFixesDisjoint,
  checkFixesMarkedFixable,
  checkFixIdempotent,
  checkOutsideUnchanged,
  checkRangesInside,
  corpusTexts,
  longLine,
  runCorpus,
  seedText,
  settingsArb,
} from './properties';

// Brief runs for `npm test`; `npm run bench:fuzz` runs the same checks on 100,000+ inputs.
const RUNS = 300;

describe('properties of the analysis (fast-check, every rule of the registry)', () => {
  it('never throws, and no rule fails, on arbitrary Unicode', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => void runCorpus(texts, settings)), { numRuns: RUNS });
  });

  it('puts every finding, fix and related range inside its document', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkRangesInside(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  it('never offers overlapping edits, within one fix or across compatibleFixes', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkFixesDisjoint(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  it('leaves the text outside fix ranges unchanged, byte for byte', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkOutsideUnchanged(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  // Found by this property: "١٫٥٠٠" → "1.500" read as fifteen hundred. Such decimals now keep ٫ (westernDecimalIsAmbiguous).
  it('rewrites only the number in a digits fix, and keeps its value', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkDigitFixesKeepValue(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  it('fixes to a fixed point: fixing twice equals fixing once', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkFixIdempotent(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  it('offers fixes only from rules marked fixable', () => {
    fc.assert(fc.property(corpusTexts, settingsArb, (texts, settings) => checkFixesMarkedFixable(runCorpus(texts, settings))), { numRuns: RUNS });
  });

  it('handles 100,000-character lines', () => {
    fc.assert(
      fc.property(longLine, seedText, settingsArb, (line, text, settings) => {
        const run = runCorpus([`${text}\n${line}\n${text}`], settings);
        checkRangesInside(run);
        checkFixesDisjoint(run);
        checkOutsideUnchanged(run);
      }),
      // Few runs: a 100,000-character line costs claim extraction about 2 s today (reported as a hot spot).
      { numRuns: 3 },
    );
  });
});
