/**
 * Tokens: the words, the scanner's numbers, punctuation and line breaks of a
 * document, as `tokenize` (tokenizer.ts) splits it in one linear pass. The
 * figure reader and the claim extractor both walk this token list, so
 * neither rescans the text. Tokens are transient: nothing kept after an
 * analysis refers to them; words are interned (`Word`).
 */
// `internWord` reads the word fold by its old name (kept unchanged while the Word class moves).
import { WORD_FOLD } from '../text/fold';
import { HashFilter } from '../text/hash';
import { detach, hashWord, normalizeSpan } from './normalize';
import type { NumberToken } from './scanner';

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
    const m = c < 0x700 ? WORD_FOLD[c] : 0;
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
