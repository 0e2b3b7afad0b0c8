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

const NO_DATES: readonly DateMention[] = [];

export class DateReader {
  private docYear: number | null = null;
  /** The reading date: the last date mentioned outside a bound ("حتى 5 يناير"). */
  context: string | null = null;
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
    for (; this.weekday < this.weekdays.length && this.weekdays[this.weekday] < e; this.weekday++) {
      const k = this.weekdays[this.weekday];
      const t = tokens[k];
      const weekday = WEEKDAYS.get(t.norm);
      if (weekday === undefined || !this.context || figAt[k] >= 0) continue;
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
