/**
 * What kind of figure a composed number is (count, percent, age, duration,
 * year, time, name...), and the figures that have a shape of their own:
 * numbers with a percent sign, dotted codes and dual nouns.
 */
import { isLatinLetterCode } from '../text/chars';
import type { Parsed } from './compose';
import { isoDate, isYearNumber } from './figureDates';
import type { FigureTokens } from './figureTokens';
import { COMPARATIVES, MONTHS, UNITS } from './lexicon';
import { offsetAfterNormalized } from './normalize';
import { SCRIPT_WESTERN, type NumberToken } from './scanner';
import { TOKEN_BREAK, TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type Token } from './tokens';
import { F_AGE_CUE, F_AGE_UNIT, F_COUNT_BEFORE, F_DURATION, F_NAME_BEFORE, F_NAME_TWO_BEFORE, F_PERCENT_WORD, F_TIME_AFTER, F_TIME_BEFORE, F_UNIT, F_YEAR_AFTER, F_YEAR_BEFORE, H_FI, H_HATTA, H_ILA, H_MIN, H_PER, H_WAW, is, isPercentPhrase, wordIs } from './wordFacts';
import type { FigureKind } from './words';

/** Adds the figure of a composed number, of its kind, with what joins it (a percent sign or word, a unit). */
export function emitFigure(r: FigureTokens, p: Parsed): void {
  const tokens = r.tokens;
  let last = p.last;
  let kind: FigureKind = p.fraction ? 'fraction' : 'count';
  let unit: string | undefined;
  const firstToken = tokens[p.first];
  const onlyDigits = p.digits && !p.words;
  const num = firstToken.num;

  // Percentages: a sign (even after a space: "٨ ٪"), بالمئة، في المئة، percent.
  const after = r.adjacent(last);
  if (num?.percent) kind = 'percent';
  else if (after && after.kind === TOKEN_PUNCT && (after.norm === '%' || after.norm === '\u066A')) {
    kind = 'percent';
    last++;
  } else if (after && is(after, F_PERCENT_WORD)) {
    kind = 'percent';
    last++;
  } else if (after && (wordIs(after, 'في', H_FI) || wordIs(after, 'per', H_PER)) && isPercentPhrase(r.adjacent(last + 1))) {
    kind = 'percent';
    last += 2;
  }

  if (kind === 'count' && onlyDigits) kind = digitKind(r, p) ?? kind;

  if (kind === 'count') {
    let next = r.nextWordAfter(last);
    // "بين 12 و65 عاما"، "من 5 إلى 10 سنوات": the unit after a range applies to both ends.
    const joiner = r.adjacent(last);
    if (joiner && next === joiner && (wordIs(joiner, 'و', H_WAW) || wordIs(joiner, 'الي', H_ILA) || wordIs(joiner, 'حتي', H_HATTA)) && r.tokens[last + 2]?.kind === TOKEN_NUMBER) {
      const unit = r.nextWordAfter(last + 2);
      if (unit && is(unit, F_DURATION)) next = unit;
    }
    if (next && is(next, F_DURATION)) {
      kind = is(next, F_AGE_UNIT) && isAge(r, p.first, last) ? 'age' : 'duration';
    } else if (next && is(next, F_UNIT)) {
      unit = UNITS.get(next.norm);
    }
    if (!unit && p.first > 0) {
      const before = tokens[p.first - 1];
      if (before.kind === TOKEN_PUNCT && !tokens[p.first].space) {
        if (before.norm === '$') unit = 'USD';
        else if (before.norm === '€') unit = 'EUR';
        else if (before.norm === '£') unit = 'GBP';
      }
    }
  }

  r.push(p.first, last, {
    start: p.start,
    end: tokens[last].end,
    kind,
    written: p.digits && p.words ? 'digits+word' : p.digits ? 'digits' : 'words',
    value: p.value,
    low: p.low,
    high: p.high,
    vague: p.vague,
    easternDigits: r.eastern(p.first, p.last),
    ...(unit ? { unit } : {}),
  });
}

