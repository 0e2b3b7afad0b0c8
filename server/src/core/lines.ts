import { stringOfCodes } from './arrays';
import { matchRuns, profileRunTable, type RunTable } from './runTable';
import type { SeedDocument } from './text';

/**
 * Line-level view of a document shared by the corpus index and the line
 * rules (`boilerplate/*`): one pass over the text gives, for every line, its
 * letter counts and a key that is equal for lines equal "after
 * normalization". Normalization folds what varies between copies of the same
 * line and not its meaning: diacritics and tatweel, hamza and alef forms,
 * ى/ي, ة/ه, Persian letter forms, Eastern digits, Latin case, punctuation
 * and spacing.
 */

/** Characters that separate words: spaces of every width and line-internal separators. */
export function isBreakingSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Characters that have no width: bidi marks, zero-width (non-)joiners, BOM, soft hyphen. */
export function isInvisibleCode(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || c === 0x061c || c === 0x00ad;
}

/** White space for blank lines: a line holding only these is blank. */
export function isSpaceCode(c: number): boolean {
  return isBreakingSpace(c) || isInvisibleCode(c);
}

export function isArabicLetterCode(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdfb) || (c >= 0xfe70 && c <= 0xfefc);
}

export function isLatinLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
}

const OTHER_LETTER = /[\p{L}\p{N}]/u;

/**
 * The folded form of one character: a code to keep (letters and digits,
 * normalized), -1 to drop (marks, tatweel, invisible characters), or 32 for a
 * separator (spaces, punctuation, symbols).
 */
export function foldCode(c: number): number {
  return c < FOLD_TABLE_SIZE ? FOLD_TABLE[c] : foldCodeOf(c);
}

/** `foldCode` below U+0700 (ASCII, Latin-1, Arabic: nearly every character of the corpus), looked up. */
const FOLD_TABLE_SIZE = 0x0700;
const FOLD_TABLE = new Int16Array(FOLD_TABLE_SIZE);
for (let c = 0; c < FOLD_TABLE_SIZE; c++) FOLD_TABLE[c] = foldCodeOf(c);

function foldCodeOf(c: number): number {
  // Arabic letters first: most of the text.
  if (c >= 0x0621 && c <= 0x064a) {
    if (c >= 0x0641) return c === 0x0649 ? 0x064a : c;
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: return 0x0627;
      case 0x0624: return 0x0648;
      case 0x0626: return 0x064a;
      case 0x0629: return 0x0647;
      case 0x0640: return -1;
    }
    return c;
  }
  if (c < 128) {
    if (c >= 65 && c <= 90) return c + 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) return c;
    return 32;
  }
  if (c >= 0x0600 && c <= 0x06ff) {
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640 || (c >= 0x06d6 && c <= 0x06ed) || (c >= 0x0610 && c <= 0x061a)) return -1;
    if (c >= 0x0660 && c <= 0x0669) return c - 0x0660 + 48;
    if (c >= 0x06f0 && c <= 0x06f9) return c - 0x06f0 + 48;
    switch (c) {
      case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672: case 0x0673: return 0x0627;
      case 0x0649: case 0x06cc: case 0x0626: return 0x064a;
      case 0x0629: return 0x0647;
      case 0x0624: return 0x0648;
      case 0x06a9: case 0x06af: return 0x0643;
      case 0x06a4: return 0x0641;
    }
    return isArabicLetterCode(c) ? c : 32;
  }
  if (isInvisibleCode(c)) return -1;
  if (isBreakingSpace(c) || (c >= 0x2010 && c <= 0x206f)) return 32;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return OTHER_LETTER.test(String.fromCharCode(c)) ? c : 32;
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
  return decode(buffer, n);
}

let scratchBuffer = new Uint16Array(256);

/** A reusable buffer for building folded strings without concatenating characters. */
function scratch(length: number): Uint16Array {
  if (scratchBuffer.length < length) scratchBuffer = new Uint16Array(Math.max(length, scratchBuffer.length * 2));
  return scratchBuffer;
}

function decode(buffer: Uint16Array, n: number): string {
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
  return decode(buffer, n);
}

