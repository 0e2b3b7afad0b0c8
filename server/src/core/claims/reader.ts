/**
 * One document as the claim stages read it: its tokens, its figures, the
 * lexicon, and the position and lexicon helpers every stage shares. Facts
 * that depend on a word alone are computed once per distinct word (`facts`).
 */
import { cliticForms, detach, normalizeWord } from '../numbers/normalize';
import { isClauseEnd, isTransparent, MARK_QUOTE, TOKEN_LATIN, TOKEN_WORD, Token, WORD_INDEX_BITS } from '../numbers/tokens';
import type { ReadFigure } from '../numbers/words';
import type { SeedDocument } from '../text';
import type { PhraseMatch } from '../text/phrases';
import { partitionPoint } from '../text/search';
import { WEEKDAYS } from './dates';
import type { CompiledLexicon, SubjectPayload } from './lexicon/compile';
import { variants } from './lexicon/variants';
import { WORD_MASK, WORD_SLOTS, WordTable } from './lexicon/wordTables';
import type { SentenceTime } from './stages/background';

/** Longest run of brackets and quotes looked through. */
export const MAX_MARKS = 8;
/**
 * How far, in tokens, any look around a figure reaches (its clause, a
 * count frame, the antecedent of "في صفوفها"). Real clauses are far
 * shorter; the bound keeps a sentence of a million words linear.
 */
export const WINDOW = 48;

/** Function words that are never a counted noun. */
const PARTICLES = new Set(
  [
    'في', 'من', 'على', 'إلى', 'عن', 'مع', 'و', 'أو', 'ثم', 'قد', 'أن', 'إن', 'التي', 'الذي', 'الذين', 'هذا', 'هذه', 'ذلك', 'تلك', 'كما', 'بعد',
    'قبل', 'خلال', 'منذ', 'حتى', 'عند', 'لدى', 'بين', 'حول', 'ضد', 'نحو', 'دون', 'غير', 'كل', 'بعض', 'جميع', 'فقط', 'أيضا', 'كذلك', 'أمس', 'اليوم',
    'يوم', 'هم', 'هي', 'هو', 'لا', 'لم', 'لن', 'ما', 'إنه', 'أنه', 'بينما', 'حيث', 'عبر', 'وسط', 'أمام', 'داخل', 'خارج', 'قرب', 'of', 'in', 'on', 'at',
    'and', 'or', 'the', 'were', 'was', 'have', 'has', 'had', 'are', 'is', 'who', 'which', 'that', 'to', 'by', 'for', 'from', 'with', 'as', 'a', 'an',
  ].map(normalizeWord),
);

/** Words that name a group with a pronoun or a following noun: في صفوفها، من عناصرها، في صفوف الجيش. */
const GROUP_WORDS = ['صفوف', 'عناصر', 'افراد', 'منتسبي', 'ranks'];
const PRONOUN_SUFFIXES = ['ها', 'هم', 'ه', 'هن'];

/** The group word a reading of a word starts with (`GROUP_WORDS.find((g) => v.some((w) => w.startsWith(g)))`), as its index + 1, or 0. */
function groupIndex(v: readonly string[]): number {
  for (let g = 0; g < GROUP_WORDS.length; g++) for (const w of v) if (w.startsWith(GROUP_WORDS[g])) return g + 1;
  return 0;
}

/** `facts` bits: computed; the word is a particle; a reading is; a reading without proclitics is; a weekday; a group word with a pronoun (صفوفها). */
const FACTS_KNOWN = 1;
export const FACT_PARTICLE = 2;
export const FACT_SOME_PARTICLE = 4;
export const FACT_PARTICLE_AFTER_PROCLITIC = 8;
export const FACT_WEEKDAY = 16;
export const FACT_GROUP_PRONOUN = 32;
/** `facts >> FACT_GROUP_SHIFT`: `groupIndex` of the word's readings. */
export const FACT_GROUP_SHIFT = 8;

const factValues = new Int32Array(WORD_SLOTS);
const factTable = new WordTable(() => factValues.fill(0));

