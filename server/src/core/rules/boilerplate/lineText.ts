import { stringOfCodes } from '../../arrays';
import { isBreakingSpace, isInvisibleCode } from '../../text/chars';
import { foldCode, foldText, shapeText } from '../../text/fold';
import { FNV_OFFSET, fnvStep } from '../../text/hash';
import { digitValue } from '../../numbers/scanner';
import { LABEL_FIRST_WORDS, LEXICON, LEXICON_FIRST_WORDS } from './lexicon';

/** Lexicon phrases are short: the start of a line is enough to find a prefix or a label. */
const HEAD_CHARS = 160;
/** Where a label's separator must appear (the longest label is about 25 characters, after a bullet). */
const LABEL_CHARS = 64;

/** A label's separator: `:`, `：`, `|`, `/`, `،`, `,`, `؛`, `-`, `–`, `—`, `.`, `…`. */
function isLabelSeparator(c: number): boolean {
  switch (c) {
    case 0x3a: case 0xff1a: case 0x7c: case 0x2f: case 0x060c: case 0x2c: case 0x061b: case 0x2d: case 0x2013: case 0x2014: case 0x2e: case 0x2026:
      return true;
  }
  return false;
}

function hasSeparator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isLabelSeparator(text.charCodeAt(i))) return true;
  return false;
}

/** What `LEADING_BULLETS` strips from a shape: `-–—•·*▪►●◄|`. */
function isLeadingBullet(c: number): boolean {
  switch (c) {
    case 0x2d: case 0x2013: case 0x2014: case 0x2022: case 0xb7: case 0x2a: case 0x25aa: case 0x25ba: case 0x25cf: case 0x25c4: case 0x7c:
      return true;
  }
  return false;
}

const LEADING_BULLETS = /^[-–—•·*▪►●◄|]+\s*/;

/**
 * A set of words that a word being read character by character can be
 * looked up in without becoming a string first: a small integer hash of
 * each member is kept beside them, and a word whose hash is not there (most
 * of the words asked about) is answered without building it.
 */
class WordSet {
  private readonly words: ReadonlySet<string>;
  private readonly hashes = new Set<number>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const word of this.words) {
      let h = FNV_OFFSET;
      for (let i = 0; i < word.length; i++) h = fnvStep(h, word.charCodeAt(i));
      this.hashes.add(h & 0x3fffffff);
    }
  }

  /** Whether the `n` codes in `wordScratch`, whose running `fnvStep` hash is `h`, spell a member. */
  hasScratch(n: number, h: number): boolean {
    if (!this.hashes.has(h & 0x3fffffff)) return false;
    return this.words.has(n === 0 ? '' : stringOfCodes(wordScratch, 0, n));
  }
}

let wordScratch = new Uint16Array(64);

function pushWordCode(n: number, code: number): number {
  if (n === wordScratch.length) {
    const bigger = new Uint16Array(n * 2);
    bigger.set(wordScratch);
    wordScratch = bigger;
  }
  wordScratch[n] = code;
  return n + 1;
}

/**
 * Whether the first word of `foldText(text, start, end)` (up to its first
 * space) is in `set`, without folding the rest.
 */
function firstFoldedWordIn(set: WordSet, text: string, start: number, end: number): boolean {
  let n = 0;
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    const f = foldCode(text.charCodeAt(i));
    if (f < 0) continue;
    if (f === 32) {
      if (n > 0) break;
      continue;
    }
    n = pushWordCode(n, f);
    h = fnvStep(h, f);
  }
  return set.hasScratch(n, h);
}

/**
 * Whether the first word of the shape of `text[start, end)` — of
 * `shapeText(text, start, end)` without its `LEADING_BULLETS`, that is its
 * leading letters and digits up to a space or a punctuation mark ('' when it
 * starts with one) — is in `set`, without building the shape.
 */
