/**
 * Judging figures across the corpus: which reports of one quantity disagree
 * (`conflict`), and which differ because the count grew over time
 * (`evolving`). `QuantityIndex` keeps each quantity's reports sorted by
 * interval as documents change and caches one `Judgement` per quantity;
 * a judgement finds the clusters in one linear sweep and works out a
 * report's verdict only when it is asked for, so an edit in a quantity of
 * 10,000 reports costs a sweep and the verdicts of the edited document.
 */
import type { Change } from '../claims/types';
import type { Range } from '../types';
import { storyDay, storySpan, type StorySpan } from '../claims/dates';
import { pairWhy } from './why';
import { compareItems, distinctDocuments, largestFrom, lowOf, pointCeiling, positionOf, recallingDocuments, sortedItems, timeRelation, type JudgedItem, type SortedReports, type TimeRelation } from './intervals';

/** One report of a figure: a claim (domain.md) plus the document it is in. */
export interface FigureReport {
  uri: string;
  range: Range;
  /** `event/subject` (plus `@scope` when the claim is scoped): reports are compared only within one quantity. */
  quantity: string;
  /** The id of the document's story (stories/storyIndex.ts). */
  story: string;
  /** Story and quantity: what a judgement groups by (reports of different stories never meet). */
  key: string;
  qualifier: string;
  value: number;
  /** Interval the qualifier implies; null = unbounded. */
  low: number | null;
  high: number | null;
  /** ISO day the figure refers to, when known. */
  date: string | null;
  /** With no date, the weekday the text gives (0 = Sunday): dated against the quantity's dated reports (`storyDay`). */
  weekday?: number | null;
  /** A count its document recalls as earlier than its own: before the document's other figures. */
  earlier?: boolean;
  /** How the count moves over time; absent: `static` (any two values conflict). */
  change?: Change;
  /** What the counts of other subjects its sentence gives for the same event add up to with it (claims/coordination.ts). */
  total?: number;
  source: string | null;
  /** The sentence or phrase, for messages. */
  text: string;
}

export type VerdictKind = 'conflict' | 'evolving';

/** What the corpus says about one report. */
export interface Verdict {
  kind: VerdictKind;
  /** Up to MAX_LINKS reports on the other side, in a deterministic order. */
  others: FigureReport[];
  /** How many reports are on the other side in all. */
  total: number;
  /** Why, against the first report linked: the anchors of the quantity and what time makes of the difference (why.ts). */
  why?: string;
}

/** The verdicts of one quantity, keyed by report (object identity); reports that agree with the corpus have none. */
export interface Verdicts extends Iterable<[FigureReport, Verdict]> {
  get(report: FigureReport): Verdict | undefined;
  has(report: FigureReport): boolean;
  /** How many reports have a verdict (works them all out). */
  readonly size: number;
  entries(): IterableIterator<[FigureReport, Verdict]>;
}

export interface Judgement {
  quantity: string;
  verdicts: Verdicts;
  /** What time makes of two of its reports (intervals.ts `timeRelation`), with reports dated by weekday against the quantity's dated ones. */
  relation(a: FigureReport, b: FigureReport): TimeRelation;
  /** The day a report is of, when known. */
  dayOf(r: FigureReport): string | null;
}

/** A figure's diagnostic links at most this many reports on the other side. */
export const MAX_LINKS = 5;
/** Members of the agreeing cluster examined per outlier to tell conflict from evolving: bounds the work per quantity. */
const MAX_EXAMINED = 64;

/**
 * Judges one quantity's reports: sort the intervals and sweep them into
 * clusters of overlapping reports; the cluster carried by the most
 * documents is the corpus's figure, and reports outside it are outliers.
 * Inside a cluster, dated reports that later reports clearly exceed are
 * `evolving` (an early "more than 200" against a later "more than 3000").
 */
export function judge(quantity: string, reports: readonly FigureReport[]): Judgement {
  return judgeSorted(quantity, sortedItems(reports));
}

/** `judge` over lists already sorted; they must not change afterwards. */
export function judgeSorted(quantity: string, sorted: SortedReports): Judgement {
  const verdicts = new LazyVerdicts(sorted.byInterval, sorted.byPlace);
  return { quantity, verdicts, relation: (a, b) => verdicts.relation(a, b), dayOf: (r) => verdicts.dayOf(r) };
}

