/**
 * The figure reader: turns the scanner's digit runs and Arabic (or, on
 * English lines, English) number words into figures — a value or an
 * interval, where it is written, how it is written, and what kind of figure
 * it is. Counts are what claims are made of; years, dates, clock times,
 * ages, durations, percentages, fractions and numbers inside names are
 * figures of their own kinds and never counts of people.
 *
 * One pass over the token list; every decision looks at a bounded number of
 * neighbouring tokens, so the cost is linear in the length of the text.
 */
import {
  AGE_CUES,
  AGE_UNITS,
  ARABIC_NUMBER_WORDS,
  COMPARATIVES,
  COUNT_BEFORE,
  DURATION_UNITS,
  ENGLISH_NUMBER_WORDS,
  MONTHS,
  NAME_BEFORE,
  NAME_TWO_BEFORE,
  ORDINALS_BEFORE_TEN,
  PERCENT_PHRASES,
  PERCENT_WORDS,
  TIME_AFTER,
  TIME_BEFORE,
  TWO_WORD_MONTHS,
  UNITS,
  YEAR_AFTER,
  YEAR_BEFORE,
  type NumberWord,
} from './lexicon';
import { isLatinLetterCode } from '../text/chars';
import { cliticForms, cliticSpellings, expandClitics, hashWord, offsetAfterNormalized } from './normalize';
import { scanNumbers, SCRIPT_WESTERN, type NumberToken } from './scanner';
import { tokenize } from './tokenizer';
import { isTransparent, TOKEN_BREAK, TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, watchIndex, type Token } from './tokens';

/**
 * What a figure is: `count` (a quantity of something, possibly with a
 * `unit`), `percent`, `fraction` (نصف السكان), `year`, `date`, `time` (a clock
 * time), `age`, `duration`, `name` (a number that is part of a name:
 * قناة الأخبار 24، COVID-19، EP3704) or `code` (dotted sequences such as versions).
 */
export type FigureKind = 'count' | 'percent' | 'fraction' | 'year' | 'date' | 'time' | 'age' | 'duration' | 'name' | 'code';

/** How a figure is written: only digits, only words (ثمانية آلاف، شرطيان), or digits with a scale word (4 آلاف). */
export type FigureWriting = 'digits' | 'words' | 'digits+word';

export interface Figure {
  /** UTF-16 offsets of the figure in the text (proclitics such as و ب ل are left out). */
  start: number;
  end: number;
  kind: FigureKind;
  written: FigureWriting;
  /**
   * The value: the number for points; the lower bound for vague quantities
   * (عشرات = 20); a fraction for `fraction` (0.5); the percentage for
   * `percent` (8 for 8 %); the year for `year` and `date`; NaN for `code`.
   */
  value: number;
  /** The interval the words themselves imply: equal to `value` for points, [20, 99] for عشرات. */
  low: number;
  high: number;
  /** True for vague quantities (عشرات، مئات، آلاف، بضعة). */
  vague: boolean;
  /** True when some digit is not a Western digit (Eastern Arabic-Indic or Persian). */
  easternDigits: boolean;
  /** Unit of a measurement or currency (`USD`, `km`, `t`...), when one follows. */
  unit?: string;
  /** For `date`: `YYYY-MM-DD`, or `--MM-DD` when the text gives no year. For `time`: `HH:MM`. */
  date?: string;
  /** For dual nouns (شرطيان = 2 policemen): the singular noun, normalized (شرطي). */
  dual?: string;
}

/** A figure with the token indexes it covers (inclusive), for the claim extractor. */
export interface ReadFigure {
  figure: Figure;
  first: number;
  last: number;
}

/** A dual noun as written (with its proclitics, see `dualIndex`). */
export interface DualForm {
  /** The singular noun, normalized (شرطي). */
  singular: string;
  /** Normalized characters of proclitics before the noun. */
  skip: number;
}

/** Dual nouns as written, built once by `dualIndex`. */
export interface DualIndex {
  forms: ReadonlyMap<string, DualForm>;
  /** `hashWord` of every form, as signed 32-bit integers (`Token.hash`): most words are rejected without building their string. */
  hashes: ReadonlySet<number>;
}

export interface FigureOptions {
  /** Dual nouns (شرطيان = 2 policemen): build the index once with `dualIndex`. */
  duals?: DualIndex;
}

