/**
 * Side tables of what the claims layer derives from a word alone, indexed
 * by `Word.id & WORD_MASK`. Ids are dense within a generation of the
 * interner, so a table holds the words of one generation, those that are
 * read together: a word of a newer one empties it and moves it on; a word
 * of an older one (still read by the tokens of the document being read
 * when the interner started over) or without an id is not kept.
 */
import { WORD_INDEX_BITS } from '../../numbers/tokens';

export const WORD_SLOTS = 1 << WORD_INDEX_BITS;
export const WORD_MASK = WORD_SLOTS - 1;

export class WordTable {
  /** The generation whose words the table holds: a word's values are there when `id >> WORD_INDEX_BITS` is it. */
  generation = 0;

  constructor(private readonly clear: () => void) {}

  /** Whether the table may keep a value of this word (moving on to its generation if newer). */
  keeps(id: number): boolean {
    const g = id >> WORD_INDEX_BITS;
    if (g === this.generation) return true;
    // Generations wrap at 2^15: a newer one is less than 2^14 ahead.
    if (id < 0 || ((g - this.generation) & 0x7fff) >= 0x4000) return false;
    this.generation = g;
    this.clear();
    return true;
  }
}
