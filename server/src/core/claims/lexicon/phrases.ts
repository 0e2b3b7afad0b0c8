/**
 * A set of phrases of a compiled lexicon, matched against tokens at a
 * position: the longest phrase wins, then exact words over prefixes, then
 * the more specific.
 */
import { normalizeWord } from '../../numbers/normalize';
import { TOKEN_LATIN, TOKEN_WORD, isTransparent, type Token } from '../../numbers/tokens';
import { variants } from './variants';
import { PREFIX_KEY, prefixKey, Vocabulary, VocabularyIndex } from './vocabulary';

interface PatternWord {
  text: string;
  prefix: boolean;
}

interface Entry<T> {
  words: PatternWord[];
  payload: T;
  /** Normalized characters, to prefer the more specific of two matches. */
  weight: number;
}

/** A phrase match: its payload and the last token it covers. */
export interface PhraseMatch<T> {
  payload: T;
  first: number;
  last: number;
  words: number;
  exact: boolean;
}

/** A set of phrases, matched against tokens at a position. */
export class PhraseSet<T> {
  private readonly exact = new Map<string, Entry<T>[]>();
  private readonly prefixed = new Map<number, Entry<T>[]>();
  /** Longest phrase, in words. */
  maxWords = 0;
  /** This set's index in the tokens' match memo, unique among the sets of one compiled lexicon. */
  private readonly id: number;
  /** This set's slot in a word's candidates (`VocabularyIndex.candidates`), unique among the sets of its index. */
  private readonly slot: number;

  constructor(
    private readonly vocabulary: Vocabulary = new VocabularyIndex().vocabulary(),
    ids: { next: number } = { next: 0 },
  ) {
    this.id = ids.next++;
    this.slot = vocabulary.index.sets++;
  }

  add(phrase: string, payload: T): void {
    const words = normalizeWord(phrase)
      .split(' ')
      .filter(Boolean)
      .map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
    if (!words.length || words.some((w) => !w.text || (w.prefix && w.text.length < PREFIX_KEY))) return;
    const entry: Entry<T> = { words, payload, weight: words.reduce((n, w) => n + w.text.length + (w.prefix ? 0 : 1), 0) };
    const first = words[0];
    if (first.prefix) {
      const key = prefixKey(first.text);
      let list = this.prefixed.get(key);
      if (!list) this.prefixed.set(key, (list = []));
      list.push(entry);
      this.vocabulary.addPrefix(first.text);
    } else {
      let list = this.exact.get(first.text);
      if (!list) this.exact.set(first.text, (list = []));
      list.push(entry);
      this.vocabulary.addExact(first.text);
    }
    this.maxWords = Math.max(this.maxWords, words.length);
  }

  /** Whether a phrase of the set may start at token k: false means `matchAt(tokens, k)` is undefined, cheaply. */
  mayStartAt(tokens: readonly Token[], k: number): boolean {
    const t = tokens[k];
    return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) && this.vocabulary.mayStart(t);
  }

  /** The best phrase starting at token k: most words, then exact over prefix, then the more specific. */
  matchAt(tokens: readonly Token[], k: number): PhraseMatch<T> | undefined {
    const t = tokens[k];
    if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN) || !this.vocabulary.mayStart(t)) return undefined;
    // A token belongs to one token list, so its match for a set never changes: remember it.
    const memo = (t.matches ??= []);
    const known = memo[this.id] as PhraseMatch<T> | null | undefined;
    if (known !== undefined) return known ?? undefined;
    const found = this.find(tokens, k, t);
    memo[this.id] = found ?? null;
    return found;
  }

  private find(tokens: readonly Token[], k: number, t: Token): PhraseMatch<T> | undefined {
    const cands = this.candidates(t);
    let best: PhraseMatch<T> | undefined;
    let bestWeight = -1;
    for (let i = 0; i < cands.length; i++) {
      const { entry, exact } = cands[i];
      const words = entry.words.length;
      const last = words === 1 ? k : this.rest(tokens, k, entry.words);
      if (last < 0) continue;
      if (
        !best ||
        words > best.words ||
        (words === best.words && exact && !best.exact) ||
        (words === best.words && exact === best.exact && entry.weight > bestWeight)
      ) {
        best = { payload: entry.payload, first: k, last, words, exact };
        bestWeight = entry.weight;
      }
    }
    return best;
  }

  /**
   * The entries whose first word matches the token's, in the order they are
   * weighed: per reading of the word, exact entries, then prefix entries.
   * They depend on the word only, so the vocabulary index keeps them per word.
   */
  private candidates(t: Token): readonly Candidate<T>[] {
    const v = variants(t);
    const cands = this.vocabulary.index.candidates(t);
    if (cands === undefined) return this.collect(v);
    let found = cands[this.slot] as Candidate<T>[] | undefined;
    if (found === undefined) cands[this.slot] = found = this.collect(v);
    return found;
  }

  private collect(v: readonly string[]): Candidate<T>[] {
    let out: Candidate<T>[] | undefined;
    for (const w of v) {
      const exact = this.exact.get(w);
      if (exact) for (const e of exact) (out ??= []).push({ entry: e, exact: !e.words[0].prefix });
      if (w.length >= PREFIX_KEY) {
        const bucket = this.prefixed.get(prefixKey(w));
        if (bucket) for (const e of bucket) if (w.startsWith(e.words[0].text)) (out ??= []).push({ entry: e, exact: false });
      }
    }
    return out ?? (NO_CANDIDATES as Candidate<T>[]);
  }

  /** Whether the word at token k matches one-word entries only (cheap membership test). */
  has(tokens: readonly Token[], k: number): boolean {
    const m = this.matchAt(tokens, k);
    return m !== undefined && m.words === 1;
  }

  /** Index of the last token when the words after the first match tokens k+1..., else -1. */
  private rest(tokens: readonly Token[], k: number, words: PatternWord[]): number {
    let j = k;
    for (let w = 1; w < words.length; w++) {
      j++;
      for (let marks = 0; marks < 4 && tokens[j] && isTransparent(tokens[j]); marks++) j++;
      const t = tokens[j];
      if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN)) return -1;
      const pw = words[w];
      const v = variants(t);
      let found = false;
      for (let i = 0; i < v.length && !found; i++) found = pw.prefix ? v[i].startsWith(pw.text) : v[i] === pw.text;
      if (!found) return -1;
    }
    return j;
  }
}

interface Candidate<T> {
  entry: Entry<T>;
  exact: boolean;
}

const NO_CANDIDATES: readonly Candidate<unknown>[] = [];
