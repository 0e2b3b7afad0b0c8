/**
 * At most `max` findings of a document, the first in document order, and a
 * count of the rest (issue 11, item 6). A file of a million numbers written
 * in the wrong digits has a million findings, and holding them all (about
 * 750 bytes each, with their ranges, fixes and messages) took 4 GB for a 25
 * MB file; nobody reads past the first few thousand of one file anyway, and
 * `fix` (which needs them all) asks for no cap.
 */
import type { Finding, Range, Severity } from './types';

/** What was left out of an analysis capped by `AnalysisOptions.maxFindings`. */
export interface OmittedFindings {
  count: number;
  /** How many of each severity. */
  severities: Partial<Record<Severity, number>>;
  /** Where the first of them is. */
  range: Range;
}

/** The order of an analysis's findings: by position, then by rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule);
}

/**
 * Collects findings in any order; `done` returns the first `max` of them in
 * `compareFindings` order, exactly those a full sort would put first. The
 * list is cut back to `max` whenever it doubles, so it never holds more than
 * about twice the cap, and the cost stays O(n log max).
 */
export class FindingCollector {
  private items: Finding[] = [];
  private omittedCount = 0;
  private readonly severities: Partial<Record<Severity, number>> = {};
  private firstOmitted: Finding | undefined;
  private readonly limit: number;

  constructor(private readonly max = Infinity) {
    this.limit = Math.max(2 * max, max + 4096);
  }

  push(f: Finding): void {
    this.items.push(f);
    if (this.items.length >= this.limit) this.trim();
  }

  done(): { findings: Finding[]; omitted?: OmittedFindings } {
    // Stable: findings of one rule at one place keep the order the rule reported them in.
    this.items.sort(compareFindings);
    if (this.items.length > this.max) this.trim();
    if (!this.omittedCount) return { findings: this.items };
    return { findings: this.items, omitted: { count: this.omittedCount, severities: this.severities, range: this.firstOmitted!.range } };
  }

  private trim(): void {
    this.items.sort(compareFindings);
    const dropped = this.items.splice(this.max);
    if (!dropped.length) return;
    if (!this.firstOmitted || compareFindings(dropped[0], this.firstOmitted) < 0) this.firstOmitted = dropped[0];
    this.omittedCount += dropped.length;
    for (const f of dropped) this.severities[f.severity] = (this.severities[f.severity] ?? 0) + 1;
  }
}
