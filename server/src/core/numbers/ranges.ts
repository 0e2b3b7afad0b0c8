/**
 * Ranges: two figures a text gives as the bounds of one quantity ("ما بين
 * 1500 و2000 مسلح", "بين 100 إلى 120 شخصا", "between 12 and 15") are one
 * figure, its value the lower bound and its interval both. Read as two,
 * the first would have no counted noun and the two would contradict each
 * other inside one sentence.
 *
 * Only "between" opens a range: "من 40 إلى 50" is as often a change (the
 * toll rose from 40 to 50) as a range, and a change is two reports.
 */
import type { FigureTokens } from './figureTokens';
import { RANGE_BEFORE, RANGE_JOINERS } from './lexicon';
import type { Token } from './tokens';
import type { ReadFigure } from './words';

/** How much larger the upper bound may be than the lower one: "بين 3 و4 آلاف" is 3000–4000, "بين 5 و500" no range a reporter writes. */
const MAX_RATIO = 20;
/** Scales the lower bound may leave to the upper one (بين 3 و4 آلاف، بين 1.5 و2 مليون). */
const SHARED_SCALES = [1, 1e3, 1e6, 1e9];

/** Joins the figures of `r.out` that make a range, in place. */
export function joinRanges(r: FigureTokens): void {
  const out = r.out;
  for (let i = 0; i + 1 < out.length; i++) {
    const joined = range(r, out[i], out[i + 1]);
    if (joined) out.splice(i, 2, joined);
  }
}

function range(r: FigureTokens, a: ReadFigure, b: ReadFigure): ReadFigure | undefined {
  const fa = a.figure;
  const fb = b.figure;
  if (fa.kind !== 'count' || fb.kind !== 'count' || fa.unit || fa.vague || fb.vague || fa.dual || fb.dual || fa.range) return undefined;
  if (!isRangeWord(r.wordBefore(a.first), RANGE_BEFORE)) return undefined;
  // The joiner is a word between them (إلى، and) or the conjunction on the second (و2000 is two tokens; وعشرين one).
  const tokens = r.tokens;
  const between = b.first - a.last - 1;
  const glued = between === 0 && fb.start > tokens[b.first].start && r.text[tokens[b.first].start] === 'و';
  const joined = between === 1 && isRangeWord(tokens[a.last + 1], RANGE_JOINERS);
  if (!glued && !joined) return undefined;
  const low = lowerBound(fa.value, fb.value, fb.written !== 'digits');
  if (low === undefined) return undefined;
  return {
    figure: {
      ...fb,
      start: fa.start,
      written: fa.written === fb.written ? fa.written : 'digits+word',
      value: low,
      low,
      high: fb.value,
      easternDigits: fa.easternDigits || fb.easternDigits,
      range: true,
    },
    first: a.first,
    last: b.last,
  };
}

/** The lower bound, scaled by the upper bound's scale word when it shares it; undefined when the two make no plausible range. */
function lowerBound(a: number, b: number, scaled: boolean): number | undefined {
  for (const s of scaled ? SHARED_SCALES : [1]) {
    if (a * s < b && b <= a * s * MAX_RATIO) return a * s;
  }
  return undefined;
}

function isRangeWord(t: Token | undefined, words: ReadonlySet<string>): boolean {
  if (!t) return false;
  if (words.has(t.norm)) return true;
  // "وبين": the conjunction before the word.
  return t.norm.length > 2 && (t.norm[0] === 'و' || t.norm[0] === 'ف') && words.has(t.norm.slice(1));
}
