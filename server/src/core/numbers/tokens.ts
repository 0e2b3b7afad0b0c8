/**
 * One linear pass that splits a document into words, the scanner's numbers,
 * punctuation and line breaks. The figure reader and the claim extractor
 * both walk this token list, so neither rescans the text. Tokens are
 * transient: nothing kept after an analysis refers to them.
 */
import { HASH_PRIME, HASH_SEED, HashFilter, hashWord, isArabicWordChar, isLatinLetter, NORMALIZE_TABLE, normalizeSpan } from './normalize';
import type { NumberToken } from './scanner';

export const TOKEN_WORD = 1;
export const TOKEN_LATIN = 2;
export const TOKEN_NUMBER = 3;
export const TOKEN_PUNCT = 4;
export const TOKEN_BREAK = 5;

/** `TOKEN_WORD` (Arabic letters), `TOKEN_LATIN`, `TOKEN_NUMBER`, `TOKEN_PUNCT` (one character) or `TOKEN_BREAK` (a line break). */
export type TokenKind = 1 | 2 | 3 | 4 | 5;

/**
 * A token. The normalized form of a word is built only when something asks
 * for it (`norm`): most words are only ever hashed (`hash`), which costs no
 * allocation, and only words near figures are read as strings.
 */
export class Token {
  private normalized: string | undefined;
  /** Readings of a word without its proclitics, filled on first use by the claims lexicon. */
  variants?: string[];
  /** Vocabularies of the claims lexicon that may start at this word, as bits (filled on first use, see VocabularyIndex). */
  lexical = 0;
  /** Phrase matches starting here, by phrase set (filled on first use by the claims lexicon). */
  matches?: unknown[];

  constructor(
    readonly kind: TokenKind,
    /** UTF-16 offsets into the document. */
    readonly start: number,
    readonly end: number,
    /** `hashSpan` of a word's normalized form (0 for other tokens). */
    readonly hash: number,
    /** The scanner's token, for numbers. */
    readonly num: NumberToken | undefined,
    /** Whitespace separates this token from the previous one. */
    readonly space: boolean,
    /** 0-based line. */
    readonly line: number,
    /** The document text the offsets point into. */
    readonly text: string,
  ) {}

  /** Normalized word (see normalize.ts), the punctuation character, `\n` for breaks, '' for numbers. */
  get norm(): string {
    if (this.normalized === undefined) {
      this.normalized =
        this.kind === TOKEN_WORD || this.kind === TOKEN_LATIN
          ? normalizeSpan(this.text, this.start, this.end)
          : this.kind === TOKEN_BREAK
            ? '\n'
            : this.kind === TOKEN_NUMBER
              ? ''
              : this.text[this.start];
    }
    return this.normalized;
  }

  /** A word that is not in the text (a dual's singular, a word without its preposition), for matching. */
  static word(norm: string): Token {
    return new Token(TOKEN_WORD, 0, norm.length, hashWord(norm), undefined, false, 0, norm);
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
}

/** A `TokenWatch` index from hash sets: set k sets bit k. */
export function watchIndex(sets: readonly ReadonlySet<number>[]): HashFilter {
  const index = new HashFilter();
  sets.forEach((set, k) => {
    for (const h of set) index.add(h, 1 << k);
  });
  return index;
}

/** Per-sentence token fields, kept in typed arrays until the sentence is known to be kept. */
class SentenceBuffer {
  length = 0;
  kinds = new Uint8Array(256);
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  hashes = new Int32Array(256);
  /** Bit 0: space before; bit 1: a number; the rest: the watch bits (words) or the number's index (numbers). */
  extra = new Int32Array(256);
  lines = new Int32Array(256);

