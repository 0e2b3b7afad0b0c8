// The eager judgement as it was before verdicts became lazy (server/src/core/figures/judge.ts): an oracle for judge-equivalence.test.ts.
import { storyDay, storySpan } from '../../server/src/core/claims/dates';
import { roundingTolerance, timeRelation } from '../../server/src/core/figures/intervals';
import type { FigureReport, Verdict, VerdictKind } from '../../server/src/core/figures/judge';

export type { Verdict };

/** The eager judgement: every verdict worked out at once, in a Map. */
export interface Judgement {
  quantity: string;
  /** Verdicts keyed by report (object identity). Reports that agree with the corpus have none. */
  verdicts: Map<FigureReport, Verdict>;
}

/** A figure's diagnostic links at most this many reports on the other side. */
export const MAX_LINKS = 5;
/** Members of the agreeing cluster examined per outlier to tell conflict from evolving: bounds the work per quantity. */
const MAX_EXAMINED = 64;

/** The interval a report allows, widened for round numbers and approximate qualifiers. */
export function intervalOf(r: FigureReport): [number, number] {
  let lo = r.low ?? -Infinity;
  let hi = r.high ?? Infinity;
  if (r.low !== null && r.high !== null && r.low === r.high) {
    // A round figure is a rounding of something nearby: "100" in a headline and "103" in the body agree.
    const tolerance = roundingTolerance(r.value);
    lo -= tolerance;
    hi += tolerance;
  }
  return [lo, hi];
}

function compareReports(a: FigureReport, b: FigureReport): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}


/**
 * Judges one quantity's reports in O(n log n): sort the intervals and sweep
 * them into clusters of overlapping reports; the cluster carried by the most
 * documents is the corpus's figure, and reports outside it are outliers.
 * Inside a cluster, dated reports that later reports clearly exceed are
 * `evolving` (an early "more than 200" against a later "more than 3000").
 */
export function judge(quantity: string, reports: readonly FigureReport[]): Judgement {
  const verdicts = new Map<FigureReport, Verdict>();
  if (reports.length < 2) return { quantity, verdicts };
  // Weekday-only reports are dated against the quantity's dated ones (claims/dates.ts storyDay); the pairwise relation is the lazy judge's own.
  const span = storySpan(reports.map((r) => r.date));
  const dayOf = (r: FigureReport) => r.date ?? (r.weekday === null || r.weekday === undefined ? null : storyDay(r.weekday, span));
  const relation = (a: FigureReport, b: FigureReport) => timeRelation(a, b, dayOf);
  const items = reports.map((r) => ({ r, iv: intervalOf(r) })).sort((a, b) => a.iv[0] - b.iv[0] || compareReports(a.r, b.r));

  const clusters: FigureReport[][] = [];
  let current: FigureReport[] = [];
  let reach = -Infinity;
  for (const { r, iv } of items) {
    if (current.length && iv[0] > reach) {
      clusters.push(current);
      current = [];
      reach = -Infinity;
    }
    current.push(r);
    reach = Math.max(reach, iv[1]);
  }
  clusters.push(current);

  // Weight = documents carrying the cluster, computed once per cluster (not per comparison: that was quadratic).
  const weights = clusters.map((c) => new Set(c.map((r) => r.uri)).size);
  let mainAt = 0;
  for (let k = 1; k < clusters.length; k++) {
    if (weights[k] > weights[mainAt] || (weights[k] === weights[mainAt] && clusters[k].length > clusters[mainAt].length)) mainAt = k;
  }
  const main = clusters[mainAt];
  // On a tie between clusters no side is the corpus's figure; the tie-break picks one and both sides still get conflicts.
  // Clusters are already in a deterministic order (interval, then place): no second sort.
  const mainSorted = main;

  const outliers = clusters.filter((c) => c !== main).flat().sort(compareReports);
  const againstMain = new Map<FigureReport, FigureReport[]>();
  for (const o of outliers) {
    const examined = mainSorted.slice(0, MAX_EXAMINED);
    // A value that is another report's coordinated total (or the reverse) is the same people counted together.
    if (examined.some((m) => m.total === o.value || (o.total !== undefined && o.total === m.value))) continue;
    const relations = examined.map((m) => relation(o, m));
    const kind: VerdictKind | null = relations.includes('conflict') ? 'conflict' : relations.includes('evolving') ? 'evolving' : null;
    if (!kind) continue;
    const side = examined.filter((_, i) => (kind === 'conflict' ? relations[i] !== 'evolving' : relations[i] === 'evolving'));
    verdicts.set(o, { kind, others: side.slice(0, MAX_LINKS), total: kind === 'conflict' && side.length === examined.length ? main.length : side.length });
    for (const m of side.slice(0, MAX_LINKS)) {
      if (!againstMain.has(m)) againstMain.set(m, []);
      againstMain.get(m)!.push(o);
    }
  }
  // The agreeing side carries a diagnostic too, linking the outliers.
  if (outliers.length) {
    const conflictOutliers = outliers.filter((o) => verdicts.get(o)?.kind === 'conflict').slice(0, MAX_EXAMINED);
    for (const m of mainSorted) {
      const mine = conflictOutliers.filter((o) => relation(o, m) !== 'evolving');
      if (mine.length) verdicts.set(m, { kind: 'conflict', others: mine.slice(0, MAX_LINKS), total: mine.length });
      else if (againstMain.has(m)) verdicts.set(m, { kind: 'evolving', others: againstMain.get(m)!.slice(0, MAX_LINKS), total: againstMain.get(m)!.length });
    }
  }

  // Inside the agreeing cluster, one document's recalled earlier count against its current one (the lazy judge's inDocumentVerdict).
  const ceiling = (r: FigureReport) => pointCeiling(r);
  for (const r of mainSorted) {
    if (verdicts.has(r) || (r.change ?? 'static') === 'static') continue;
    const against = mainSorted.filter(
      (n) => n.uri === r.uri && n !== r && (n.earlier ?? false) !== (r.earlier ?? false) && (intervalOf(n)[0] > ceiling(r) || ceiling(n) < intervalOf(r)[0]) && relation(r, n) === 'conflict',
    );
    if (against.length) verdicts.set(r, { kind: 'conflict', others: against.slice(0, MAX_LINKS), total: against.length });
  }
  // Outliers all carried verdicts once; now one of unknown order has none and stays out of it, as in the lazy judge.
  markEvolvingWithin(main, verdicts, dayOf);
  return { quantity, verdicts };
}

