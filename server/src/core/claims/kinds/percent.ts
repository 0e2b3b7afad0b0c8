/**
 * Percentages ("أكثر من 90 بالمائة من انتاجه"): the share of what is the
 * subject class of the noun after the figure, when the lexicon knows it
 * (a bare noun there is as often a pronoun, "90% منها").
 *
 * Read for the outline and hovers only: a percentage is a share of a whole
 * the sentence rarely names precisely (a turnout, a rise, a part of a
 * budget), and two unrelated shares would meet under any key this kind
 * can build from the words around it.
 */
import { nounStage } from '../stages/subject';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import { claimOf } from './claim';
import { kindPipeline, readFigure } from './context';
import type { ClaimKind } from './kind';

export const PERCENT_PIPELINE = kindPipeline('percent', nounStage);

/** The percent kind over a pipeline of its stages (tests pass one whose stages are traced). */
export const percentKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'percent',
  accepts: (f) => f.kind === 'percent',
  worthReading: () => true,
  read(f, sentence, r) {
    const state = readFigure(pipeline, f, sentence, r);
    if (!state) return undefined;
    return claimOf('percent', state, r, { event: 'percent', subject: state.subject?.cls ?? 'percent', unit: '%', comparable: false });
  },
});

export const percentKind: ClaimKind = percentKindWith(PERCENT_PIPELINE);
