/**
 * What a figure adds up (types.ts, `Aggregation`): one incident's count by
 * default; a rate when its clause says per what period (يوميا); a running
 * total when it counts from a start that spans incidents (منذ بدء العملية،
 * منذ 2015); an increment on a count given elsewhere (خلال الـ24 ساعة
 * الماضية، "توفي تسعة آخرون" after "قتل 31"، a figure before "ليرتفع
 * العدد إلى 43"). Different aggregations are different quantities.
 */
import type { Aggregation } from '../types';
import { WINDOW, type ClaimReader } from '../reader';
import type { Stage } from './pipeline';

/** How far before "منذ" a superlative makes the year date a comparison ("أسوأ هجوم منذ 2016"), in words. */
const SUPERLATIVE_REACH = 5;
/** "Since" and the year nouns that may stand between it and the year: function words of the languages, not lexicon entries. */
const SINCE = new Set(['منذ', 'since']);
const YEAR_WORDS = new Set(['عام', 'العام', 'سنه', 'السنه', 'year']);

export const aggregationStage: Stage = {
  name: 'aggregation',
  requires: ['sentence', 'clauseStart', 'clauseEnd', 'event', 'others', 'nounLast'],
  assigns: ['aggregation'],
  run(state, r) {
    const { sentence, clauseStart, clauseEnd } = state;
    const tokens = r.tokens;
    const lex = r.lex;
    let cumulative = false;
    let increment = false;
    for (let j = clauseStart; j < clauseEnd; j++) {
      if (!cumulative && sinceYear(r, j, clauseStart)) cumulative = true;
      if (!r.isWord(j)) continue;
      const rate = lex.rates.matchAt(tokens, j);
      if (rate) {
        state.aggregation = rate.payload;
        return;
      }
      if (!cumulative) cumulative = lex.cumulative.matchAt(tokens, j) !== undefined;
      if (!increment) increment = lex.increments.matchAt(tokens, j) !== undefined;
    }
    // "قتل 31 شخصا في المكان وتوفي تسعة آخرون": more of the same event is an increment; "وإصابة 23 آخرين" is the injured count.
    const whole = sentence.whole;
    if (!increment && state.others && whole && whole.claim.event === state.event) {
      increment = true;
      // The count it adds to is then a part too ("31 في المكان" + "تسعة آخرون في المستشفى" = the toll): neither is the total.
      whole.claim.role = 'part';
    }
    if (!increment) increment = resultClauseAfter(r, state.nounLast, sentence.end);
    let aggregation: Aggregation = 'incident';
    if (cumulative) aggregation = 'cumulative';
    else if (increment) aggregation = 'increment';
    state.aggregation = aggregation;
  },
};

/** "منذ 2015" (a year after "since"), unless a superlative before it compares the incident with the past. */
function sinceYear(r: ClaimReader, j: number, clauseStart: number): boolean {
  const f = r.figAt[j];
  if (f < 0 || r.figures[f].first !== j || r.figures[f].figure.kind !== 'year' || !afterSince(r, j, clauseStart)) return false;
  let words = 0;
  for (let k = j - 1; k >= clauseStart && words < SUPERLATIVE_REACH; k--) {
    if (!r.isWord(k)) continue;
    words++;
    if (r.lex.superlatives.matchAt(r.tokens, k) !== undefined) return false;
  }
  return true;
}

/** Whether "منذ" (since) comes right before the year figure starting at token `first`, or before "عام" and it (منذ عام 2013). */
export function afterSince(r: ClaimReader, first: number, s: number): boolean {
  let before = r.wordBefore(first, s);
  if (before !== undefined && YEAR_WORDS.has(r.tokens[before].norm)) before = r.wordBefore(before, s);
  return before !== undefined && SINCE.has(r.tokens[before].norm);
}

/** A result clause after the figure in its sentence ("... ليرتفع العدد إلى 43"): the figure before it is what was added. */
function resultClauseAfter(r: ClaimReader, nounLast: number, e: number): boolean {
  const to = Math.min(e, nounLast + 1 + WINDOW);
  for (let j = nounLast + 1; j < to; j++) {
    if (r.isWord(j) && r.lex.resultClauses.matchAt(r.tokens, j) !== undefined) return true;
  }
  return false;
}
