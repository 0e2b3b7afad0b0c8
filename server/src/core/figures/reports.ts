import { quantityOf, quantityString, type Claim } from '../claims/types';
import type { FigureReport } from './judge';

/**
 * A document's claims as figure reports for the corpus-wide judgement.
 * Vague quantities (عشرات "tens", مئات "hundreds") are left out: they are
 * too loose to contradict a count, and flagging them would cost precision.
 * So are claims that are not a count of the quantity they name, and those
 * whose kind could not tell what they are about (`comparable`).
 */
export function reportsFromClaims(uri: string, claims: readonly Claim[], story: string = uri): FigureReport[] {
  return claims.filter((c) => !isVague(c) && comparable(c)).map((c) => ({
    uri,
    range: c.range,
    // A figure for one place is a different quantity from the national one: compare it only with the same place's.
    quantity: quantityString(quantityOf(c)),
    story,
    key: figureKey(story, quantityString(quantityOf(c))),
    qualifier: c.qualifier,
    value: c.value,
    low: c.low,
    high: c.high,
    date: c.date,
    weekday: c.weekday ?? null,
    earlier: c.earlier ?? false,
    ...(c.total !== undefined ? { total: c.total } : {}),
    change: c.change ?? 'static',
    source: c.source,
    text: c.text,
  }));
}

/**
 * Whether a claim counts its quantity as a whole and for the story's
 * incident: a part (أربعة منهم), an increment (توفي تسعة آخرون), a
 * background figure (another year's crash) or a figure with no counted
 * noun of its own (headless) would only make false conflicts.
 */
export function comparable(c: Claim): boolean {
  return c.comparable !== false && c.role !== 'part' && c.aggregation !== 'increment' && !c.background && !c.hypothetical && !c.headless && !superseded(c);
}

/**
 * A count that does not change (those on board, the attackers) which its own
 * text recalls as an earlier figure ("قالت في وقت سابق إن 65 شخصا كانوا على
 * متن الطائرة ... صححت العدد فيما بعد إلى 66"): the text has already said it
 * no longer holds, so setting it against other reports tells the reader
 * nothing. A growing toll recalled as earlier is kept: it orders the
 * document's own counts (figures/intervals.ts `timeOrder`).
 */
function superseded(c: Claim): boolean {
  return c.earlier === true && (c.change ?? 'static') === 'static';
}

/** The judgement group of a quantity in a story: reports of different stories are never compared. */
export function figureKey(story: string, quantity: string): string {
  return `${story}\u0000${quantity}`;
}

/** A vague quantity read as itself (عشرات، نحو عشرات), with the interval its words give; "أكثر من عشرات" is a bound, and compared. */
function isVague(c: Claim): boolean {
  return c.vague && c.qualifier === 'about';
}

/** Qualifiers in English words, for messages and hovers (`exact` reads as nothing). */
export const QUALIFIER_WORDS: Record<string, string> = {
  exact: '',
  more_than: 'more than',
  at_least: 'at least',
  about: 'about',
  nearly: 'nearly',
  less_than: 'less than',
  up_to: 'up to',
};

// One formatter for every call: `toLocaleString` with options builds one each time, and was a third of a corpus check.
const AMOUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

/** "more than 3,000", "18". */
export function describeAmount(r: Pick<FigureReport, 'qualifier' | 'value'>): string {
  return [QUALIFIER_WORDS[r.qualifier] ?? r.qualifier, AMOUNT.format(r.value)].filter(Boolean).join(' ');
}

/** The last path segment of a URI or path, for messages. */
export function shortName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * Descriptions per report: a report is linked from up to hundreds of other
 * reports' diagnostics, and reports are replaced, never changed, when their
 * document changes, so a description never goes stale.
 */
const descriptions = new WeakMap<FigureReport, string>();

/** "more than 3,000 (2022-01-07, وزارة الداخلية) in 000_x.txt:4". */
export function describeReport(r: FigureReport): string {
  let text = descriptions.get(r);
  if (text === undefined) {
    const context = [r.date, r.source].filter(Boolean).join(', ');
    text = `${describeAmount(r)}${context ? ` (${context})` : ''} in ${shortName(r.uri)}:${r.range.start.line + 1}`;
    descriptions.set(r, text);
  }
  return text;
}
