/**
 * Composing number words and digits into one number: units and tens, teens,
 * hundreds, scales, vague plurals and fractions (see `compose`).
 */
import type { Atom, FigureTokens } from './figureTokens';
import { TOKEN_LATIN } from './tokens';
import { H_OF, wordIs } from './wordFacts';

/** A composed number: the tokens it covers, its value or interval, and how it was written. */
export interface Parsed {
  first: number;
  last: number;
  start: number;
  value: number;
  low: number;
  high: number;
  vague: boolean;
  digits: boolean;
  words: boolean;
  fraction: boolean;
}

/** The smallest power of ten that divides v (its lowest written place): 300 → 100, 25 → 1. */
function placeOf(v: number): number {
  if (!Number.isInteger(v) || v === 0) return v === 0 ? 1 : 0.1;
  let p = 1;
  while (v % (p * 10) === 0) p *= 10;
  return p;
}

/**
 * Composes adjacent atoms into one number: units and tens (خمسة وعشرون),
 * teens (أحد عشر), hundreds (ثلاث مئة، مئة وعشرة), scales applied to what
 * precedes them (ثمانية آلاف، 20 ألفا، 3 ملايين و500 ألف), vague plurals
 * and their products (عشرات الآلاف، بضع مئات), fractions of scales
 * (نصف مليون، مليون ونصف).
 */
export function compose(r: FigureTokens, i: number, first: Atom): Parsed | undefined {
  const w = first.word;
  let total = 0;
  let group = 0;
  let minPlace = Infinity;
  let lastScale = 0;
  let lastUnit = 0; // a unit word (1..9) just read, for teens, hundreds and "unit + ten"
  let low = NaN;
  let high = NaN;
  let vague = false;
  let fraction = false;
  let digits = false;
  let words = false;
  let last = i;

  if (!w) {
    group = first.value;
    minPlace = placeOf(group);
    digits = true;
  } else {
    words = true;
    switch (w.type) {
      case 'unit':
        group = w.value;
        minPlace = placeOf(w.value);
        lastUnit = w.value < 10 ? w.value : 0;
        break;
      case 'teenUnit': {
        const n = r.nextAtom(i);
        if (!n || n.atom.conj || n.atom.word?.type !== 'unit' || n.atom.value !== 10) return undefined;
        group = w.value + 10;
        minPlace = 1;
        last = n.last;
        break;
      }
      case 'ten':
      case 'hundred':
        group = w.value;
        minPlace = w.type === 'ten' ? 10 : 100;
        break;
      case 'scale':
        if (w.form === 'pl') {
          vague = true;
          low = 2 * w.value;
          high = 10 * w.value - 1;
        } else {
          total = (w.form === 'dual' ? 2 : 1) * w.value;
          lastScale = minPlace = w.value;
        }
        break;
      case 'vague':
        vague = true;
        low = w.value === 12 ? 24 : 2 * w.value;
        high = 10 * w.value - 1;
        break;
      case 'few': {
        // بضعة آلاف، عدة مئات: a few (3..9) of the next scale; بضعة alone is 3..9; عدة alone is no figure.
        const n = r.nextAtom(i);
        const next = n && !n.atom.conj ? n.atom.word : undefined;
        vague = true;
        if (next && ((next.type === 'scale' && next.form !== 'dual') || next.type === 'vague')) {
          low = 3 * next.value;
          high = 9 * next.value;
          last = n!.last;
        } else if (w.value === 1) {
          low = 3;
          high = 9;
        } else return undefined;
        break;
      }
      case 'fraction': {
        const n = r.nextAtom(i);
        if (n && !n.atom.conj && n.atom.word?.type === 'scale' && n.atom.word.form === 'sg') {
          total = w.value * n.atom.value;
          lastScale = minPlace = n.atom.value;
          last = n.last;
        } else {
          fraction = true;
          group = w.value;
        }
        break;
      }
      default:
        return undefined;
    }
  }

  // Extend with what follows, as long as it composes.
  for (;;) {
    if (fraction) break;
    const n = r.nextAtom(last);
    if (!n) break;
    const a = n.atom;
    const aw = a.word;
    if (vague) {
      // عشرات الآلاف، مئات الملايين: a vague quantity of a scale.
      if (!a.conj && aw?.type === 'scale' && aw.form !== 'dual' && high < aw.value) {
        low *= aw.value;
        high = (high + 1) * aw.value - 1;
        last = n.last;
        continue;
      }
      break;
    }
    if (!a.conj) {
      if (aw?.type === 'unit' && aw.value === 10 && lastUnit > 0 && !digits) {
        group += 10; // ثلاثة عشر
        lastUnit = 0;
        minPlace = 1;
      } else if (aw?.type === 'hundred' && aw.value === 100 && lastUnit >= 3 && group === lastUnit) {
        group = lastUnit * 100; // ثلاث مئة
        lastUnit = 0;
        minPlace = 100;
      } else if (aw?.type === 'hundred' && aw.value === 100 && r.tokens[last].kind === TOKEN_LATIN && group > 0 && group < 100) {
        group *= 100; // "three hundred"
        minPlace = 100;
      } else if (aw?.type === 'quarters' && lastUnit > 0) {
        group = lastUnit * aw.value; // ثلاثة أرباع
        fraction = true;
        last = n.last;
        words = true;
        break;
      } else if (aw?.type === 'scale' && aw.form !== 'dual' && group > 0 && (lastScale === 0 || aw.value < lastScale)) {
        total += group * aw.value;
        group = 0;
        lastScale = minPlace = aw.value;
        lastUnit = 0;
      } else break;
    } else {
      if (aw?.type === 'ten' && lastUnit > 0 && group === lastUnit) {
        group += aw.value; // خمسة وعشرون
        lastUnit = 0;
        minPlace = 1;
      } else if (aw?.type === 'fraction' && aw.value === 0.5 && lastScale > 0 && group === 0) {
        total += lastScale / 2; // مليون ونصف
        last = n.last;
        words = true;
        break;
      } else if (
        (aw === undefined || aw.type === 'unit' || aw.type === 'ten' || aw.type === 'hundred') &&
        a.value < minPlace &&
        a.value > 0
      ) {
        group += a.value;
        minPlace = placeOf(a.value);
        lastUnit = aw?.type === 'unit' && a.value < 10 ? a.value : 0;
      } else if (aw?.type === 'scale' && aw.form !== 'pl' && lastScale > aw.value && group === 0) {
        total += (aw.form === 'dual' ? 2 : 1) * aw.value;
        lastScale = minPlace = aw.value;
      } else break;
    }
    if (aw) words = true;
    else digits = true;
    last = n.last;
  }

  // English "tens of thousands", "hundreds of millions".
  if (vague && r.tokens[last].kind === TOKEN_LATIN) {
    const of = r.adjacent(last);
    const scale = of && wordIs(of, 'of', H_OF) ? r.atomAt(last + 2) : undefined;
    if (scale?.word?.type === 'scale' && scale.word.form === 'pl' && high < scale.value) {
      low *= scale.value;
      high = (high + 1) * scale.value - 1;
      last += 2;
    }
  }

  // 32.8 × 1e6 is 32799999.999999996 in floating point: a number written with a decimal and a scale is rounded to millionths (a fraction, ثلث، is kept as it is).
  const value = vague ? low : fraction ? total + group : Math.round((total + group) * 1e6) / 1e6;
  if (!vague && !(value > 0)) return undefined;
  return {
    first: i,
    last,
    start: first.start,
    value,
    low: vague ? low : value,
    high: vague ? high : value,
    vague,
    digits,
    words,
    fraction,
  };
}