/** Index of dual nouns for `FigureOptions.duals`: every written form (with و ب ل ال ...) of each dual form (شرطيان → شرطي). */
export function dualIndex(duals: ReadonlyMap<string, string>): DualIndex {
  const forms = new Map<string, DualForm>();
  for (const [dual, singular] of duals) {
    for (const e of expandClitics(dual, true)) if (!forms.has(e.form)) forms.set(e.form, { singular, skip: e.skip });
  }
  return { forms, hashes: new Set([...forms.keys()].map((f) => hashWord(f) | 0)) };
}

interface NumberWordForm {
  word: NumberWord;
  skip: number;
  conj: boolean;
}

/** Every written form of the Arabic number words, with proclitics, for one lookup per word of text. */
const ARABIC_FORMS: Map<string, NumberWordForm> = (() => {
  const out = new Map<string, NumberWordForm>();
  for (const [w, word] of ARABIC_NUMBER_WORDS) out.set(w, { word, skip: 0, conj: false });
  for (const [w, word] of ARABIC_NUMBER_WORDS) {
    for (const e of expandClitics(w, word.article === true && word.type !== 'ordinal')) {
      if (!out.has(e.form)) out.set(e.form, { word, skip: e.skip, conj: e.conj });
    }
  }
  return out;
})();
/** Hashes as signed 32-bit integers, as `Token.hash` holds them. */
const signedHash = (w: string) => hashWord(w) | 0;
const ARABIC_HASHES = new Set([...ARABIC_FORMS.keys()].map(signedHash));
const ENGLISH_HASHES = new Set([...ENGLISH_NUMBER_WORDS.keys()].map(signedHash));
const MONTH_HASHES = new Set([...MONTHS.keys()].map(signedHash));
const STARTER_HASHES: ReadonlySet<number> = new Set([...ARABIC_HASHES, ...ENGLISH_HASHES, ...MONTH_HASHES]);

/** Reads every figure of a text. Pass the scanner's tokens when you already have them. */
export function readFigures(text: string, numbers: readonly NumberToken[] = scanNumbers(text), options: FigureOptions = {}): Figure[] {
  const watch = { index: watchIndex([figureWordHashes(options)]), hits: [[]] };
  const tokens = tokenize(text, numbers, watch);
  return readFiguresFromTokens(text, tokens, options, watch.hits[0]).map((r) => r.figure);
}

/**
 * Reads the figures of a token list. `candidates`, when given, are the only
 * tokens a figure may start at, in order: the numbers and the words whose
 * hash is in `figureWordHashes` (collect them with `tokenize`'s watch).
 */
export function readFiguresFromTokens(text: string, tokens: readonly Token[], options: FigureOptions = {}, candidates?: readonly number[]): ReadFigure[] {
  return new Reader(text, tokens, options).read(candidates);
}

/** Hashes of every word a figure may start with: number words, month names and the dual nouns of `options`. */
export function figureWordHashes(options: FigureOptions = {}): ReadonlySet<number> {
  if (!options.duals) return STARTER_HASHES;
  return new Set([...STARTER_HASHES, ...options.duals.hashes]);
}

interface Atom {
  word: NumberWord | undefined;
  /** Digits, when the atom is a scanner number. */
  num: NumberToken | undefined;
  value: number;
  /** Preceded by the conjunction و (as a proclitic or a word of its own). */
  conj: boolean;
  /** Offset where the atom's own letters start (after و ب ل ...). */
  start: number;
}

interface Parsed {
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

const isInteger = (v: number) => Number.isInteger(v);

/** The smallest power of ten that divides v (its lowest written place): 300 → 100, 25 → 1. */
function placeOf(v: number): number {
  if (!isInteger(v) || v === 0) return v === 0 ? 1 : 0.1;
  let p = 1;
  while (v % (p * 10) === 0) p *= 10;
  return p;
}

class Reader {
  private readonly out: ReadFigure[] = [];
  private lineLatin: Map<number, boolean> | undefined;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly options: FigureOptions,
  ) {}

  read(candidates?: readonly number[]): ReadFigure[] {
    const tokens = this.tokens;
    let i = 0;
    if (candidates) {
      for (const k of candidates) if (k >= i) i = Math.max(k + 1, this.readAt(k));
      return this.out;
    }
    while (i < tokens.length) {
      const t = tokens[i];
      if (t.kind === TOKEN_NUMBER || t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
        const next = this.readAt(i);
        if (next > i) {
          i = next;
          continue;
        }
      }
      i++;
    }
    return this.out;
  }

