/**
 * What the kinds other than counts read around a figure: the unit word
 * that ends a measurement or a sum, and the lexicon phrase that names what
 * the figure is (an attribute, a purpose, a population cue) a few words before it.
 */
import { attributionStage } from '../stages/attribution';
import { dateStage } from '../stages/date';
import { intervalStage } from '../stages/interval';
import { buildPipeline, CLAIM_INPUTS, newClaimState, type ClaimState, type Pipeline, type SentenceState, type Stage } from '../stages/pipeline';
import type { ReadFigure } from '../../numbers/words';
import { modalityStage } from '../stages/modality';
import { qualifierStage } from '../stages/qualifier';
import { scopeStage } from '../stages/scope';
import type { TokenPhrases } from '../lexicon/phrases';
import type { PhraseMatch } from '../../text/phrases';
import type { ClaimReader } from '../reader';

/** "200 متر", "مليون روبل": the unit word after the figure ends the claim's phrase (a sign before it, "$5", is part of the figure). */
export const unitWordStage: Stage = {
  name: 'unit-word',
  requires: ['figure', 'sentence'],
  assigns: ['nounLast'],
  run(state, r) {
    const { figure, sentence } = state;
    const next = r.skipForward(figure.last + 1, sentence.end);
    state.nounLast = next < sentence.end && r.isWord(next) ? next : figure.last;
  },
};

/** The state a pipeline read from a figure in its clause, or undefined when a stage dropped it. */
export function readFigure(pipeline: Pipeline<ClaimState>, f: ReadFigure, sentence: SentenceState, r: ClaimReader): ClaimState | undefined {
  const state = newClaimState(f, sentence, r.clauseStart(f.first, sentence.start), r.clauseEnd(f.last, sentence.end));
  return pipeline.run(state, r) ? state : undefined;
}

/** The stages every kind shares after its own first one: the qualifier, who said it, when, where, and the interval. */
export function kindPipeline(name: string, first: Stage): Pipeline<ClaimState> {
  return buildPipeline(name, CLAIM_INPUTS, [first, qualifierStage, modalityStage, attributionStage, dateStage, scopeStage, intervalStage]);
}

/**
 * The phrase of `set` nearest before token `before` that ends before it,
 * within `words` words and not before `from` (the clause's start, say).
 */
export function phraseBefore<T>(r: ClaimReader, set: TokenPhrases<T>, before: number, from: number, words: number): PhraseMatch<T> | undefined {
  let seen = 0;
  for (let j = before - 1; j >= from && seen < words; j--) {
    if (!r.isWord(j)) continue;
    seen++;
    const m = set.matchAt(r.tokens, j);
    if (m && m.last < before) return m;
  }
  return undefined;
}
