/**
 * The first words of a compiled lexicon's phrases, one vocabulary per
 * phrase set, checked once per token for all of them.
 */
import { cliticSpellings, hashWord } from '../../numbers/normalize';
import { wordFoldCode } from '../../text/fold';
import { FNV_OFFSET, fnvStep, HashFilter } from '../../text/hash';
import { PREFIX_KEY } from '../../text/phrases';
import { WORD_INDEX_BITS, type Token } from '../../numbers/tokens';
import { WORD_MASK, WORD_SLOTS, WordTable } from './wordTables';

/** What a written form may have after it and still read as the word (see `arabicVariants`): nothing, a possessive suffix, the accusative alef. */
const READING_ENDS = ['', 'هما', 'هم', 'ها', 'هن', 'ا'];

interface IndexMaps {
  exact: HashFilter;
  prefix: HashFilter;
  longest: number;
  /**
   * Per vocabulary without prefix entries: the hash of every normalized
   * word with a reading (`variants`) that is one of its words — each written
   * form (`writtenForms`) and each ending of `READING_ENDS` — else null.
   */
  whole: (HashFilter | null)[];
  /** Per word (see wordTables.ts): its bits with `BITS_KNOWN`, and its phrase candidates per phrase set (filled by the sets). */
  table: WordTable;
  bits: Int32Array;
  cands: (unknown[] | undefined)[];
}

/** Set in a word's bits once computed (the vocabulary bits are the low 30). */
const BITS_KNOWN = 1 << 30;
/** Vocabularies one index tells apart: one bit each below `BITS_KNOWN`. */
const MAX_VOCABULARIES = 30;

/** Every way `w` may be written with proclitics (see `cliticSpellings`). */
const writtenForms = cliticSpellings;

/**
 * The first words of every phrase of a lexicon, one vocabulary (a bit) per
 * phrase set. Most words of a text start no phrase at all; one check per
 * distinct word, kept in the index's side tables, tells every set whether to look further. The check hashes the word's
 * characters as they are read, with no string built: a vocabulary may start
 * at a word when a leading part of it is a (proclitic +) prefix entry, or
 * the whole word (less a possessive suffix) is a (proclitic +) exact entry.
 */
export class VocabularyIndex {
  private readonly words: { exact: Set<string>; stems: Set<string> }[] = [];
  /** Built on the first check after a change, with empty side tables: what they held was for other contents. */
  private maps: IndexMaps | undefined;
  /** Slots of the phrase sets of this index in a word's candidates (see `candidates`). */
  sets = 0;

  /** Whether the index holds as many vocabularies as a word's bits can tell apart. */
  get full(): boolean {
    return this.words.length >= MAX_VOCABULARIES;
  }

  /** A new vocabulary of this index (at most `MAX_VOCABULARIES`). */
  vocabulary(): Vocabulary {
    if (this.full) throw new Error(`a vocabulary index holds at most ${MAX_VOCABULARIES} vocabularies`);
    const bit = 1 << this.words.length;
    const words = { exact: new Set<string>(), stems: new Set<string>() };
    this.words.push(words);
    return new Vocabulary(this, bit, words);
  }

  /** Drops the hash maps and side tables after a change; they are rebuilt on the next check. */
  changed(): void {
    this.maps = undefined;
  }

  private build(): IndexMaps {
    const exact = new HashFilter();
    const prefix = new HashFilter();
    let longest = 0;
    const whole: (HashFilter | null)[] = [];
    this.words.forEach((w, k) => {
      const bit = 1 << k;
      for (const word of w.exact) for (const f of writtenForms(word)) exact.add(hashWord(f), bit);
      for (const stem of w.stems) {
        for (const f of writtenForms(stem)) {
          prefix.add(hashWord(f), bit);
          longest = Math.max(longest, f.length);
        }
      }
      // Without prefix entries, every word that may start a phrase is known whole: its hash says.
      if (w.stems.size === 0) {
        const hashes = new HashFilter(16);
        for (const word of w.exact) for (const f of writtenForms(word)) for (const end of READING_ENDS) hashes.add(hashWord(f + end));
        whole.push(hashes);
      } else whole.push(null);
    });
    const bits = new Int32Array(WORD_SLOTS);
    const cands = new Array<unknown[] | undefined>(WORD_SLOTS).fill(undefined);
    const table = new WordTable(() => {
      bits.fill(0);
      cands.fill(undefined);
    });
    return { exact, prefix, longest, whole, table, bits, cands };
  }

