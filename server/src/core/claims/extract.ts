/**
 * Claim extraction: for every count figure, read its sentence the way a
 * careful reader does — the qualifier right before it (or after it), the
 * counted noun after it (refined by "من الشرطة", "في صفوفها"), the nearest
 * event trigger in its clause, who said it, and when.
 *
 * Work is bounded per figure (a clause, a sentence) and every token's
 * lexicon lookups are computed at most once, so extraction stays linear in
 * the text; what depends on a word alone (its readings, the lexicon words it
 * may start, its candidate phrases) is computed once per distinct word and
 * shared (`Word`). Sentences with no number, number word or weekday are
 * hashed word by word while tokenizing and never become tokens, and a count
 * figure with no trigger word within reach is set aside before it is read.
 */
import { cliticForms, normalizeWord, offsetAfterNormalized, detach } from '../numbers/normalize';
import { scopeIn } from './scope';
import type { NumberToken } from '../numbers/scanner';
import {
  isClauseEnd,
  isSentenceEnd,
  isTransparent,
  MARK_QUOTE,
  scanAndTokenize,
  tokenize,
  TOKEN_LATIN,
  TOKEN_NUMBER,
  TOKEN_PUNCT,
  TOKEN_WORD,
  Token,
  type TokenWatch,
} from '../numbers/tokens';
import { readFiguresFromTokens, type Figure, type ReadFigure } from '../numbers/words';
import type { SeedDocument } from '../text';
import { claimInterval } from './intervals';
import { BOUND_WORDS, completeDate, FUTURE_WORDS, PAST_WORDS, resolveWeekday, TODAY_WORDS, WEEKDAYS } from './dates';
import { lexiconFor, variants, type CompiledLexicon, type PhraseMatch, type SubjectPayload } from './lexicon';
import type { Claim, Qualifier } from './types';

/** Everything the reader and the extractor found in one document. */
export interface ClaimExtraction {
  /** Every figure, in text order. */
  figures: Figure[];
  /** Claims, in text order. */
  claims: Claim[];
}

/** Reads the figures of a document and the claims they carry. `numbers` is the scanner's output for `doc.text`. */
export function extractClaims(doc: SeedDocument, numbers: readonly NumberToken[], lexicon: CompiledLexicon = lexiconFor()): ClaimExtraction {
  // One tokenizing pass notes the words later passes need, so they never walk every token.
  const watch = { index: lexicon.watch, hits: [[], []] as number[][], ends: [] as number[] };
  const tokens = tokenize(doc.text, numbers, watch, true);
  return extractFromTokens(doc, tokens, watch, lexicon);
}

/**
 * `scanNumbers(doc.text)` and `extractClaims` in one pass over the text
 * (see `scanAndTokenize`): the same numbers, figures and claims.
 */
export function scanAndExtractClaims(doc: SeedDocument, lexicon: CompiledLexicon = lexiconFor()): ClaimExtraction & { numbers: NumberToken[] } {
  const numbers: NumberToken[] = [];
  const watch = { index: lexicon.watch, hits: [[], []] as number[][], ends: [] as number[] };
  const tokens = scanAndTokenize(doc.text, numbers, watch, true);
  const { figures, claims } = extractFromTokens(doc, tokens, watch, lexicon);
  return { numbers, figures, claims };
}

function extractFromTokens(doc: SeedDocument, tokens: Token[], watch: Required<TokenWatch>, lexicon: CompiledLexicon): ClaimExtraction {
  const read = readFiguresFromTokens(doc.text, tokens, { duals: lexicon.duals }, watch.hits[0]);
  return { figures: read.map((r) => r.figure), claims: new Extractor(doc, tokens, read, lexicon, watch.hits[1], watch.ends).run() };
}

/** How far a trigger may be from its figure, in words. */
const MAX_BACK = 12;
const MAX_FORWARD = 10;
/** How far a trigger may be from a figure whose counted noun the lexicon does not know. */
const MAX_RAW_DISTANCE = 3;
/** Payload of the lexicon's `ignore` phrases: they match like triggers and name no event. */
const IGNORED = '';
/** Events of counted nouns (معتقل، رهينة) that give way to a trigger in the clause. */
const YIELDING_NOUN_EVENTS = new Set(['arrested', 'abducted']);
/** How far after the counted noun "من الشرطة" may refine it. */
const MAX_REFINE = 6;
/** Longest source phrase, in words. */
const MAX_SOURCE = 6;
/**
 * How far, in tokens, any look around a figure reaches (its clause, a
 * count frame, the antecedent of "في صفوفها"). Real clauses are far
 * shorter; the bound keeps a sentence of a million words linear.
 */
const WINDOW = 48;
/** Longest run of brackets and quotes looked through. */
const MAX_MARKS = 8;

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

/** `Word.facts` bits: computed; the word is a particle; a reading is; a reading without proclitics is; a weekday; a group word with a pronoun (صفوفها). */
const FACTS_KNOWN = 1;
const FACT_PARTICLE = 2;
const FACT_SOME_PARTICLE = 4;
const FACT_PARTICLE_AFTER_PROCLITIC = 8;
const FACT_WEEKDAY = 16;
const FACT_GROUP_PRONOUN = 32;
/** `Word.facts >> FACT_GROUP_SHIFT`: `groupIndex` of the word's readings. */
const FACT_GROUP_SHIFT = 8;

