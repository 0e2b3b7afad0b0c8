/**
 * The number scanner: one linear pass over a text that finds every run of
 * digits (Western 0-9, Eastern Arabic-Indic ٠-٩, Persian ۰-۹) with its
 * separators (`,` `.` `٬` `٫`) and an attached percent sign (`%` `٪`), and
 * reads the value the way an Arabic reader would ("20.000" is twenty
 * thousand, "٨٥.٧" is a decimal). Digits glued to letters (الـ66، عددهم14)
 * are still numbers. Every rule and the claim extractor share its output.
 */

export const SCRIPT_WESTERN = 1;
export const SCRIPT_EASTERN = 2;
export const SCRIPT_PERSIAN = 4;

export type SeparatorRole = 'thousands' | 'decimal';

export interface NumberToken {
  /** Offset of the first character (the percent sign when it comes first). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** The token as written. */
  text: string;
  /** Bitmask of SCRIPT_* for the digits it contains. */
  scripts: number;
  /** Digit groups as ASCII digits, in order. */
  groups: string[];
  /** Separator characters between consecutive groups (`groups.length - 1`). */
  separators: string[];
  /** How each separator is read. */
  roles: SeparatorRole[];
  /**
   * `number` for a quantity; `code` for dotted sequences that are not one
   * number (dates like 05.01.2022, versions like 1.2.3): digits only are
   * normalized, the value is NaN.
   */
  kind: 'number' | 'code';
  /** Attached percent sign, if any. */
  percent: '' | '%' | '٪';
  percentBefore: boolean;
  /** True when a `.` is read as a thousands separator ("20.000"). */
  dotThousands: boolean;
  /**
   * The token touches another number through a separator ("0٫0" in
   * "0٫0.0", or "0٫0" in "0.0,0٫0"): its own separators are kept as written,
   * so a fix can never join it to its neighbour and change its value.
   */
  cut?: boolean;
  /** The value (NaN for codes); percentages are the number before the sign. */
  value: number;
}

/** ASCII value of a digit in any of the three scripts, or -1. */
export function digitValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  return -1;
}

function scriptOf(code: number): number {
  if (code <= 57) return SCRIPT_WESTERN;
  return code <= 0x669 ? SCRIPT_EASTERN : SCRIPT_PERSIAN;
}

const ARABIC_THOUSANDS = '\u066C';
const ARABIC_DECIMAL = '\u066B';

/** Scale words after which "1.500" must be a decimal (1.5 million). */
const SCALE_AFTER = /^\s*(?:ألف|آلاف|ألفا|الف|مليون|ملايين|مليار|مليارات|بليون|million|billion|thousand|bn|m\b|k\b)/i;

/** Digits of the three scripts, as a table over U+0000–U+06FF (every digit is below U+0700): 1 for a digit. */
export const IS_DIGIT: Uint8Array = (() => {
  const t = new Uint8Array(0x700);
  for (let c = 0; c < 0x700; c++) t[c] = digitValue(c) >= 0 ? 1 : 0;
  return t;
})();

export function scanNumbers(text: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c >= 0x700 || IS_DIGIT[c] === 0) {
      i++;
      continue;
    }
    const token = readToken(text, i);
    tokens.push(token);
    i = token.percent && !token.percentBefore ? token.end : Math.max(token.end, i + 1);
  }
  return tokens;
}

/** Where the last `readDigits` stopped, and the scripts of its digits (no object per digit group). */
let digitsEnd = 0;
let digitsScripts = 0;

/** The run of digits at `from` as ASCII digits; sets `digitsEnd` and `digitsScripts`. */
function readDigits(text: string, from: number): string {
  let scripts = 0;
  let j = from;
  for (;;) {
    const code = text.charCodeAt(j);
    if (digitValue(code) < 0) break;
    scripts |= scriptOf(code);
    j++;
  }
  digitsEnd = j;
  digitsScripts = scripts;
  // Western digits are their own ASCII form.
  if (scripts === SCRIPT_WESTERN) return text.slice(from, j);
  let ascii = '';
  for (let k = from; k < j; k++) ascii += digitValue(text.charCodeAt(k));
  return ascii;
}

/** Separators between digit groups: , . ٬ ٫ */
function isSeparatorCode(c: number): boolean {
  return c === 44 || c === 46 || c === 0x66c || c === 0x66b;
}

/** The number `scanNumbers` reads at a digit (it may start at a percent sign just before it). */
export function readNumberAt(text: string, start: number): NumberToken {
  return readToken(text, start);
}

