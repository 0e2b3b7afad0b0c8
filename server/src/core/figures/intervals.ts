/**
 * A report's interval, and a quantity's reports as the sorted lists a
 * judgement sweeps (judge.ts): by interval start, and by place in the corpus.
 */
import { partitionPoint } from '../text/search';
import type { FigureReport } from './judge';
import { daysBetween } from '../claims/dates';

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

export function lowOf(r: FigureReport): number {
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

/**
 * What time makes of two reports of one quantity whose values differ:
 * `evolving` when the later is larger (a growing count) or the count
 * `varies` and they are of different times; `conflict` when the later is
 * smaller or the count is `static`; `unknown` when one is far below the
 * other (`LEAST_REVISED_SHARE`), or their order is unknown
 * and the count may change: a difference may be the count moving, so
 * precision first says nothing. `dayOf` gives a report's day (its date, or
 * its weekday dated against its story).
 */
export type TimeRelation = 'conflict' | 'evolving' | 'unknown';

/**
 * A figure below this share of another of its quantity is rather a part of
 * the count (the bodies found that day, the passengers pulled out alive,
 * the crew among those on board) than the count revised (29 then 25, 18
 * then 7, 104 or 113 on board): nothing is said.
 */
export const LEAST_REVISED_SHARE = 1 / 3;

export function timeRelation(a: FigureReport, b: FigureReport, dayOf: (r: FigureReport) => string | null): TimeRelation {
  const change = a.change ?? 'static';
  if (change === 'static') return Math.min(a.value, b.value) >= Math.max(a.value, b.value) * LEAST_REVISED_SHARE ? 'conflict' : 'unknown';
  const order = timeOrder(a, b, dayOf(a), dayOf(b));
  if (order === null) return 'unknown';
  if (change === 'varies') return 'evolving';
  const [earlier, later] = order < 0 ? [a, b] : [b, a];
  if (highOf(later) > highOf(earlier) && lowOf(later) > lowOf(earlier)) return 'evolving';
  if (laterIncident(dayOf(earlier), dayOf(later))) return 'unknown';
  return later.value >= earlier.value * LEAST_REVISED_SHARE ? 'conflict' : 'unknown';
}

/**
 * Most days after which a smaller count is still read as the same toll
 * revised. A toll is revised over the days after its incident; a smaller
 * count dated weeks or years later is of another incident the story
 * recalls: a fact box of attacks (20 April against 26 March 2016), London's
 * attacks of June and September 2001. On the real corpus (ANT 2018) such
 * pairs were a tenth of the conflict warnings, none real.
 */
export const REVISION_DAYS = 7;

function laterIncident(earlier: string | null, later: string | null): boolean {
  return earlier !== null && later !== null && daysBetween(earlier, later) > REVISION_DAYS;
}

/**
 * Which report is of the earlier time: -1 a, 1 b, null unknown. Different
 * known days decide; in one document, a recalled earlier count precedes the
 * document's own. Two documents of one day may be hours apart, and two
 * figures of one document may be parts or increments of the count (a day's
 * bodies found), so neither is ordered.
 */
export function timeOrder(a: FigureReport, b: FigureReport, dayA: string | null, dayB: string | null): -1 | 1 | null {
  if (dayA && dayB && dayA !== dayB) return dayA < dayB ? -1 : 1;
  if (a.uri !== b.uri) return null;
  const ea = a.earlier ?? false;
  const eb = b.earlier ?? false;
  return ea === eb ? null : ea ? -1 : 1;
}

/** Documents among items[start, end). */
export function distinctDocuments(items: readonly JudgedItem[], start: number, end: number): number {
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
export function pointCeiling(r: FigureReport): number {
  const hi = highOf(r);
  return Number.isFinite(hi) ? hi : r.value + roundingTolerance(r.value);
}

/** Members of items[start, end) by document, in list order, for the documents among them that recall an earlier count. */
export function recallingDocuments(items: readonly JudgedItem[], start: number, end: number): Map<string, FigureReport[]> {
  const recalling = new Set<string>();
  for (let k = start; k < end; k++) if (items[k].r.earlier) recalling.add(items[k].r.uri);
  const map = new Map<string, FigureReport[]>();
  for (let k = start; k < end; k++) {
    const r = items[k].r;
    if (!recalling.has(r.uri)) continue;
    const list = map.get(r.uri);
    if (list) list.push(r);
    else map.set(r.uri, [r]);
  }
  return map;
}

/** For each suffix of `list`, its `n` largest reports by value (suffix i at index i; one more, empty, at the end). */
export function largestFrom(list: readonly FigureReport[], n: number): FigureReport[][] {
  const out: FigureReport[][] = new Array(list.length + 1);
  out[list.length] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const below = out[i + 1];
    // Most reports are not among the largest later ones: share the array instead of copying it.
    if (below.length === n && list[i].value <= below[n - 1].value) out[i] = below;
    else out[i] = [list[i], ...below].sort((a, b) => b.value - a.value).slice(0, n);
  }
  return out;
}
