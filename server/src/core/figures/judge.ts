/**
 * Judging figures across the corpus: which reports of one quantity disagree
 * (`conflict`), and which differ because the count grew over time
 * (`evolving`). `QuantityIndex` keeps each quantity's reports sorted by
 * interval as documents change and caches one `Judgement` per quantity;
 * a judgement finds the clusters in one linear sweep and works out a
 * report's verdict only when it is asked for, so an edit in a quantity of
 * 10,000 reports costs a sweep and the verdicts of the edited document.
 */
import { partitionPoint } from '../text/search';
import type { Range } from '../types';

/** One report of a figure: a claim (domain.md) plus the document it is in. */
export interface FigureReport {
  uri: string;
  range: Range;
  /** `event/subject` (plus `@scope` when the claim is scoped): reports are compared only within one quantity. */
  quantity: string;
  qualifier: string;
  value: number;
  /** Interval the qualifier implies; null = unbounded. */
  low: number | null;
  high: number | null;
  /** ISO day the figure refers to, when known. */
  date: string | null;
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
}

/** A figure's diagnostic links at most this many reports on the other side. */
export const MAX_LINKS = 5;
/** Members of the agreeing cluster examined per outlier to tell conflict from evolving: bounds the work per quantity. */
const MAX_EXAMINED = 64;

/** A report with its interval (and its document as a small number), as a quantity's sorted list holds it. */
export interface JudgedItem {
  r: FigureReport;
  lo: number;
  hi: number;
  doc: number;
}

/**
 * Documents as small numbers, so counting a cluster's documents is a pass
 * over a typed array instead of a set of strings. The table only grows: a
 * number per document path ever judged, a few bytes each.
 */
const docNumbers = new Map<string, number>();
let stamps = new Int32Array(1024);
let stamp = 0;

function docNumber(uri: string): number {
  let n = docNumbers.get(uri);
  if (n === undefined) docNumbers.set(uri, (n = docNumbers.size));
  return n;
}

/** The interval a report allows, widened for round numbers and approximate qualifiers. */
export function intervalOf(r: FigureReport): [number, number] {
  return [lowOf(r), highOf(r)];
}

function lowOf(r: FigureReport): number {
  if (r.low === null) return -Infinity;
  // A round figure is a rounding of something nearby: "100" in a headline and "103" in the body agree.
  return r.high !== null && r.low === r.high ? r.low - roundingTolerance(r.value) : r.low;
}

function highOf(r: FigureReport): number {
  if (r.high === null) return Infinity;
  return r.low !== null && r.low === r.high ? r.high + roundingTolerance(r.value) : r.high;
}

/** Half the place of the last significant digit of a round number, at most 5% of it; 0 for numbers that are not round. */
export function roundingTolerance(value: number): number {
  if (!Number.isInteger(value) || value < 20 || value % 10 !== 0) return 0;
  let place = 10;
  while (value % (place * 10) === 0) place *= 10;
  return Math.min(place / 2, value * 0.05);
}

function compareReports(a: FigureReport, b: FigureReport): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/** The order of a quantity's sorted list: interval start, then place in the corpus. */
export function compareItems(a: JudgedItem, b: JudgedItem): number {
  return a.lo - b.lo || compareReports(a.r, b.r);
}

export function itemOf(r: FigureReport): JudgedItem {
  return { r, lo: lowOf(r), hi: highOf(r), doc: docNumber(r.uri) };
}

/** The order of a quantity's list by place: document, line, character (then interval start). */
export function comparePlaces(a: JudgedItem, b: JudgedItem): number {
  return compareReports(a.r, b.r) || (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0);
}

type ItemOrder = (a: JudgedItem, b: JudgedItem) => number;

/** Where a report sits in a list sorted by `order`, or -1 when it is not there. */
export function positionOf(items: readonly JudgedItem[], report: FigureReport, order: ItemOrder = compareItems): number {
  const probe = { r: report, lo: lowOf(report), hi: 0, doc: 0 };
  const first = partitionPoint(items.length, (i) => order(items[i], probe) < 0);
  // Reports at the same place compare equal: look through them for this one.
  for (let k = first; k < items.length && order(items[k], probe) === 0; k++) if (items[k].r === report) return k;
  return -1;
}

/** Where a new item goes in a list sorted by `order`: after the items that compare equal, as a stable sort puts it. */
export function insertionPoint(items: readonly JudgedItem[], item: JudgedItem, order: ItemOrder = compareItems): number {
  return partitionPoint(items.length, (i) => order(items[i], item) <= 0);
}

/** A quantity's reports in the two orders a judgement reads them in. */
export interface SortedReports {
  byInterval: readonly JudgedItem[];
  /** The same items by place; the outliers are listed in this order. */
  byPlace: readonly JudgedItem[];
}

/** Reports as a quantity's sorted lists. */
export function sortedItems(reports: readonly FigureReport[]): SortedReports {
  const byInterval = reports.map(itemOf).sort(compareItems);
  // Sorting the interval order by place keeps reports at one place in interval order, as the eager judgement listed outliers.
  return { byInterval, byPlace: byInterval.slice().sort(comparePlaces) };
}

