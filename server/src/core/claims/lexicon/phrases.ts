/**
 * A set of phrases of a compiled lexicon, matched against tokens at a
 * position (see `PhraseMatcher`): a token reads as each of its variants, and
 * punctuation between two words of a phrase is passed over.
 */
import { normalizeWord } from '../../numbers/normalize';
import { TOKEN_LATIN, TOKEN_WORD, isTransparent, type Token } from '../../numbers/tokens';
import { PhraseMatcher, readsAs, type PhraseEntry, type PhraseMatch, type PhraseWord, type WordReader } from '../../text/phrases';
import { variants } from './variants';
import { Vocabulary, VocabularyIndex } from './vocabulary';

const TOKENS: WordReader<readonly Token[]> = {
  reads(tokens, j, w) {
    const t = tokens[j];
    if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN)) return false;
    const v = variants(t);
    for (let i = 0; i < v.length; i++) if (readsAs(v[i], w)) return true;
    return false;
  },
  transparent(tokens, j) {
    const t = tokens[j];
    return t !== undefined && isTransparent(t);
  },
};

/** A set of phrases, matched against tokens at a position. */
export class TokenPhrases<T> {
  private readonly matcher = new PhraseMatcher<T>();
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

  /** Longest phrase, in words. */
  get maxWords(): number {
    return this.matcher.maxWords;
  }

  /** Adds a phrase of normalized words; a word ending in `*` is a prefix. */
  add(phrase: string, payload: T): void {
    const words: PhraseWord[] = normalizeWord(phrase)
      .split(' ')
      .filter(Boolean)
      .map((w) => (w.endsWith('*') ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false }));
    const entry = this.matcher.add(words, payload);
    if (!entry) return;
    if (entry.exact) this.vocabulary.addExact(words[0].text);
    else this.vocabulary.addPrefix(words[0].text);
  }

  /** Whether a phrase of the set may start at token k: false means `matchAt(tokens, k)` is undefined, cheaply. */
  mayStartAt(tokens: readonly Token[], k: number): boolean {
    const t = tokens[k];
    return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) && this.vocabulary.mayStart(t);
  }

  /** The best phrase starting at token k (see `PhraseMatcher.matchAt`). */
  matchAt(tokens: readonly Token[], k: number): PhraseMatch<T> | undefined {
    const t = tokens[k];
    if (!t || (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN) || !this.vocabulary.mayStart(t)) return undefined;
    // A token belongs to one token list, so its match for a set never changes: remember it.
    const memo = (t.matches ??= []);
    const known = memo[this.id] as PhraseMatch<T> | null | undefined;
    if (known !== undefined) return known ?? undefined;
    const found = this.matcher.matchAt(tokens, k, TOKENS, this.candidates(t));
    memo[this.id] = found ?? null;
    return found;
  }

  /**
   * The entries whose first word matches the token's (`PhraseMatcher.candidates`).
   * They depend on the word only, so the vocabulary index keeps them per word.
   */
  private candidates(t: Token): readonly PhraseEntry<T>[] {
    const cands = this.vocabulary.index.candidates(t);
    if (cands === undefined) return this.matcher.candidates(variants(t));
    let found = cands[this.slot] as readonly PhraseEntry<T>[] | undefined;
    if (found === undefined) cands[this.slot] = found = this.matcher.candidates(variants(t));
    return found;
  }

  /** Whether the word at token k matches one-word entries only (cheap membership test). */
  has(tokens: readonly Token[], k: number): boolean {
    const m = this.matchAt(tokens, k);
    return m !== undefined && m.words === 1;
  }
}