function shapeFirstWordIn(set: WordSet, text: string, start: number, end: number): boolean {
  let i = start;
  // shapeText drops invisible characters and marks, and white space before its first character.
  const dropped = (c: number) => isInvisibleCode(c) || (!isBreakingSpace(c) && foldCode(c) < 0);
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!dropped(c) && !isBreakingSpace(c)) break;
  }
  // A run of bullets (dropped characters do not interrupt it), then white space.
  let bullets = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (dropped(c)) continue;
    if (!isLeadingBullet(c)) break;
    bullets = true;
  }
  if (bullets) {
    for (; i < end; i++) {
      const c = text.charCodeAt(i);
      if (!dropped(c) && !isBreakingSpace(c)) break;
    }
  }
  let n = 0;
  let h = FNV_OFFSET;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isInvisibleCode(c)) continue;
    if (isBreakingSpace(c)) break;
    const f = foldCode(c);
    if (f < 0) continue;
    if (f === 32) break;
    n = pushWordCode(n, f);
    h = fnvStep(h, f);
  }
  return set.hasScratch(n, h);
}

/**
 * First words of every phrase a line's shape is matched against at its
 * start: the labels, and the read-also headers (the teaser's "separated"
 * test). A shape starting with any other word matches none.
 */
const SHAPE_FIRST_WORDS = new WordSet([...LABEL_FIRST_WORDS, ...LEXICON.teaser.header.firstWords()]);

/** `LEXICON_FIRST_WORDS`, for `LineText.lexical`. */
const LEXICAL_FIRST_WORDS = new WordSet(LEXICON_FIRST_WORDS);

const NON_ASCII_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;

/** The text with Eastern Arabic-Indic (٠-٩) and Persian (۰-۹) digits as ASCII digits. */
function asciiDigits(text: string): string {
  return text.replace(NON_ASCII_DIGIT, (d) => String(digitValue(d.charCodeAt(0))));
}

/** A line's text in the forms the detectors compare, each computed on first use. */
export class LineText {
  private bareText: string | undefined;
  private fullText: string | undefined;
  private shapeTextValue: string | undefined;
  private asciiText: string | undefined;
  private lexicalValue: boolean | undefined;

  constructor(
    readonly source: string,
    /** Offsets of the line's content in `source`. */
    readonly start: number,
    readonly end: number,
    /** The line without surrounding white space. */
    readonly trimmed: string,
  ) {}

  /**
   * `trimmed` with Eastern Arabic-Indic and Persian digits as 0-9 (the same
   * length), for the patterns that read digits: a shortcode or a "list 1 of 4"
   * is one whatever its digits, and must not wait for the digits fix to be seen.
   */
  get ascii(): string {
    return (this.asciiText ??= asciiDigits(this.trimmed));
  }

  /** Folded for lexicon look-ups (see `foldText`); only the first characters of a long line. */
  get bare(): string {
    return (this.bareText ??= this.end - this.start <= HEAD_CHARS ? this.full : foldText(this.source, this.start, this.start + HEAD_CHARS));
  }

  /** Whether the line may start with a lexicon phrase: short lines always, longer ones when their first word (within 40 characters) starts a phrase. */
  get lexical(): boolean {
    return (this.lexicalValue ??= this.end - this.start <= 48 || firstFoldedWordIn(LEXICAL_FIRST_WORDS, this.source, this.start, Math.min(this.end, this.start + 40)));
  }

  /** The whole line folded, for phrases that may occur anywhere in it. */
  get full(): string {
    return (this.fullText ??= foldText(this.source, this.start, this.end));
  }

  /**
   * Folded with punctuation kept, for labels ("المصدر :"); leading bullets
   * and dashes dropped. Labels are short and end in a separator: a line with
   * no separator near its start has no label, and a long line needs only its start.
   * Only ever matched against a label or read-also phrase at its start, so
   * it is '' when it cannot start with one: no separator near the start, or
   * a first word that starts no such phrase (most lines).
   */
  get shape(): string {
    if (this.shapeTextValue === undefined) {
      const end = this.end - this.start <= HEAD_CHARS ? this.end : this.start + LABEL_CHARS;
      this.shapeTextValue =
        shapeFirstWordIn(SHAPE_FIRST_WORDS, this.source, this.start, end) && hasSeparator(this.source, this.start, Math.min(end, this.start + LABEL_CHARS))
          ? shapeText(this.source, this.start, end).replace(LEADING_BULLETS, '')
          : '';
    }
    return this.shapeTextValue;
  }
}
