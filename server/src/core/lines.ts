import { matchRuns, profileRunTable, type RunTable } from './text/runTable';
import type { SeedDocument } from './text';
import * as chars from './text/chars';
import * as fold from './text/fold';
import * as hash from './text/hash';

// Local bindings for the hot loops below (see text/fold.ts).
const { isArabicLetterCode, isBreakingSpace, isInvisibleCode, isLatinLetterCode } = chars;
const { FOLD_TABLE_SIZE, foldCode, LINE_FOLD } = fold;
const { FNV_OFFSET, fnvStep, KEY_OFFSET, keySpace, keyStep, lineKey } = hash;

/**
 * Line-level view of a document shared by the corpus index and the line
 * rules (`boilerplate/*`): one pass over the text gives, for every line, its
 * letter counts and a key that is equal for lines equal "after
 * normalization". Normalization folds what varies between copies of the same
 * line and not its meaning: diacritics and tatweel, hamza and alef forms,
 * ى/ي, ة/ه, Persian letter forms, Eastern digits, Latin case, punctuation
 * and spacing: the line fold of text/fold.ts.
 */

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
const NO_RUNS = new Uint32Array(FOLD_TABLE_SIZE);

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

/** Whether a word ending in folded letters `q4 q3 q2 q1` ends one of the runs (noted in `seen`). */
function endsRun(runs: RunTable | undefined, gate: Uint32Array, q1: number, q2: number, q3: number, q4: number, seen: Uint32Array): boolean {
  // `gateBit(q2)` inline: the shift takes its count mod 32.
  return q1 < FOLD_TABLE_SIZE && ((gate[q1] >>> (q2 ^ (q2 >>> 5))) & 1) !== 0 && matchRuns(runs!, q1, q2, q3, q4, seen);
}

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
  const runGate = runs?.gate ?? NO_RUNS;
  const seen = new Uint32Array(runs?.seenWords ?? 0);
  const runGroups = new Uint8Array(n);
  let firstContentLine = -1;
  let arabicTotal = 0;
  let latinTotal = 0;
  for (let line = 0; line < n; line++) {
    const start = starts[line];
    const end = doc.lineEnd(line);
    // The line's key (see `lineKey`), hashed as the characters are folded.
    let ha = FNV_OFFSET;
    let hb = KEY_OFFSET;
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
    // The last four letters of the folded text, within its word (0: none), for the runs at its end.
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    let q4 = 0;
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
          ha = fnvStep(ha, 32);
          hb = keySpace(hb);
          pendingSep = false;
        }
        const runStart = i;
        for (let d = c; ; ) {
          const f = LINE_FOLD[d];
          ha = fnvStep(ha, f);
          hb = keyStep(hb, f);
          q4 = q3;
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
        if (q1 !== 0) {
          if (endsRun(runs, runGate, q1, q2, q3, q4, seen)) anyRun = true;
          q1 = q2 = q3 = q4 = 0;
        }
        if (i >= start + 2 && isRegExpSpace(text.charCodeAt(i - 1)) && isRegExpSpace(text.charCodeAt(i - 2))) mark |= LineMark.Menu;
        continue;
      }
      if (isInvisibleCode(c)) {
        if (c === 0xfeff) mark |= LineMark.Menu;
        // The Arabic letter mark has no width, but the line fold phrases are found in makes it a separator.
        else if (c === 0x061c && q1 !== 0) {
          if (endsRun(runs, runGate, q1, q2, q3, q4, seen)) anyRun = true;
          q1 = q2 = q3 = q4 = 0;
        }
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
        if (q1 !== 0) {
          if (endsRun(runs, runGate, q1, q2, q3, q4, seen)) anyRun = true;
          q1 = q2 = q3 = q4 = 0;
        }
        mark |= c === 0x2e ? (text.charCodeAt(i - 1) === 0x2e ? LineMark.ItemEnd : 0) : markOf(c);
        continue;
      }
      if (!tokenCounted && inToken) {
        w++;
        tokenCounted = true;
      }
      if (pendingSep) {
        ha = fnvStep(ha, 32);
        hb = keySpace(hb);
        pendingSep = false;
      }
      ha = fnvStep(ha, f);
      hb = keyStep(hb, f);
      folded++;
      q4 = q3;
      q3 = q2;
      q2 = q1;
      q1 = f;
      if (f >= 48 && f <= 57) continue;
      letters++;
      if (isArabicLetterCode(c)) ar++;
      else if (isLatinLetterCode(c)) la++;
    }
    if (q1 !== 0 && endsRun(runs, runGate, q1, q2, q3, q4, seen)) anyRun = true;
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
    if (letters > 0) keys[line] = lineKey(ha, hb);
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
