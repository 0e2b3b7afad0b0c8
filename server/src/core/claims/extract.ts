/**
 * Claim extraction: every figure is offered to the claim kinds (kinds/) in
 * order until one reads a claim from it. A kind reads
 * its sentence the way a careful reader does, one declared stage at a time
 * (stages/): the counted noun after it, the qualifier right before it (or
 * after it), refinements ("من الشرطة", "في صفوفها"), the nearest event
 * trigger in its clause, who said it, when, where, and the interval.
 *
 * Work is bounded per figure (a clause, a sentence) and every token's
 * lexicon lookups are computed at most once, so extraction stays linear in
 * the text; what depends on a word alone (its readings, the lexicon words it
 * may start, its candidate phrases) is computed once per distinct word and
 * shared (`Word`). Sentences with no number, number word or weekday are
 * hashed word by word while tokenizing and never become tokens, and a count
 * figure with no trigger word within reach is set aside before it is read.
 */
import type { NumberToken } from '../numbers/scanner';
import { scanAndTokenize, tokenize } from '../numbers/tokenizer';
import { isSentenceEnd, TOKEN_PUNCT, type Token, type TokenWatch } from '../numbers/tokens';
import { readFiguresFromTokens, type Figure, type ReadFigure } from '../numbers/words';
import type { SeedDocument } from '../text';
import { DateReader } from './dateMentions';
import { readSentenceCounts } from './coordination';
import { CLAIM_KINDS, type ClaimKind } from './kinds';
import { lexiconFor, type CompiledLexicon } from './lexicon/compile';
import { ClaimReader } from './reader';
import { newScan, scanSources, type PendingSource } from './sources';
import type { SentenceState } from './stages/pipeline';
import type { Claim } from './types';

/** Everything the reader and the extractor found in one document. */
export interface ClaimExtraction {
  /** Every figure, in text order. */
  figures: Figure[];
  /** Claims, in text order. */
  claims: Claim[];
}

/** Reads the figures of a document and the claims they carry. `numbers` is the scanner's output for `doc.text`; `kinds` the claim kinds to read. */
export function extractClaims(
  doc: SeedDocument,
  numbers: readonly NumberToken[],
  lexicon: CompiledLexicon = lexiconFor(),
  kinds: readonly ClaimKind[] = CLAIM_KINDS,
): ClaimExtraction {
  // One tokenizing pass notes the words later passes need, so they never walk every token.
  const watch = { index: lexicon.watch, hits: [[], []] as number[][], ends: [] as number[] };
  const tokens = tokenize(doc.text, numbers, watch, true);
  return extractFromTokens(doc, tokens, watch, lexicon, kinds);
}

/**
 * `scanNumbers(doc.text)` and `extractClaims` in one pass over the text
 * (see `scanAndTokenize`): the same numbers, figures and claims.
 */
export function scanAndExtractClaims(doc: SeedDocument, lexicon: CompiledLexicon = lexiconFor()): ClaimExtraction & { numbers: NumberToken[] } {
  const numbers: NumberToken[] = [];
  const watch = { index: lexicon.watch, hits: [[], []] as number[][], ends: [] as number[] };
  const tokens = scanAndTokenize(doc.text, numbers, watch, true);
  const { figures, claims } = extractFromTokens(doc, tokens, watch, lexicon, CLAIM_KINDS);
  return { numbers, figures, claims };
}

function extractFromTokens(doc: SeedDocument, tokens: Token[], watch: Required<TokenWatch>, lexicon: CompiledLexicon, kinds: readonly ClaimKind[]): ClaimExtraction {
  const read = readFiguresFromTokens(doc.text, tokens, { duals: lexicon.duals }, watch.hits[0]);
  const reader = new ClaimReader(doc, tokens, read, lexicon);
  return { figures: read.map((r) => r.figure), claims: new Extractor(reader, watch.hits[1], kinds, watch.ends).run() };
}

/** Walks a document sentence by sentence, carrying what crosses sentences: the reading date and a quotation's source. */
class Extractor {
  private readonly claims: Claim[] = [];
  private readonly dates: DateReader;
  /** The source a line ending in ":" names, and the line of the quotation it introduces. */
  private pending: PendingSource | undefined;

  constructor(
    private readonly r: ClaimReader,
    /** Indexes of the tokens that may be weekdays, in order. */
    weekdays: readonly number[],
    private readonly kinds: readonly ClaimKind[],
    /** Where each sentence ends, when the tokenizer noted it (`TokenWatch.ends`); else found here. */
    private readonly ends?: readonly number[],
  ) {
    this.dates = new DateReader(r, weekdays);
  }

  run(): Claim[] {
    const { tokens, figures } = this.r;
    const ends = this.ends;
    let s = 0;
    let f = 0;
    for (let next = 0; s < tokens.length; next++) {
      let e = s;
      if (ends !== undefined) e = ends[next];
      else while (e < tokens.length && !isSentenceEnd(tokens[e])) e++;
      const sentence: ReadFigure[] = [];
      while (f < figures.length && figures[f].first < e) {
        if (figures[f].first >= s) sentence.push(figures[f]);
        f++;
      }
      this.sentence(s, e, sentence);
      s = e + 1;
    }
    return this.claims;
  }

  private sentence(s: number, e: number, figures: ReadFigure[]): void {
    const r = this.r;
    const tokens = r.tokens;
    const dateBefore = this.dates.context;
    const weekdayBefore = this.dates.weekdayContext;
    const dates = this.dates.dates(s, e, figures);
    const weekdays = this.dates.weekdayMentions;
    const line = tokens[s]?.line ?? 0;
    if (this.pending && line > this.pending.line) this.pending = undefined;
    let state: SentenceState | undefined;
    const first = this.claims.length;
    for (const f of figures) {
      // The first kind that accepts the figure and reads a claim from it: a count with no trigger may still be a population.
      for (const kind of this.kinds) {
        if (!kind.accepts(f.figure)) continue;
        state ??= { start: s, end: e, sources: newScan(s, e), dates, dateBefore, weekdays, weekdayBefore, pending: this.pending, whole: undefined };
        if (!kind.worthReading(f, state, r)) continue;
        const claim = kind.read(f, state, r);
        if (claim) {
          this.claims.push(claim);
          break;
        }
      }
    }
    if (this.claims.length - first > 1) readSentenceCounts(this.claims.slice(first));
    // A line that ends with "قال ... :" introduces the quotation on the next line.
    let last = e - 1;
    while (last >= s && tokens[last].kind === TOKEN_PUNCT && tokens[last].norm !== ':') last--;
    if (last >= s && tokens[last].norm === ':') {
      const mentions = scanSources(r, state?.sources ?? newScan(s, e), e);
      const source = mentions.length ? mentions[mentions.length - 1].source : undefined;
      if (source) this.pending = { source, line: r.nextContentLine(line) };
    }
  }
}
