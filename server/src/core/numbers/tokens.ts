/**
 * One linear pass that splits a document into words, the scanner's numbers,
 * punctuation and line breaks. The figure reader and the claim extractor
 * both walk this token list, so neither rescans the text. Tokens are
 * transient: nothing kept after an analysis refers to them.
 */
import { detach, HASH_PRIME, HASH_SEED, HashFilter, hashWord, isArabicWordChar, isLatinLetter, NORMALIZE_TABLE, normalizeSpan } from './normalize';
import { IS_DIGIT, readNumberAt, type NumberToken } from './scanner';

export const TOKEN_WORD = 1;
export const TOKEN_LATIN = 2;
export const TOKEN_NUMBER = 3;
export const TOKEN_PUNCT = 4;
export const TOKEN_BREAK = 5;

/** `TOKEN_WORD` (Arabic letters), `TOKEN_LATIN`, `TOKEN_NUMBER`, `TOKEN_PUNCT` (one character) or `TOKEN_BREAK` (a line break). */
export type TokenKind = 1 | 2 | 3 | 4 | 5;

/** `Token.mark` bits of punctuation and line breaks, computed once while tokenizing. */
export const MARK_SENTENCE_END = 1;
export const MARK_CLAUSE_END = 2;
/** Quotes, brackets and similar marks a reader looks through inside a phrase. */
export const MARK_TRANSPARENT = 4;
/** Quotation marks: « » “ ” „ " '. */
export const MARK_QUOTE = 8;

/** Marks of one punctuation character (see `isSentenceEnd`, `isClauseEnd`, `isTransparent`). */
export function punctMark(c: number): number {
  switch (c) {
    case 46: // .
    case 33: // !
    case 63: // ?
    case 0x61f: // ؟
    case 0x2026: // …
    case 0x6d4: // ۔
      return MARK_SENTENCE_END | MARK_CLAUSE_END;
    case 0x60c: // ،
    case 44: // ,
    case 59: // ;
    case 0x61b: // ؛
    case 58: // :
    case 0x2013: // –
    case 0x2014: // —
      return MARK_CLAUSE_END;
    case 0xab: // «
    case 0xbb: // »
    case 0x201c: // “
    case 0x201d: // ”
    case 0x201e: // „
    case 34: // "
    case 39: // '
      return MARK_TRANSPARENT | MARK_QUOTE;
    case 40: // (
    case 41: // )
    case 91: // [
    case 93: // ]
    case 123: // {
    case 125: // }
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x2039: // ‹
    case 0x203a: // ›
    case 42: // *
      return MARK_TRANSPARENT;
    default:
      return 0;
  }
}

/**
 * A word's normalized form, shared by every token that reads the same (see
 * `internWord`). What the layers above derive from a word alone they keep
 * in side tables of their own, indexed by `id`: each is computed once per
 * distinct word, not once per occurrence.
 */
export class Word {
  /** `cliticForms(norm)` (filled on first use). Never mutated. */
  forms: string[] | undefined = undefined;
  /** What the figure reader knows of the word (see `is` in numbers/words.ts). */
  figureFacts = 0;

  constructor(
    readonly norm: string,
    /** `hashWord(norm)` (unsigned). */
    readonly hash: number,
    /** How the word was first written (a spelling that normalizes to `norm`): the cheapest check of the next occurrence. */
    readonly raw: string,
    /**
     * `generation << WORD_INDEX_BITS | index`: the interner numbers its
     * words densely from 0 and starts a new generation when its table starts
     * over (see `MAX_WORDS`). -1 for a word that is not interned (`Token.literal`).
     */
    readonly id: number,
  ) {}
}

/** Bits of a word's index in its generation (`Word.id`). */
export const WORD_INDEX_BITS = 16;
/** The generation of the words interned since the table last started over, under 2^15 so that ids stay positive 32-bit integers. */
let wordGeneration = 0;

/**
 * Words interned so far: an open-addressing table keyed by hash (words with
 * the same hash sit in consecutive slots), looked up inline, as it is once
 * per word token read.
 */
let slots: (Word | undefined)[] = new Array<Word | undefined>(1 << 12).fill(undefined);
let slotKeys = new Int32Array(1 << 12);
let slotCount = 0;
/** Distinct words kept before the table starts over: a bound on memory, whatever the corpus. */
const MAX_WORDS = 1 << WORD_INDEX_BITS;

/** Whether `text[start, end)` normalizes to `norm`, compared in place. */
function normalizesTo(text: string, start: number, end: number, norm: string): boolean {
  const n = norm.length;
  let j = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const m = c < 0x700 ? NORMALIZE_TABLE[c] : 0;
    if (m < 0) continue;
    if (j === n || norm.charCodeAt(j) !== (m === 0 ? c : m)) return false;
    j++;
  }
  return j === n;
}

/** Whether `text[start, end)` is `raw`, character for character. */
function writtenAs(text: string, start: number, end: number, raw: string): boolean {
  const n = end - start;
  if (raw.length !== n) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(start + k) !== raw.charCodeAt(k)) return false;
  return true;
}

