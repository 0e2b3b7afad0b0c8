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
