/**
 * Counts: a number of people or things something happened to ("اعتقال أكثر
 * من 3000 شخص", "18 شرطيا قتلوا"). A count figure with no unit; the counted
 * noun is the subject and a trigger word the event.
 */
import { attributionStage } from '../stages/attribution';
import { changeStage, dateStage } from '../stages/date';
import { eventStage, triggerNear } from '../stages/event';
import { intervalStage } from '../stages/interval';
import { aggregationStage } from '../stages/aggregation';
import { backgroundStage } from '../stages/background';
import { mayBeYear } from '../../numbers/figureDates';
import { modalityStage } from '../stages/modality';
import { buildPipeline, CLAIM_INPUTS } from '../stages/pipeline';
import { partStage, roleStage } from '../stages/role';
import { qualifierStage } from '../stages/qualifier';
import { scopeStage } from '../stages/scope';
import { nounStage, subjectStage } from '../stages/subject';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import { claimOf } from './claim';
import { readFigure } from './context';
import type { ClaimKind } from './kind';

/** Checked at load (see `buildPipeline`): the qualifier after the figure needs the noun's end, the subject stage the qualifier's start. */
export const COUNT_PIPELINE = buildPipeline('count', CLAIM_INPUTS, [
  nounStage,
  qualifierStage,
  subjectStage,
  roleStage,
  eventStage,
  partStage,
  aggregationStage,
  backgroundStage,
  modalityStage,
  attributionStage,
  dateStage,
  changeStage,
  scopeStage,
  intervalStage,
]);

/** The count kind over a pipeline of the count stages (tests pass one whose stages are traced). */
export const countKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'count',
  // Measurements and money ("5 km", "$3 million") are other kinds' figures.
  accepts: (f) => f.kind === 'count' && !f.unit,
  // A claim needs an event: its own (a dual's noun), the last claim's (a subset), or a trigger word within reach.
  worthReading: (f, sentence, r) => Boolean(f.figure.dual) || sentence.whole !== undefined || triggerNear(r, f, sentence.start, sentence.end),
  read(f, sentence, r) {
    const state = readFigure(pipeline, f, sentence, r);
    if (!state) return undefined;
    // Four digits of a year's range that count no noun ("اعتداءات 2009 التي أوقعت ..."): a year the number layer could not tell.
    if (state.nounLast === f.last && !state.subject && mayBeYear(f.figure)) return undefined;
    const claim = claimOf('count', state, r, { event: state.event!, subject: state.subject?.cls ?? state.rawNoun ?? 'people', unit: null, comparable: true });
    // Parts and increments are never what a later "آخرين" or subset refers to.
    if (!state.subset && state.role === 'whole' && state.aggregation !== 'increment') sentence.whole = { claim, clause: state.clauseStart };
    return claim;
  },
});

export const countKind: ClaimKind = countKindWith(COUNT_PIPELINE);