/**
 * Bits of `LineProfile.marks`: characters a line holds, so that tests
 * needing them can skip the lines without them. Each may also be set when
 * the character is only in the line's surrounding white space.
 */
export const LineMark = {
  /** One of `|•·▪►»«>/\`, a tab, a U+FEFF, or three white-space characters in a row. */
  Menu: 1,
  Slash: 2,
  Colon: 4,
  Copyright: 8,
  OpenParen: 16,
  /** One of `-–—|/`. */
  Dash: 64,
  /** `…`, two dots in a row, or one of `-–—»|`. */
  ItemEnd: 128,
  /** `<`. */
  Angle: 256,
} as const;

/** The `LineMark` bits of a separator character (punctuation, symbols; 0 for others). */
function markOf(c: number): number {
  switch (c) {
    case 0x2f: return LineMark.Menu | LineMark.Slash | LineMark.Dash;
    case 0x7c: return LineMark.Menu | LineMark.Dash | LineMark.ItemEnd;
    case 0xbb: return LineMark.Menu | LineMark.ItemEnd;
    case 0x2d: case 0x2013: case 0x2014: return LineMark.Dash | LineMark.ItemEnd;
    case 0x2026: return LineMark.ItemEnd;
    case 0x3a: return LineMark.Colon;
    case 0xa9: return LineMark.Copyright;
    case 0x28: return LineMark.OpenParen;
    case 0x3c: return LineMark.Angle;
    case 0x2022: case 0xb7: case 0x25aa: case 0x25ba: case 0xab: case 0x3e: case 0x5c:
      return LineMark.Menu;
  }
  return 0;
}

/** What `\s` matches inside a line (line breaks end lines). */
function isRegExpSpace(c: number): boolean {
  // The quick test first: most characters beside a space are letters.
  return (c <= 32 || c === 0xa0 || c >= 0x1680) && (isBreakingSpace(c) || c === 0xfeff);
}

/** The tables of no runs, for profiles computed before any were given. */
const NO_RUNS = new Int32Array(FOLD_TABLE_SIZE);
const NO_BEFORE = new Uint16Array(FOLD_TABLE_SIZE);

/**
 * Per-line facts of a document, in arrays indexed by line. Computed once per
 * document object (see `lineProfile`), in one pass over the text.
 */
export interface LineProfile {
  /** Key of the folded line (0 when the line has no letter: blank, digits or punctuation only). */
  readonly keys: Float64Array;
  readonly arabic: Uint32Array;
  readonly latin: Uint32Array;
  /** White-space separated tokens that hold a letter or digit. */
  readonly words: Uint32Array;
  /** `LineMark` bits of each line. */
  readonly marks: Uint16Array;
  /** Offsets of the first and one past the last non-space character (equal when the line is blank). */
  readonly contentStart: Uint32Array;
  readonly contentEnd: Uint32Array;
  /** Index of the first non-blank line, or -1. */
  readonly firstContentLine: number;
  /** Index of the last line that is not the empty remainder after a final line break. */
  readonly lastRealLine: number;
  /** Letters of the whole document by script. */
  readonly arabicTotal: number;
  readonly latinTotal: number;
  /** The runs the lines were scanned for (`profileRuns`), and each line's group bits (`RunTable.groups`). */
  readonly runs: RunTable | undefined;
  readonly runGroups: Uint8Array;
}

const profiles = new WeakMap<SeedDocument, LineProfile>();

/** The document's line profile, computed on first use and kept with the document object. */
export function lineProfile(doc: SeedDocument): LineProfile {
  let p = profiles.get(doc);
  if (!p) {
    p = computeProfile(doc);
    profiles.set(doc, p);
  }
  return p;
}

export function isBlankLine(p: LineProfile, line: number): boolean {
  return p.contentStart[line] === p.contentEnd[line];
}

// Two independent 32-bit FNV-1a style hashes combined into 53 bits: with a
// million distinct lines in a corpus a collision stays improbable (~1e-4).
const FNV_OFFSET_A = 0x811c9dc5;
const FNV_OFFSET_B = 0x01000193 ^ 0x5bd1e995;