/**
 * One quantity's verdicts, worked out on demand. The clusters come from one
 * sweep at construction; a verdict costs at most MAX_EXAMINED comparisons,
 * except the few that need every outlier's verdict (see `againstMain`).
 * Iterating yields exactly the verdicts, in the order an eager judgement
 * produces them: outliers by place, the agreeing cluster's members in
 * interval order, then the agreeing cluster's evolving members.
 */
class LazyVerdicts implements Verdicts {
  private readonly computed = new Map<FigureReport, Verdict | null>();
  /** The agreeing cluster: items[mainStart, mainEnd). */
  private mainStart = 0;
  private mainEnd = 0;
  private outlierList?: FigureReport[];
  private conflictOutlierList?: FigureReport[];
  private linkedBy?: Map<FigureReport, FigureReport[]>;
  private evolvingOrder?: FigureReport[];
  /** The days the quantity's dated reports run over: the story a weekday-only report is dated against. */
  private readonly span: StorySpan | null = null;

  constructor(
    private readonly items: readonly JudgedItem[],
    private readonly byPlace: readonly JudgedItem[],
  ) {
    if (items.length < 2) return;
    // The reports of one quantity are taken for one story's (that is why they are compared), so its dated ones date the others' weekdays.
    this.span = storySpan(items.map((it) => it.r.date));
    // Sweep into clusters; keep the one carried by the most documents (then the larger, then the first).
    let bestWeight = -1;
    let bestSize = -1;
    let start = 0;
    let reach = -Infinity;
    const close = (end: number) => {
      const weight = distinctDocuments(items, start, end);
      if (weight > bestWeight || (weight === bestWeight && end - start > bestSize)) {
        bestWeight = weight;
        bestSize = end - start;
        this.mainStart = start;
        this.mainEnd = end;
      }
    };
    for (let k = 0; k < items.length; k++) {
      const it = items[k];
      if (k > start && it.lo > reach) {
        close(k);
        start = k;
        reach = -Infinity;
      }
      if (it.hi > reach) reach = it.hi;
    }
    close(items.length);
  }

  get(report: FigureReport): Verdict | undefined {
    let v = this.computed.get(report);
    if (v === undefined) {
      v = this.compute(report);
      this.computed.set(report, v);
    }
    return v ?? undefined;
  }

  has(report: FigureReport): boolean {
    return this.get(report) !== undefined;
  }

  get size(): number {
    let n = 0;
    for (const _ of this) n++;
    return n;
  }

  *entries(): IterableIterator<[FigureReport, Verdict]> {
    if (this.items.length < 2) return;
    for (const o of this.outliers()) {
      const v = this.get(o);
      if (v) yield [o, v];
    }
    if (this.hasOutliers()) {
      for (let k = this.mainStart; k < this.mainEnd; k++) {
        const m = this.items[k].r;
        const v = this.mainVerdict(m, k - this.mainStart);
        if (v) yield [m, v];
      }
    }
    for (let k = this.mainStart; k < this.mainEnd; k++) {
      const m = this.items[k].r;
      const v = this.mainVerdict(m, k - this.mainStart) ? null : this.inDocumentVerdict(m);
      if (v) yield [m, v];
    }
    for (const r of this.evolvingMembers()) yield [r, this.get(r)!];
  }

  [Symbol.iterator](): IterableIterator<[FigureReport, Verdict]> {
    return this.entries();
  }

  /** Where a report sits in the sorted list, or -1 when it is not one of this quantity's. */
  private indexOf(report: FigureReport): number {
    return positionOf(this.items, report);
  }

  private compute(report: FigureReport): Verdict | null {
    if (this.items.length < 2) return null;
    const k = this.indexOf(report);
    if (k < 0) return null;
    if (k < this.mainStart || k >= this.mainEnd) return this.outlierVerdict(report);
    return this.mainVerdict(report, k - this.mainStart) ?? this.inDocumentVerdict(report) ?? this.evolvingVerdict(report);
  }

  /** The agreeing cluster's first members, which every outlier is compared with. */
  private examined(): FigureReport[] {
    const out: FigureReport[] = [];
    for (let k = this.mainStart; k < Math.min(this.mainEnd, this.mainStart + MAX_EXAMINED); k++) out.push(this.items[k].r);
    return out;
  }