function slotOf(key: number, mask: number): number {
  return (key ^ (key >>> 15)) & mask;
}

/** Doubles the table, or empties it at `MAX_WORDS` words. */
function growWords(): void {
  const old = slots;
  const oldKeys = slotKeys;
  const size = slotCount >= MAX_WORDS ? old.length : old.length * 2;
  slots = new Array<Word | undefined>(size).fill(undefined);
  slotKeys = new Int32Array(size);
  if (slotCount >= MAX_WORDS) {
    slotCount = 0;
    return;
  }
  const mask = size - 1;
  for (let i = 0; i < old.length; i++) {
    const w = old[i];
    if (w === undefined) continue;
    let k = slotOf(oldKeys[i], mask);
    while (slots[k] !== undefined) k = (k + 1) & mask;
    slots[k] = w;
    slotKeys[k] = oldKeys[i];
  }
}

/** The shared `Word` of `text[start, end)`, whose `hashSpan` is `hash`. */
export function internWord(text: string, start: number, end: number, hash: number): Word {
  const key = hash | 0;
  let mask = slots.length - 1;
  let k = slotOf(key, mask);
  for (let w = slots[k]; w !== undefined; w = slots[k]) {
    if (slotKeys[k] === key && (writtenAs(text, start, end, w.raw) || normalizesTo(text, start, end, w.norm))) return w;
    k = (k + 1) & mask;
  }
  // Copies: the table outlives the document.
  const norm = detach(normalizeSpan(text, start, end));
  const raw = end - start === norm.length && text.startsWith(norm, start) ? norm : detach(text.slice(start, end));
  if (2 * (slotCount + 1) > slots.length) {
    growWords();
    if (slotCount === 0) wordGeneration = (wordGeneration + 1) & 0x7fff;
    mask = slots.length - 1;
    k = slotOf(key, mask);
    while (slots[k] !== undefined) k = (k + 1) & mask;
  }
  const word = new Word(norm, hash >>> 0, raw, (wordGeneration << WORD_INDEX_BITS) | slotCount);
  slots[k] = word;
  slotKeys[k] = key;
  slotCount++;
  return word;
}

/** One-character strings, so punctuation tokens share theirs. */
const CHARS: string[] = Array.from({ length: 0x700 }, (_, c) => String.fromCharCode(c));
const MORE_CHARS = new Map<number, string>();

function charString(c: number): string {
  if (c < 0x700) return CHARS[c];
  let s = MORE_CHARS.get(c);
  if (s === undefined) MORE_CHARS.set(c, (s = String.fromCharCode(c)));
  return s;
}

/**
 * A token. The normalized form of a word is built only when something asks
 * for it (`norm`): most words are only ever hashed (`hash`), which costs no
 * allocation, and only words near figures are read as strings; equal words
 * share one `Word` and its string.
 */
export class Token {
  /** `kind | space << 3 | mark << 4`. */
  private readonly bits: number;
  /** The scanner's token of a number; the shared `Word` of a word once asked for. */
  private ref: NumberToken | Word | undefined;
  /** Phrase matches starting here, by phrase set (filled on first use by the claims lexicon). */
  matches: unknown[] | undefined;

  constructor(
    kind: TokenKind,
    /** UTF-16 offsets into the document. */
    readonly start: number,
    readonly end: number,
    /** `hashSpan` of a word's normalized form as a signed 32-bit integer (`| 0`), 0 for other tokens. */
    readonly hash: number,
    /** The scanner's token, for numbers. */
    num: NumberToken | undefined,
    /** Whitespace separates this token from the previous one. */
    space: boolean,
    /** 0-based line. */
    readonly line: number,
    /** The document text the offsets point into. */
    readonly text: string,
    /** `MARK_*` bits of punctuation and line breaks (0 for words and numbers). */
    mark: number,
  ) {
    this.bits = kind | (space ? 8 : 0) | (mark << 4);
    this.ref = num;
    this.matches = undefined;
  }

  /** `TOKEN_WORD` (Arabic letters), `TOKEN_LATIN`, `TOKEN_NUMBER`, `TOKEN_PUNCT` (one character) or `TOKEN_BREAK`. */
  get kind(): TokenKind {
    return (this.bits & 7) as TokenKind;
  }

  /** Whitespace separates this token from the previous one. */
  get space(): boolean {
    return (this.bits & 8) !== 0;
  }

  /** `MARK_*` bits of punctuation and line breaks (0 for words and numbers). */
  get mark(): number {
    return this.bits >> 4;
  }

  /** The scanner's token, for numbers. */
  get num(): NumberToken | undefined {
    return (this.bits & 7) === TOKEN_NUMBER ? (this.ref as NumberToken) : undefined;
  }