/**
 * Facts about a word token that depend on its normalized form alone
 * (`PARTICLES`, `WEEKDAYS`, `GROUP_WORDS`), computed once per distinct word
 * and kept on its shared `Word`.
 */
function facts(t: Token): number {
  const word = t.word;
  let f = word.facts;
  if (f === 0) {
    const norm = word.norm;
    const v = variants(t);
    const group = groupIndex(v);
    f = FACTS_KNOWN | (group << FACT_GROUP_SHIFT);
    if (PARTICLES.has(norm)) f |= FACT_PARTICLE;
    if (someIn(v, PARTICLES, 0)) f |= FACT_SOME_PARTICLE;
    if (v.length > 1 && someIn(v, PARTICLES, 1)) f |= FACT_PARTICLE_AFTER_PROCLITIC;
    if (WEEKDAYS.has(norm)) f |= FACT_WEEKDAY;
    if (group) {
      const g = GROUP_WORDS[group - 1];
      for (const w of v) if (w.startsWith(g) && PRONOUN_SUFFIXES.includes(w.slice(g.length))) f |= FACT_GROUP_PRONOUN;
    }
    word.facts = f;
  }
  return f;
}

/** Whether a word of `words`, from index `from` on, is in the set. */
function someIn(words: readonly string[], set: ReadonlySet<string>, from: number): boolean {
  for (let i = from; i < words.length; i++) if (set.has(words[i])) return true;
  return false;
}

/** The claims of the sentence being read that later figures may refer back to. */
interface SentenceClaims {
  /** The last claim that is not a subset ("بينهم ستة"), with the start of its clause. */
  whole?: { claim: Claim; clause: number };
}

interface SourceMention {
  at: number;
  source: string;
}

/** The attribution mentions of a sentence found so far (see `scanSources`). */
interface SourceScan {
  /** The sentence's first token. */
  start: number;
  /** Where the scan goes on. */
  next: number;
  /** The sentence's end. */
  end: number;
  mentions: SourceMention[];
}

interface DateMention {
  at: number;
  date: string;
}

const NO_DATES: readonly DateMention[] = [];

class Extractor {
  private readonly text: string;
  /** Token → index of the figure covering it, or -1. */
  private readonly figAt: Int32Array;
  private readonly claims: Claim[] = [];
  private docYear: number | null = null;
  private context: string | null = null;
  /** Position in `weekdays` of the sentence being read. */
  private weekday = 0;
  /** The source a line ending in ":" names, and the line of the quotation it introduces. */
  private pending: { source: string; line: number } | undefined;
  /** Bracket depth scanned so far in the current sentence (see `inParentheses`). */
  private paren = { sentence: -1, at: 0, depth: 0 };
  /** Context rules whose words occur in the current sentence, found on first need. */
  private contexts: { sentence: number; rules: Set<number> } = { sentence: -1, rules: new Set() };

  constructor(
    private readonly doc: SeedDocument,
    private readonly tokens: readonly Token[],
    private readonly figures: readonly ReadFigure[],
    private readonly lex: CompiledLexicon,
    /** Indexes of the tokens that may be weekdays, in order. */
    private readonly weekdays: readonly number[],
    /** Where each sentence ends, when the tokenizer noted it (`TokenWatch.ends`); else found here. */
    private readonly ends?: readonly number[],
  ) {
    this.text = doc.text;
    this.figAt = new Int32Array(tokens.length).fill(-1);
    figures.forEach((r, i) => {
      for (let k = r.first; k <= r.last; k++) this.figAt[k] = i;
    });
  }

  run(): Claim[] {
    this.initDates();
    const tokens = this.tokens;
    const ends = this.ends;
    let s = 0;
    let f = 0;
    for (let next = 0; s < tokens.length; next++) {
      let e = s;
      if (ends !== undefined) e = ends[next];
      else while (e < tokens.length && !isSentenceEnd(tokens[e])) e++;
      const sentence: ReadFigure[] = [];
      while (f < this.figures.length && this.figures[f].first < e) {
        if (this.figures[f].first >= s) sentence.push(this.figures[f]);
        f++;
      }
      this.sentence(s, e, sentence);
      s = e + 1;
    }
    return this.claims;
  }

  // ------------------------------------------------------------------ dates

  private initDates(): void {
    for (const r of this.figures) {
      const d = r.figure.date;
      if (r.figure.kind === 'date' && d && !d.startsWith('--')) {
        this.docYear = Number(d.slice(0, 4));
        break;
      }
    }
    for (const r of this.figures) {
      if (r.figure.kind !== 'date' || this.isBoundDate(r)) continue;
      const d = completeDate(r.figure.date, this.docYear);
      if (d) {
        this.context = d;
        break;
      }
    }
  }

  private isBoundDate(r: ReadFigure): boolean {
    const prev = this.wordBefore(r.first, 0);
    return prev !== undefined && someIn(variants(this.tokens[prev]), BOUND_WORDS, 0);
  }

