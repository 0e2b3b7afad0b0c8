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
 * This module holds the figure types and the pass; its steps are modules of
 * their own: figureTokens.ts (the token view and its atoms), compose.ts
 * (number words and digits composed into one number), figureKinds.ts (what
 * kind of figure it is), figureDates.ts (dates and clock times) and
 * wordFacts.ts (what the word lists say of a token).
 */
import { compose } from './compose';
import { readDateOrTime, readEnglishDate, readOrdinalDate } from './figureDates';
import { emitFigure, readCode, readDual, readPercent } from './figureKinds';
import { FigureTokens } from './figureTokens';
import { joinRanges } from './ranges';
import { MONTHS } from './lexicon';
import { expandClitics, hashWord } from './normalize';
import { scanNumbers, type NumberToken } from './scanner';
import { tokenize } from './tokenizer';
import { TOKEN_LATIN, TOKEN_NUMBER, TOKEN_WORD, watchIndex, type Token } from './tokens';
import { F_ORDINAL_BEFORE_TEN, is, MONTH_HASHES, STARTER_HASHES } from './wordFacts';

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
  /** Two figures read as the bounds of one (ما بين 1500 و2000, see ranges.ts): `low` and `high` are the bounds, `value` the lower one. */
  range?: true;
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
  const r = new FigureTokens(text, tokens, options);
  let i = 0;
  if (candidates) {
    for (const k of candidates) if (k >= i) i = Math.max(k + 1, readAt(r, k));
    joinRanges(r);
    return r.out;
  }
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.kind === TOKEN_NUMBER || t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
      const next = readAt(r, i);
      if (next > i) {
        i = next;
        continue;
      }
    }
    i++;
  }
  joinRanges(r);
  return r.out;
}

/** Hashes of every word a figure may start with: number words, month names and the dual nouns of `options`. */
export function figureWordHashes(options: FigureOptions = {}): ReadonlySet<number> {
  if (!options.duals) return STARTER_HASHES;
  return new Set([...STARTER_HASHES, ...options.duals.hashes]);
}

/** Reads a figure starting at token i; returns the index after it, or i when there is none. */
function readAt(r: FigureTokens, i: number): number {
  const t = r.tokens[i];
  if (t.kind === TOKEN_NUMBER) {
    const num = t.num!;
    if (num.kind === 'code') return readCode(r, i, num);
    if (num.percent) return readPercent(r, i, num);
    const special = readDateOrTime(r, i);
    if (special > i) return special;
  } else if (t.kind === TOKEN_LATIN && MONTH_HASHES.has(t.hash) && MONTHS.has(t.norm) && /^[A-Z]/.test(r.text[t.start])) {
    const date = readEnglishDate(r, i);
    if (date > i) return date;
  }
  const atom = r.atomAt(i);
  if (!atom) return t.kind === TOKEN_WORD ? readDual(r, i) : i;
  if (atom.word?.type === 'ordinal') return readOrdinalDate(r, i, atom);
  if (atom.word?.type === 'unit' && atom.value === 10 && i > 0 && is(r.tokens[i - 1], F_ORDINAL_BEFORE_TEN)) return i;
  const parsed = compose(r, i, atom);
  if (!parsed) return i;
  emitFigure(r, parsed);
  return parsed.last + 1;
}
