/**
 * The figure reader's view of a token list: the tokens, the figures read so
 * far, and the look-around every reading step shares (atoms, neighbours).
 */
import { ENGLISH_NUMBER_WORDS, type NumberWord } from './lexicon';
import { offsetAfterNormalized } from './normalize';
import { SCRIPT_WESTERN, type NumberToken } from './scanner';
import { isTransparent, TOKEN_BREAK, TOKEN_LATIN, TOKEN_NUMBER, TOKEN_PUNCT, TOKEN_WORD, type Token } from './tokens';
import { ARABIC_FORMS, ARABIC_HASHES, ENGLISH_HASHES, H_AND, H_WAW, wordIs } from './wordFacts';
import type { Figure, FigureOptions, ReadFigure } from './words';

/** One number, as digits or a number word: what `compose` builds figures of. */
export interface Atom {
  word: NumberWord | undefined;
  /** Digits, when the atom is a scanner number. */
  num: NumberToken | undefined;
  value: number;
  /** Preceded by the conjunction و (as a proclitic or a word of its own). */
  conj: boolean;
  /** Offset where the atom's own letters start (after و ب ل ...). */
  start: number;
}

export class FigureTokens {
  readonly out: ReadFigure[] = [];
  private lineLatin: Map<number, boolean> | undefined;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly options: FigureOptions,
  ) {}

  isLatinLine(line: number): boolean {
    if (!this.lineLatin) {
      // Computed once for all lines on first need: English number words are rare.
      const latin = new Map<number, number>();
      for (const t of this.tokens) {
        if (t.kind === TOKEN_LATIN) latin.set(t.line, (latin.get(t.line) ?? 0) + (t.end - t.start));
        else if (t.kind === TOKEN_WORD) latin.set(t.line, (latin.get(t.line) ?? 0) - (t.end - t.start));
      }
      this.lineLatin = new Map([...latin].map(([line, balance]) => [line, balance > 0]));
    }
    return this.lineLatin.get(line) ?? false;
  }

  atomAt(k: number): Atom | undefined {
    const t = this.tokens[k];
    if (!t) return undefined;
    if (t.kind === TOKEN_NUMBER) {
      const num = t.num!;
      if (num.kind !== 'number' || num.percent || Number.isNaN(num.value)) return undefined;
      return { word: undefined, num, value: num.value, conj: false, start: t.start };
    }
    if (t.kind === TOKEN_WORD) {
      if (!ARABIC_HASHES.has(t.hash)) return undefined;
      const hit = ARABIC_FORMS.get(t.norm);
      if (!hit) return undefined;
      const start = hit.skip > 0 ? offsetAfterNormalized(this.text, t.start, t.end, hit.skip) : t.start;
      return { word: hit.word, num: undefined, value: hit.word.value, conj: hit.conj, start };
    }
    if (t.kind === TOKEN_LATIN) {
      if (!ENGLISH_HASHES.has(t.hash)) return undefined;
      const w = ENGLISH_NUMBER_WORDS.get(t.norm);
      if (w && this.isLatinLine(t.line)) return { word: w, num: undefined, value: w.value, conj: false, start: t.start };
    }
    return undefined;
  }

  /** The next token, if it directly follows token k (only spaces between). */
  adjacent(k: number): Token | undefined {
    const t = this.tokens[k + 1];
    return t && t.kind !== TOKEN_BREAK ? t : undefined;
  }

  /** Atom after token k, through a standalone "و" / "and" / English hyphen when present. */
  nextAtom(k: number): { atom: Atom; last: number } | undefined {
    const t = this.adjacent(k);
    if (!t) return undefined;
    if ((t.kind === TOKEN_WORD && wordIs(t, 'و', H_WAW)) || (t.kind === TOKEN_LATIN && wordIs(t, 'and', H_AND))) {
      const atom = this.atomAt(k + 2);
      if (atom && this.tokens[k + 2].kind !== TOKEN_BREAK) return { atom: { word: atom.word, num: atom.num, value: atom.value, conj: true, start: atom.start }, last: k + 2 };
      return undefined;
    }
    if (t.kind === TOKEN_PUNCT && t.norm === '-' && !t.space && this.tokens[k].kind === TOKEN_LATIN) {
      const after = this.tokens[k + 2];
      const atom = after && !after.space ? this.atomAt(k + 2) : undefined;
      // "twenty-five": the hyphen joins like "and".
      return atom ? { atom: { word: atom.word, num: atom.num, value: atom.value, conj: true, start: atom.start }, last: k + 2 } : undefined;
    }
    if (t.kind === TOKEN_PUNCT) return undefined;
    const atom = this.atomAt(k + 1);
    return atom ? { atom, last: k + 1 } : undefined;
  }

  eastern(first: number, last: number): boolean {
    for (let k = first; k <= last; k++) {
      const num = this.tokens[k].num;
      if (num && num.scripts !== SCRIPT_WESTERN) return true;
    }
    return false;
  }

  push(first: number, last: number, figure: Figure): void {
    this.out.push({ figure, first, last });
  }

  /** The word after token k, looking through brackets and quotes. */
  nextWordAfter(k: number): Token | undefined {
    for (let j = k + 1; j < this.tokens.length && j <= k + 3; j++) {
      const t = this.tokens[j];
      if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) return t;
      if (!isTransparent(t)) return undefined;
    }
    return undefined;
  }

  /** The word before token k, looking through brackets and quotes. */
  wordBefore(k: number, skip = 0): Token | undefined {
    for (let j = k - 1; j >= 0 && j >= k - 4 - skip; j--) {
      const t = this.tokens[j];
      if (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN) {
        if (skip === 0) return t;
        skip--;
        continue;
      }
      if (!isTransparent(t)) return undefined;
    }
    return undefined;
  }
}