  /** The day a report is of: its date, else its weekday dated against the quantity's dated reports. */
  dayOf(r: FigureReport): string | null {
    if (r.date) return r.date;
    if (r.weekday === null || r.weekday === undefined) return null;
    let day = this.days.get(r);
    if (day === undefined) this.days.set(r, (day = storyDay(r.weekday, this.span)));
    return day;
  }

  private readonly days = new Map<FigureReport, string | null>();

  relation(a: FigureReport, b: FigureReport): TimeRelation {
    return timeRelation(a, b, (r) => this.dayOf(r));
  }

  /**
   * An outlier conflicts with the agreeing cluster when time cannot explain
   * it against some member (a later, smaller toll; one time; a static
   * count), and then with every member time does not clearly explain: they
   * agree with that member, so they are the figure it contradicts. It is
   * evolving when time explains it against members and contradicts none;
   * with every order unknown it has no verdict.
   */
  private outlierVerdict(o: FigureReport): Verdict | null {
    const examined = this.examined();
    // "71 راكبا" against "67 راكبا وأربعة من أفراد الطاقم": the same people, counted together.
    if (examined.some((m) => m.total === o.value || (o.total !== undefined && o.total === m.value))) return null;
    const relations = examined.map((m) => this.relation(o, m));
    const mainSize = this.mainEnd - this.mainStart;
    const definite = relations.indexOf('conflict');
    if (definite >= 0) {
      const conflicting = examined.filter((_, i) => relations[i] !== 'evolving');
      const total = conflicting.length === examined.length ? mainSize : conflicting.length;
      return { kind: 'conflict', others: conflicting.slice(0, MAX_LINKS), total, why: this.why('conflict', o, examined[definite]) };
    }
    const grown = examined.filter((_, i) => relations[i] === 'evolving');
    return grown.length ? { kind: 'evolving', others: grown.slice(0, MAX_LINKS), total: grown.length, why: this.why('evolving', o, grown[0]) } : null;
  }

  private why(kind: VerdictKind, a: FigureReport, b: FigureReport): string {
    return pairWhy(kind, a, b, this.relation(a, b), this.dayOf(a), this.dayOf(b));
  }

  private hasOutliers(): boolean {
    return this.mainEnd - this.mainStart < this.items.length;
  }

  /** Whether an item is in the agreeing cluster (a cluster's bounds never split items of one interval start). */
  private inMain(it: JudgedItem): boolean {
    return compareItems(this.items[this.mainStart], it) <= 0 && compareItems(it, this.items[this.mainEnd - 1]) <= 0;
  }

  /** Reports outside the agreeing cluster, by place. */
  private outliers(): FigureReport[] {
    if (!this.outlierList) {
      const out: FigureReport[] = [];
      if (this.hasOutliers()) for (const it of this.byPlace) if (!this.inMain(it)) out.push(it.r);
      this.outlierList = out;
    }
    return this.outlierList;
  }

  /** A member's verdict against the outliers: it conflicts with some, or some link it as the count they grew from. */
  private mainVerdict(m: FigureReport, position: number): Verdict | null {
    if (!this.hasOutliers()) return null;
    const mine = this.conflictOutliers().filter((o) => this.relation(o, m) !== 'evolving');
    if (mine.length) return { kind: 'conflict', others: mine.slice(0, MAX_LINKS), total: mine.length, why: this.why('conflict', m, mine[0]) };
    // Outliers link only examined members, so the rest need not look at every outlier.
    if (position >= MAX_EXAMINED) return null;
    const linked = this.againstMain().get(m);
    return linked ? { kind: 'evolving', others: linked.slice(0, MAX_LINKS), total: linked.length, why: this.why('evolving', m, linked[0]) } : null;
  }

  /** The first MAX_EXAMINED conflicting outliers by place: the agreeing side links these. Reads outliers only as far as it needs. */
  private conflictOutliers(): FigureReport[] {
    if (!this.conflictOutlierList) {
      const out: FigureReport[] = [];
      for (const it of this.byPlace) {
        if (this.inMain(it)) continue;
        if (this.get(it.r)?.kind === 'conflict') out.push(it.r);
        if (out.length === MAX_EXAMINED) break;
      }
      this.conflictOutlierList = out;
    }
    return this.conflictOutlierList;
  }

