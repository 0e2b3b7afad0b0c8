/**
 * Dates and clock times among figures: 6 يناير 2022، 19 كانون الثاني/يناير،
 * الخامس من يناير، January 5, 2022، 5/1/2022، 2022-01-05، 10:30.
 */
import type { Atom, FigureTokens } from './figureTokens';
import { MONTHS, TWO_WORD_MONTHS } from './lexicon';
import { TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD } from './tokens';
import { formsOf, H_MIM, H_MIN, monthOf, twoWordMonthOf, wordIs } from './wordFacts';

/** 6 يناير 2022، 19 كانون الثاني/يناير، 5/1/2022، 2022-01-05، 10:30. */
export function readDateOrTime(r: FigureTokens, i: number): number {
  const tokens = r.tokens;
  const t = tokens[i];
  const num = t.num!;
  if (num.percent || num.groups.length !== 1) return i;
  const v = num.value;
  const sep = tokens[i + 1];
  const second = tokens[i + 2];
  // Clock time: 10:30.
  if (sep?.kind === TOKEN_PUNCT && sep.norm === ':' && !sep.space && second?.kind === TOKEN_NUMBER && !second.space && v <= 24) {
    const m = second.num!;
    if (m.groups.length === 1 && m.groups[0].length === 2 && m.value < 60) {
      r.push(i, i + 2, {
        start: t.start,
        end: second.end,
        kind: 'time',
        written: 'digits',
        value: v,
        low: v,
        high: v,
        vague: false,
        easternDigits: r.eastern(i, i + 2),
        date: `${String(v).padStart(2, '0')}:${m.groups[0]}`,
      });
      return i + 3;
    }
  }
  // Numeric dates: 5/1/2022, 2022-01-05.
  if (sep?.kind === TOKEN_PUNCT && (sep.norm === '/' || sep.norm === '-') && !sep.space && second?.kind === TOKEN_NUMBER && !second.space) {
    const sep2 = tokens[i + 3];
    const third = tokens[i + 4];
    if (sep2?.norm === sep.norm && !sep2.space && third?.kind === TOKEN_NUMBER && !third.space) {
      const a = num.groups[0];
      const c = third.num!.groups[0];
      const date =
        a.length === 4 ? isoDate(v, second.num!.value, third.num!.value) : c.length === 4 ? isoDate(third.num!.value, second.num!.value, v) : undefined;
      if (date) {
        r.push(i, i + 4, {
          start: t.start,
          end: third.end,
          kind: 'date',
          written: 'digits',
          value: Number(date.slice(0, 4)),
          low: NaN,
          high: NaN,
          vague: false,
          easternDigits: r.eastern(i, i + 4),
          date,
        });
        return i + 5;
      }
    }
  }
  // Day + month name (+ year).
  if (Number.isInteger(v) && v >= 1 && v <= 31) {
    let k = i + 1;
    if (wordIs(tokens[k], 'من', H_MIN)) k++;
    const month = monthAt(r, k);
    if (month) return finishDate(r, i, t.start, v, month.month, month.last);
  }
  return i;
}

/** A month name at token k (one or two words, with an alternative name after a slash or in brackets). */
function monthAt(r: FigureTokens, k: number): { month: number; last: number } | undefined {
  const t = r.tokens[k];
  if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN)) return undefined;
  let month = monthOf(t);
  let last = k;
  const two = twoWordMonthOf(t);
  if (two) {
    const second = r.tokens[k + 1];
    const m = second ? two.get(second.norm) : undefined;
    if (m) {
      month = m;
      last = k + 1;
    }
  }
  if (month === undefined) return undefined;
  // كانون الثاني/يناير، يناير/ كانون الثاني، يناير (كانون الثاني)
  const sep = r.tokens[last + 1];
  if (sep && sep.kind === TOKEN_PUNCT && (sep.norm === '/' || sep.norm === '(')) {
    const alt = monthAtSimple(r, last + 2);
    if (alt && alt.month === month) {
      last = alt.last;
      const close = r.tokens[last + 1];
      if (sep.norm === '(' && close?.norm === ')') last++;
    }
  }
  return { month, last };
}

