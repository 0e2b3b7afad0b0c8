/**
 * What the number word lists (lexicon.ts) say of a token, read by its hash
 * first: most words are none of them, which the hash alone says. The forms
 * of the number words, the facts of the words around figures (`is`) and the
 * hashes of the few words the reader compares tokens with.
 */
import {
  AGE_CUES,
  AGE_UNITS,
  ARABIC_NUMBER_WORDS,
  COUNT_BEFORE,
  DURATION_UNITS,
  ENGLISH_NUMBER_WORDS,
  MONTHS,
  NAME_BEFORE,
  NAME_TWO_BEFORE,
  ORDINALS_BEFORE_TEN,
  PERCENT_PHRASES,
  PERCENT_WORDS,
  TIME_AFTER,
  TIME_BEFORE,
  TWO_WORD_MONTHS,
  UNITS,
  YEAR_AFTER,
  YEAR_BEFORE,
  type NumberWord,
} from './lexicon';
import { cliticForms, cliticSpellings, expandClitics, hashWord } from './normalize';
import { TOKEN_LATIN, TOKEN_WORD, type Token } from './tokens';

interface NumberWordForm {
  word: NumberWord;
  skip: number;
  conj: boolean;
}

/** Every written form of the Arabic number words, with proclitics, for one lookup per word of text. */
export const ARABIC_FORMS: Map<string, NumberWordForm> = (() => {
  const out = new Map<string, NumberWordForm>();
  for (const [w, word] of ARABIC_NUMBER_WORDS) out.set(w, { word, skip: 0, conj: false });
  for (const [w, word] of ARABIC_NUMBER_WORDS) {
    for (const e of expandClitics(w, word.article === true && word.type !== 'ordinal')) {
      if (!out.has(e.form)) out.set(e.form, { word, skip: e.skip, conj: e.conj });
    }
  }
  return out;
})();
/** Hashes as signed 32-bit integers, as `Token.hash` holds them. */
const signedHash = (w: string) => hashWord(w) | 0;
export const ARABIC_HASHES = new Set([...ARABIC_FORMS.keys()].map(signedHash));
export const ENGLISH_HASHES = new Set([...ENGLISH_NUMBER_WORDS.keys()].map(signedHash));
export const MONTH_HASHES = new Set([...MONTHS.keys()].map(signedHash));
export const STARTER_HASHES: ReadonlySet<number> = new Set([...ARABIC_HASHES, ...ENGLISH_HASHES, ...MONTH_HASHES]);

/**
 * `Word.figureFacts` bits: what the word lists of numbers/lexicon.ts say of
 * a word, by its normalized form (`F_*_WORD` sets) or by its readings without
 * proclitics (`cliticForms`, also without a conjunction on a short word).
 */
const F_KNOWN = 1;
export const F_PERCENT_WORD = 1 << 1;
const F_PERCENT_PHRASE = 1 << 2;
export const F_DURATION = 1 << 3;
export const F_AGE_UNIT = 1 << 4;
export const F_UNIT = 1 << 5;
export const F_TIME_AFTER = 1 << 6;
export const F_NAME_TWO_BEFORE = 1 << 7;
export const F_YEAR_AFTER = 1 << 8;
export const F_ORDINAL_BEFORE_TEN = 1 << 9;
/** By readings: NAME_BEFORE or TIME_BEFORE (with the short-word rule), YEAR_BEFORE or MONTHS, COUNT_BEFORE, AGE_CUES. */
export const F_NAME_BEFORE = 1 << 10;
export const F_TIME_BEFORE = 1 << 11;
export const F_YEAR_BEFORE = 1 << 12;
export const F_COUNT_BEFORE = 1 << 13;
export const F_AGE_CUE = 1 << 14;

function factsOf(norm: string, forms: readonly string[]): number {
  let f = F_KNOWN;
  if (PERCENT_WORDS.has(norm)) f |= F_PERCENT_WORD;
  if (PERCENT_PHRASES.has(norm)) f |= F_PERCENT_PHRASE;
  if (DURATION_UNITS.has(norm)) f |= F_DURATION;
  if (AGE_UNITS.has(norm)) f |= F_AGE_UNIT;
  if (UNITS.has(norm)) f |= F_UNIT;
  if (TIME_AFTER.has(norm)) f |= F_TIME_AFTER;
  if (NAME_TWO_BEFORE.has(norm)) f |= F_NAME_TWO_BEFORE;
  if (YEAR_AFTER.has(norm)) f |= F_YEAR_AFTER;
  if (ORDINALS_BEFORE_TEN.has(norm)) f |= F_ORDINAL_BEFORE_TEN;
  // "وإف 35": short words keep their conjunction in stripClitics.
  const bare = norm.length <= 3 && (norm[0] === 'و' || norm[0] === 'ف') ? norm.slice(1) : undefined;
  if (anyIn(forms, NAME_BEFORE) || (bare !== undefined && NAME_BEFORE.has(bare))) f |= F_NAME_BEFORE;
  if (anyIn(forms, TIME_BEFORE) || (bare !== undefined && TIME_BEFORE.has(bare))) f |= F_TIME_BEFORE;
  for (const w of forms) if (YEAR_BEFORE.has(w) || MONTHS.has(w)) f |= F_YEAR_BEFORE;
  if (anyIn(forms, COUNT_BEFORE)) f |= F_COUNT_BEFORE;
  if (anyIn(forms, AGE_CUES)) f |= F_AGE_CUE;
  return f;
}