/** Names, years and clock times among numbers written only in digits. */
function digitKind(r: FigureTokens, p: Parsed): FigureKind | undefined {
  const tokens = r.tokens;
  const t = tokens[p.first];
  const text = r.text;
  // Glued to Latin letters or joined by a hyphen to a word: EP3704, COVID-19, F-16, كوفيد-19, 3D.
  const before = text.charCodeAt(t.start - 1);
  const afterCode = text.charCodeAt(tokens[p.last].end);
  if (isLatinLetterCode(before) || isLatinLetterCode(afterCode)) return 'name';
  if (before === 45 /* - */ && t.start >= 2) {
    const b2 = text.charCodeAt(t.start - 2);
    if (isLatinLetterCode(b2) || (b2 >= 0x621 && b2 <= 0x6d3)) return 'name';
  }
  const prev = r.wordBefore(p.first);
  if (prev && t.space !== false) {
    if (is(prev, F_NAME_BEFORE)) return 'name';
    if (prev.kind === TOKEN_LATIN && /^[A-Z]{2,}$/.test(text.slice(prev.start, prev.end)) && !MONTHS.has(prev.norm)) return 'name';
    const prev2 = r.wordBefore(p.first, 1);
    if (prev2 && is(prev2, F_NAME_TWO_BEFORE)) return 'name';
    if (is(prev, F_TIME_BEFORE) && p.value < 25 && Number.isInteger(p.value)) return 'time';
  }
  const next = r.nextWordAfter(p.last);
  if (next && is(next, F_TIME_AFTER) && p.value <= 24) return 'time';

  const num = t.num!;
  if (p.first === p.last && isYearNumber(num)) {
    if (prev && is(prev, F_YEAR_BEFORE)) return 'year';
    if (prev && is(prev, F_COUNT_BEFORE)) return undefined;
    if (prev && wordIs(prev, 'من', H_MIN) && COMPARATIVES.has(r.wordBefore(p.first, 1)?.norm ?? '')) return undefined;
    const after = r.adjacent(p.last);
    if (!after || after.kind === TOKEN_PUNCT || is(after, F_YEAR_AFTER)) return 'year';
    return undefined;
  }
  return undefined;
}

/** "N years" is an age next to age words (البالغ من العمر 81 عاما) or as an apposition after a name (، 68 عامًا،). */
function isAge(r: FigureTokens, first: number, last: number): boolean {
  for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
    const t = r.tokens[k];
    if (t.kind === TOKEN_BREAK) break;
    if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
      if (is(t, F_AGE_CUE)) return true;
    }
  }
  const before = r.tokens[first - 1];
  let unitIndex = last + 1;
  while (unitIndex < r.tokens.length && unitIndex <= last + 3 && r.tokens[unitIndex].kind === TOKEN_PUNCT) unitIndex++;
  const afterUnit = r.tokens[unitIndex + 1];
  const isComma = (t: Token | undefined) => t !== undefined && t.kind === TOKEN_PUNCT && (t.norm === '،' || t.norm === ',' || t.norm === '(' || t.norm === ')');
  return isComma(before) && (isComma(afterUnit) || afterUnit?.kind === TOKEN_BREAK);
}

/** A number with its own percent sign (١٠٪، %95). */
export function readPercent(r: FigureTokens, i: number, num: NumberToken): number {
  const t = r.tokens[i];
  r.push(i, i, {
    start: t.start,
    end: t.end,
    kind: 'percent',
    written: 'digits',
    value: num.value,
    low: num.value,
    high: num.value,
    vague: false,
    easternDigits: num.scripts !== SCRIPT_WESTERN,
  });
  return i + 1;
}

/** A dotted number: a date when its groups make one (05.01.2022, 2022.01.05), else a code such as a version. */
export function readCode(r: FigureTokens, i: number, num: NumberToken): number {
  const g = num.groups;
  let date: string | undefined;
  if (g.length === 3) {
    if (g[2].length === 4) date = isoDate(Number(g[2]), Number(g[1]), Number(g[0]));
    else if (g[0].length === 4) date = isoDate(Number(g[0]), Number(g[1]), Number(g[2]));
  }
  const t = r.tokens[i];
  r.push(i, i, {
    start: t.start,
    end: t.end,
    kind: date ? 'date' : 'code',
    written: 'digits',
    value: date ? Number(date.slice(0, 4)) : NaN,
    low: NaN,
    high: NaN,
    vague: false,
    easternDigits: num.scripts !== SCRIPT_WESTERN,
    ...(date ? { date } : {}),
  });
  return i + 1;
}

/** Dual nouns: شرطيان، ضابطي أمن، طائرتين = 2. */
export function readDual(r: FigureTokens, i: number): number {
  const duals = r.options.duals;
  const t = r.tokens[i];
  if (!duals || !duals.hashes.has(t.hash)) return i;
  const hit = duals.forms.get(t.norm);
  if (hit) {
    const start = hit.skip > 0 ? offsetAfterNormalized(r.text, t.start, t.end, hit.skip) : t.start;
    r.push(i, i, {
      start,
      end: t.end,
      kind: 'count',
      written: 'words',
      value: 2,
      low: 2,
      high: 2,
      vague: false,
      easternDigits: false,
      dual: hit.singular,
    });
    return i + 1;
  }
  return i;
}