/**
 * Facts about a word token that depend on its normalized form alone
 * (`PARTICLES`, `WEEKDAYS`, `GROUP_WORDS`), computed once per distinct word
 * and kept in a side table by word (wordTables.ts).
 */
export function facts(t: Token): number {
  const word = t.word;
  const id = word.id;
  if (id >> WORD_INDEX_BITS === factTable.generation) {
    const known = factValues[id & WORD_MASK];
    if (known !== 0) return known;
  }
  const norm = word.norm;
  const v = variants(t);
  const group = groupIndex(v);
  let f = FACTS_KNOWN | (group << FACT_GROUP_SHIFT);
  if (PARTICLES.has(norm)) f |= FACT_PARTICLE;
  if (someIn(v, PARTICLES, 0)) f |= FACT_SOME_PARTICLE;
  if (v.length > 1 && someIn(v, PARTICLES, 1)) f |= FACT_PARTICLE_AFTER_PROCLITIC;
  if (WEEKDAYS.has(norm)) f |= FACT_WEEKDAY;
  if (group) {
    const g = GROUP_WORDS[group - 1];
    for (const w of v) if (w.startsWith(g) && PRONOUN_SUFFIXES.includes(w.slice(g.length))) f |= FACT_GROUP_PRONOUN;
  }
  if (factTable.keeps(id)) factValues[id & WORD_MASK] = f;
  return f;
}

/** Whether a word of `words`, from index `from` on, is in the set. */
export function someIn(words: readonly string[], set: ReadonlySet<string>, from: number): boolean {
  for (let i = from; i < words.length; i++) if (set.has(words[i])) return true;
  return false;
}

/** "برصاص"، "لوزارة": a word carrying a preposition, which a counted noun never does. */
export function hasPreposition(t: Token): boolean {
  const c = t.norm[0];
  return t.kind === TOKEN_WORD && (c === 'ب' || c === 'ل' || c === 'ك') && variants(t)[1] === t.norm.slice(1);
}

export function isQuote(t: Token): boolean {
  return (t.mark & MARK_QUOTE) !== 0;
}

/** In mentions sorted by position: the last one before `first`, else the first one after it. */
export function nearestBefore<T extends { at: number }>(mentions: readonly T[], first: number): T | undefined {
  const low = partitionPoint(mentions.length, (i) => mentions[i].at < first);
  return low > 0 ? mentions[low - 1] : mentions[0];
}

export class ClaimReader {
  readonly text: string;
  /** Token → index of the figure covering it, or -1. */
  readonly figAt: Int32Array;
  /** Context rules whose words occur in the current sentence, found on first need (see `inContext` in stages/event.ts). */
  contexts: { sentence: number; rules: Set<number> } = { sentence: -1, rules: new Set() };
  /** The time the current sentence gives its figures (see stages/background.ts), read for its first figure. */
  sentenceTime: SentenceTime | undefined;
  /** The year of the document's latest full date (null: none), found on first need. */
  storyYear: number | null | undefined;

  constructor(
    readonly doc: SeedDocument,
    readonly tokens: readonly Token[],
    readonly figures: readonly ReadFigure[],
    readonly lex: CompiledLexicon,
  ) {
    this.text = doc.text;
    this.figAt = new Int32Array(tokens.length).fill(-1);
    figures.forEach((r, i) => {
      for (let k = r.first; k <= r.last; k++) this.figAt[k] = i;
    });
  }

  // ------------------------------------------------------------------ positions

