/**
 * Folding: the spellings of one letter that the corpus mixes, mapped to one.
 * One declared mapping, two foldings derived from it:
 *
 * - the line fold (`foldCode`, `foldText`, `shapeText`): what line keys and
 *   boilerplate phrases compare. Besides letters it folds digits to ASCII,
 *   drops Quranic annotation marks and makes every other character a
 *   separator.
 * - the word fold (`WORD_FOLD`, `wordFoldCode`): what the number and claim
 *   lexicons match words with. It changes letters only.
 *
 * They differ where their readers do. Copies of one line differ in how they
 * were typed, so the line fold also takes a hamza seat for the letter typed
 * without the hamza (ؤ و, ئ ي) and the wavy alefs ٲ ٳ for ا. The lexicons are
 * written with the hamza, so the word fold keeps it, on one seat (ؤ ئ → ء:
 * مسؤول and مسئول match), and folds the Persian پ چ of transliterated names.
 * Either change to the other would change line keys or lexicon matches.
 *
 * Hot loops elsewhere bind the tables and steps of text/ they use to local
 * names (`const { LINE_FOLD } = fold`): where modules load one by one (tsx,
 * in the tests), every use of an imported name is a property read, and V8
 * then inlines none of those calls.
 */
import { stringOfCodes } from '../arrays';
import { isArabicLetterCode, isBreakingSpace, isInvisibleCode } from './chars';

type Letters = readonly (readonly [spellings: string, letter: string])[];

/** Spellings both foldings read as one letter. */
const SAME_LETTER: Letters = [
  ['آأإٱ', 'ا'],
  ['ة', 'ه'],
  ['ىی', 'ي'],
  ['کگ', 'ك'],
  ['ڤ', 'ف'],
];
const LINE_LETTER: Letters = [
  ['ؤ', 'و'],
  ['ئ', 'ي'],
  ['ٲٳ', 'ا'],
];
const WORD_LETTER: Letters = [
  ['ؤئ', 'ء'],
  ['پ', 'ب'],
  ['چ', 'ج'],
];

type Ranges = readonly (readonly [first: number, last: number])[];

/** Marks both foldings drop: tatweel, harakat, superscript alef. */
const DROPPED: Ranges = [
  [0x640, 0x640],
  [0x64b, 0x65f],
  [0x670, 0x670],
];
/** Quranic annotation marks. */
const LINE_DROPPED: Ranges = [
  [0x610, 0x61a],
  [0x6d6, 0x6ed],
];

/** Tables cover U+0000–U+06FF: ASCII, Latin-1 and Arabic, nearly every character of the corpus. */
export const FOLD_TABLE_SIZE = 0x700;
const TABLE_SIZE = FOLD_TABLE_SIZE;

/** Per code below `TABLE_SIZE`: the folded code, or -1 to drop. Latin capitals fold to small letters in both. */
function foldTable(letters: Letters, dropped: Ranges): Int16Array {
  const t = new Int16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) t[c] = (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) ? c + 32 : c;
  for (const [spellings, letter] of letters) for (const s of spellings) t[s.charCodeAt(0)] = letter.charCodeAt(0);
  for (const [first, last] of dropped) t.fill(-1, first, last + 1);
  return t;
}

/** The word fold below `TABLE_SIZE` (codes above it are kept), for loops that fold as they scan. */
export const WORD_FOLD: Int16Array = foldTable([...SAME_LETTER, ...WORD_LETTER], DROPPED);

/** The word-folded code of `c`, or -1 when the word fold drops it. */
export function wordFoldCode(c: number): number {
  return c < TABLE_SIZE ? WORD_FOLD[c] : c;
}

const OTHER_LETTER = /[\p{L}\p{N}]/u;

/** The line fold of a character its letter table leaves as it is: digits, other letters, separators, invisible characters. */
function lineFoldOther(c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? c : 32;
  if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48;
  if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48;
  if (c >= 0x0600 && c <= 0x06ff) return isArabicLetterCode(c) ? c : 32;
  if (isInvisibleCode(c)) return -1;
  if (isBreakingSpace(c) || (c >= 0x2010 && c <= 0x206f)) return 32;
  return OTHER_LETTER.test(String.fromCharCode(c)) ? c : 32;
}

/** The line fold below `TABLE_SIZE`, for loops that fold inline (see `foldCode`). */
export const LINE_FOLD: Int16Array = (() => {
  const t = foldTable([...SAME_LETTER, ...LINE_LETTER], [...DROPPED, ...LINE_DROPPED]);
  for (let c = 0; c < TABLE_SIZE; c++) if (t[c] === c) t[c] = lineFoldOther(c);
  return t;
})();

/**
 * The line-folded form of one character: a code to keep (letters and digits,
 * normalized), -1 to drop (marks, tatweel, invisible characters), or 32 for a
 * separator (spaces, punctuation, symbols).
 */
export function foldCode(c: number): number {
  return c < TABLE_SIZE ? LINE_FOLD[c] : lineFoldOther(c);
}

/**
 * Folds a string for lexicon matching: normalized letters and digits, every
 * run of separators (punctuation included) one space, trimmed.
 */
export function foldText(text: string, start = 0, end = text.length): string {
  const buffer = scratch(end - start);
  let n = 0;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f < 0) continue;
    if (f === 32) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) buffer[n++] = 32;
    pendingSpace = false;
    buffer[n++] = f;
  }
  return stringOfCodes(buffer, 0, n);
}

/**
 * Like `foldText`, but punctuation and symbols are kept (each run of spaces
 * becomes one space): what a label and its colon look like after folding.
 */
export function shapeText(text: string, start = 0, end = text.length): string {
  const buffer = scratch(end - start);
  let n = 0;
  let pendingSpace = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isInvisibleCode(c)) continue;
    if (isBreakingSpace(c)) {
      pendingSpace = n > 0;
      continue;
    }
    const f = foldCode(c);
    if (f < 0) continue;
    if (pendingSpace) buffer[n++] = 32;
    pendingSpace = false;
    buffer[n++] = f === 32 ? c : f;
  }
  return stringOfCodes(buffer, 0, n);
}

let scratchBuffer = new Uint16Array(256);

/** A reusable buffer for building folded strings without concatenating characters. */
function scratch(length: number): Uint16Array {
  if (scratchBuffer.length < length) scratchBuffer = new Uint16Array(Math.max(length, scratchBuffer.length * 2));
  return scratchBuffer;
}