  /** Date mentions of a sentence (its date figures and weekdays), resolved against the reading date; moves the reading date. */
  private dates(s: number, e: number, figures: readonly ReadFigure[]): readonly DateMention[] {
    let out: DateMention[] | undefined;
    let next: string | null = null;
    for (const r of figures) {
      if (r.figure.kind !== 'date' || this.isBoundDate(r)) continue;
      const d = completeDate(r.figure.date, this.docYear);
      if (d) {
        (out ??= []).push({ at: r.first, date: d });
        next = d;
      }
    }
    while (this.weekday < this.weekdays.length && this.weekdays[this.weekday] < s) this.weekday++;
    for (; this.weekday < this.weekdays.length && this.weekdays[this.weekday] < e; this.weekday++) {
      const k = this.weekdays[this.weekday];
      const t = this.tokens[k];
      const weekday = WEEKDAYS.get(t.norm);
      if (weekday === undefined || !this.context || this.figAt[k] >= 0) continue;
      // "يوم الأربعاء (الخامس من يناير 2022)": the explicit date says it.
      let explicit = false;
      for (let j = k + 1; j <= k + 3 && j < e; j++) {
        const fj = this.figAt[j];
        if (fj >= 0 && this.figures[fj].figure.kind === 'date') explicit = true;
        if (fj >= 0 || !isTransparent(this.tokens[j])) break;
      }
      if (explicit) continue;
      const after = this.tokens[k + 1];
      const mode = after && PAST_WORDS.has(after.norm) ? 'past' : after && FUTURE_WORDS.has(after.norm) ? 'future' : 'nearest';
      const date = resolveWeekday(this.context, weekday, mode);
      (out ??= []).push({ at: k, date });
      const prev = this.tokens[k - 1];
      // A weekday after "اليوم" is today: the reading date moves (unless it sits in an aside).
      if (prev && TODAY_WORDS.has(prev.norm) && !this.inParentheses(s, k)) next = date;
    }
    if (out && out.length > 1) out.sort((a, b) => a.at - b.at);
    if (next) this.context = next;
    return out ?? NO_DATES;
  }

  /** The first line after `line` with any text: the quotation a "قال ... :" line introduces. */
  private nextContentLine(line: number): number {
    const doc = this.doc;
    for (let l = line + 1; l < doc.lineCount; l++) {
      const start = doc.lineStarts[l];
      const end = doc.lineEnd(l);
      for (let k = start; k < end; k++) if (this.text.charCodeAt(k) > 32) return l;
    }
    return -1;
  }

  /** An aside in brackets ("( ... اليوم الأحد )") does not move the reading date. Weekdays come in text order, so the depth is carried forward. */
  private inParentheses(s: number, k: number): boolean {
    if (this.paren.sentence !== s) this.paren = { sentence: s, at: s, depth: 0 };
    const p = this.paren;
    for (; p.at < k; p.at++) {
      const t = this.tokens[p.at];
      if (t.kind !== TOKEN_PUNCT) continue;
      if (t.norm === '(') p.depth++;
      else if (t.norm === ')' && p.depth > 0) p.depth--;
    }
    return p.depth > 0;
  }

  // ------------------------------------------------------------------ sentences

  private sentence(s: number, e: number, figures: ReadFigure[]): void {
    const contextBefore = this.context;
    const dates = this.dates(s, e, figures);
    const line = this.tokens[s]?.line ?? 0;
    if (this.pending && line > this.pending.line) this.pending = undefined;
    let sources: SourceScan | undefined;
    let sentenceClaims: SentenceClaims | undefined;
    for (const r of figures) {
      const f = r.figure;
      if (f.kind !== 'count' || f.unit) continue;
      // A claim needs an event: its own (a dual's noun), the last claim's (a subset), or a trigger
      // word within reach of the figure (see `claim`). Without any, the figure is no claim.
      if (!f.dual && !sentenceClaims?.whole && !this.triggerNear(r, s, e)) continue;
      sources ??= { start: s, next: s, end: e, mentions: [] };
      sentenceClaims ??= {};
      const claim = this.claim(r, s, e, sentenceClaims, sources, dates, contextBefore);
      if (claim) this.claims.push(claim);
    }
    // A line that ends with "قال ... :" introduces the quotation on the next line.
    let last = e - 1;
    while (last >= s && this.tokens[last].kind === TOKEN_PUNCT && this.tokens[last].norm !== ':') last--;
    if (last >= s && this.tokens[last].norm === ':') {
      const mentions = this.scanSources((sources ??= { start: s, next: s, end: e, mentions: [] }), e);
      const source = mentions.length ? mentions[mentions.length - 1].source : undefined;
      if (source) this.pending = { source, line: this.nextContentLine(line) };
    }
  }

  /**
   * Whether a trigger may start where `claim` looks for one: in the clause
   * and up to the end of the counted noun (marks, "من", marks and an English
   * adjective after the figure: fewer than `2 * MAX_MARKS + 4` tokens), or
   * after a count frame in the `WINDOW` tokens before the clause. Nearest
   * tokens first: a trigger is usually next to its figure; frames are rare
   * words, looked for by their hash alone.
   */
  private triggerNear(r: ReadFigure, s: number, e: number): boolean {
    const events = this.lex.events;
    const tokens = this.tokens;
    const clauseStart = this.clauseStart(r.first, s);
    const to = Math.min(e, Math.max(this.clauseEnd(r.last, e), r.last + 2 * MAX_MARKS + 4));
    for (let d = 1; r.first - d >= clauseStart || r.last + d < to; d++) {
      if (r.last + d < to && events.mayStartAt(tokens, r.last + d)) return true;
      if (r.first - d >= clauseStart && events.mayStartAt(tokens, r.first - d)) return true;
    }
    // `frameTrigger`: a trigger between a frame and the clause.
    const frames = this.lex.countFrames;
    for (let j = Math.max(s, clauseStart - WINDOW); j < clauseStart; j++) {
      if (!frames.mayStartAt(tokens, j)) continue;
      for (let k = j + 1; k < clauseStart; k++) if (events.mayStartAt(tokens, k)) return true;
      return false;
    }
    return false;
  }

