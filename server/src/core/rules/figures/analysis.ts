import { describeAmount, describeReport } from '../../figures/reports';
import type { FigureReport, VerdictKind } from '../../figures/judge';
import type { RuleContext } from '../rule';

/**
 * The body of the figures rules: the corpus has judged each quantity
 * (`QuantityIndex`); report this document's figures whose verdict is the
 * rule's kind, linking the other side.
 */
export function reportVerdicts(ctx: RuleContext, kind: VerdictKind): void {
  for (const report of ctx.corpus.figureReports(ctx.doc.uri)) {
    const verdict = ctx.corpus.figureVerdict(report);
    if (verdict?.kind !== kind) continue;
    const more = verdict.total > verdict.others.length ? `, and ${verdict.total - verdict.others.length} more` : '';
    const list = verdict.others.map(describeReport).join('; ') + more;
    const here = `${describeAmount(report)}${report.date ? ` on ${report.date}` : ''}`;
    const message =
      kind === 'conflict'
        ? `Conflicting figure for ${report.quantity}: ${here} here, but ${verdict.total} other report${verdict.total === 1 ? '' : 's'} disagree${verdict.total === 1 ? 's' : ''}${verdict.why ? ` (${verdict.why})` : ' and no date explains it'}: ${list}`
        : evolvingMessage(report, verdict.others, here, list);
    ctx.report({
      range: report.range,
      message,
      related: verdict.others.map((o) => ({ uri: o.uri, range: o.range, message: `${o.quantity}: ${describeReport(o)}` })),
      data: { quantity: report.quantity, kind, total: verdict.total },
    });
  }
}

function evolvingMessage(report: FigureReport, others: readonly FigureReport[], here: string, list: string): string {
  // A growing count's later reports are its larger ones; a weekday-only report has no date of its own to compare.
  const later = others.some((o) => o.value > report.value);
  return later
    ? `Evolving figure for ${report.quantity}: ${here} here; later reports give larger figures (the count grew): ${list}`
    : `Evolving figure for ${report.quantity}: ${here} here is later and larger than earlier reports (the count grew): ${list}`;
}
