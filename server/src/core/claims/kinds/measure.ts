/**
 * Measurements: a length, height, depth, area... in a physical unit
 * ("قسما بطول 200 متر", "أمواج يصل ارتفاعها إلى ثلاثة أمتار"). The interval
 * is written in the dimension's base unit (numbers/units.ts), so "3 كم" and
 * "3000 متر" are one measurement; the value stays as written.
 *
 * A measurement is compared across documents only when the text says what
 * is measured and how: an attribute (ارتفاع) of a thing the lexicon knows
 * (`measured`: waves), in a length unit. Everything else (a distance to a
 * place, "انهيار 200 متر", an area) is read for the outline and hovers only:
 * two unrelated measurements share no event, so comparing them would flag
 * every pair of numbers that happen to share a unit.
 *
 * A measurement written as a whole number is rounded ("ثلاثة أمتار" for a
 * wave measured at 2.7 m), so an exact one allows the tolerance of an
 * approximate figure (claims/intervals.ts: 3 → [2.5, 3.5]); 3 m and 6 m still
 * cannot both hold.
 */
import { isPhysicalUnit, toBase, unitInfo } from '../../numbers/units';
import { tolerance } from '../intervals';
import type { ClaimReader } from '../reader';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import { claimInterval, claimOf } from './claim';
import { kindPipeline, phraseBefore, readFigure, unitWordStage } from './context';
import type { ClaimKind } from './kind';

/** How far before the figure its attribute may be (بلغ ارتفاعها نحو 6 أمتار: verb, qualifier). */
const ATTRIBUTE_WORDS = 4;
/** How far before the attribute the measured thing may be (أمواج يصل ارتفاعها، الأمواج التي بلغ ارتفاعها). */
const THING_WORDS = 4;

export const MEASURE_PIPELINE = kindPipeline('measure', unitWordStage);

/** The measure kind over a pipeline of its stages (tests pass one whose stages are traced). */
export const measureKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'measure',
  accepts: (f) => f.kind === 'count' && isPhysicalUnit(f.unit),
  // Measurements are rare figures: every one is read.
  worthReading: () => true,
  read(f, sentence, r) {
    const state = readFigure(pipeline, f, sentence, r);
    if (!state) return undefined;
    const unit = f.figure.unit!;
    const { attribute, thing } = whatIsMeasured(state, r);
    const v = f.figure.value;
    const { low, high } = claimInterval(state);
    const rounded = state.qualifier === 'exact' && !f.figure.vague && !f.figure.range && Number.isInteger(v) ? tolerance(v) : 0;
    return claimOf('measure', state, r, {
      event: attribute ?? 'measure',
      subject: thing ?? 'measure',
      unit,
      comparable: attribute !== undefined && thing !== undefined && unitInfo(unit)?.dimension === 'length',
      low: toBase(low === null ? null : low - rounded, unit),
      high: toBase(high === null ? null : high + rounded, unit),
    });
  },
});

export const measureKind: ClaimKind = measureKindWith(MEASURE_PIPELINE);

/** The attribute named before the figure, and the thing it is of: the noun after the attribute (ارتفاع الأمواج) or a known thing just before it (أمواج يصل ارتفاعها). */
function whatIsMeasured(state: ClaimState, r: ClaimReader): { attribute?: string; thing?: string } {
  const m = phraseBefore(r, r.lex.measures, state.qualifierFirst, state.clauseStart, ATTRIBUTE_WORDS);
  if (!m) return {};
  const after = r.skipForward(m.last + 1, state.qualifierFirst);
  const own = after < state.qualifierFirst && r.isWord(after) ? r.lex.measured.matchAt(r.tokens, after) : undefined;
  const thing = own ?? phraseBefore(r, r.lex.measured, m.first, state.sentence.start, THING_WORDS);
  return { attribute: m.payload, thing: thing?.payload };
}