function readToken(text: string, start: number): NumberToken {
  const groups = [readDigits(text, start)];
  const separators: string[] = [];
  let scripts = digitsScripts;
  let end = digitsEnd;
  // Collect separator + digit-group pairs greedily; interpretation follows.
  for (;;) {
    if (!isSeparatorCode(text.charCodeAt(end)) || digitValue(text.charCodeAt(end + 1)) < 0) break;
    const sep = text[end];
    groups.push(readDigits(text, end + 1));
    separators.push(sep);
    scripts |= digitsScripts;
    end = digitsEnd;
  }

  let kind: NumberToken['kind'] = 'number';
  let roles: SeparatorRole[] = [];
  let dotThousands = false;
  // Glued to a number before it through a separator ("0.0,0٫0"): rewriting its separators could join the two.
  let cut = isSeparatorCode(text.charCodeAt(start - 1)) && digitValue(text.charCodeAt(start - 2)) >= 0;
  if (separators.length > 0) {
    const interpreted = interpret(text, groups, separators, end);
    if (interpreted.keep < groups.length) {
      // Stop the token before the first separator that cannot belong to it.
      cut = true;
      groups.length = interpreted.keep;
      separators.length = interpreted.keep - 1;
      end = start;
      for (let g = 0; g < groups.length; g++) end += groups[g].length + (g > 0 ? 1 : 0);
      scripts = 0;
      for (let k = start; k < end; k++) {
        const code = text.charCodeAt(k);
        if (digitValue(code) >= 0) scripts |= scriptOf(code);
      }
    }
    kind = interpreted.kind;
    roles = interpreted.roles.slice(0, separators.length);
    dotThousands = interpreted.dotThousands && separators.includes('.');
  }

  let tokenStart = start;
  let percent: NumberToken['percent'] = '';
  let percentBefore = false;
  const after = text.charCodeAt(end);
  if (after === 37 || after === 0x66a) {
    percent = after === 37 ? '%' : '\u066A';
    end++;
  } else {
    const before = text.charCodeAt(start - 1);
    if (before === 37 || before === 0x66a) {
      percent = before === 37 ? '%' : '\u066A';
      percentBefore = true;
      tokenStart--;
    }
  }

  const token: NumberToken = {
    start: tokenStart,
    end,
    text: text.slice(tokenStart, end),
    scripts,
    groups,
    separators,
    roles,
    kind,
    percent,
    percentBefore,
    dotThousands,
    value: kind === 'code' ? NaN : valueOf(groups, roles),
  };
  if (cut) token.cut = cut;
  return token;
}

interface Interpretation {
  /** How many groups belong to the number. */
  keep: number;
  roles: SeparatorRole[];
  kind: NumberToken['kind'];
  dotThousands: boolean;
}

function interpret(text: string, groups: string[], separators: string[], end: number): Interpretation {
  const dots = separators.filter((s) => s === '.').length;
  // Two or more dots whose groups are not all thousands groups: a date or a version.
  if (dots >= 2 && !(groups[0].length <= 3 && groups[0][0] !== '0' && groups.slice(1).every((g) => g.length === 3) && separators.every((s) => s === '.'))) {
    return { keep: groups.length, roles: separators.map(() => 'decimal'), kind: 'code', dotThousands: false };
  }
  const roles: SeparatorRole[] = [];
  let dotThousands = false;
  let sawDecimal = false;
  const leadOk = groups[0].length <= 3;
  for (let s = 0; s < separators.length; s++) {
    const sep = separators[s];
    const group = groups[s + 1];
    if (sawDecimal) return { keep: s + 1, roles, kind: 'number', dotThousands };
    if (sep === ARABIC_DECIMAL) {
      roles.push('decimal');
      sawDecimal = true;
    } else if (sep === ARABIC_THOUSANDS || sep === ',') {
      if (group.length !== 3 || !leadOk || roles.includes('decimal')) {
        // "3,5" or a list: a comma that does not group thousands ends the number.
        // European "1.234,5" is the exception: a comma after dot-thousands is the decimal.
        if (sep === ',' && dotThousands) {
          roles.push('decimal');
          sawDecimal = true;
          continue;
        }
        return { keep: s + 1, roles, kind: 'number', dotThousands };
      }
      roles.push('thousands');
    } else {
      // '.'
      // A lead group starting with 0 ("0.305", "05.000") never groups thousands: such a dot is a decimal.
      const thousandsShape =
        leadOk && groups[0][0] !== '0' && group.length === 3 && groups.slice(s + 1).every((g, k) => g.length === 3 || separators[s + k] !== '.');
      const commaBefore = roles.includes('thousands') && !dotThousands;
      if (thousandsShape && !commaBefore && (dots >= 2 || dotMeansThousands(text, end))) {
        roles.push('thousands');
        dotThousands = true;
      } else {
        roles.push('decimal');
        sawDecimal = true;
      }
    }
  }
  return { keep: groups.length, roles, kind: 'number', dotThousands };
}

