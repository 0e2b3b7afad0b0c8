/**
 * The dates a document's sentences mention, read in text order: the
 * document's year (its first full date), the reading date a weekday is
 * resolved against, and each sentence's date figures and weekdays.
 */
import { isTransparent, TOKEN_PUNCT } from '../numbers/tokens';
import type { ReadFigure } from '../numbers/words';
import { BOUND_WORDS, completeDate, FUTURE_WORDS, PAST_WORDS, resolveWeekday, TODAY_WORDS, WEEKDAYS } from './dates';
import { variants } from './lexicon/variants';
import { someIn, type ClaimReader } from './reader';

export interface DateMention {
  at: number;
  date: string;
}

/** A weekday in a document with no explicit date: the day stays a weekday until the corpus dates it (`storyDay`). */
export interface WeekdayMention {
  at: number;
  weekday: number;
}

const NO_DATES: readonly DateMention[] = [];
const NO_WEEKDAYS: readonly WeekdayMention[] = [];

export class DateReader {
  private docYear: number | null = null;
  /** The reading date: the last date mentioned outside a bound ("حتى 5 يناير"). */
  context: string | null = null;
  /**
   * With no explicit date in the document, the reading weekday: the first
   * plain weekday of the document (news name the day they report on: "قال
   * الوزير الجمعة"), moved by each "today" weekday as the text goes on.
   */
  weekdayContext: number | null = null;
  /** The last sentence's weekdays when the document has no explicit date (see `dates`). */
  weekdayMentions: readonly WeekdayMention[] = NO_WEEKDAYS;
  /** Position in `weekdays` of the sentence being read. */
  private weekday = 0;
  /** Bracket depth scanned so far in the current sentence (see `inParentheses`). */
  private paren = { sentence: -1, at: 0, depth: 0 };

  constructor(
    private readonly r: ClaimReader,
    /** Indexes of the tokens that may be weekdays, in order. */
    private readonly weekdays: readonly number[],
  ) {
    const figures = r.figures;
    for (const f of figures) {
      const d = f.figure.date;
      if (f.figure.kind === 'date' && d && !d.startsWith('--')) {
        this.docYear = Number(d.slice(0, 4));
        break;
      }
    }
    for (const f of figures) {
      if (f.figure.kind !== 'date' || this.isBoundDate(f)) continue;
      const d = completeDate(f.figure.date, this.docYear);
      if (d) {
        this.context = d;
        break;
      }
    }
    if (this.context) return;
    for (const k of weekdays) {
      const weekday = this.plainWeekday(k);
      if (weekday !== undefined) {
        this.weekdayContext = weekday;
        break;
      }
    }
  }

  /** The weekday at token k when it names a day by itself: not a number's part, not "الماضي"/"المقبل", not a bound ("منذ الأحد"). */
  private plainWeekday(k: number): number | undefined {
    const t = this.r.tokens[k];
    const weekday = WEEKDAYS.get(t.norm);
    if (weekday === undefined || this.r.figAt[k] >= 0) return undefined;
    const after = this.r.tokens[k + 1];
    if (after && (PAST_WORDS.has(after.norm) || FUTURE_WORDS.has(after.norm))) return undefined;
    const prev = this.r.wordBefore(k, 0);
    if (prev !== undefined && someIn(variants(this.r.tokens[prev]), BOUND_WORDS, 0)) return undefined;
    return weekday;
  }

  private isBoundDate(f: ReadFigure): boolean {
    const prev = this.r.wordBefore(f.first, 0);
    return prev !== undefined && someIn(variants(this.r.tokens[prev]), BOUND_WORDS, 0);
  }

  /** Date mentions of a sentence (its date figures and weekdays), resolved against the reading date; moves the reading date. */
  dates(s: number, e: number, figures: readonly ReadFigure[]): readonly DateMention[] {
    const { tokens, figAt } = this.r;
    let out: DateMention[] | undefined;
    let next: string | null = null;
    for (const f of figures) {
      if (f.figure.kind !== 'date' || this.isBoundDate(f)) continue;
      const d = completeDate(f.figure.date, this.docYear);
      if (d) {
        (out ??= []).push({ at: f.first, date: d });
        next = d;
      }
    }
    while (this.weekday < this.weekdays.length && this.weekdays[this.weekday] < s) this.weekday++;
    if (!this.context) {
      this.undatedWeekdays(s, e);
      return NO_DATES;
    }
    for (; this.weekday < this.weekdays.length && this.weekdays[this.weekday] < e; this.weekday++) {
      const k = this.weekdays[this.weekday];
      const t = tokens[k];
      const weekday = WEEKDAYS.get(t.norm);
      if (weekday === undefined || figAt[k] >= 0) continue;
      // "يوم الأربعاء (الخامس من يناير 2022)": the explicit date says it.
      let explicit = false;
      for (let j = k + 1; j <= k + 3 && j < e; j++) {
        const fj = figAt[j];
        if (fj >= 0 && this.r.figures[fj].figure.kind === 'date') explicit = true;
        if (fj >= 0 || !isTransparent(tokens[j])) break;
      }
      if (explicit) continue;
      const after = tokens[k + 1];
      const mode = after && PAST_WORDS.has(after.norm) ? 'past' : after && FUTURE_WORDS.has(after.norm) ? 'future' : 'nearest';
      const date = resolveWeekday(this.context, weekday, mode);
      (out ??= []).push({ at: k, date });
      const prev = tokens[k - 1];
      // A weekday after "اليوم" is today: the reading date moves (unless it sits in an aside).
      if (prev && TODAY_WORDS.has(prev.norm) && !this.inParentheses(s, k)) next = date;
    }
    if (out && out.length > 1) out.sort((a, b) => a.at - b.at);
    if (next) this.context = next;
    return out ?? NO_DATES;
  }

  /** A sentence's plain weekdays in a document with no explicit date; a "today" weekday moves the reading weekday. */
  private undatedWeekdays(s: number, e: number): void {
    let out: WeekdayMention[] | undefined;
    let next: number | null = null;
    for (; this.weekday < this.weekdays.length && this.weekdays[this.weekday] < e; this.weekday++) {
      const k = this.weekdays[this.weekday];
      const weekday = this.plainWeekday(k);
      if (weekday === undefined) continue;
      (out ??= []).push({ at: k, weekday });
      const prev = this.r.tokens[k - 1];
      if (prev && TODAY_WORDS.has(prev.norm) && !this.inParentheses(s, k)) next = weekday;
    }
    this.weekdayMentions = out ?? NO_WEEKDAYS;
    if (next !== null) this.weekdayContext = next;
  }

  /** An aside in brackets ("( ... اليوم الأحد )") does not move the reading date. Weekdays come in text order, so the depth is carried forward. */
  private inParentheses(s: number, k: number): boolean {
    if (this.paren.sentence !== s) this.paren = { sentence: s, at: s, depth: 0 };
    const p = this.paren;
    for (; p.at < k; p.at++) {
      const t = this.r.tokens[p.at];
      if (t.kind !== TOKEN_PUNCT) continue;
      if (t.norm === '(') p.depth++;
      else if (t.norm === ')' && p.depth > 0) p.depth--;
    }
    return p.depth > 0;
  }
}