  /**
   * Whether vocabulary `k` may start at this word. A vocabulary without
   * prefix entries answers no from the token's hash alone (`IndexMaps.whole`),
   * without reading the word; otherwise, or when the hash is one it knows,
   * from the word's bits.
   */
  mayStart(t: Token, k: number): boolean {
    const maps = (this.maps ??= this.build());
    // A word already read has its bits in the table.
    const word = t.interned;
    if (word !== undefined && word.id >> WORD_INDEX_BITS === maps.table.generation) {
      const known = maps.bits[word.id & WORD_MASK];
      if (known !== 0) return (known & (1 << k)) !== 0;
    }
    const whole = maps.whole[k];
    if (whole !== null && whole.get(t.hash) === 0) return false;
    return (this.bits(t) & (1 << k)) !== 0;
  }

  /** The bits of the vocabularies that may start at this word (computed once per distinct word, see wordTables.ts). */
  bits(t: Token): number {
    const maps = (this.maps ??= this.build());
    const id = t.word.id;
    if (id >> WORD_INDEX_BITS === maps.table.generation) {
      const known = maps.bits[id & WORD_MASK];
      if (known !== 0) return known & ~BITS_KNOWN;
    }
    const { exact, prefix, longest } = maps;
    const text = t.text;
    let h = FNV_OFFSET;
    let n = 0;
    let bits = 0;
    // Hashes before the last two and three characters, for possessive suffixes (ها، هم، هن; هما).
    let h1 = 0;
    let h2 = 0;
    let h3 = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    for (let k = t.start; k < t.end; k++) {
      const code = wordFoldCode(text.charCodeAt(k));
      if (code < 0) continue;
      h3 = h2;
      h2 = h1;
      h1 = h >>> 0;
      c3 = c2;
      c2 = c1;
      c1 = code;
      h = fnvStep(h, code);
      n++;
      if (n >= PREFIX_KEY && n <= longest) bits |= prefix.get(h);
    }
    bits |= exact.get(h);
    // "سياراتها": the word less ها/هم/هن; "عناصرهما": less هما.
    if (n >= 6 && c2 === 0x647 && (c1 === 0x627 || c1 === 0x645 || c1 === 0x646)) bits |= exact.get(h2);
    if (n >= 7 && c3 === 0x647 && c2 === 0x645 && c1 === 0x627) bits |= exact.get(h3);
    // "هجوما": the word less its accusative alef.
    if (n >= 4 && c1 === 0x627) bits |= exact.get(h1);
    if (maps.table.keeps(id)) {
      maps.bits[id & WORD_MASK] = bits | BITS_KNOWN;
      maps.cands[id & WORD_MASK] = undefined;
    }
    return bits;
  }

  /**
   * The word's phrase candidates by set slot (`TokenPhrases` fills its own),
   * kept with its bits; undefined for a word whose values the index does
   * not keep (see wordTables.ts).
   */
  candidates(t: Token): unknown[] | undefined {
    const id = t.word.id;
    const maps = (this.maps ??= this.build());
    if (id >> WORD_INDEX_BITS !== maps.table.generation || maps.bits[id & WORD_MASK] === 0) {
      this.bits(t);
      // Not kept: a word without an id, or of an older generation.
      if (id >> WORD_INDEX_BITS !== maps.table.generation) return undefined;
    }
    return (maps.cands[id & WORD_MASK] ??= []);
  }
}

/** One vocabulary of a `VocabularyIndex`: the first words of the phrase sets that share it. */
export class Vocabulary {
  /** This vocabulary's position in its index. */
  private readonly k: number;

  constructor(
    readonly index: VocabularyIndex,
    private readonly bit: number,
    private readonly words: { exact: Set<string>; stems: Set<string> },
  ) {
    this.k = 31 - Math.clz32(bit);
  }

  addExact(word: string): void {
    this.words.exact.add(word);
    this.index.changed();
  }

  addPrefix(stem: string): void {
    this.words.stems.add(stem);
    this.index.changed();
  }

  mayStart(t: Token): boolean {
    return this.index.mayStart(t, this.k);
  }
}