/**
 * One dot followed by exactly three digits ("20.000"): in Arabic prose this is
 * a thousands separator, unless a scale word follows ("1.500 مليون" is 1.5
 * million). In Latin-script context it stays a decimal: precision first.
 */
function dotMeansThousands(text: string, end: number): boolean {
  if (SCALE_AFTER.test(text.slice(end, end + 12))) return false;
  const after = text[end];
  if (after === '%' || after === '\u066A') return false;
  let arabic = 0;
  let latin = 0;
  const from = Math.max(0, end - 60);
  const to = Math.min(text.length, end + 60);
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) {
      if (k < end) {
        arabic = 0;
        latin = 0;
        continue;
      }
      break;
    }
    if (c >= 0x621 && c <= 0x64a) arabic++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return arabic > latin;
}

function valueOf(groups: string[], roles: SeparatorRole[]): number {
  let integer = groups[0];
  let fraction = '';
  for (let s = 0; s < roles.length; s++) {
    if (roles[s] === 'thousands') integer += groups[s + 1];
    else fraction = groups[s + 1];
  }
  if (fraction) return Number(`${integer}.${fraction}`);
  // Up to 15 digits, every step is an exact integer: the same number as `Number(integer)`, without parsing.
  if (integer.length > 15) return Number(integer);
  let value = 0;
  for (let k = 0; k < integer.length; k++) value = value * 10 + (integer.charCodeAt(k) - 48);
  return value;
}

export type DigitStyle = 'western' | 'eastern';

const EASTERN_ZERO = 0x660;

/**
 * A decimal that Western digits cannot write unambiguously in Arabic text:
 * "١٫٥٠٠" is 1.5, but "1.500" reads as fifteen hundred (see
 * `dotMeansThousands`). Its Western form keeps the Arabic decimal separator
 * ("1٫500"), so a fix never changes a value. A dot the scanner already read
 * as a decimal from its context ("1.500 مليون") stays as written.
 */
export function westernDecimalIsAmbiguous(token: NumberToken): boolean {
  return (
    token.kind === 'number' &&
    token.roles.length === 1 &&
    token.roles[0] === 'decimal' &&
    token.separators[0] === ARABIC_DECIMAL &&
    token.groups[1].length === 3 &&
    token.groups[0].length <= 3 &&
    token.groups[0][0] !== '0'
  );
}

/** Writes a token in a digit style, keeping its value and grouping; only the token's own characters change. */
export function renderNumber(token: NumberToken, style: DigitStyle): string {
  const digit = (d: string) => (style === 'western' ? d : String.fromCharCode(EASTERN_ZERO + d.charCodeAt(0) - 48));
  const digits = (g: string) => (style === 'western' ? g : g.replace(/[0-9]/g, digit));
  let body = digits(token.groups[0]);
  for (let s = 0; s < token.separators.length; s++) {
    let sep = token.separators[s];
    if (token.kind === 'number' && !token.cut) {
      const role = token.roles[s];
      if (style === 'western') sep = role === 'thousands' ? ',' : westernDecimalIsAmbiguous(token) ? ARABIC_DECIMAL : '.';
      else sep = role === 'thousands' ? ARABIC_THOUSANDS : ARABIC_DECIMAL;
    }
    body += sep + digits(token.groups[s + 1]);
  }
  if (!token.percent) return body;
  const sign = style === 'western' ? '%' : '\u066A';
  return token.percentBefore ? sign + body : body + sign;
}

/** Style counts of a set of tokens: how many numbers are written in each script. */
export function countStyles(tokens: readonly NumberToken[]): { western: number; eastern: number } {
  let western = 0;
  let eastern = 0;
  for (const t of tokens) {
    if (t.scripts === SCRIPT_WESTERN) western++;
    else if (!(t.scripts & SCRIPT_WESTERN)) eastern++;
  }
  return { western, eastern };
}
