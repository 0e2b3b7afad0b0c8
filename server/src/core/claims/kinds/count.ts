/**
 * Counts: a number of people or things something happened to ("اعتقال أكثر
 * من 3000 شخص", "18 شرطيا قتلوا"). A count figure with no unit; the counted
 * noun is the subject and a trigger word the event.
 */
import { detach } from '../../numbers/normalize';
import { attributionStage } from '../stages/attribution';
import { dateStage } from '../stages/date';
import { eventStage, triggerNear } from '../stages/event';
import { intervalStage } from '../stages/interval';
import { buildPipeline, CLAIM_INPUTS, newClaimState } from '../stages/pipeline';
import { qualifierStage } from '../stages/qualifier';
import { scopeStage } from '../stages/scope';
import { nounStage, subjectStage } from '../stages/subject';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import type { Claim } from '../types';
import type { ClaimKind } from './kind';

/** Checked at load (see `buildPipeline`): the qualifier after the figure needs the noun's end, the subject stage the qualifier's start. */
export const COUNT_PIPELINE = buildPipeline('count', CLAIM_INPUTS, [nounStage, qualifierStage, subjectStage, eventStage, attributionStage, dateStage, scopeStage, intervalStage]);

/** The count kind over a pipeline of the count stages (tests pass one whose stages are traced). */
export const countKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'count',
  // Measurements and money ("5 km", "$3 million") are other kinds' figures.
  accepts: (f) => f.kind === 'count' && !f.unit,
  // A claim needs an event: its own (a dual's noun), the last claim's (a subset), or a trigger word within reach.
  worthReading: (f, sentence, r) => Boolean(f.figure.dual) || sentence.whole !== undefined || triggerNear(r, f, sentence.start, sentence.end),
  read(f, sentence, r) {
    const state = newClaimState(f, sentence, r.clauseStart(f.first, sentence.start), r.clauseEnd(f.last, sentence.end));
    if (!pipeline.run(state, r)) return undefined;
    const figure = f.figure;
    const start = Math.min(state.phraseStart, figure.start);
    const end = Math.max(state.phraseEnd, figure.end);
    const claim: Claim = {
      kind: 'count',
      range: r.doc.range(start, end),
      text: detach(r.text.slice(start, end)),
      event: state.event!,
      subject: state.subject?.cls ?? state.rawNoun ?? 'people',
      qualifier: state.qualifier!,
      value: figure.value,
      unit: null,
      vague: figure.vague,
      low: state.low,
      high: state.high,
      source: state.source,
      date: state.date,
      weekday: state.weekday,
      earlier: state.earlier,
      change: state.change,
      scope: state.scope,
      figureStart: figure.start,
      figureEnd: figure.end,
    };
    if (!state.subset) sentence.whole = { claim, clause: state.clauseStart };
    return claim;
  },
});

export const countKind: ClaimKind = countKindWith(COUNT_PIPELINE);