/** True when two reports' difference is explained by time: both dated, different days, the later one larger. */
export function explainedByTime(a: FigureReport, b: FigureReport): boolean {
  if (!a.date || !b.date || a.date === b.date) return false;
  const [earlier, later] = a.date < b.date ? [a, b] : [b, a];
  return highOf(later) > highOf(earlier) && lowOf(later) > lowOf(earlier);
}

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
  return { quantity, verdicts: new LazyVerdicts(sorted.byInterval, sorted.byPlace) };
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

  constructor(
    private readonly items: readonly JudgedItem[],
    private readonly byPlace: readonly JudgedItem[],
  ) {
    if (items.length < 2) return;
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
    for (const o of this.outliers()) yield [o, this.get(o)!];
    if (this.hasOutliers()) {
      for (let k = this.mainStart; k < this.mainEnd; k++) {
        const m = this.items[k].r;
        const v = this.mainVerdict(m, k - this.mainStart);
        if (v) yield [m, v];
      }
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
    return this.mainVerdict(report, k - this.mainStart) ?? this.evolvingVerdict(report);
  }

  /** The agreeing cluster's first members, which every outlier is compared with. */
  private examined(): FigureReport[] {
    const out: FigureReport[] = [];
    for (let k = this.mainStart; k < Math.min(this.mainEnd, this.mainStart + MAX_EXAMINED); k++) out.push(this.items[k].r);
    return out;
  }

  private outlierVerdict(o: FigureReport): Verdict {
    const examined = this.examined();
    const conflicting = examined.filter((m) => !explainedByTime(o, m));
    const kind: VerdictKind = conflicting.length ? 'conflict' : 'evolving';
    const side = kind === 'conflict' ? conflicting : examined;
    const mainSize = this.mainEnd - this.mainStart;
    return { kind, others: side.slice(0, MAX_LINKS), total: kind === 'conflict' && conflicting.length === examined.length ? mainSize : side.length };
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
    const mine = this.conflictOutliers().filter((o) => !explainedByTime(o, m));
    if (mine.length) return { kind: 'conflict', others: mine.slice(0, MAX_LINKS), total: mine.length };
    // Outliers link only examined members, so the rest need not look at every outlier.
    if (position >= MAX_EXAMINED) return null;
    const linked = this.againstMain().get(m);
    return linked ? { kind: 'evolving', others: linked.slice(0, MAX_LINKS), total: linked.length } : null;
  }

  /** The first MAX_EXAMINED conflicting outliers by place: the agreeing side links these. Reads outliers only as far as it needs. */
  private conflictOutliers(): FigureReport[] {
    if (!this.conflictOutlierList) {
      const out: FigureReport[] = [];
      for (const it of this.byPlace) {
        if (this.inMain(it)) continue;
        if (this.get(it.r)!.kind === 'conflict') out.push(it.r);
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
        for (const m of this.get(o)!.others) {
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
    if (!r.date) return null;
    const dated = this.datedMain();
    const i = dated.index.get(r)!;
    const nextDay = dated.nextDay[i];
    if (nextDay >= dated.list.length) return null;
    const ceiling = pointCeiling(r);
    const later = dated.suffixTop[nextDay].filter((l) => l.date! > r.date! && lowOf(l) > ceiling);
    return later.length ? { kind: 'evolving', others: later, total: later.length } : null;
  }

  private dated?: DatedMembers;

  /** The agreeing cluster's dated members by day (stable), each day's end, and the largest later reports per suffix. */
  private datedMain(): DatedMembers {
    if (!this.dated) {
      const list: FigureReport[] = [];
      for (let k = this.mainStart; k < this.mainEnd; k++) if (this.items[k].r.date) list.push(this.items[k].r);
      list.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
      const index = new Map<FigureReport, number>();
      list.forEach((r, i) => index.set(r, i));
      const nextDay = new Int32Array(list.length);
      let next = list.length;
      for (let i = list.length - 1; i >= 0; i--) {
        if (i < list.length - 1 && list[i].date !== list[i + 1].date) next = i + 1;
        nextDay[i] = next;
      }
      // Largest later reports (top MAX_LINKS by value) for each suffix of the day order.
      const suffixTop: FigureReport[][] = new Array(list.length + 1);
      suffixTop[list.length] = [];
      for (let i = list.length - 1; i >= 0; i--) {
        const below = suffixTop[i + 1];
        // Most reports are not among the largest later ones: share the array instead of copying it.
        if (below.length === MAX_LINKS && list[i].value <= below[MAX_LINKS - 1].value) suffixTop[i] = below;
        else suffixTop[i] = [list[i], ...below].sort((a, b) => b.value - a.value).slice(0, MAX_LINKS);
      }
      this.dated = { list, index, nextDay, suffixTop };
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
        if (!this.mainVerdict(r, this.indexOf(r) - this.mainStart) && this.get(r)) out.push(r);
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

/** Documents among items[start, end). */
function distinctDocuments(items: readonly JudgedItem[], start: number, end: number): number {
  if (end - start === 1) return 1;
  if (stamps.length < docNumbers.size) {
    stamps = new Int32Array(Math.max(docNumbers.size, stamps.length * 2));
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    stamps.fill(0);
    stamp = 0;
  }
  const mark = ++stamp;
  let n = 0;
  for (let k = start; k < end; k++) {
    const d = items[k].doc;
    if (stamps[d] !== mark) {
      stamps[d] = mark;
      n++;
    }
  }
  return n;
}

/** The largest value a report plausibly stands for: its upper bound, or for open-ended claims ("more than 200") the value with its tolerance. */
function pointCeiling(r: FigureReport): number {
  const hi = highOf(r);
  return Number.isFinite(hi) ? hi : r.value + roundingTolerance(r.value);
}