  push(kind: number, start: number, end: number, hash: number, extra: number, line: number): void {
    if (this.length === this.kinds.length) this.grow();
    const k = this.length++;
    this.kinds[k] = kind;
    this.starts[k] = start;
    this.ends[k] = end;
    this.hashes[k] = hash;
    this.extra[k] = extra;
    this.lines[k] = line;
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const copy = <T extends Uint8Array | Int32Array>(a: T, b: T): T => (b.set(a), b);
    this.kinds = copy(this.kinds, new Uint8Array(size));
    this.starts = copy(this.starts, new Int32Array(size));
    this.ends = copy(this.ends, new Int32Array(size));
    this.hashes = copy(this.hashes, new Int32Array(size));
    this.extra = copy(this.extra, new Int32Array(size));
    this.lines = copy(this.lines, new Int32Array(size));
  }
}

/**
 * Splits a text into tokens. With `sparse`, only sentences worth reading are
 * kept — those holding a number, a word `watch` notes, or ending in a colon
 * (a line that introduces a quotation) — and the others cost one pass over
 * their characters and no allocation. Kept sentences keep their ending token,
 * so sentence boundaries stay visible between them.
 */
export function tokenize(text: string, numbers: readonly NumberToken[], watch?: TokenWatch, sparse = false): Token[] {
  const tokens: Token[] = [];
  const index = watch?.index;
  const hits = watch?.hits ?? [];
  const n = text.length;
  const table = NORMALIZE_TABLE;
  const buffer = new SentenceBuffer();
  let keep = !sparse;
  let colon = -1;
  const flush = () => {
    const b = buffer;
    if (keep || (colon >= 0 && colon >= b.length - 3)) {
      for (let k = 0; k < b.length; k++) {
        const extra = b.extra[k];
        const isNumber = (extra & 2) !== 0;
        const bits = isNumber ? (hits.length ? 1 : 0) : extra >> 2;
        if (bits) for (let h = 0; h < hits.length; h++) if (bits & (1 << h)) hits[h].push(tokens.length);
        tokens.push(new Token(b.kinds[k] as TokenKind, b.starts[k], b.ends[k], b.hashes[k] >>> 0, isNumber ? numbers[extra >> 2] : undefined, (extra & 1) === 1, b.lines[k], text));
      }
    }
    b.length = 0;
    keep = !sparse;
    colon = -1;
  };
  let p = 0;
  let line = 0;
  let space = 0;
  let i = 0;
  while (i < n) {
    while (p < numbers.length && numbers[p].start < i) p++;
    if (p < numbers.length && numbers[p].start === i) {
      buffer.push(TOKEN_NUMBER, i, numbers[p].end, 0, space | 2 | (p << 2), line);
      space = 0;
      keep = true;
      i = numbers[p].end;
      continue;
    }
    const c = text.charCodeAt(i);
    const arabic = isArabicWordChar(c);
    if (arabic || isLatinLetter(c)) {
      // Find the word's end and hash its normalized form in the same loop.
      let h = HASH_SEED;
      let j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (arabic ? !isArabicWordChar(d) : !isLatinLetter(d) && !((d === 39 || d === 0x2019) && isLatinLetter(text.charCodeAt(j + 1)) && j > i)) break;
        const m = d < 0x700 ? table[d] : 0;
        if (m >= 0) h = Math.imul(h ^ (m === 0 ? d : m), HASH_PRIME);
        j++;
      }
      const bits = index !== undefined ? index.get(h) : 0;
      if (bits) keep = true;
      buffer.push(arabic ? TOKEN_WORD : TOKEN_LATIN, i, j, h, space | (bits << 2), line);
      space = 0;
      i = j;
    } else if (c === 10 || c === 13) {
      const j = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      buffer.push(TOKEN_BREAK, i, j, 0, space, line);
      space = 0;
      flush();
      line++;
      i = j;
    } else if (isSpace(c)) {
      space = 1;
      i++;
    } else if (isInvisible(c)) {
      i++;
    } else {
      buffer.push(TOKEN_PUNCT, i, i + 1, 0, space, line);
      space = 0;
      if (c === 58 /* : */) colon = buffer.length - 1;
      else if (c === 46 || c === 33 || c === 63 || c === 0x61f || c === 0x2026 || c === 0x6d4) flush();
      i++;
    }
  }
  flush();
  return tokens;
}

/** Characters that end a sentence (line breaks do too). */
export function isSentenceEnd(t: Token): boolean {
  if (t.kind === TOKEN_BREAK) return true;
  if (t.kind !== TOKEN_PUNCT) return false;
  const c = t.norm;
  return c === '.' || c === '!' || c === '?' || c === '؟' || c === '…' || c === '۔';
}

/** Characters that end a clause inside a sentence. */
export function isClauseEnd(t: Token): boolean {
  if (isSentenceEnd(t)) return true;
  if (t.kind !== TOKEN_PUNCT) return false;
  const c = t.norm;
  return c === '،' || c === ',' || c === ';' || c === '؛' || c === ':' || c === '–' || c === '—';
}

/** Quotes, brackets and similar marks a reader looks through inside a phrase. */
export function isTransparent(t: Token): boolean {
  if (t.kind !== TOKEN_PUNCT) return false;
  return '()[]{}«»“”„"\'‘’‹›*'.includes(t.norm);
}

export function isWordToken(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN);
}