  /** For each examined member, the outliers that link it, in outlier order: needs every outlier's verdict, once. */
  private againstMain(): Map<FigureReport, FigureReport[]> {
    if (!this.linkedBy) {
      const map = new Map<FigureReport, FigureReport[]>();
      for (const o of this.outliers()) {
        for (const m of this.get(o)?.others ?? []) {
          const list = map.get(m);
          if (list) list.push(o);
          else map.set(m, [o]);
        }
      }
      this.linkedBy = map;
    }
    return this.linkedBy;
  }

  /**
   * Within the agreeing cluster: a dated member without a verdict against
   * the outliers is evolving when reports of later days, among the
   * MAX_LINKS largest of those days, clearly exceed it.
   */
  private evolvingVerdict(r: FigureReport): Verdict | null {
    const day = this.dayOf(r);
    if (!day || (r.change ?? 'static') === 'static') return null;
    const dated = this.datedMain();
    const i = dated.index.get(r)!;
    const nextDay = dated.nextDay[i];
    if (nextDay >= dated.list.length) return null;
    const ceiling = pointCeiling(r);
    const later = dated.suffixTop[nextDay].filter((l) => this.dayOf(l)! > day && lowOf(l) > ceiling);
    return later.length ? { kind: 'evolving', others: later, total: later.length, why: this.why('evolving', r, later[0]) } : null;
  }

  /**
   * Within the agreeing cluster, one document's own order: a count it
   * recalls as earlier and its current one that time cannot explain (an
   * official 25 after a recalled "at least 30", chained into one cluster by
   * an "about 30"). Overlapping reports agree; a static count's members all do.
   */
  private inDocumentVerdict(r: FigureReport): Verdict | null {
    if ((r.change ?? 'static') === 'static') return null;
    const mine = this.mainByDocument().get(r.uri);
    if (!mine || mine.length < 2) return null;
    const lo = lowOf(r);
    const hi = pointCeiling(r);
    const against = mine.filter((n) => n !== r && (n.earlier ?? false) !== (r.earlier ?? false) && (lowOf(n) > hi || pointCeiling(n) < lo) && this.relation(r, n) === 'conflict');
    return against.length ? { kind: 'conflict', others: against.slice(0, MAX_LINKS), total: against.length, why: this.why('conflict', r, against[0]) } : null;
  }

  private byDocument?: Map<string, FigureReport[]>;

  private mainByDocument(): Map<string, FigureReport[]> {
    return (this.byDocument ??= recallingDocuments(this.items, this.mainStart, this.mainEnd));
  }

  private dated?: DatedMembers;

  /** The agreeing cluster's dated members by day (stable), each day's end, and the largest later reports per suffix. */
  private datedMain(): DatedMembers {
    if (!this.dated) {
      // A static count does not grow: none of its reports is evolving.
      const list: FigureReport[] = [];
      for (let k = this.mainStart; k < this.mainEnd; k++) {
        const r = this.items[k].r;
        if (this.dayOf(r) && (r.change ?? 'static') !== 'static') list.push(r);
      }
      const day = (r: FigureReport) => this.dayOf(r)!;
      list.sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
      const index = new Map<FigureReport, number>();
      list.forEach((r, i) => index.set(r, i));
      const nextDay = new Int32Array(list.length);
      let next = list.length;
      for (let i = list.length - 1; i >= 0; i--) {
        if (i < list.length - 1 && day(list[i]) !== day(list[i + 1])) next = i + 1;
        nextDay[i] = next;
      }
      this.dated = { list, index, nextDay, suffixTop: largestFrom(list, MAX_LINKS) };
    }
    return this.dated;
  }

  /** The agreeing cluster's evolving members, latest day first, as an eager judgement adds them. */
  private evolvingMembers(): FigureReport[] {
    if (!this.evolvingOrder) {
      const out: FigureReport[] = [];
      const dated = this.datedMain();
      for (let i = dated.list.length - 1; i >= 0; i--) {
        const r = dated.list[i];
        if (!this.mainVerdict(r, this.indexOf(r) - this.mainStart) && !this.inDocumentVerdict(r) && this.get(r)) out.push(r);
      }
      this.evolvingOrder = out;
    }
    return this.evolvingOrder;
  }

}

/** The agreeing cluster's dated members by day, each one's position, where its day ends, and the largest reports from each position on. */
interface DatedMembers {
  list: FigureReport[];
  index: Map<FigureReport, number>;
  nextDay: Int32Array;
  suffixTop: FigureReport[][];
}