  private claim(
    r: ReadFigure,
    s: number,
    e: number,
    previous: SentenceClaims,
    sources: SourceScan,
    dates: readonly DateMention[],
    contextBefore: string | null,
  ): Claim | undefined {
    const tokens = this.tokens;
    const f = r.figure;
    const clauseStart = this.clauseStart(r.first, s);
    const clauseEnd = this.clauseEnd(r.last, e);

    // Qualifier before: the longest phrase that ends right before the figure.
    let qualifier: Qualifier | undefined;
    let phraseStart = f.start;
    let qualifierFirst = r.first;
    let before = this.skipBack(r.first - 1, s);
    // "قرابة الـ100": the article written apart from the number.
    if (before > s && tokens[before].kind === TOKEN_WORD && tokens[before].norm === 'ال') before = this.skipBack(before - 1, s);
    // "76 قتيلا على الأقل وعشرات الجرحى": a conjunction starts a new figure; what precedes it qualifies the last one.
    const conjoined = (tokens[r.first].kind === TOKEN_WORD && f.start > tokens[r.first].start) || (before >= s && tokens[before].norm === 'و');
    if (before >= s && !conjoined) {
      let best: PhraseMatch<Exclude<Qualifier, 'exact'>> | undefined;
      for (let j = before; j >= s && j >= before - this.lex.qualifiersBefore.maxWords - 1; j--) {
        const m = this.lex.qualifiersBefore.matchAt(tokens, j);
        if (m && m.last === before && (!best || m.words > best.words)) best = m;
      }
      if (best) {
        qualifier = best.payload;
        qualifierFirst = best.first;
        phraseStart = this.wordStart(best.first);
        // "وأكثر من": the phrase starts after the conjunction.
        const t = tokens[best.first];
        if (t.kind === TOKEN_WORD && (t.norm[0] === 'و' || t.norm[0] === 'ف') && variants(t)[1] === t.norm.slice(1)) {
          phraseStart = offsetAfterNormalized(this.text, t.start, t.end, 1);
        }
      }
    }

    // Part of a larger count ("بينهم 3 أطفال"): a claim only with its own counted noun.
    const subsetBefore = this.skipBack(qualifierFirst - 1, s);
    const subset = subsetBefore >= s && this.endsPhrase(this.lex.subsets, subsetBefore, s);

    // The counted noun.
    let subject: SubjectPayload | undefined;
    let event: string | undefined;
    let rawNoun: string | undefined;
    let nounLast = r.last;
    if (f.dual) {
      const probe = this.probe(f.dual);
      subject = this.lex.subjects.matchAt(probe, 0)?.payload;
      event = this.lex.events.matchAt(probe, 0)?.payload;
      // "عراقيان": two people of a place or group.
      if (!subject && !event && f.dual.endsWith('ي')) subject = { cls: 'people', weak: false };
      // "طائرتين مسيرتين": a dual adjective that names a class is the more precise subject.
      const next = this.skipForward(r.last + 1, e);
      const adjective = next < e && this.isWord(next) ? this.subjectAt(next) : undefined;
      if (adjective && !adjective.payload.weak) {
        subject = adjective.payload;
        nounLast = adjective.last;
      }
    } else {
      let n = this.skipForward(r.last + 1, e);
      if (n < e && (tokens[n].norm === 'من' || tokens[n].norm === 'of') && this.isWord(this.skipForward(n + 1, e))) n = this.skipForward(n + 1, e);
      // English puts adjectives first: "26 armed criminals".
      if (n + 1 < e && tokens[n].kind === TOKEN_LATIN && tokens[n + 1].kind === TOKEN_LATIN && !this.subjectAt(n) && !this.eventAt(n) && this.subjectAt(n + 1)) n++;
      // A counted noun never carries a conjunction: "مقتل 5 وإصابة 10" coordinates two figures.
      const coordinated =
        n < e && tokens[n].kind === TOKEN_WORD && tokens[n].norm[0] === 'و' && variants(tokens[n])[1] === tokens[n].norm.slice(1) && !this.isWholeWord(tokens[n]);
      if (n < e && this.isWord(n) && this.figAt[n] < 0 && !coordinated && !(facts(tokens[n]) & FACT_PARTICLE)) {
        const sm = this.subjectAt(n);
        const em = this.eventAt(n);
        if (sm) {
          subject = sm.payload;
          nounLast = sm.last;
        }
        if (em && em.payload !== IGNORED && (!sm || em.last >= sm.first)) {
          event = em.payload;
          nounLast = Math.max(nounLast, em.last);
          // "13 هجوما": the noun names acts, which are what is counted.
          if (!sm && this.lex.acts.matchAt(tokens, n)) rawNoun = this.bareNoun(tokens[n]);
        }
        if (!sm && !em && this.looksLikeNoun(n) && !this.lex.others.matchAt(tokens, n) && !hasPreposition(tokens[n])) {
          rawNoun = this.bareNoun(tokens[n]);
          nounLast = n;
        }
      }
    }
    // "فلسطينيين اثنين"، "جندي واحد": one and two follow their noun.
    if (!f.dual && f.written === 'words' && f.value <= 2 && tokens[r.first].kind === TOKEN_WORD && r.first > s && this.isWord(r.first - 1) && !(facts(tokens[r.first - 1]) & FACT_PARTICLE)) {
      const noun = r.first - 1;
      const sm = this.subjectAt(noun);
      if (sm && sm.last === noun) {
        subject = sm.payload;
        rawNoun = undefined;
      } else if (!this.eventAt(noun) && this.looksLikeNoun(noun) && !this.lex.subsets.matchAt(tokens, noun)) {
        subject = undefined;
        rawNoun = this.bareNoun(tokens[noun]);
      }
    }
    // A part of a larger count is a claim only when it names what it counts (بينهم 10 أطفال).
    if (subset && !subject) return undefined;

    // Qualifier after the figure or its noun: "18 فرداً على الأقل".
    let phraseEnd = tokens[nounLast].end;
    if (!qualifier) {
      const afterFigure = this.skipForward(r.last + 1, e);
      const afterNoun = this.skipForward(nounLast + 1, e);
      for (let pass = 0; pass < 2; pass++) {
        const at = pass === 0 ? afterFigure : afterNoun;
        const m = at < e ? this.lex.qualifiersAfter.matchAt(tokens, at) : undefined;
        if (m) {
          qualifier = m.payload;
          if (at === afterNoun) phraseEnd = tokens[m.last].end;
          break;
        }
      }
    }

    // Refine a weak or missing subject: "شخصا من الشرطة"، "قتيلا ... في صفوفها".
    if ((!subject || subject.weak) && !rawNoun) {
      const refined = this.refine(nounLast, s, clauseEnd, r.first);
      if (refined) subject = refined;
    }

    // "Others": more of the subject named before (وإصابة 18 آخرين).
    const othersAt = this.skipForward(nounLast + 1, e);
    const others = othersAt < e && this.lex.others.matchAt(tokens, othersAt)?.words === 1;
    if (others && phraseEnd === tokens[nounLast].end) phraseEnd = tokens[othersAt].end;
    // Subsets ("بينهم ستة") are never what a later "آخرين" refers to.
    const prev = previous.whole;
    if (prev && (!subject || (subject.weak && others)) && !rawNoun) {
      if (others || prev.clause === clauseStart) subject = { cls: prev.claim.subject, weak: false };
    }

    // The event: the counted noun's own (قتيلا), else the nearest trigger in the clause. Detainees
    // and hostages are people something else can happen to: "أفرجت عن 200 معتقل" is a release.
    if (event && YIELDING_NOUN_EVENTS.has(event)) event = this.nearestTrigger(qualifierFirst, nounLast, clauseStart, clauseEnd, MAX_BACK) ?? event;
    // "مقتل 32 شخصا بينهم ستة من عناصر الأمن": a subset shares what happened to the whole.
    if (subset && !event && prev) event = prev.claim.event;
    event ??= this.nearestTrigger(qualifierFirst, nounLast, clauseStart, clauseEnd, rawNoun ? MAX_RAW_DISTANCE : MAX_BACK);
    if (!rawNoun) event ??= this.frameTrigger(s, clauseStart);
    if (!event) return undefined;
    event = this.inContext(event, s, e);

    const cls = subject?.cls ?? rawNoun ?? 'people';
    const { low, high } = claimInterval(qualifier ?? (f.vague ? 'about' : 'exact'), f);
    const range = this.doc.range(Math.min(phraseStart, f.start), Math.max(phraseEnd, f.end));
    const claim: Claim = {
      kind: 'count',
      range,
      text: detach(this.text.slice(Math.min(phraseStart, f.start), Math.max(phraseEnd, f.end))),
      event,
      subject: cls,
      qualifier: qualifier ?? (f.vague ? 'about' : 'exact'),
      value: f.value,
      unit: null,
      vague: f.vague,
      low,
      high,
      source: this.sourceFor(r.first, sources),
      date: this.dateFor(r.first, dates, contextBefore),
      // From the figure on: a place before it usually names the speaker ("officials in the city of Almaty said 748 ...").
      scope: scopeIn(this.text, f.start, tokens[clauseEnd - 1]?.end ?? f.end),
      figureStart: f.start,
      figureEnd: f.end,
    };
    if (!subset) previous.whole = { claim, clause: clauseStart };
    return claim;
  }