  /** Normalized word (see normalize.ts), the punctuation character, `\n` for breaks, '' for numbers. */
  get norm(): string {
    const kind = this.bits & 7;
    if (kind === TOKEN_WORD || kind === TOKEN_LATIN) return this.word.norm;
    if (kind === TOKEN_BREAK) return '\n';
    if (kind === TOKEN_NUMBER) return '';
    return charString(this.text.charCodeAt(this.start));
  }

  /** The word's `Word` if it was already asked for (a word token), else undefined: `word` without the cost of reading the word. */
  get interned(): Word | undefined {
    return (this.bits & 7) <= TOKEN_LATIN ? (this.ref as Word | undefined) : undefined;
  }

  /** The shared normalized word of a word token (`TOKEN_WORD` or `TOKEN_LATIN`). */
  get word(): Word {
    return ((this.ref as Word | undefined) ??= internWord(this.text, this.start, this.end, this.hash));
  }

  /** A word that is not in the text (a dual's singular, a word without its preposition), for matching. */
  static word(norm: string): Token {
    return new Token(TOKEN_WORD, 0, norm.length, hashWord(norm) | 0, undefined, false, 0, norm, 0);
  }

  /**
   * A word read only as written, with no other reading (no proclitic taken
   * off): its `Word` is its own, not the shared one, and has no id.
   */
  static literal(norm: string): Token {
    const t = Token.word(norm);
    t.ref = new Word(norm, hashWord(norm), norm, -1);
    return t;
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 12;
}

/** Zero-width and bidi controls: invisible, they neither join nor separate tokens. */
function isInvisible(c: number): boolean {
  return (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

/**
 * Words to note while tokenizing, by hash, so later passes visit only them
 * instead of every token.
 */
export interface TokenWatch {
  /** Word hash → bits: bit k puts the word in `hits[k]` (build it with `watchIndex`). */
  index: HashFilter;
  /** Filled by `tokenize`: per bit, the indexes of the words noted, in order. Number tokens go to the first list. */
  hits: number[][];
  /**
   * Filled by `tokenize` when given: per sentence kept, in order, the index
   * of its ending token (a line break or `isSentenceEnd` punctuation), or
   * the number of tokens for a last sentence that has none.
   */
  ends?: number[];
}

/** A `TokenWatch` index from hash sets: set k sets bit k. */
export function watchIndex(sets: readonly ReadonlySet<number>[]): HashFilter {
  // Tested once per word of every text: a filter of 16 KB stays in the processor's cache.
  const index = new HashFilter(17);
  sets.forEach((set, k) => {
    for (const h of set) index.add(h, 1 << k);
  });
  return index;
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
    if (isArabicWordChar(c)) t[c] = CLASS_ARABIC;
    else if (isLatinLetter(c)) t[c] = CLASS_LATIN;
    else if (c === 10 || c === 13) t[c] = CLASS_BREAK;
    else if (isSpace(c)) t[c] = CLASS_SPACE;
  }
  return t;
})();
/** The code a character adds to a word's hash (its normalized form), -1 when normalization drops it. */
const HASH_CODE = (() => {
  const t = new Int32Array(0x700);
  for (let c = 0; c < 0x700; c++) {
    const m = NORMALIZE_TABLE[c];
    t[c] = m === 0 ? c : m < 0 ? -1 : m;
  }
  return t;
})();

/** Per character below U+0700: its code in a word's hash if it is an Arabic word character, else `STEP_DROP` (dropped) or `STEP_END`. */
const STEP_DROP = -1;
const STEP_END = -2;
const ARABIC_STEP = (() => {
  const t = new Int32Array(0x700);
  for (let c = 0; c < 0x700; c++) t[c] = CLASS[c] !== CLASS_ARABIC ? STEP_END : HASH_CODE[c] < 0 ? STEP_DROP : HASH_CODE[c];
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
        let h = HASH_SEED;
        const m = HASH_CODE[d];
        if (m >= 0) h = Math.imul(h ^ m, HASH_PRIME);
        let j = start + 1;
        for (; j < n; j++) {
          d = text.charCodeAt(j);
          if (d >= 0x700) break;
          const step = ARABIC_STEP[d];
          if (step < 0) {
            if (step === STEP_END) break;
            continue;
          }
          h = Math.imul(h ^ step, HASH_PRIME);
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
      let h = HASH_SEED;
      let j = i;
      let d = c;
      for (;;) {
        h = Math.imul(h ^ (d < 0x700 ? HASH_CODE[d] : d), HASH_PRIME);
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

/** Characters that end a sentence (line breaks do too). */
export function isSentenceEnd(t: Token): boolean {
  return (t.mark & MARK_SENTENCE_END) !== 0;
}

/** Characters that end a clause inside a sentence. */
export function isClauseEnd(t: Token): boolean {
  return (t.mark & MARK_CLAUSE_END) !== 0;
}

/** Quotes, brackets and similar marks a reader looks through inside a phrase. */
export function isTransparent(t: Token): boolean {
  return (t.mark & MARK_TRANSPARENT) !== 0;
}

export function isWordToken(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN);
}
