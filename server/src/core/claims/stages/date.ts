/**
 * When: the figure's day and whether the text recalls it as an earlier count
 * than the document's own; and (`changeStage`) how its event's counts move
 * over time — what the corpus needs to tell a count that grew from two that
 * conflict (figures/intervals.ts).
 */
import { nearestBefore, type ClaimReader } from '../reader';
import type { ClaimState, Stage } from './pipeline';

/** How far before the figure the pluperfect's auxiliary (كان) may be, in tokens, and how far after the counted noun its particle (قد): "وكان 30 شخصا على الأقل قد لقوا". */
const MAX_AUXILIARY_REACH = 12;
const PARTICLE_AFTER_NOUN = 6;

export const dateStage: Stage = {
  name: 'date',
  requires: ['figure', 'sentence', 'clauseStart', 'clauseEnd', 'qualifierFirst', 'nounLast'],
  assigns: ['date', 'weekday', 'earlier'],
  run(state, r) {
    const sentence = state.sentence;
    const first = state.figure.first;
    // The nearest date the sentence mentions (the last before the figure, else the first after), else the reading date.
    state.date = nearestBefore(sentence.dates, first)?.date ?? sentence.dateBefore;
    state.weekday = state.date ? null : (nearestBefore(sentence.weekdays, first)?.weekday ?? sentence.weekdayBefore);
    state.earlier = recalledEarlier(state, r);
  },
};

/** A count moves as its event's counts do (the lexicon's `grows`/`varies`); a figure of a kind with no event keeps `static`. */
export const changeStage: Stage = {
  name: 'change',
  requires: ['event'],
  assigns: ['change'],
  run(state, r) {
    state.change = r.lex.eventChange.get(state.event!) ?? 'static';
  },
};

/**
 * Whether the sentence recalls the count as an earlier one: a marker before
 * the figure ("وكانت حصيلة سابقة أشارت إلى مقتل 37"، "في وقت سابق")، one after
 * it ("بلغ 48، قبل الإعلان عن زيادة الرقم"), or the pluperfect كان … قد
 * ("وكان 30 شخصا على الأقل قد لقوا مصرعهم"، "وكانت الوزارة قد أعلنت مقتل 16").
 */
function recalledEarlier(state: ClaimState, r: ClaimReader): boolean {
  const { sentence, qualifierFirst, nounLast, clauseStart, clauseEnd } = state;
  const { tokens, lex } = r;
  // A marker speaks for its clause: "أعلنت في وقت سابق مقتل 16، وقالت اليوم إن العدد ارتفع إلى 18" recalls 16 only.
  for (let j = clauseStart; j < qualifierFirst; j++) {
    if (!r.isWord(j)) continue;
    const m = lex.earlierBefore.matchAt(tokens, j);
    if (m && m.last < qualifierFirst) return true;
  }
  for (let j = nounLast + 1; j < clauseEnd; j++) if (r.isWord(j) && lex.earlierAfter.matchAt(tokens, j)) return true;
  // كان … قد: the auxiliary shortly before the figure, the particle between it and just after the counted noun.
  for (let j = qualifierFirst - 1; j >= Math.max(sentence.start, qualifierFirst - MAX_AUXILIARY_REACH); j--) {
    if (!r.isWord(j) || !lex.pastAuxiliaries.has(tokens, j)) continue;
    const reach = Math.min(sentence.end, nounLast + PARTICLE_AFTER_NOUN);
    for (let k = j + 1; k < reach; k++) if (r.isWord(k) && lex.pastParticles.has(tokens, k)) return true;
    return false;
  }
  return false;
}