  /** Reads a figure starting at token i; returns the index after it, or i when there is none. */
  private readAt(i: number): number {
    const t = this.tokens[i];
    if (t.kind === TOKEN_NUMBER) {
      const num = t.num!;
      if (num.kind === 'code') return this.readCode(i, num);
      if (num.percent) return this.readPercent(i, num);
      const special = this.readDateOrTime(i);
      if (special > i) return special;
    } else if (t.kind === TOKEN_LATIN && MONTH_HASHES.has(t.hash) && MONTHS.has(t.norm) && /^[A-Z]/.test(this.text[t.start])) {
      const date = this.readEnglishDate(i);
      if (date > i) return date;
    }
    const atom = this.atomAt(i);
    if (!atom) return t.kind === TOKEN_WORD ? this.readDual(i) : i;
    if (atom.word?.type === 'ordinal') return this.readOrdinalDate(i, atom);
    if (atom.word?.type === 'unit' && atom.value === 10 && i > 0 && is(this.tokens[i - 1], F_ORDINAL_BEFORE_TEN)) return i;
    const parsed = this.parse(i, atom);
    if (!parsed) return i;
    this.emit(parsed);
    return parsed.last + 1;
  }

  // ---------------------------------------------------------------- atoms

  private isLatinLine(line: number): boolean {
    if (!this.lineLatin) {
      // Computed once for all lines on first need: English number words are rare.
      const latin = new Map<number, number>();
      for (const t of this.tokens) {
        if (t.kind === TOKEN_LATIN) latin.set(t.line, (latin.get(t.line) ?? 0) + (t.end - t.start));
        else if (t.kind === TOKEN_WORD) latin.set(t.line, (latin.get(t.line) ?? 0) - (t.end - t.start));
      }
      this.lineLatin = new Map([...latin].map(([line, balance]) => [line, balance > 0]));
    }
    return this.lineLatin.get(line) ?? false;
  }

  private atomAt(k: number): Atom | undefined {
    const t = this.tokens[k];
    if (!t) return undefined;
    if (t.kind === TOKEN_NUMBER) {
      const num = t.num!;
      if (num.kind !== 'number' || num.percent || Number.isNaN(num.value)) return undefined;
      return { word: undefined, num, value: num.value, conj: false, start: t.start };
    }
    if (t.kind === TOKEN_WORD) {
      if (!ARABIC_HASHES.has(t.hash)) return undefined;
      const hit = ARABIC_FORMS.get(t.norm);
      if (!hit) return undefined;
      const start = hit.skip > 0 ? offsetAfterNormalized(this.text, t.start, t.end, hit.skip) : t.start;
      return { word: hit.word, num: undefined, value: hit.word.value, conj: hit.conj, start };
    }
    if (t.kind === TOKEN_LATIN) {
      if (!ENGLISH_HASHES.has(t.hash)) return undefined;
      const w = ENGLISH_NUMBER_WORDS.get(t.norm);
      if (w && this.isLatinLine(t.line)) return { word: w, num: undefined, value: w.value, conj: false, start: t.start };
    }
    return undefined;
  }

  /** The next token, if it directly follows token k (only spaces between). */
  private adjacent(k: number): Token | undefined {
    const t = this.tokens[k + 1];
    return t && t.kind !== TOKEN_BREAK ? t : undefined;
  }

  /** Atom after token k, through a standalone "و" / "and" / English hyphen when present. */
  private nextAtom(k: number): { atom: Atom; last: number } | undefined {
    const t = this.adjacent(k);
    if (!t) return undefined;
    if ((t.kind === TOKEN_WORD && wordIs(t, 'و', H_WAW)) || (t.kind === TOKEN_LATIN && wordIs(t, 'and', H_AND))) {
      const atom = this.atomAt(k + 2);
      if (atom && this.tokens[k + 2].kind !== TOKEN_BREAK) return { atom: { word: atom.word, num: atom.num, value: atom.value, conj: true, start: atom.start }, last: k + 2 };
      return undefined;
    }
    if (t.kind === TOKEN_PUNCT && t.norm === '-' && !t.space && this.tokens[k].kind === TOKEN_LATIN) {
      const after = this.tokens[k + 2];
      const atom = after && !after.space ? this.atomAt(k + 2) : undefined;
      // "twenty-five": the hyphen joins like "and".
      return atom ? { atom: { word: atom.word, num: atom.num, value: atom.value, conj: true, start: atom.start }, last: k + 2 } : undefined;
    }
    if (t.kind === TOKEN_PUNCT) return undefined;
    const atom = this.atomAt(k + 1);
    return atom ? { atom, last: k + 1 } : undefined;
  }