/** Within a cluster: dated reports that later, clearly larger reports supersede. Linear after sorting by date. */
function markEvolvingWithin(cluster: readonly FigureReport[], verdicts: Map<FigureReport, Verdict>, dayOf: (r: FigureReport) => string | null): void {
  // A stable sort by day keeps the cluster's deterministic order among reports of one day; a static count never grows.
  const day = (r: FigureReport) => dayOf(r)!;
  const dated = cluster.filter((r) => dayOf(r) && (r.change ?? 'static') !== 'static').sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
  if (dated.length < 2) return;
  // Largest later reports (top MAX_LINKS by value) for each suffix of the date order.
  const suffixTop: FigureReport[][] = new Array(dated.length + 1);
  suffixTop[dated.length] = [];
  for (let i = dated.length - 1; i >= 0; i--) {
    const below = suffixTop[i + 1];
    // Most reports are not among the largest later ones: share the array instead of copying it.
    if (below.length === MAX_LINKS && dated[i].value <= below[MAX_LINKS - 1].value) suffixTop[i] = below;
    else suffixTop[i] = [dated[i], ...below].sort((a, b) => b.value - a.value).slice(0, MAX_LINKS);
  }
  let nextDay = dated.length;
  for (let i = dated.length - 1; i >= 0; i--) {
    if (i < dated.length - 1 && day(dated[i]) !== day(dated[i + 1])) nextDay = i + 1;
    if (verdicts.has(dated[i]) || nextDay >= dated.length) continue;
    const r = dated[i];
    const later = suffixTop[nextDay].filter((l) => day(l) > day(r) && intervalOf(l)[0] > pointCeiling(r));
    if (later.length) verdicts.set(r, { kind: 'evolving', others: later, total: later.length });
  }
}

/** The largest value a report plausibly stands for: its upper bound, or for open-ended claims ("more than 200") the value with its tolerance. */
function pointCeiling(r: FigureReport): number {
  const [, hi] = intervalOf(r);
  return Number.isFinite(hi) ? hi : r.value + roundingTolerance(r.value);
}