  isWord(k: number): boolean {
    const t = this.tokens[k];
    return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN);
  }

  skipBack(k: number, s: number): number {
    const stop = k - MAX_MARKS;
    while (k >= s && k > stop && isTransparent(this.tokens[k])) k--;
    return k;
  }

  skipForward(k: number, e: number): number {
    const stop = k + MAX_MARKS;
    while (k < e && k < stop && isTransparent(this.tokens[k])) k++;
    return k;
  }

  wordBefore(k: number, s: number): number | undefined {
    const j = this.skipBack(k - 1, s);
    return j >= s && this.isWord(j) ? j : undefined;
  }

  wordStart(k: number): number {
    return this.tokens[k].start;
  }

  /** Token bounds of the clause around a figure, between clause punctuation, inside the sentence: its first token. */
  clauseStart(first: number, s: number): number {
    let a = first;
    const from = Math.max(s, first - WINDOW);
    while (a > from && !isClauseEnd(this.tokens[a - 1])) a--;
    return a;
  }

  /** The clause's end (exclusive), see `clauseStart`. */
  clauseEnd(last: number, e: number): number {
    let b = last + 1;
    const to = Math.min(e, last + 1 + WINDOW);
    while (b < to && !isClauseEnd(this.tokens[b])) b++;
    return b;
  }

  /** Whether a phrase of the set ends exactly at token k. */
  endsPhrase(set: CompiledLexicon['subsets'], k: number, s: number): boolean {
    for (let j = k; j >= s && j >= k - set.maxWords - 1; j--) {
      const m = set.matchAt(this.tokens, j);
      if (m && m.last === k) return true;
    }
    return false;
  }

  /** The first line after `line` with any text: the quotation a "قال ... :" line introduces. */
  nextContentLine(line: number): number {
    const doc = this.doc;
    for (let l = line + 1; l < doc.lineCount; l++) {
      const start = doc.lineStarts[l];
      const end = doc.lineEnd(l);
      for (let k = start; k < end; k++) if (this.text.charCodeAt(k) > 32) return l;
    }
    return -1;
  }

  // ------------------------------------------------------------------ lexicon

  eventAt(k: number): PhraseMatch<string> | undefined {
    return this.lex.events.matchAt(this.tokens, k);
  }

  subjectAt(k: number): PhraseMatch<SubjectPayload> | undefined {
    return this.lex.subjects.matchAt(this.tokens, k);
  }

  looksLikeNoun(k: number): boolean {
    const t = this.tokens[k];
    if (facts(t) & FACT_SOME_PARTICLE || this.lex.stops.has(this.tokens, k)) return false;
    if (t.kind === TOKEN_LATIN) return t.norm.length > 2;
    const w = t.norm;
    if (w.length < 3 || w.endsWith('وا')) return false;
    if (this.lex.attributionVerbs.matchAt(this.tokens, k) || this.lex.qualifiersAfter.matchAt(this.tokens, k)) return false;
    if (facts(t) & FACT_WEEKDAY) return false;
    return true;
  }

  /** Whether the word as written, with no proclitic taken off, is a trigger or a subject word (وفيات is not و + فيات). */
  isWholeWord(t: Token): boolean {
    const probe = [Token.literal(t.norm)];
    return this.lex.events.matchAt(probe, 0) !== undefined || this.lex.subjects.matchAt(probe, 0) !== undefined;
  }

  /** A counted noun the lexicon does not know, as a subject: without proclitics, article or accusative alef. */
  bareNoun(t: Token): string {
    const v = variants(t);
    let w = v[v.length - 1];
    // Nisba adjectives (فلسطينيين، سوريون، عراقيا) count people of a place or group.
    const stem = t.kind === TOKEN_WORD ? cliticForms(t.norm).pop()! : '';
    if (stem.length >= 5 && (stem.endsWith('يين') || stem.endsWith('يون') || stem.endsWith('يا'))) return 'people';
    // A singular nisba after a thousand ("760 ألف فلسطيني"): a long reading ending in ي, before a proclitic-like first letter is taken off (فلسطيني is not ف + لسطيني).
    if (t.kind === TOKEN_WORD && v[0].length >= 6 && v[0].endsWith('ي') && !v[0].endsWith('اي')) return 'people';
    if (t.kind === TOKEN_WORD && w.length > 3 && w.endsWith('ا')) w = w.slice(0, -1);
    return detach(w);
  }

  /** Whether the attribution lexicon starts a phrase at token k (قال، بحسب). */
  isAttribution(k: number): boolean {
    return this.lex.attributionVerbs.matchAt(this.tokens, k) !== undefined || this.lex.according.matchAt(this.tokens, k) !== undefined;
  }
}