  // ---------------------------------------------------------------- composition

  /**
   * Composes adjacent atoms into one number: units and tens (خمسة وعشرون),
   * teens (أحد عشر), hundreds (ثلاث مئة، مئة وعشرة), scales applied to what
   * precedes them (ثمانية آلاف، 20 ألفا، 3 ملايين و500 ألف), vague plurals
   * and their products (عشرات الآلاف، بضع مئات), fractions of scales
   * (نصف مليون، مليون ونصف).
   */
  private parse(i: number, first: Atom): Parsed | undefined {
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
          const n = this.nextAtom(i);
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
          const n = this.nextAtom(i);
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
          const n = this.nextAtom(i);
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
      const n = this.nextAtom(last);
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
        } else if (aw?.type === 'hundred' && aw.value === 100 && this.tokens[last].kind === TOKEN_LATIN && group > 0 && group < 100) {
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
    if (vague && this.tokens[last].kind === TOKEN_LATIN) {
      const of = this.adjacent(last);
      const scale = of && wordIs(of, 'of', H_OF) ? this.atomAt(last + 2) : undefined;
      if (scale?.word?.type === 'scale' && scale.word.form === 'pl' && high < scale.value) {
        low *= scale.value;
        high = (high + 1) * scale.value - 1;
        last += 2;
      }
    }

    const value = vague ? low : total + group;
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

  // ---------------------------------------------------------------- kinds

  private emit(p: Parsed): void {
    const tokens = this.tokens;
    let last = p.last;
    let kind: FigureKind = p.fraction ? 'fraction' : 'count';
    let unit: string | undefined;
    const firstToken = tokens[p.first];
    const onlyDigits = p.digits && !p.words;
    const num = firstToken.num;

    // Percentages: a sign (even after a space: "٨ ٪"), بالمئة، في المئة، percent.
    const after = this.adjacent(last);
    if (num?.percent) kind = 'percent';
    else if (after && after.kind === TOKEN_PUNCT && (after.norm === '%' || after.norm === '\u066A')) {
      kind = 'percent';
      last++;
    } else if (after && is(after, F_PERCENT_WORD)) {
      kind = 'percent';
      last++;
    } else if (after && (wordIs(after, 'في', H_FI) || wordIs(after, 'per', H_PER)) && isPercentPhrase(this.adjacent(last + 1))) {
      kind = 'percent';
      last += 2;
    }

    if (kind === 'count' && onlyDigits) kind = this.digitKind(p) ?? kind;

    if (kind === 'count') {
      let next = this.nextWordAfter(last);
      // "بين 12 و65 عاما"، "من 5 إلى 10 سنوات": the unit after a range applies to both ends.
      const joiner = this.adjacent(last);
      if (joiner && next === joiner && (wordIs(joiner, 'و', H_WAW) || wordIs(joiner, 'الي', H_ILA) || wordIs(joiner, 'حتي', H_HATTA)) && this.tokens[last + 2]?.kind === TOKEN_NUMBER) {
        const unit = this.nextWordAfter(last + 2);
        if (unit && is(unit, F_DURATION)) next = unit;
      }
      if (next && is(next, F_DURATION)) {
        kind = is(next, F_AGE_UNIT) && this.isAge(p.first, last) ? 'age' : 'duration';
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

    this.push(p.first, last, {
      start: p.start,
      end: tokens[last].end,
      kind,
      written: p.digits && p.words ? 'digits+word' : p.digits ? 'digits' : 'words',
      value: p.value,
      low: p.low,
      high: p.high,
      vague: p.vague,
      easternDigits: this.eastern(p.first, p.last),
      ...(unit ? { unit } : {}),
    });
  }

  private eastern(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) {
      const num = this.tokens[k].num;
      if (num && num.scripts !== SCRIPT_WESTERN) return true;
    }
    return false;
  }

  private push(first: number, last: number, figure: Figure): void {
    this.out.push({ figure, first, last });
  }

  /** The word after token k, looking through brackets and quotes. */
  private nextWordAfter(k: number): Token | undefined {
    for (let j = k + 1; j < this.tokens.length && j <= k + 3; j++) {
      const t = this.tokens[j];
      if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) return t;
      if (!isTransparent(t)) return undefined;
    }
    return undefined;
  }

  /** The word before token k, looking through brackets and quotes. */
  private wordBefore(k: number, skip = 0): Token | undefined {
    for (let j = k - 1; j >= 0 && j >= k - 4 - skip; j--) {
      const t = this.tokens[j];
      if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
        if (skip === 0) return t;
        skip--;
        continue;
      }
      if (!isTransparent(t)) return undefined;
    }
    return undefined;
  }