function computeProfile(doc: SeedDocument): LineProfile {
  const text = doc.text;
  const starts = doc.lineStarts;
  const n = starts.length;
  const keys = new Float64Array(n);
  const arabic = new Uint32Array(n);
  const latin = new Uint32Array(n);
  const words = new Uint32Array(n);
  const contentStart = new Uint32Array(n);
  const contentEnd = new Uint32Array(n);
  const marks = new Uint16Array(n);
  const runs = profileRunTable();
  const runHead = runs?.head ?? NO_RUNS;
  const runBefore = runs?.before ?? NO_BEFORE;
  const seen = new Uint32Array(runs?.seenWords ?? 0);
  const runGroups = new Uint8Array(n);
  let firstContentLine = -1;
  let arabicTotal = 0;
  let latinTotal = 0;
  for (let line = 0; line < n; line++) {
    const start = starts[line];
    const end = doc.lineEnd(line);
    let ha = FNV_OFFSET_A;
    let hb = FNV_OFFSET_B;
    let letters = 0;
    let ar = 0;
    let la = 0;
    let w = 0;
    let cs = -1;
    let ce = start;
    let inToken = false;
    let tokenCounted = false;
    let pendingSep = false;
    let folded = 0;
    let mark = 0;
    // The three letters before the current one in the folded text, within its word (0: none), for the runs.
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    let anyRun = false;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x0621 && c <= 0x064a && c !== 0x0640) {
        // A run of Arabic letters: the common case, without the general checks below.
        if (cs < 0) cs = i;
        if (!inToken) {
          inToken = true;
          tokenCounted = false;
        }
        if (!tokenCounted) {
          w++;
          tokenCounted = true;
        }
        if (pendingSep) {
          ha = Math.imul(ha ^ 32, 0x01000193);
          hb = Math.imul(hb ^ 32, 0x5bd1e995);
          pendingSep = false;
        }
        const runStart = i;
        for (let d = c; ; ) {
          const f = FOLD_TABLE[d];
          ha = Math.imul(ha ^ f, 0x01000193);
          hb = Math.imul((hb ^ f) + (hb >>> 13), 0x5bd1e995);
          if (runHead[f] !== 0 && (runBefore[f] === 0 || runBefore[f] === q1) && matchRuns(runs!, f, q1, q2, q3, seen)) anyRun = true;
          q3 = q2;
          q2 = q1;
          q1 = f;
          if (++i === end) break;
          d = text.charCodeAt(i);
          if (d < 0x0621 || d > 0x064a || d === 0x0640) break;
        }
        const run = i - runStart;
        folded += run;
        letters += run;
        ar += run;
        ce = i;
        // The loop's own i++ moves past the run.
        i--;
        continue;
      }
      if (c === 32) {
        // A space: what the general path below does for it.
        inToken = false;
        pendingSep = folded > 0;
        q1 = q2 = q3 = 0;
        if (i >= start + 2 && isRegExpSpace(text.charCodeAt(i - 1)) && isRegExpSpace(text.charCodeAt(i - 2))) mark |= LineMark.Menu;
        continue;
      }
      if (isInvisibleCode(c)) {
        if (c === 0xfeff) mark |= LineMark.Menu;
        continue;
      }
      if (isBreakingSpace(c)) {
        inToken = false;
        if (c === 9 || (i >= start + 2 && isRegExpSpace(text.charCodeAt(i - 1)) && isRegExpSpace(text.charCodeAt(i - 2)))) mark |= LineMark.Menu;
      } else {
        if (cs < 0) cs = i;
        ce = i + 1;
        if (!inToken) {
          inToken = true;
          tokenCounted = false;
        }
      }
      const f = foldCode(c);
      if (f < 0) continue;
      if (f === 32) {
        pendingSep = folded > 0;
        q1 = q2 = q3 = 0;
        mark |= c === 0x2e ? (text.charCodeAt(i - 1) === 0x2e ? LineMark.ItemEnd : 0) : markOf(c);
        continue;
      }
      if (!tokenCounted && inToken) {
        w++;
        tokenCounted = true;
      }
      if (pendingSep) {
        ha = Math.imul(ha ^ 32, 0x01000193);
        hb = Math.imul(hb ^ 32, 0x5bd1e995);
        pendingSep = false;
      }
      ha = Math.imul(ha ^ f, 0x01000193);
      hb = Math.imul((hb ^ f) + (hb >>> 13), 0x5bd1e995);
      folded++;
      if (f < FOLD_TABLE_SIZE && runHead[f] !== 0 && (runBefore[f] === 0 || runBefore[f] === q1) && matchRuns(runs!, f, q1, q2, q3, seen)) anyRun = true;
      q3 = q2;
      q2 = q1;
      q1 = f;
      if (f >= 48 && f <= 57) continue;
      letters++;
      if (isArabicLetterCode(c)) ar++;
      else if (isLatinLetterCode(c)) la++;
    }
    arabic[line] = ar;
    latin[line] = la;
    words[line] = w;
    marks[line] = mark;
    if (anyRun) {
      runGroups[line] = runs!.groups(seen);
      seen.fill(0);
    }
    contentStart[line] = cs < 0 ? start : cs;
    contentEnd[line] = cs < 0 ? start : ce;
    arabicTotal += ar;
    latinTotal += la;
    if (letters > 0) keys[line] = (ha >>> 0) * 0x200000 + ((hb >>> 0) & 0x1fffff) || 1;
    if (firstContentLine < 0 && cs >= 0) firstContentLine = line;
  }
  const lastRealLine = n > 1 && starts[n - 1] === text.length ? n - 2 : n - 1;
  return { keys, arabic, latin, words, marks, contentStart, contentEnd, firstContentLine, lastRealLine, arabicTotal, latinTotal, runs, runGroups };
}

