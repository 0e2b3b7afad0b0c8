/**
 * The tokenizer: one linear pass that splits a document into tokens
 * (tokens.ts), hashing each word's normalized form as it finds the word's
 * end, and, when asked, reading the scanner's numbers in the same pass.
 */
import * as chars from '../text/chars';
import * as fold from '../text/fold';
import * as hash from '../text/hash';
import { IS_DIGIT, readNumberAt, type NumberToken } from './scanner';
import { isSentenceEnd, MARK_CLAUSE_END, MARK_SENTENCE_END, punctMark, Token, TOKEN_BREAK, TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type TokenKind, type TokenWatch } from './tokens';

// Local bindings for the hot loops below (see text/fold.ts).
const { WORD_FOLD } = fold;
const { FNV_OFFSET, fnvStep } = hash;

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 12;
}

/** Zero-width and bidi controls: invisible, they neither join nor separate tokens. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/**
 * Per-sentence token fields, kept in one typed array until the sentence is
 * known to be kept: per token its start, end, hash and `kind | space << 3 |
 * payload << 4`, where the payload is the watch bits (words) or the index of
 * the scanner's number (numbers). A sentence never spans a line break, so
 * its line is the buffer's.
 */
const FIELDS = 4;
let sentence = new Int32Array(256 * FIELDS);

function growSentence(): void {
  const bigger = new Int32Array(sentence.length * 2);
  bigger.set(sentence);
  sentence = bigger;
}

/** Character classes of U+0000–U+06FF (every word character is below U+0700). */
const CLASS_OTHER = 0;
const CLASS_ARABIC = 1;
const CLASS_LATIN = 2;
const CLASS_SPACE = 3;
const CLASS_BREAK = 4;
const CLASS = (() => {
  const t = new Uint8Array(0x700);
  for (let c = 0; c < 0x700; c++) {
    if (chars.isArabicWordChar(c)) t[c] = CLASS_ARABIC;
    else if (chars.isLatinLetterCode(c)) t[c] = CLASS_LATIN;
    else if (c === 10 || c === 13) t[c] = CLASS_BREAK;
    else if (isSpace(c)) t[c] = CLASS_SPACE;
  }
  return t;
})();
/** Per character below U+0700: its code in a word's hash if it is an Arabic word character, else `STEP_DROP` (dropped) or `STEP_END`. */
const STEP_DROP = -1;
const STEP_END = -2;
const ARABIC_STEP = (() => {
  const t = new Int32Array(0x700);
  for (let c = 0; c < 0x700; c++) t[c] = CLASS[c] !== CLASS_ARABIC ? STEP_END : WORD_FOLD[c] < 0 ? STEP_DROP : WORD_FOLD[c];
  return t;
})();

function isLatinAt(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  return c < 0x700 && CLASS[c] === CLASS_LATIN;
}

/**
 * Splits a text into tokens. With `sparse`, only sentences worth reading are
 * kept — those holding a number, a word `watch` notes, or ending in a colon
 * (a line that introduces a quotation) — and the others cost one pass over
 * their characters and no allocation. Kept sentences keep their ending token,
 * so sentence boundaries stay visible between them.
 */
export function tokenize(text: string, numbers: readonly NumberToken[], watch?: TokenWatch, sparse = false): Token[] {
  return tokenizeText(text, numbers, false, watch, sparse);
}

/**
 * `scanNumbers` and `tokenize` in one pass over the text: the same numbers
 * (in `numbers`, which must be empty) and the same tokens.
 */
export function scanAndTokenize(text: string, numbers: NumberToken[], watch?: TokenWatch, sparse = false): Token[] {
  if (numbers.length) throw new Error('scanAndTokenize fills an empty list of numbers');
  return tokenizeText(text, numbers, true, watch, sparse);
}

/**
 * The tokenizer. With `scanning`, `numbers` starts empty and the scanner's
 * numbers are read here, as the scanner reads them: from each digit at or
 * after the end of the last number (`scanFrom`), in text order. Every such
 * digit is a character this loop visits (words hold no digits), so no
 * number is missed; a number that starts at a percent sign before its digits
 * is read when the loop is at the sign.
 */