  /** Names, years and clock times among numbers written only in digits. */
  private digitKind(p: Parsed): FigureKind | undefined {
    const tokens = this.tokens;
    const t = tokens[p.first];
    const text = this.text;
    // Glued to Latin letters or joined by a hyphen to a word: EP3704, COVID-19, F-16, كوفيد-19, 3D.
    const before = text.charCodeAt(t.start - 1);
    const afterCode = text.charCodeAt(tokens[p.last].end);
    if (isLatinLetterCode(before) || isLatinLetterCode(afterCode)) return 'name';
    if (before === 45 /* - */ && t.start >= 2) {
      const b2 = text.charCodeAt(t.start - 2);
      if (isLatinLetterCode(b2) || (b2 >= 0x621 && b2 <= 0x6d3)) return 'name';
    }
    const prev = this.wordBefore(p.first);
    if (prev && t.space !== false) {
      if (is(prev, F_NAME_BEFORE)) return 'name';
      if (prev.kind === TOKEN_LATIN && /^[A-Z]{2,}$/.test(text.slice(prev.start, prev.end)) && !MONTHS.has(prev.norm)) return 'name';
      const prev2 = this.wordBefore(p.first, 1);
      if (prev2 && is(prev2, F_NAME_TWO_BEFORE)) return 'name';
      if (is(prev, F_TIME_BEFORE) && p.value < 25 && isInteger(p.value)) return 'time';
    }
    const next = this.nextWordAfter(p.last);
    if (next && is(next, F_TIME_AFTER) && p.value <= 24) return 'time';

    const num = t.num!;
    if (p.first === p.last && isInteger(num.value) && num.groups.length === 1 && num.groups[0].length === 4 && num.value >= 1900 && num.value <= 2100) {
      if (prev && is(prev, F_YEAR_BEFORE)) return 'year';
      if (prev && is(prev, F_COUNT_BEFORE)) return undefined;
      if (prev && wordIs(prev, 'من', H_MIN) && COMPARATIVES.has(this.wordBefore(p.first, 1)?.norm ?? '')) return undefined;
      const after = this.adjacent(p.last);
      if (!after || after.kind === TOKEN_PUNCT || is(after, F_YEAR_AFTER)) return 'year';
      return undefined;
    }
    return undefined;
  }