/** Whether a line is shaped like a headline: a few words, no sentence-final punctuation, not a quotation. */
export function isHeadlineShaped(doc: SeedDocument, p: LineProfile, line: number, maxWords = 20): boolean {
  const w = p.words[line];
  if (w < 2 || w > maxWords || p.arabic[line] < p.latin[line]) return false;
  const first = doc.text.charCodeAt(p.contentStart[line]);
  if (QUOTE_OPENERS.has(first)) return false;
  const last = doc.text.charCodeAt(p.contentEnd[line] - 1);
  return !SENTENCE_END.has(last);
}

const QUOTE_OPENERS = new Set([0x22, 0x27, 0xab, 0x201c, 0x201d, 0x201e, 0x2018, 0x2019, 0x300c]);
const SENTENCE_END = new Set([0x2e, 0x2c, 0x3a, 0x3b, 0x2d, 0x2013, 0x2014, 0x060c, 0x061b, 0x06d4, 0x2026]);

/**
 * Distinct keys of the document's lines, for the corpus index, and the key
 * of its first line when that line is shaped like a headline (0 otherwise).
 */
export function documentLineKeys(doc: SeedDocument): { lineKeys: number[]; titleKey: number } {
  const p = lineProfile(doc);
  const first = p.firstContentLine;
  const titleKey = first >= 0 && isHeadlineShaped(doc, p, first) ? p.keys[first] : 0;
  return { lineKeys: distinctKeys(p.keys), titleKey };
}

// An open-addressing table reused across calls (a generation number marks the slots in use), so
// that finding a document's distinct keys allocates only the result: a Set would box every key.
let slotKeys = new Float64Array(1024);
let slotGeneration = new Uint32Array(1024);
let generation = 0;

/** The distinct non-zero keys, in the order of their first occurrence. */
function distinctKeys(keys: Float64Array): number[] {
  if (slotKeys.length < keys.length * 2) {
    let size = slotKeys.length;
    while (size < keys.length * 2) size *= 2;
    slotKeys = new Float64Array(size);
    slotGeneration = new Uint32Array(size);
    generation = 0;
  }
  if (++generation === 0x100000000) {
    slotGeneration.fill(0);
    generation = 1;
  }
  const mask = slotKeys.length - 1;
  const out: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 0) continue;
    // Keys are hashes: their low bits are as good as any.
    let slot = (key >>> 0) & mask;
    for (;;) {
      if (slotGeneration[slot] !== generation) {
        slotGeneration[slot] = generation;
        slotKeys[slot] = key;
        out.push(key);
        break;
      }
      if (slotKeys[slot] === key) break;
      slot = (slot + 1) & mask;
    }
  }
  return out;
}
