/**
 * Populations: how many people live in a place ("عدد سكانها 335 ألف نسمة",
 * "ويقطن لومبوك ثلاثة ملايين نسمة"). Asked before the count kind, because a
 * cue before the figure (عدد سكان، يقطن) says what it is whatever verb is
 * near ("يصل تعداد سكان بالي إلى أربعة ملايين"); a population noun after it
 * (نسمة) only when no trigger word is near: "نزوح 10 آلاف نسمة" is a
 * displacement, a count.
 *
 * Read for the outline and hovers only: a population is compared when the
 * two figures are of one place, and the place (before the cue, after it, a
 * city or the region around it) is what this kind cannot tell yet.
 */
import { triggerNear } from '../stages/event';
import { nounStage } from '../stages/subject';
import type { ClaimState, Pipeline } from '../stages/pipeline';
import { claimOf } from './claim';
import { kindPipeline, phraseBefore, readFigure } from './context';
import type { ClaimKind } from './kind';

/** How far before the figure a cue may be (ويقطن المدن المنكوبة بالو ودونجالا أكثر من 600 ألف). */
const CUE_WORDS = 7;

export const POPULATION_PIPELINE = kindPipeline('population', nounStage);

/** The population kind over a pipeline of its stages (tests pass one whose stages are traced). */
export const populationKindWith = (pipeline: Pipeline<ClaimState>): ClaimKind => ({
  id: 'population',
  accepts: (f) => f.kind === 'count' && !f.unit && !f.dual,
  worthReading(f, sentence, r) {
    if (phraseBefore(r, r.lex.populationCues, f.first, r.clauseStart(f.first, sentence.start), CUE_WORDS)) return true;
    const next = r.skipForward(f.last + 1, sentence.end);
    return next < sentence.end && r.isWord(next) && r.lex.populationNouns.matchAt(r.tokens, next) !== undefined && !triggerNear(r, f, sentence.start, sentence.end);
  },
  read(f, sentence, r) {
    const state = readFigure(pipeline, f, sentence, r);
    if (!state) return undefined;
    // A population counts people: "في 166 مركزا"، "خمسة أضعاف" after a cue count something else.
    if (state.rawNoun !== undefined && !r.lex.populationNouns.matchAt(r.tokens, state.nounLast)) return undefined;
    return claimOf('population', state, r, { event: 'population', subject: 'people', unit: null, comparable: false });
  },
});

export const populationKind: ClaimKind = populationKindWith(POPULATION_PIPELINE);