  /** "N years" is an age next to age words (البالغ من العمر 81 عاما) or as an apposition after a name (، 68 عامًا،). */
  private isAge(first: number, last: number): boolean {
    for (let k = first - 1; k >= 0 && k >= first - 4; k--) {
      const t = this.tokens[k];
      if (t.kind === TOKEN_BREAK) break;
      if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
        if (is(t, F_AGE_CUE)) return true;
      }
    }
    const before = this.tokens[first - 1];
    let unitIndex = last + 1;
    while (unitIndex < this.tokens.length && unitIndex <= last + 3 && this.tokens[unitIndex].kind === TOKEN_PUNCT) unitIndex++;
    const afterUnit = this.tokens[unitIndex + 1];
    const isComma = (t: Token | undefined) => t !== undefined && t.kind === TOKEN_PUNCT && (t.norm === '،' || t.norm === ',' || t.norm === '(' || t.norm === ')');
    return isComma(before) && (isComma(afterUnit) || afterUnit?.kind === TOKEN_BREAK);
  }

  // ---------------------------------------------------------------- special shapes

  /** A number with its own percent sign (١٠٪، %95). */
  private readPercent(i: number, num: NumberToken): number {
    const t = this.tokens[i];
    this.push(i, i, {
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

  private readCode(i: number, num: NumberToken): number {
    const g = num.groups;
    let date: string | undefined;
    if (g.length === 3) {
      if (g[2].length === 4) date = isoDate(Number(g[2]), Number(g[1]), Number(g[0]));
      else if (g[0].length === 4) date = isoDate(Number(g[0]), Number(g[1]), Number(g[2]));
    }
    const t = this.tokens[i];
    this.push(i, i, {
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

  /** 6 يناير 2022، 19 كانون الثاني/يناير، 5/1/2022، 2022-01-05، 10:30. */
  private readDateOrTime(i: number): number {
    const tokens = this.tokens;
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
        this.push(i, i + 2, {
          start: t.start,
          end: second.end,
          kind: 'time',
          written: 'digits',
          value: v,
          low: v,
          high: v,
          vague: false,
          easternDigits: this.eastern(i, i + 2),
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
          this.push(i, i + 4, {
            start: t.start,
            end: third.end,
            kind: 'date',
            written: 'digits',
            value: Number(date.slice(0, 4)),
            low: NaN,
            high: NaN,
            vague: false,
            easternDigits: this.eastern(i, i + 4),
            date,
          });
          return i + 5;
        }
      }
    }
    // Day + month name (+ year).
    if (isInteger(v) && v >= 1 && v <= 31) {
      let k = i + 1;
      if (wordIs(tokens[k], 'من', H_MIN)) k++;
      const month = this.monthAt(k);
      if (month) return this.finishDate(i, t.start, v, month.month, month.last);
    }
    return i;
  }

  /** A month name at token k (one or two words, with an alternative name after a slash or in brackets). */
  private monthAt(k: number): { month: number; last: number } | undefined {
    const t = this.tokens[k];
    if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN)) return undefined;
    let month = monthOf(t);
    let last = k;
    const two = twoWordMonthOf(t);
    if (two) {
      const second = this.tokens[k + 1];
      const m = second ? two.get(second.norm) : undefined;
      if (m) {
        month = m;
        last = k + 1;
      }
    }
    if (month === undefined) return undefined;
    // كانون الثاني/يناير، يناير/ كانون الثاني، يناير (كانون الثاني)
    const sep = this.tokens[last + 1];
    if (sep && sep.kind === TOKEN_PUNCT && (sep.norm === '/' || sep.norm === '(')) {
      const alt = this.monthAtSimple(last + 2);
      if (alt && alt.month === month) {
        last = alt.last;
        const close = this.tokens[last + 1];
        if (sep.norm === '(' && close?.norm === ')') last++;
      }
    }
    return { month, last };
  }

  private monthAtSimple(k: number): { month: number; last: number } | undefined {
    const t = this.tokens[k];
    if (!t) return undefined;
    const two = t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN ? twoWordMonthOf(t) : TWO_WORD_MONTHS.get(t.norm);
    const m2 = two && this.tokens[k + 1] ? two.get(this.tokens[k + 1].norm) : undefined;
    if (m2) return { month: m2, last: k + 1 };
    const m = t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN ? monthOf(t) : MONTHS.get(t.norm);
    return m ? { month: m, last: k } : undefined;
  }

  /** After "day month": an optional year (and م), then the date figure. */
  private finishDate(first: number, start: number, day: number, month: number, monthLast: number): number {
    let last = monthLast;
    let year: number | undefined;
    let k = last + 1;
    if (this.tokens[k]?.norm === ',') k++;
    const y = this.tokens[k];
    if (y?.kind === TOKEN_NUMBER && y.num!.groups.length === 1 && y.num!.groups[0].length === 4 && y.num!.value >= 1900 && y.num!.value <= 2100) {
      year = y.num!.value;
      last = k;
      const suffix = this.tokens[k + 1];
      if (suffix && !suffix.space && suffix.kind === TOKEN_WORD && wordIs(suffix, 'م', H_MIM)) last = k + 1;
    }
    const date = year ? isoDate(year, month, day) : `--${pad(month)}-${pad(day)}`;
    if (!date) return first;
    this.push(first, last, {
      start,
      end: this.tokens[last].end,
      kind: 'date',
      written: this.tokens[first].kind === TOKEN_NUMBER ? 'digits' : 'words',
      value: year ?? NaN,
      low: NaN,
      high: NaN,
      vague: false,
      easternDigits: this.eastern(first, last),
      date,
    });
    return last + 1;
  }

  /** "January 5, 2022". */
  private readEnglishDate(i: number): number {
    const month = MONTHS.get(this.tokens[i].norm)!;
    const d = this.tokens[i + 1];
    if (d?.kind !== TOKEN_NUMBER || d.num!.groups.length !== 1) return i;
    const day = d.num!.value;
    if (!isInteger(day) || day < 1 || day > 31) return i;
    return this.finishDate(i, this.tokens[i].start, day, month, i + 1);
  }

  /** الخامس من يناير، الحادي عشر من سبتمبر، الحادي والعشرين من مارس. */
  private readOrdinalDate(i: number, atom: Atom): number {
    let day = atom.value;
    let k = i;
    const next = this.tokens[k + 1];
    if (day < 10 && next && formsOf(next).includes('عشر')) {
      day += 10;
      k++;
    } else if (day < 10 && next && (next.norm === 'والعشرين' || next.norm === 'والثلاثين')) {
      day += next.norm === 'والعشرين' ? 20 : 30;
      k++;
    }
    if (!wordIs(this.tokens[k + 1], 'من', H_MIN)) return i;
    const month = this.monthAt(k + 2);
    if (!month || day > 31) return i;
    return this.finishDate(i, atom.start, day, month.month, month.last);
  }

  /** Dual nouns: شرطيان، ضابطي أمن، طائرتين = 2. */
  private readDual(i: number): number {
    const duals = this.options.duals;
    const t = this.tokens[i];
    if (!duals || !duals.hashes.has(t.hash)) return i;
    const hit = duals.forms.get(t.norm);
    if (hit) {
      const start = hit.skip > 0 ? offsetAfterNormalized(this.text, t.start, t.end, hit.skip) : t.start;
      this.push(i, i, {
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
}

/**
 * `Word.figureFacts` bits: what the word lists of numbers/lexicon.ts say of
 * a word, by its normalized form (`F_*_WORD` sets) or by its readings without
 * proclitics (`cliticForms`, also without a conjunction on a short word).
 */
const F_KNOWN = 1;
const F_PERCENT_WORD = 1 << 1;
const F_PERCENT_PHRASE = 1 << 2;
const F_DURATION = 1 << 3;
const F_AGE_UNIT = 1 << 4;
const F_UNIT = 1 << 5;
const F_TIME_AFTER = 1 << 6;
const F_NAME_TWO_BEFORE = 1 << 7;
const F_YEAR_AFTER = 1 << 8;
const F_ORDINAL_BEFORE_TEN = 1 << 9;
/** By readings: NAME_BEFORE or TIME_BEFORE (with the short-word rule), YEAR_BEFORE or MONTHS, COUNT_BEFORE, AGE_CUES. */
const F_NAME_BEFORE = 1 << 10;
const F_TIME_BEFORE = 1 << 11;
const F_YEAR_BEFORE = 1 << 12;
const F_COUNT_BEFORE = 1 << 13;
const F_AGE_CUE = 1 << 14;

function factsOf(norm: string, forms: readonly string[]): number {
  let f = F_KNOWN;
  if (PERCENT_WORDS.has(norm)) f |= F_PERCENT_WORD;
  if (PERCENT_PHRASES.has(norm)) f |= F_PERCENT_PHRASE;
  if (DURATION_UNITS.has(norm)) f |= F_DURATION;
  if (AGE_UNITS.has(norm)) f |= F_AGE_UNIT;
  if (UNITS.has(norm)) f |= F_UNIT;
  if (TIME_AFTER.has(norm)) f |= F_TIME_AFTER;
  if (NAME_TWO_BEFORE.has(norm)) f |= F_NAME_TWO_BEFORE;
  if (YEAR_AFTER.has(norm)) f |= F_YEAR_AFTER;
  if (ORDINALS_BEFORE_TEN.has(norm)) f |= F_ORDINAL_BEFORE_TEN;
  // "وإف 35": short words keep their conjunction in stripClitics.
  const bare = norm.length <= 3 && (norm[0] === 'و' || norm[0] === 'ف') ? norm.slice(1) : undefined;
  if (anyIn(forms, NAME_BEFORE) || (bare !== undefined && NAME_BEFORE.has(bare))) f |= F_NAME_BEFORE;
  if (anyIn(forms, TIME_BEFORE) || (bare !== undefined && TIME_BEFORE.has(bare))) f |= F_TIME_BEFORE;
  for (const w of forms) if (YEAR_BEFORE.has(w) || MONTHS.has(w)) f |= F_YEAR_BEFORE;
  if (anyIn(forms, COUNT_BEFORE)) f |= F_COUNT_BEFORE;
  if (anyIn(forms, AGE_CUES)) f |= F_AGE_CUE;
  return f;
}

/**
 * Hashes (signed, as `Token.hash`) of every word that may have a fact: the
 * words of the sets read by normalized form, and every spelling with
 * proclitics (`cliticSpellings`, a superset of what `cliticForms` strips, and
 * a conjunction on a short word) of those read by readings. A word whose hash
 * is not here has none, which the hash alone says.
 */
const FACT_HASHES: ReadonlySet<number> = (() => {
  const out = new Set<number>();
  const add = (w: string) => out.add(hashWord(w) | 0);
  for (const set of [PERCENT_WORDS, PERCENT_PHRASES, DURATION_UNITS, AGE_UNITS, TIME_AFTER, NAME_TWO_BEFORE, YEAR_AFTER, ORDINALS_BEFORE_TEN]) for (const w of set) add(w);
  for (const w of UNITS.keys()) add(w);
  for (const words of [NAME_BEFORE, TIME_BEFORE, YEAR_BEFORE, MONTHS.keys(), COUNT_BEFORE, AGE_CUES]) {
    for (const w of words) {
      for (const spelling of cliticSpellings(w)) add(spelling);
      add('و' + w);
      add('ف' + w);
    }
  }
  return out;
})();

/** Whether a token has the fact (`F_*`): once per distinct word for words, kept on its `Word`. */
function is(t: Token, fact: number): boolean {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    if (!FACT_HASHES.has(t.hash)) return false;
    const word = t.word;
    let f = word.figureFacts;
    if (f === 0) f = word.figureFacts = factsOf(word.norm, formsOf(t));
    return (f & fact) !== 0;
  }
  // Punctuation, numbers and line breaks: a character, '' or a break; their facts are kept by that string.
  const norm = t.norm;
  let f = NON_WORD_FACTS.get(norm);
  if (f === undefined) NON_WORD_FACTS.set(norm, (f = factsOf(norm, cliticForms(norm))));
  return (f & fact) !== 0;
}

const NON_WORD_FACTS = new Map<string, number>();

/** `t.norm === norm` for a word `norm` (of `hash`, signed): a word token whose hash differs is not read. */
function wordIs(t: Token | undefined, norm: string, hash: number): boolean {
  if (t === undefined) return false;
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) return t.hash === hash && t.norm === norm;
  return t.norm === norm;
}

const H_WAW = hashWord('و') | 0;
const H_AND = hashWord('and') | 0;
const H_OF = hashWord('of') | 0;
const H_FI = hashWord('في') | 0;
const H_PER = hashWord('per') | 0;
const H_ILA = hashWord('الي') | 0;
const H_HATTA = hashWord('حتي') | 0;
const H_MIN = hashWord('من') | 0;
const H_MIM = hashWord('م') | 0;
const TWO_WORD_MONTH_HASHES = new Set([...TWO_WORD_MONTHS.keys()].map((w) => hashWord(w) | 0));
/** `MONTHS.get(t.norm)` for a word token, reading it only when its hash is a month's. */
function monthOf(t: Token): number | undefined {
  return MONTH_HASHES.has(t.hash) ? MONTHS.get(t.norm) : undefined;
}
/** `TWO_WORD_MONTHS.get(t.norm)` for a word token, likewise. */
function twoWordMonthOf(t: Token): Map<string, number> | undefined {
  return TWO_WORD_MONTH_HASHES.has(t.hash) ? TWO_WORD_MONTHS.get(t.norm) : undefined;
}

/** `PERCENT_PHRASES.has(t?.norm ?? '')`. */
function isPercentPhrase(t: Token | undefined): boolean {
  return t !== undefined ? is(t, F_PERCENT_PHRASE) : PERCENT_PHRASES.has('');
}

/** A word's readings without proclitics (`cliticForms`, the same as `stripClitics`' rests), computed once per distinct word. Never mutate them. */
function formsOf(t: Token): readonly string[] {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    const word = t.word;
    return (word.forms ??= cliticForms(word.norm));
  }
  return cliticForms(t.norm);
}

function anyIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `YYYY-MM-DD` when the parts make a real calendar date. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!isInteger(year) || !isInteger(month) || !isInteger(day) || month < 1 || month > 12 || day < 1) return undefined;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}