function tokenizeText(text: string, numbers: readonly NumberToken[], scanning: boolean, watch: TokenWatch | undefined, sparse: boolean): Token[] {
  builtCount = 0;
  const scanned = numbers as NumberToken[];
  let scanFrom = 0;
  /** A number read ahead at a percent sign, that starts after it. */
  let pending: NumberToken | undefined;
  const index = watch?.index;
  const filter = index?.filter;
  const mask = index?.mask ?? 0;
  const hits = watch?.hits ?? [];
  const ends = watch?.ends;
  const n = text.length;
  // Fields of the sentence being read (see `sentence`); `length` counts array slots. No closure
  // captures these: captured variables that change live on the heap, and this loop is hot.
  let buf = sentence;
  let length = 0;
  let keep = !sparse;
  let colon = -1;
  let line = 0;
  let p = 0;
  let nextNumber = scanning ? -1 : numbers.length > 0 ? numbers[0].start : n;
  let space = 0;
  let i = 0;
  while (i < n) {
    if (length + FIELDS > buf.length) {
      growSentence();
      buf = sentence;
    }
    // Numbers start at digits and percent signs, both `CLASS_OTHER`: the `else` branch below.
    const c = text.charCodeAt(i);
    const cls = c < 0x700 ? CLASS[c] : CLASS_OTHER;
    if (cls === CLASS_ARABIC) {
      // A run of Arabic words, each followed by one space, without going round the outer loop: the usual text.
      let start = i;
      let d = c;
      for (;;) {
        // Find the word's end and hash its normalized form in the same loop: one table read per
        // character, its code in the hash, dropped, or the end of the word.
        let h = FNV_OFFSET;
        const m = WORD_FOLD[d];
        if (m >= 0) h = fnvStep(h, m);
        let j = start + 1;
        for (; j < n; j++) {
          d = text.charCodeAt(j);
          if (d >= 0x700) break;
          const step = ARABIC_STEP[d];
          if (step < 0) {
            if (step === STEP_END) break;
            continue;
          }
          h = fnvStep(h, step);
        }
        let bits = 0;
        if (filter !== undefined && (filter[(h >>> 5) & mask] & (1 << (h & 31))) !== 0) {
          bits = index!.get(h);
          if (bits) keep = true;
        }
        if (length + FIELDS > buf.length) {
          growSentence();
          buf = sentence;
        }
        buf[length] = start;
        buf[length + 1] = j;
        buf[length + 2] = h;
        buf[length + 3] = TOKEN_WORD | (space << 3) | (bits << 4);
        length += FIELDS;
        if (j >= n || d !== 32) {
          space = 0;
          i = j;
          break;
        }
        // One space: another Arabic word goes on the run.
        space = 1;
        i = j + 1;
        if (i >= n) break;
        d = text.charCodeAt(i);
        if (d >= 0x700 || CLASS[d] !== CLASS_ARABIC) break;
        start = i;
      }
    } else if (cls === CLASS_LATIN) {
      // Find the word's end and hash its normalized form in the same loop.
      let h = FNV_OFFSET;
      let j = i;
      let d = c;
      for (;;) {
        h = fnvStep(h, d < 0x700 ? WORD_FOLD[d] : d);
        if (++j >= n) break;
        d = text.charCodeAt(j);
        // An apostrophe inside a word (don't, O’Brien) belongs to it.
        if (d < 0x700 ? CLASS[d] !== CLASS_LATIN && !(d === 39 && isLatinAt(text, j + 1)) : !(d === 0x2019 && isLatinAt(text, j + 1))) break;
      }
      let bits = 0;
      if (filter !== undefined && (filter[(h >>> 5) & mask] & (1 << (h & 31))) !== 0) {
        bits = index!.get(h);
        if (bits) keep = true;
      }
      buf[length] = i;
      buf[length + 1] = j;
      buf[length + 2] = h;
      buf[length + 3] = TOKEN_LATIN | (space << 3) | (bits << 4);
      length += FIELDS;
      // The usual single space after a word, without another turn of the loop.
      if (d === 32 && j < n) {
        space = 1;
        i = j + 1;
      } else {
        space = 0;
        i = j;
      }
    } else if (cls === CLASS_BREAK) {
      const j = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      buf[length] = i;
      buf[length + 1] = j;
      buf[length + 2] = 0;
      buf[length + 3] = TOKEN_BREAK | (space << 3);
      length += FIELDS;
      space = 0;
      if (keep || (colon >= 0 && colon >= length - 3 * FIELDS)) keepSentence(buf, length, line, text, numbers, hits, ends);
      length = 0;
      keep = !sparse;
      colon = -1;
      line++;
      i = j;
    } else if (cls === CLASS_SPACE || (c >= 0x700 && isSpace(c))) {
      space = 1;
      i++;
    } else if (c >= 0x700 && isInvisible(c)) {
      i++;
    } else {
      // The number starting here, if any: its index in `numbers`, else -1.
      let number = -1;
      if (scanning) {
        if (pending !== undefined && pending.start === i) {
          number = scanned.length - 1;
          pending = undefined;
        } else if (c < 0x700 && IS_DIGIT[c] === 1 && i >= scanFrom) {
          const read = readNumberAt(text, i);
          scanned.push(read);
          scanFrom = read.end;
          // A number read here may start at a percent sign before it, already behind: it is no token.
          if (read.start === i) number = scanned.length - 1;
        } else if ((c === 37 || c === 0x66a) && i + 1 >= scanFrom && i + 1 < n) {
          const d = text.charCodeAt(i + 1);
          if (d < 0x700 && IS_DIGIT[d] === 1) {
            const read = readNumberAt(text, i + 1);
            scanned.push(read);
            scanFrom = read.end;
            if (read.start === i) number = scanned.length - 1;
            else pending = read;
          }
        }
      } else if (nextNumber <= i) {
        while (p < numbers.length && numbers[p].start < i) p++;
        nextNumber = p < numbers.length ? numbers[p].start : n;
        if (nextNumber === i) number = p;
      }
      if (number >= 0) {
        const end = numbers[number].end;
        buf[length] = i;
        buf[length + 1] = end;
        buf[length + 2] = 0;
        buf[length + 3] = TOKEN_NUMBER | (space << 3) | (number << 4);
        length += FIELDS;
        space = 0;
        keep = true;
        i = end;
        continue;
      }
      buf[length] = i;
      buf[length + 1] = i + 1;
      buf[length + 2] = 0;
      buf[length + 3] = TOKEN_PUNCT | (space << 3);
      length += FIELDS;
      space = 0;
      if (c === 58 /* : */) colon = length - FIELDS;
      else if (c === 46 || c === 33 || c === 63 || c === 0x61f || c === 0x2026 || c === 0x6d4) {
        if (keep || (colon >= 0 && colon >= length - 3 * FIELDS)) keepSentence(buf, length, line, text, numbers, hits, ends);
        length = 0;
        keep = !sparse;
        colon = -1;
      }
      i++;
    }
  }
  if (keep || (colon >= 0 && colon >= length - 3 * FIELDS)) keepSentence(buf, length, line, text, numbers, hits, ends);
  // A copy of exactly the tokens made; the builder lets go of them.
  const tokens = built.slice(0, builtCount) as Token[];
  built.fill(undefined, 0, builtCount);
  return tokens;
}

