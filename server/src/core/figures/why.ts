/**
 * Why two reports are one quantity and what time makes of their
 * difference, in words: the `why` of a conflict pair (pairs.ts), of a
 * verdict (judge.ts) and of the figure diagnostics.
 */
import type { FigureReport, VerdictKind } from './judge';
import type { TimeRelation } from './intervals';

/** The anchors the quantity is keyed by: "both count killed/police (same event, counted noun)". */
export function sameQuantityWhy(quantity: string): string {
  const at = quantity.indexOf('@');
  return at < 0
    ? `both count ${quantity} (same event, counted noun)`
    : `both count ${quantity.slice(0, at)} in ${quantity.slice(at + 1)} (same event, counted noun and place)`;
}

/** What time makes of a pair with this verdict, given how the two relate and their days. */
export function timeWhy(kind: VerdictKind, a: FigureReport, b: FigureReport, relation: TimeRelation, dayA: string | null, dayB: string | null): string {
  const change = a.change ?? 'static';
  if (kind === 'evolving') return change === 'varies' ? 'reports of different times: the count was revised' : 'a later report gives more: the count grew';
  if (change === 'static') return 'this count does not change over time, so two values cannot both hold';
  if (relation !== 'conflict') return 'it agrees with reports that a later, smaller report contradicts, and a toll does not fall';
  const aFirst = dayA && dayB && dayA !== dayB ? dayA < dayB : Boolean(a.earlier);
  const [dayE, dayL] = aFirst ? [dayA, dayB] : [dayB, dayA];
  const when = dayE && dayL && dayE !== dayL ? ` (${dayL}, after ${dayE})` : a.uri === b.uri ? ' (the same report recalls the larger one as earlier)' : '';
  return `a later report gives fewer${when}, and a toll does not fall`;
}

/** Both parts: "both count …; a later report gives fewer …". */
export function pairWhy(kind: VerdictKind, a: FigureReport, b: FigureReport, relation: TimeRelation, dayA: string | null, dayB: string | null): string {
  return `${sameQuantityWhy(a.quantity)}; ${timeWhy(kind, a, b, relation, dayA, dayB)}`;
}
