/** The readings of a word the claims lexicon matches: the word less its proclitics, its possessive suffix, its accusative alef. */
import { cliticForms } from '../../numbers/normalize';
import { WORD_INDEX_BITS, TOKEN_LATIN, TOKEN_WORD, type Token, type Word } from '../../numbers/tokens';
import { WORD_MASK, WORD_SLOTS, WordTable } from './wordTables';

const readings: (string[] | undefined)[] = new Array<string[] | undefined>(WORD_SLOTS).fill(undefined);
const table = new WordTable(() => readings.fill(undefined));
/** The last word without an id (`Token.literal`) and its one reading, asked for several times in a row. */
let literal: Word | undefined;
let literalReadings: string[] = [];

/** A word token's normalized form and its readings without proclitics (computed once per distinct word; never mutate it). */
export function variants(t: Token): string[] {
  if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
    const word = t.word;
    const id = word.id;
    if (id >> WORD_INDEX_BITS === table.generation) {
      const v = readings[id & WORD_MASK];
      if (v !== undefined) return v;
    }
    return readingsOf(word);
  }
  return [t.norm];
}

function readingsOf(word: Word): string[] {
  const id = word.id;
  // A word that is not interned reads as written only.
  if (id < 0) {
    if (word !== literal) {
      literal = word;
      literalReadings = [word.norm];
    }
    return literalReadings;
  }
  // A Latin word has no proclitics or Arabic suffixes: `arabicVariants` reads it as itself only.
  const v = arabicVariants(word.norm);
  if (table.keeps(id)) readings[id & WORD_MASK] = v;
  return v;
}

/** Possessive suffixes a counted noun or a verbal noun may carry (سياراتها، عناصرهم، اعتقالهم). */
const SUFFIXES = ['هما', 'هم', 'ها', 'هن'];

function arabicVariants(norm: string): string[] {
  const out = cliticForms(norm);
  const n = out.length;
  for (let i = 0; i < n; i++) {
    const w = out[i];
    for (const suffix of SUFFIXES) {
      if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
        out.push(w.slice(0, -suffix.length));
        break;
      }
    }
  }
  // The accusative ending of an indefinite noun (هجوماً → هجوما → هجوم).
  const last = out[n - 1];
  if (last.length >= 4 && last.endsWith('ا')) out.push(last.slice(0, -1));
  return out;
}