/**
 * The tokens of the text being tokenized, in an array reused from text to
 * text: growing a fresh array token by token costs more than the copy made
 * at the end. `builtCount` of them are this text's.
 */
const built: (Token | undefined)[] = [];
let builtCount = 0;

/** Turns the buffered fields of a kept sentence into tokens (see `sentence`), noting the watched ones. */
function keepSentence(
  buf: Int32Array,
  length: number,
  line: number,
  text: string,
  numbers: readonly NumberToken[],
  hits: number[][],
  ends: number[] | undefined,
): void {
  for (let k = 0; k < length; k += FIELDS) {
    const meta = buf[k + 3];
    const kind = (meta & 7) as TokenKind;
    const start = buf[k];
    let mark = 0;
    let num: NumberToken | undefined;
    if (kind === TOKEN_NUMBER) {
      num = numbers[meta >>> 4];
      if (hits.length) hits[0].push(builtCount);
    } else if (kind === TOKEN_PUNCT) mark = punctMark(text.charCodeAt(start));
    else if (kind === TOKEN_BREAK) mark = MARK_SENTENCE_END | MARK_CLAUSE_END;
    else if (meta >= 16) {
      const bits = meta >>> 4;
      for (let h = 0; h < hits.length; h++) if (bits & (1 << h)) hits[h].push(builtCount);
    }
    const token = new Token(kind, start, buf[k + 1], buf[k + 2], num, (meta & 8) !== 0, line, text, mark);
    if (builtCount < built.length) built[builtCount++] = token;
    else {
      built.push(token);
      builtCount++;
    }
  }
  // A sentence ends at its last token when that ends sentences; only the text's last one may not.
  if (ends !== undefined && length > 0) {
    const last = builtCount - 1;
    ends.push(isSentenceEnd(built[last]!) ? last : builtCount);
  }
}