  // ------------------------------------------------------------------ helpers: positions

  private isWord(k: number): boolean {
    const t = this.tokens[k];
    return t !== undefined && (t.kind === TOKEN_WORD || t.kind === TOKEN_LATIN);
  }

  private skipBack(k: number, s: number): number {
    const stop = k - MAX_MARKS;
    while (k >= s && k > stop && isTransparent(this.tokens[k])) k--;
    return k;
  }

  private skipForward(k: number, e: number): number {
    const stop = k + MAX_MARKS;
    while (k < e && k < stop && isTransparent(this.tokens[k])) k++;
    return k;
  }

  private wordBefore(k: number, s: number): number | undefined {
    const j = this.skipBack(k - 1, s);
    return j >= s && this.isWord(j) ? j : undefined;
  }

  private wordStart(k: number): number {
    return this.tokens[k].start;
  }

  /** Token bounds of the clause around a figure, between clause punctuation, inside the sentence: its first token. */
  private clauseStart(first: number, s: number): number {
    let a = first;
    const from = Math.max(s, first - WINDOW);
    while (a > from && !isClauseEnd(this.tokens[a - 1])) a--;
    return a;
  }

  /** The clause's end (exclusive), see `clauseStart`. */
  private clauseEnd(last: number, e: number): number {
    let b = last + 1;
    const to = Math.min(e, last + 1 + WINDOW);
    while (b < to && !isClauseEnd(this.tokens[b])) b++;
    return b;
  }

