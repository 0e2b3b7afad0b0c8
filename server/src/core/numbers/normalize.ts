/**
 * Spelling normalization for matching Arabic words against word lists: the
 * same word is written with or without hamza on alef, with ى or ي, with ة or
 * ه, with diacritics and tatweel, and sometimes with Persian letters (ڤ ی ک).
 * Lists and text go through the same function (the word fold of
 * text/fold.ts), so a list entry written in any of these spellings matches
 * every other one. Latin letters are lowercased.
 */
import { stringOfCodes } from '../arrays';
import * as fold from '../text/fold';
import * as hash from '../text/hash';

// Local bindings for the hot loops below (see text/fold.ts).
const { wordFoldCode } = fold;
const { FNV_OFFSET, fnvStep } = hash;

/**
 * A 32-bit hash of the normalized form of `text[start, end)`, computed
 * without building the string: a cheap first test before a dictionary lookup.
 */
export function hashSpan(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let k = start; k < end; k++) {
    const f = wordFoldCode(text.charCodeAt(k));
    if (f >= 0) h = fnvStep(h, f);
  }
  return h >>> 0;
}

/** `hashSpan` of an already normalized word. */
export function hashWord(word: string): number {
  return hashSpan(word, 0, word.length);
}

/** Offset in `text` after the first `count` normalized characters of the word starting at `start`, and any dropped marks after them. */
export function offsetAfterNormalized(text: string, start: number, end: number, count: number): number {
  let k = start;
  while (k < end && count > 0) {
    if (wordFoldCode(text.charCodeAt(k)) >= 0) count--;
    k++;
  }
  while (k < end && wordFoldCode(text.charCodeAt(k)) < 0) k++;
  return k;
}

/** The normalized form of `text[start, end)`; allocates only when a character changes. */
export function normalizeSpan(text: string, start: number, end: number): string {
  let k = start;
  while (k < end && wordFoldCode(text.charCodeAt(k)) === text.charCodeAt(k)) k++;
  if (k === end) return text.slice(start, end);
  const codes: number[] = [];
  for (let j = start; j < end; j++) {
    const f = wordFoldCode(text.charCodeAt(j));
    if (f >= 0) codes.push(f);
  }
  return stringOfCodes(codes);
}

/** Normalizes one word or a phrase (words separated by single spaces). */
export function normalizeWord(word: string): string {
  const phrase = word.trim().replace(/\s+/g, ' ');
  return normalizeSpan(phrase, 0, phrase.length);
}

/**
 * Proclitics an Arabic word may carry: conjunctions (و ف), prepositions
 * (ب ل ك) and the article (ال, and لل for ل + ال). Returned candidates are
 * suffixes of the normalized word, longest first, with what was stripped.
 */
export interface Stripped {
  rest: string;
  /** A conjunction (و or ف) was stripped. */
  conj: boolean;
  /** A preposition (ب ل ك) was stripped. */
  prep: boolean;
  /** The article was stripped. */
  article: boolean;
}

const WAW = 'و';
const FA = 'ف';

/** Candidate readings of a normalized word without its proclitics, the word itself first. */
export function stripClitics(word: string): Stripped[] {
  const out: Stripped[] = [{ rest: word, conj: false, prep: false, article: false }];
  const min = 2;
  let base = word;
  let conj = false;
  if ((base[0] === WAW || base[0] === FA) && base.length > min + 1) {
    base = base.slice(1);
    conj = true;
    out.push({ rest: base, conj, prep: false, article: false });
  }
  let prep = false;
  const p = base[0];
  if ((p === 'ب' || p === 'ل' || p === 'ك') && base.length > min + 1) {
    if (p === 'ل' && base[1] === 'ل' && base.length > min + 2) {
      // لل = ل + ال: "للشرطة" is "ل" + "الشرطة".
      out.push({ rest: 'ا' + base.slice(1), conj, prep: true, article: false });
      out.push({ rest: base.slice(2), conj, prep: true, article: true });
      return out;
    }
    base = base.slice(1);
    prep = true;
    out.push({ rest: base, conj, prep, article: false });
  }
  if (base[0] === 'ا' && base[1] === 'ل' && base.length > min + 2) {
    out.push({ rest: base.slice(2), conj, prep, article: true });
  }
  return out;
}

/** Proclitic sequences without the article, and with it (ل + ال is written لل). */
const PLAIN_PREFIXES = ['', 'و', 'ف', 'ب', 'ل', 'ك', 'وب', 'ول', 'وك', 'فب', 'فل', 'فك'];
const ARTICLE_PREFIXES = ['ال', 'وال', 'فال', 'بال', 'كال', 'وبال', 'فبال', 'لل', 'ولل', 'فلل'];

/** A word with proclitics, as `expandClitics` lists it. */
export interface Expanded {
  form: string;
  /** Normalized characters of the proclitics before the article (و ب ل ...), to leave out of a figure's span. */
  skip: number;
  conj: boolean;
  article: boolean;
}

/**
 * Every written form of a normalized word with the proclitics `stripClitics`
 * recognizes (and with the article when `article`), for lookups that must
 * cost one hash probe per word of text. Forms are only generated for words
 * of at least 3 letters, as `stripClitics` only strips down to 3 letters.
 */
export function expandClitics(word: string, article: boolean): Expanded[] {
  const out: Expanded[] = [{ form: word, skip: 0, conj: false, article: false }];
  if (word.length < 3) return out;
  for (const p of PLAIN_PREFIXES.slice(1)) out.push({ form: p + word, skip: p.length, conj: p[0] === 'و' || p[0] === 'ف', article: false });
  if (article) {
    for (const p of ARTICLE_PREFIXES) {
      // لل is ل + ال with the article's alef dropped: leave the whole prefix out of the span.
      const skip = p.endsWith('لل') ? p.length : p.length - 2;
      out.push({ form: p + word, skip, conj: p[0] === 'و' || p[0] === 'ف', article: true });
    }
  }
  return out;
}

const CONJ = ['', 'و', 'ف'];
const PREP = ['', 'ب', 'ل', 'ك'];
const ARTICLE = ['', 'ال'];

/**
 * Every way `w` may be written with proclitics, so that `cliticForms` of the
 * written word yields `w` (a superset): conjunction, preposition, article, and
 * لل for ل + ال.
 */
export function cliticSpellings(w: string): string[] {
  const out: string[] = [];
  for (const c of CONJ) {
    for (const p of PREP) for (const a of ARTICLE) out.push(c + p + a + w);
    // ل + ال is written لل.
    out.push(c + 'لل' + w);
    if (w.startsWith('ال')) out.push(c + 'لل' + w.slice(2));
  }
  return out;
}

/** `stripClitics` as strings only: the word and its readings without proclitics. */
export function cliticForms(word: string): string[] {
  const out = [word];
  let base = word;
  if ((base[0] === WAW || base[0] === FA) && base.length > 3) {
    base = base.slice(1);
    out.push(base);
  }
  const p = base[0];
  if ((p === 'ب' || p === 'ل' || p === 'ك') && base.length > 3) {
    if (p === 'ل' && base[1] === 'ل' && base.length > 4) {
      out.push('ا' + base.slice(1), base.slice(2));
      return out;
    }
    base = base.slice(1);
    out.push(base);
  }
  if (base[0] === 'ا' && base[1] === 'ل' && base.length > 4) out.push(base.slice(2));
  return out;
}

/**
 * Copies a string so it does not keep a larger one alive: V8 represents
 * slices of long strings as views into their parent, and claims outlive
 * the document text they were read from (the corpus index keeps them).
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}
