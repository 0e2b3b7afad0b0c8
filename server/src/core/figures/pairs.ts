import type { FigureReport, VerdictKind } from './judge';
import type { QuantityIndex } from './quantityIndex';
import { describeReport } from './reports';
import { pairWhy } from './why';

/** One disagreement between two reports, as the CLI's `conflicts` lists it (domain.md). */
export interface FigurePair {
  kind: VerdictKind;
  quantity: string;
  a: FigureReport;
  b: FigureReport;
  message: string;
  /** Why the two are one quantity and what time makes of them ("a later report gives fewer"). */
  why: string;
}

/** At most this many pairs per quantity in the CLI report; the diagnostics say how many there are. */
export const MAX_PAIRS_PER_QUANTITY = 20;

function order(a: FigureReport, b: FigureReport): number {
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

/**
 * Every judged disagreement of the corpus as unordered pairs, each once, in
 * a deterministic order (story and quantity, then the first report's path
 * and place), capped per quantity of a story.
 */
export function figurePairs(index: QuantityIndex, maxPerQuantity = MAX_PAIRS_PER_QUANTITY): FigurePair[] {
  const out: FigurePair[] = [];
  for (const group of [...index.quantities()].sort()) {
    const judgement = index.judgement(group);
    const { verdicts } = judgement;
    const seen = new Set<string>();
    const pairs: Omit<FigurePair, 'message' | 'why'>[] = [];
    const keyOf = (r: FigureReport) => `${r.uri}\u0000${r.range.start.line}\u0000${r.range.start.character}`;
    for (const [report, verdict] of verdicts) {
      for (const other of verdict.others) {
        const [a, b] = order(report, other) <= 0 ? [report, other] : [other, report];
        const key = `${keyOf(a)}\u0001${keyOf(b)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push({ kind: verdict.kind, quantity: report.quantity, a, b });
      }
    }
    pairs.sort((x, y) => order(x.a, y.a) || order(x.b, y.b));
    // Messages only for the pairs kept: a large quantity has thousands.
    for (const { kind, quantity, a, b } of pairs.slice(0, maxPerQuantity)) {
      const why = pairWhy(kind, a, b, judgement.relation(a, b), judgement.dayOf(a), judgement.dayOf(b));
      const message =
        kind === 'conflict'
          ? `${quantity}: ${describeReport(a)} conflicts with ${describeReport(b)}: ${why}`
          : `${quantity}: ${describeReport(a)} and ${describeReport(b)} differ because the count grew over time`;
      out.push({ kind, quantity, a, b, message, why });
    }
  }
  return out;
}

