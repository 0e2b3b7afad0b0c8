/**
 * The CLI's text output, shared by the one-thread check and the worker
 * threads of a parallel one (which format each file where it was analysed),
 * so both print the same bytes.
 */
import type { DocumentAnalysis, Finding } from '../core';

/** `path:line:col severity rule message`, one line per finding, like a compiler. */
export function formatText(analyses: readonly DocumentAnalysis[]): string {
  let out = '';
  for (const a of analyses) {
    for (const f of a.findings) {
      out += `${a.uri}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}\n`;
    }
  }
  return out;
}

/** How many findings of each severity. */
export type SeverityCounts = Record<string, number>;

export function severityCounts(findings: Iterable<Pick<Finding, 'severity'>>, into: SeverityCounts = {}): SeverityCounts {
  for (const f of findings) into[f.severity] = (into[f.severity] ?? 0) + 1;
  return into;
}

/** The summary line on stderr: `N findings (E errors, W warnings) in F files; P input problems (see above)`. */
export function summaryLine(counts: SeverityCounts, files: number, unreadable: number): string {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const parts = ['error', 'warning', 'information', 'hint']
    .filter((s) => counts[s])
    .map((s) => `${counts[s]} ${s}${counts[s] > 1 && s !== 'information' ? 's' : ''}`);
  const filesText = `${files} file${files === 1 ? '' : 's'}`;
  const skipped = unreadable ? `; ${unreadable} input problem${unreadable === 1 ? '' : 's'} (see above)` : '';
  return `${total} finding${total === 1 ? '' : 's'}${parts.length ? ` (${parts.join(', ')})` : ''} in ${filesText}${skipped}`;
}

/** Whether findings of these counts reach the `--fail-on` severity (errors always do). */
export function countsFail(counts: SeverityCounts, failOn: 'error' | 'warning'): boolean {
  return (counts.error ?? 0) > 0 || (failOn === 'warning' && (counts.warning ?? 0) > 0);
}