/**
 * Hashes (signed, as `Token.hash`) of every word that may have a fact: the
 * words of the sets read by normalized form, and every spelling with
 * proclitics (`cliticSpellings`, a superset of what `cliticForms` strips, and
 * a conjunction on a short word) of those read by readings. A word whose hash
 * is not here has none, which the hash alone says.
 */
const FACT_HASHES: ReadonlySet<number> = (() => {
  const out = new Set<number>();
  const add = (w: string) => out.add(hashWord(w) | 0);
  for (const set of [PERCENT_WORDS, PERCENT_PHRASES, DURATION_UNITS, AGE_UNITS, TIME_AFTER, NAME_TWO_BEFORE, YEAR_AFTER, ORDINALS_BEFORE_TEN]) for (const w of set) add(w);
  for (const w of UNITS.keys()) add(w);
  for (const words of [NAME_BEFORE, TIME_BEFORE, YEAR_BEFORE, MONTHS.keys(), COUNT_BEFORE, AGE_CUES]) {
    for (const w of words) {
      for (const spelling of cliticSpellings(w)) add(spelling);
      add('و' + w);
      add('ف' + w);
    }
  }
  return out;
})();

/** Whether a token has the fact (`F_*`): once per distinct word for words, kept on its `Word`. */
export function is(t: Token, fact: number): boolean {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    if (!FACT_HASHES.has(t.hash)) return false;
    const word = t.word;
    let f = word.figureFacts;
    if (f === 0) f = word.figureFacts = factsOf(word.norm, formsOf(t));
    return (f & fact) !== 0;
  }
  // Punctuation, numbers and line breaks: a character, '' or a break; their facts are kept by that string.
  const norm = t.norm;
  let f = NON_WORD_FACTS.get(norm);
  if (f === undefined) NON_WORD_FACTS.set(norm, (f = factsOf(norm, cliticForms(norm))));
  return (f & fact) !== 0;
}

const NON_WORD_FACTS = new Map<string, number>();

/** `t.norm === norm` for a word `norm` (of `hash`, signed): a word token whose hash differs is not read. */
export function wordIs(t: Token | undefined, norm: string, hash: number): boolean {
  if (t === undefined) return false;
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) return t.hash === hash && t.norm === norm;
  return t.norm === norm;
}

export const H_WAW = hashWord('و') | 0;
export const H_AND = hashWord('and') | 0;
export const H_OF = hashWord('of') | 0;
export const H_FI = hashWord('في') | 0;
export const H_PER = hashWord('per') | 0;
export const H_ILA = hashWord('الي') | 0;
export const H_HATTA = hashWord('حتي') | 0;
export const H_MIN = hashWord('من') | 0;
export const H_MIM = hashWord('م') | 0;
const TWO_WORD_MONTH_HASHES = new Set([...TWO_WORD_MONTHS.keys()].map((w) => hashWord(w) | 0));
/** `MONTHS.get(t.norm)` for a word token, reading it only when its hash is a month's. */
export function monthOf(t: Token): number | undefined {
  return MONTH_HASHES.has(t.hash) ? MONTHS.get(t.norm) : undefined;
}
/** `TWO_WORD_MONTHS.get(t.norm)` for a word token, likewise. */
export function twoWordMonthOf(t: Token): Map<string, number> | undefined {
  return TWO_WORD_MONTH_HASHES.has(t.hash) ? TWO_WORD_MONTHS.get(t.norm) : undefined;
}

/** `PERCENT_PHRASES.has(t?.norm ?? '')`. */
export function isPercentPhrase(t: Token | undefined): boolean {
  return t !== undefined ? is(t, F_PERCENT_PHRASE) : PERCENT_PHRASES.has('');
}

/** A word's readings without proclitics (`cliticForms`, the same as `stripClitics`' rests), computed once per distinct word. Never mutate them. */
export function formsOf(t: Token): readonly string[] {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    const word = t.word;
    return (word.forms ??= cliticForms(word.norm));
  }
  return cliticForms(t.norm);
}

function anyIn(words: readonly string[], set: ReadonlySet<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}
