/**
 * Sums of money: a figure in a currency ("تعويض بقيمة مليون روبل", "بمبلغ نصف
 * مليار يورو"). Currencies are never converted into each other
 * (numbers/units.ts), so the currency is the subject: a sum in roubles never
 * meets one in dollars, even for the same payment.
 *
 * A sum is read for the outline and hovers, never compared across
 * documents. What it is (`moneyFrames`: compensation, a ransom, bail, a
 * fine) becomes its event, but that is not enough: on a real corpus
 * (ANT 2018, 15k articles) every conflict between sums of one frame was
 * between two cases (a bail in Paris and one in Los Angeles), and inside
 * one case a sum per family and the total paid share the frame too.
 * Comparing needs who pays whom and per what, which this kind cannot tell.
 */
import { isCurrency } from '../../numbers/units';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import { claimOf } from './claim';
import { kindPipeline, phraseBefore, readFigure, unitWordStage } from './context';
import type { ClaimKind } from './kind';

/** How far before the figure its purpose may be (تعويض بقيمة، غرامة مالية قدرها نحو). */
const FRAME_WORDS = 4;

export const MONEY_PIPELINE = kindPipeline('money', unitWordStage);

/** The money kind over a pipeline of its stages (tests pass one whose stages are traced). */
export const moneyKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'money',
  accepts: (f) => f.kind === 'count' && isCurrency(f.unit),
  worthReading: () => true,
  read(f, sentence, r) {
    const state = readFigure(pipeline, f, sentence, r);
    if (!state) return undefined;
    const frame = phraseBefore(r, r.lex.moneyFrames, state.qualifierFirst, state.clauseStart, FRAME_WORDS);
    const unit = f.figure.unit!;
    return claimOf('money', state, r, { event: frame?.payload ?? 'money', subject: unit, unit, comparable: false });
  },
});

export const moneyKind: ClaimKind = moneyKindWith(MONEY_PIPELINE);
