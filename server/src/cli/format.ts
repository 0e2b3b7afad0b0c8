/**
 * The CLI's text output, shared by the one-thread check and the worker
 * threads of a parallel one (which format each file where it was analysed),
 * so both print the same bytes.
 */
import type { DocumentAnalysis, Finding, OmittedFindings, PlannedEdit, SeedDocument, Severity } from '../core';

/** `path:line:col severity rule message`, one line per finding, like a compiler. */
export function formatText(analyses: readonly DocumentAnalysis[]): string {
  let out = '';
  for (const a of analyses) {
    for (const f of a.findings) {
      out += `${a.uri}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}\n`;
    }
    if (a.omitted) {
      const f = omittedFinding(a.omitted);
      out += `${a.uri}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.rule} ${f.message}\n`;
    }
  }
  return out;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/**
 * The one line that stands for the findings of a file past `--max-findings`:
 * where the first of them is, at the highest severity among them. It is not
 * a finding itself (the counts and the exit status come from the real ones).
 */
export function omittedFinding(omitted: OmittedFindings): Finding {
  const severity = SEVERITIES.find((s) => omitted.severities[s]) ?? 'hint';
  const kinds = SEVERITIES.filter((s) => omitted.severities[s]).map((s) => plural(omitted.severities[s]!, s));
  return {
    rule: OMITTED_RULE,
    severity,
    range: omitted.range,
    message: `${plural(omitted.count, 'more finding')} in this file (${kinds.join(', ')}) not shown: --max-findings sets how many one file reports (default ${DEFAULT_MAX_FINDINGS}, 0 for all); fix still fixes them all`,
  };
}

/** The rule id of `omittedFinding`: outside the rule families, so no rule setting can match it. */
export const OMITTED_RULE = 'corpus-lens/too-many-findings';

/** Findings one file reports at most, by default (`--max-findings`): far more than any article has, few enough to hold. */
export const DEFAULT_MAX_FINDINGS = 10000;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'information' ? '' : 's'}`;
}

/**
 * Why a file was not read, as the CLI says it. A file above
 * `maxFileSizeKB` is refused, as the language server refuses it: the
 * analysis holds a few hundred bytes per number and per line, so a dump of
 * tens of megabytes would take gigabytes.
 */
export function readProblem(display: string, read: { reason: string; tooLarge?: boolean }, maxFileSizeKB: number): string {
  if (read.tooLarge) return `${display}: larger than ${maxFileSizeKB} KB (setting maxFileSizeKB); skipped`;
  return `${display}: ${read.reason}; skipped`;
}

/** How many findings of each severity. */
export type SeverityCounts = Record<string, number>;

export function severityCounts(findings: Iterable<Pick<Finding, 'severity'>>, into: SeverityCounts = {}): SeverityCounts {
  for (const f of findings) into[f.severity] = (into[f.severity] ?? 0) + 1;
  return into;
}

/** An analysis's counts: the findings it kept and those past the cap. */
export function analysisCounts(analysis: Pick<DocumentAnalysis, 'findings' | 'omitted'>, into: SeverityCounts = {}): SeverityCounts {
  severityCounts(analysis.findings, into);
  for (const [s, n] of Object.entries(analysis.omitted?.severities ?? {})) into[s] = (into[s] ?? 0) + n;
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

/** A dry run's lines: one per change, `path:line:col rules "old" -> "new"`, at its place in the file as read. */
export function formatPlannedEdits(display: string, doc: SeedDocument, edits: readonly PlannedEdit[]): string {
  let text = '';
  for (const e of edits) {
    const at = doc.positionAt(e.start);
    text += `${display}:${at.line + 1}:${at.character + 1} ${e.rules.join('+')} ${JSON.stringify(doc.text.slice(e.start, e.end))} -> ${JSON.stringify(e.newText)}\n`;
  }
  return text;
}
