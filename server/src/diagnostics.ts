/** Conversions between core findings and LSP diagnostics and code actions. */
import {
  CodeAction,
  CodeActionKind,
  Diagnostic,
  DiagnosticSeverity,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Finding, Fix, Severity } from './core';

export const SOURCE = 'corpus-lens';
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.corpusLens`;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What each diagnostic carries so code actions never analyse again. */
export interface DiagnosticData {
  fix?: Fix;
  data?: Record<string, unknown>;
}

export function toDiagnostic(f: Finding): Diagnostic {
  const diagnostic = Diagnostic.create(f.range, f.message, SEVERITY[f.severity], f.rule, SOURCE);
  if (f.related?.length) {
    diagnostic.relatedInformation = f.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message }));
  }
  const data: DiagnosticData = { fix: f.fix, data: f.data };
  diagnostic.data = data;
  return diagnostic;
}

/**
 * Diagnostics the server publishes at most for one file (issue 11, item 6): a
 * file of a hundred thousand numbers in the wrong digits would otherwise send
 * a message of tens of megabytes on every keystroke, and nobody reads past the
 * first thousands in the Problems panel. Fix All still fixes them all.
 */
export const MAX_PUBLISHED = 10000;

/** The diagnostics of a file: the first `max` findings (in document order), then one that counts the rest. */
export function publishedDiagnostics(findings: readonly Finding[], max = MAX_PUBLISHED): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (let i = 0; i < findings.length && i < max; i++) out.push(toDiagnostic(findings[i]));
  const rest = findings.length - out.length;
  if (rest > 0) {
    out.push(
      Diagnostic.create(
        findings[max].range,
        `${rest} more finding${rest === 1 ? '' : 's'} in this file not shown (Corpus Lens publishes at most ${max} per file); "Fix all" still fixes them all`,
        DiagnosticSeverity.Information,
        'corpus-lens/too-many-findings',
        SOURCE,
      ),
    );
  }
  return out;
}

function edit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

/** The quick fix carried by one diagnostic, if any. */
export function quickFix(uri: string, diagnostic: Diagnostic): CodeAction | undefined {
  const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
  if (!fix || diagnostic.source !== SOURCE) return undefined;
  const action = CodeAction.create(fix.title, edit(uri, fix.edits), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

/** One action applying a set of already compatible fixes. */
export function fixAllAction(uri: string, title: string, kind: string, findings: readonly Finding[]): CodeAction {
  return CodeAction.create(title, edit(uri, findings.flatMap((f) => f.fix!.edits)), kind);
}