  /** Whether a phrase of the set ends exactly at token k. */
  private endsPhrase(set: CompiledLexicon['subsets'], k: number, s: number): boolean {
    for (let j = k; j >= s && j >= k - set.maxWords - 1; j--) {
      const m = set.matchAt(this.tokens, j);
      if (m && m.last === k) return true;
    }
    return false;
  }

  /** A one-token list for matching a word that is not in the text as such (the singular of a dual). */
  private probe(norm: string): Token[] {
    return [Token.word(norm)];
  }

  // ------------------------------------------------------------------ helpers: lexicon

  private eventAt(k: number): PhraseMatch<string> | undefined {
    return this.lex.events.matchAt(this.tokens, k);
  }

  private subjectAt(k: number): PhraseMatch<SubjectPayload> | undefined {
    return this.lex.subjects.matchAt(this.tokens, k);
  }

  private looksLikeNoun(k: number): boolean {
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
  private isWholeWord(t: Token): boolean {
    const probe = [Token.literal(t.norm)];
    return this.lex.events.matchAt(probe, 0) !== undefined || this.lex.subjects.matchAt(probe, 0) !== undefined;
  }

  /** A counted noun the lexicon does not know, as a subject: without proclitics, article or accusative alef. */
  private bareNoun(t: Token): string {
    const v = variants(t);
    let w = v[v.length - 1];
    // Nisba adjectives (فلسطينيين، سوريون، عراقيا) count people of a place or group.
    const stem = t.kind === TOKEN_WORD ? cliticForms(t.norm).pop()! : '';
    if (stem.length >= 5 && (stem.endsWith('يين') || stem.endsWith('يون') || stem.endsWith('يا'))) return 'people';
    if (t.kind === TOKEN_WORD && w.length > 3 && w.endsWith('ا')) w = w.slice(0, -1);
    return detach(w);
  }

  /** "من الشرطة"، "في صفوف الجيش"، "في صفوفها" after the counted noun, or a class noun right after a weak one (ضابطي أمن). */
  private refine(nounLast: number, s: number, clauseEnd: number, figureFirst: number): SubjectPayload | undefined {
    const tokens = this.tokens;
    // "9 من عناصرها": the counted noun itself points back to a group.
    if (nounLast >= figureFirst && this.isWord(nounLast)) {
      const own = this.groupPronoun(tokens[nounLast]);
      if (own) return this.antecedent(figureFirst, s);
    }
    const direct = this.skipForward(nounLast + 1, clauseEnd);
    if (direct < clauseEnd && this.isWord(direct) && !(tokens[direct].norm[0] === 'و' && variants(tokens[direct]).length > 1)) {
      const m = this.subjectAt(direct);
      if (m && this.isRefinement(m.payload) && nounLast !== figureFirst - 1) return m.payload;
    }
    let words = 0;
    // Past a coordinated figure ("18 قتيلا و748 جريحا في صفوفها") only a group word still applies to this one.
    let crossed = false;
    for (let j = nounLast + 1; j < clauseEnd && words < MAX_REFINE; j++) {
      const t = tokens[j];
      if (this.figAt[j] >= 0) {
        crossed = true;
        continue;
      }
      if (t.kind !== TOKEN_WORD && t.kind !== TOKEN_LATIN) continue;
      words++;
      if (this.lex.subsets.matchAt(tokens, j)) break;
      if (facts(t) >> FACT_GROUP_SHIFT) {
        const after = this.skipForward(j + 1, clauseEnd);
        const named = after < clauseEnd ? this.subjectAt(after) : undefined;
        if (named && this.isRefinement(named.payload)) return named.payload;
        if (this.groupPronoun(t)) return this.antecedent(figureFirst, s);
        continue;
      }
      if (crossed) continue;
      if (t.norm === 'من' || t.norm === 'of') {
        const after = this.skipForward(j + 1, clauseEnd);
        const named = after < clauseEnd ? this.subjectAt(after) : undefined;
        if (named && this.isRefinement(named.payload)) return named.payload;
      }
      if (this.eventAt(j) && j > nounLast + 1) break;
    }
    return undefined;
  }

  /** Whether a word is a group word with a possessive pronoun (صفوفها، عناصرهم). */
  private groupPronoun(t: Token): boolean {
    return (facts(t) & FACT_GROUP_PRONOUN) !== 0;
  }

  /** A class that may replace a weak person noun: a named group of people, not a thing (من منازلهم). */
  private isRefinement(s: SubjectPayload): boolean {
    return !s.weak && !this.lex.things.has(s.cls);
  }

  /** The nearest class noun before a figure in its sentence: what "في صفوفها" points back to. */
  private antecedent(first: number, s: number): SubjectPayload | undefined {
    for (let j = first - 1; j >= s && j >= first - WINDOW; j--) {
      if (!this.isWord(j)) continue;
      const m = this.subjectAt(j);
      if (m && !m.payload.weak) return m.payload;
    }
    return undefined;
  }

  /** The trigger nearest to the figure inside its clause (اعتقال أكثر من 3000). */
  private nearestTrigger(first: number, nounLast: number, clauseStart: number, clauseEnd: number, maxDistance: number): string | undefined {
    let back: { event: string; distance: number } | undefined;
    let words = 0;
    for (let j = first - 1; j >= clauseStart && words < Math.min(MAX_BACK, maxDistance); j--) {
      if (!this.isWord(j) && this.tokens[j].kind !== TOKEN_NUMBER) continue;
      words++;
      if (!this.isWord(j)) continue;
      const m = this.triggerAt(j, first);
      if (m) {
        back = { event: m, distance: words };
        break;
      }
    }
    words = 0;
    // Arabic puts the verb first (قتل 5 أشخاص), English after the subject (5 people were killed): ties go that way.
    const tieForward = this.tokens[first]?.kind === TOKEN_LATIN || this.tokens[nounLast]?.kind === TOKEN_LATIN;
    // A purpose after the figure ("صاروخين لاعتراض طائرة") is the last resort.
    let purpose: string | undefined;
    for (let j = nounLast + 1; j < clauseEnd && words < Math.min(MAX_FORWARD, maxDistance); j++) {
      if (!this.isWord(j) && this.tokens[j].kind !== TOKEN_NUMBER) continue;
      words++;
      if (back && (tieForward ? words > back.distance : words >= back.distance)) break;
      if (!this.isWord(j)) continue;
      const m = this.triggerAt(j, clauseEnd);
      if (!m) continue;
      if (this.tokens[j].norm[0] === 'ل' && hasPreposition(this.tokens[j])) purpose ??= m;
      else return m;
    }
    return back?.event ?? purpose;
  }

  /** The event a trigger at token k names, if it ends before `limit` and is not an attribution verb or an ignored phrase (إطلاق نار). */
  private triggerAt(k: number, limit: number): string | undefined {
    const m = this.eventAt(k);
    if (!m || m.last >= limit || m.payload === IGNORED || this.isAttribution(k)) return undefined;
    // "خلال الاحتجاجات"، "بسبب الهجوم": the circumstance of the figure, not what happened to it.
    const before = this.tokens[k - 1];
    if (before && this.isWord(k - 1) && this.lex.circumstantial.has(this.tokens, k - 1)) return undefined;
    return m.payload;
  }

  private isAttribution(k: number): boolean {
    return this.lex.attributionVerbs.matchAt(this.tokens, k) !== undefined || this.lex.according.matchAt(this.tokens, k) !== undefined;
  }

  /** "ارتفع عدد القتلى، بحسب الوزارة، إلى 50": a trigger after a count frame reaches past commas. */
  private frameTrigger(s: number, clauseStart: number): string | undefined {
    for (let j = clauseStart - 1; j >= s && j >= clauseStart - WINDOW; j--) {
      if (!this.isWord(j)) continue;
      const frame = this.lex.countFrames.matchAt(this.tokens, j);
      if (!frame) continue;
      const at = this.skipForward(frame.last + 1, clauseStart);
      const m = at < clauseStart ? this.triggerAt(at, clauseStart) : undefined;
      if (m) return m;
    }
    return undefined;
  }

  /** Applies context rules (إصابة in a sentence about كورونا is an infection). */
  private inContext(event: string, s: number, e: number): string {
    const rules = this.lex.data.contexts;
    if (!rules.some((r) => r.event === event)) return event;
    if (this.contexts.sentence !== s) {
      const found = new Set<number>();
      for (let j = s; j < e; j++) {
        const m = this.isWord(j) ? this.lex.contexts.matchAt(this.tokens, j) : undefined;
        if (m) found.add(m.payload);
      }
      this.contexts = { sentence: s, rules: found };
    }
    for (const k of this.contexts.rules) if (rules[k].event === event) return rules[k].becomes;
    return event;
  }

  // ------------------------------------------------------------------ sources and dates

  /**
   * Attribution phrases of a sentence and the source each names, found by
   * one scan from the sentence start that goes only as far as asked: up to
   * `until` (a token index). Mentions are found in text order, so all those
   * before `until` are known when it returns.
   */
  private scanSources(scan: SourceScan, until: number): SourceMention[] {
    const e = scan.end;
    const out = scan.mentions;
    for (let k = scan.next; k < e && k < until; k = scan.next) {
      scan.next = k + 1;
      if (!this.isWord(k)) continue;
      const according = this.lex.according.matchAt(this.tokens, k);
      if (according) {
        const source = this.phraseAfter(according.last + 1, e);
        if (source) out.push({ at: k, source });
        scan.next = according.last + 1;
        continue;
      }
      const verb = this.lex.attributionVerbs.matchAt(this.tokens, k);
      if (!verb) continue;
      // "نقلت رويترز عن وزارة الدفاع": the ministry is the source.
      let via: string | undefined;
      // "أبلغوا عن" is not a quotation: the reporter must come between the verb and "عن".
      for (let j = verb.last + 2; j < e && j <= verb.last + 6; j++) {
        if (this.tokens[j].kind === TOKEN_PUNCT && !isTransparent(this.tokens[j])) break;
        if (this.isWord(j) && this.lex.via.matchAt(this.tokens, j)) {
          via = this.phraseAfter(j + 1, e);
          break;
        }
      }
      const latin = this.tokens[k].kind === TOKEN_LATIN;
      // Arabic names the speaker after the verb (قالت الوزارة); English before it (the ministry said).
      const source = via ?? (latin ? (this.phraseBefore(k - 1, scan.start) ?? this.phraseAfter(verb.last + 1, e)) : this.phraseAfter(verb.last + 1, e));
      if (source) out.push({ at: k, source });
      scan.next = verb.last + 1;
    }
    return out;
  }

  private isSourceStop(k: number): boolean {
    const t = this.tokens[k];
    if (this.figAt[k] >= 0 || t.kind === TOKEN_NUMBER) return true;
    const known = facts(t);
    if (this.lex.stops.has(this.tokens, k) || known & FACT_PARTICLE) return true;
    if (known & FACT_WEEKDAY || this.eventAt(k) || this.lex.qualifiersBefore.matchAt(this.tokens, k)) return true;
    if (this.lex.attributionVerbs.matchAt(this.tokens, k) || this.lex.according.matchAt(this.tokens, k)) return true;
    // "بسقوط"، "بأن": a preposition glued to a stop word or a trigger.
    return (known & FACT_PARTICLE_AFTER_PROCLITIC) !== 0;
  }

  /** The named body or person after an attribution word: "وزارة الداخلية الكازاخية"، "مسؤولون في مدينة ألماتي". */
  private phraseAfter(k: number, e: number): string | undefined {
    const tokens = this.tokens;
    // Fillers first: "بحسب أرقام وزارة الداخلية"، "وفقا لما جاء في بيان لوزارة الخارجية".
    for (const stop = k + MAX_SOURCE; k < e && k < stop && this.skippable(k); ) k++;
    let first = -1;
    let last = -1;
    let words = 0;
    let sawIn = false;
    for (let j = k; j < e && words < MAX_SOURCE; j++) {
      const t = tokens[j];
      if (!this.isWord(j)) break;
      if (t.norm === 'في' && first >= 0) {
        if (sawIn) break;
        sawIn = true;
        // "وزارة الداخلية في كازاخستان" but not "توكاييف في خطاب متلفز".
        const next = j + 1 < e && this.isWord(j + 1) ? j + 1 : -1;
        if (next < 0 || this.lex.statementNouns.has(tokens, next) || this.isSourceStop(next)) break;
        words++;
        continue;
      }
      if (this.isSourceStop(j)) break;
      if (first < 0) first = j;
      last = j;
      words++;
    }
    if (first < 0) return undefined;
    return this.sourceText(first, last);
  }

  /** Fillers before a source: "بحسب أرقام وزارة الداخلية"، "وفقا لما جاء في بيان لوزارة الخارجية". */
  private skippable(j: number): boolean {
    const tokens = this.tokens;
    return this.isWord(j)
      ? this.lex.fillers.has(tokens, j) || (this.lex.statementNouns.has(tokens, j) && this.isWord(j + 1) && tokens[j + 1].norm[0] === 'ل')
      : isTransparent(tokens[j]) && !isQuote(tokens[j]);
  }

  /** "Police said": the words before the verb, back to the clause start. */
  private phraseBefore(k: number, s: number): string | undefined {
    let first = -1;
    const last = k;
    for (let j = k; j >= s && k - j < 4; j--) {
      if (!this.isWord(j) || this.isSourceStop(j)) break;
      first = j;
    }
    if (first < 0) return undefined;
    return this.sourceText(first, last);
  }

  private sourceText(first: number, last: number): string {
    const t = this.tokens[first];
    let start = t.start;
    // "لوزارة الخارجية" → "وزارة الخارجية".
    const v = variants(t);
    if (t.kind === TOKEN_WORD && (t.norm[0] === 'ل' || t.norm[0] === 'ب') && v.length > 1 && this.lex.bodies.matchAt([Token.word(v[1])], 0)) {
      start = offsetAfterNormalized(this.text, t.start, t.end, 1);
    }
    return detach(this.text.slice(start, this.tokens[last].end));
  }

  private sourceFor(first: number, scan: SourceScan): string | null {
    // The last mention before the figure, else the first one after it.
    let mentions = this.scanSources(scan, first);
    if (mentions.length === 0) mentions = this.scanSources(scan, first + 1);
    while (mentions.length === 0 && scan.next < scan.end) mentions = this.scanSources(scan, scan.next + 1);
    const best = nearestBefore(mentions, first);
    if (best) return best.source;
    const line = this.tokens[first].line;
    if (this.pending && this.pending.line === line) return this.pending.source;
    return null;
  }

  private dateFor(first: number, dates: readonly DateMention[], contextBefore: string | null): string | null {
    return nearestBefore(dates, first)?.date ?? contextBefore;
  }
}

/** In mentions sorted by position: the last one before `first`, else the first one after it. */
function nearestBefore<T extends { at: number }>(mentions: readonly T[], first: number): T | undefined {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (mentions[mid].at < first) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? mentions[low - 1] : mentions[0];
}

/** "برصاص"، "لوزارة": a word carrying a preposition, which a counted noun never does. */
function hasPreposition(t: Token): boolean {
  const c = t.norm[0];
  return t.kind === TOKEN_WORD && (c === 'ب' || c === 'ل' || c === 'ك') && variants(t)[1] === t.norm.slice(1);
}

function isQuote(t: Token): boolean {
  return (t.mark & MARK_QUOTE) !== 0;
}
