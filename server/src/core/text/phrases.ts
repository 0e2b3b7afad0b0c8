/**
 * The one phrase matcher: phrases as word sequences, indexed by their first
 * word, matched at a position of any word sequence. The layers above say how
 * their words read (`WordReader`): the claims lexicon reads tokens with their
 * spelling variants and skips punctuation, the boilerplate lexicons read folded
 * words as written.
 */

/** Characters of a prefix word's key: a prefix word must have at least these. */
export const PREFIX_KEY = 3;

/** The first three characters of a word as one number (no string is allocated). */
function prefixKey(w: string): number {
  return w.charCodeAt(0) * 0x100000000 + w.charCodeAt(1) * 0x10000 + w.charCodeAt(2);
}

/** A word of a phrase: a word read whole, or (`prefix`) any word starting with `text`. */
export interface PhraseWord {
  text: string;
  prefix: boolean;
}

export interface PhraseEntry<T> {
  words: readonly PhraseWord[];
  payload: T;
  /** Whether the first word is read whole: such an entry beats a prefix one of as many words. */
  exact: boolean;
  /** Characters read whole or as a prefix, to prefer the more specific of two matches. */
  weight: number;
}

/** A phrase match: its payload and the positions of its first and last words. */
export interface PhraseMatch<T> {
  payload: T;
  first: number;
  last: number;
  words: number;
  exact: boolean;
}

/**
 * How a matcher reads a sequence `S` of words. Readers are created once
 * (per layer), not per call: they take the sequence as an argument.
 */
export interface WordReader<S> {
  /** Whether one of the readings of the word at position j is `w`; false when j holds no word. */
  reads(seq: S, j: number, w: PhraseWord): boolean;
  /** Whether position j is passed over between two words of a phrase (a mark, not a word). */
  transparent(seq: S, j: number): boolean;
}

/** Whether a reading of a word is the phrase word `w`. */
export function readsAs(reading: string, w: PhraseWord): boolean {
  return w.prefix ? reading.startsWith(w.text) : reading === w.text;
}

/** Transparent positions passed over between two words of a phrase, at most. */
const MAX_TRANSPARENT = 4;

const NO_ENTRIES: readonly PhraseEntry<never>[] = [];

/** Phrases by their first word: read whole, or (prefix words) by their `prefixKey`. */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, PhraseEntry<T>[]>();
  private readonly prefixed = new Map<number, PhraseEntry<T>[]>();
  /** Longest phrase, in words. */
  maxWords = 0;

  /** The phrase's entry, or undefined when it cannot be matched (no words, an empty word, a prefix shorter than `PREFIX_KEY`). */
  add(words: readonly PhraseWord[], payload: T): PhraseEntry<T> | undefined {
    if (!words.length || words.some((w) => !w.text || (w.prefix && w.text.length < PREFIX_KEY))) return undefined;
    const first = words[0];
    const entry: PhraseEntry<T> = { words, payload, exact: !first.prefix, weight: words.reduce((n, w) => n + w.text.length + (w.prefix ? 0 : 1), 0) };
    if (first.prefix) {
      const key = prefixKey(first.text);
      let list = this.prefixed.get(key);
      if (!list) this.prefixed.set(key, (list = []));
      list.push(entry);
    } else {
      let list = this.exact.get(first.text);
      if (!list) this.exact.set(first.text, (list = []));
      list.push(entry);
    }
    this.maxWords = Math.max(this.maxWords, words.length);
    return entry;
  }

  /** The words that phrases start with whole, in the order first added. */
  firstWords(): IterableIterator<string> {
    return this.exact.keys();
  }

  /** The entries whose first word is `word` read whole, in the order added. */
  startingWith(word: string): readonly PhraseEntry<T>[] {
    return this.exact.get(word) ?? (NO_ENTRIES as readonly PhraseEntry<T>[]);
  }

  /**
   * The entries whose first word one of `readings` is, in the order they
   * are weighed: per reading, the entries starting with it whole, then those
   * whose first word it starts with.
   */
  candidates(readings: readonly string[]): readonly PhraseEntry<T>[] {
    if (readings.length === 1 && this.prefixed.size === 0) return this.startingWith(readings[0]);
    let out: PhraseEntry<T>[] | undefined;
    for (const w of readings) {
      const exact = this.exact.get(w);
      if (exact) for (const e of exact) (out ??= []).push(e);
      if (w.length >= PREFIX_KEY) {
        const bucket = this.prefixed.get(prefixKey(w));
        if (bucket) for (const e of bucket) if (w.startsWith(e.words[0].text)) (out ??= []).push(e);
      }
    }
    return out ?? (NO_ENTRIES as readonly PhraseEntry<T>[]);
  }

  /**
   * The best of `candidates` (entries whose first word is the word at k) whose
   * other words follow in `seq`: most words, then a first word read whole
   * over a prefix, then the more specific; of equals, the first.
   */
  matchAt<S>(seq: S, k: number, reader: WordReader<S>, candidates: readonly PhraseEntry<T>[]): PhraseMatch<T> | undefined {
    let best: PhraseEntry<T> | undefined;
    let bestLast = -1;
    for (let i = 0; i < candidates.length; i++) {
      const entry = candidates[i];
      // A candidate that would not beat the best so far needs no reading.
      if (best !== undefined && !beats(entry, best)) continue;
      const last = entry.words.length === 1 ? k : rest(seq, k, entry.words, reader);
      if (last < 0) continue;
      best = entry;
      bestLast = last;
    }
    return best === undefined ? undefined : { payload: best.payload, first: k, last: bestLast, words: best.words.length, exact: best.exact };
  }
}

function beats<T>(e: PhraseEntry<T>, best: PhraseEntry<T>): boolean {
  if (e.words.length !== best.words.length) return e.words.length > best.words.length;
  if (e.exact !== best.exact) return e.exact;
  return e.weight > best.weight;
}

/** The position of the last word when the words after the first follow position k, else -1. */
function rest<S>(seq: S, k: number, words: readonly PhraseWord[], reader: WordReader<S>): number {
  let j = k;
  for (let w = 1; w < words.length; w++) {
    j++;
    for (let marks = 0; marks < MAX_TRANSPARENT && reader.transparent(seq, j); marks++) j++;
    if (!reader.reads(seq, j, words[w])) return -1;
  }
  return j;
}