/** A month name at token k (one or two words), without the alternative name `monthAt` looks for. */
function monthAtSimple(r: FigureTokens, k: number): { month: number; last: number } | undefined {
  const t = r.tokens[k];
  if (!t) return undefined;
  const two = t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN ? twoWordMonthOf(t) : TWO_WORD_MONTHS.get(t.norm);
  const m2 = two && r.tokens[k + 1] ? two.get(r.tokens[k + 1].norm) : undefined;
  if (m2) return { month: m2, last: k + 1 };
  const m = t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN ? monthOf(t) : MONTHS.get(t.norm);
  return m ? { month: m, last: k } : undefined;
}

/** After "day month": an optional year (and م), then the date figure. */
/** A whole number in the years news text dates by; the one range the number and claim layers share. */
export function inYearRange(value: number): boolean {
  return Number.isInteger(value) && value >= 1900 && value <= 2100;
}

/** Four digits written as one group ("2022", not "2,022") in the year range. */
export function isYearNumber(num: { value: number; groups: readonly string[] }): boolean {
  return num.groups.length === 1 && num.groups[0].length === 4 && inYearRange(num.value);
}

/**
 * A figure of four digits in the year range ("اعتداءات 2009 التي ..."), which
 * the kinds above read as a count when no year word or month is near it.
 */
export function mayBeYear(f: { written: string; start: number; end: number; value: number }): boolean {
  return f.written === 'digits' && f.end - f.start === 4 && inYearRange(f.value);
}

function finishDate(r: FigureTokens, first: number, start: number, day: number, month: number, monthLast: number): number {
  let last = monthLast;
  let year: number | undefined;
  let k = last + 1;
  if (r.tokens[k]?.norm === ',') k++;
  const y = r.tokens[k];
  if (y?.kind === TOKEN_NUMBER && isYearNumber(y.num!)) {
    year = y.num!.value;
    last = k;
    const suffix = r.tokens[k + 1];
    if (suffix && !suffix.space && suffix.kind === TOKEN_WORD && wordIs(suffix, 'م', H_MIM)) last = k + 1;
  }
  const date = year ? isoDate(year, month, day) : `--${pad(month)}-${pad(day)}`;
  if (!date) return first;
  r.push(first, last, {
    start,
    end: r.tokens[last].end,
    kind: 'date',
    written: r.tokens[first].kind === TOKEN_NUMBER ? 'digits' : 'words',
    value: year ?? NaN,
    low: NaN,
    high: NaN,
    vague: false,
    easternDigits: r.eastern(first, last),
    date,
  });
  return last + 1;
}

/** "January 5, 2022". */
export function readEnglishDate(r: FigureTokens, i: number): number {
  const month = MONTHS.get(r.tokens[i].norm)!;
  const d = r.tokens[i + 1];
  if (d?.kind !== TOKEN_NUMBER || d.num!.groups.length !== 1) return i;
  const day = d.num!.value;
  if (!Number.isInteger(day) || day < 1 || day > 31) return i;
  return finishDate(r, i, r.tokens[i].start, day, month, i + 1);
}

/** الخامس من يناير، الحادي عشر من سبتمبر، الحادي والعشرين من مارس. */
export function readOrdinalDate(r: FigureTokens, i: number, atom: Atom): number {
  let day = atom.value;
  let k = i;
  const next = r.tokens[k + 1];
  if (day < 10 && next && formsOf(next).includes('عشر')) {
    day += 10;
    k++;
  } else if (day < 10 && next && (next.norm === 'والعشرين' || next.norm === 'والثلاثين')) {
    day += next.norm === 'والعشرين' ? 20 : 30;
    k++;
  }
  if (!wordIs(r.tokens[k + 1], 'من', H_MIN)) return i;
  const month = monthAt(r, k + 2);
  if (!month || day > 31) return i;
  return finishDate(r, i, atom.start, day, month.month, month.last);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` when the parts make a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}
