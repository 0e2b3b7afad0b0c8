/**
 * Shared helpers for the extension-host suite. Everything waits on VS Code
 * events with a timeout; nothing sleeps.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'corpus-lens.corpus-lens';
export const SOURCE = 'corpus-lens';
/** Long enough for a cold server on a 2-core CI machine, short enough to fail a run that hangs. */
export const WAIT_MS = 20_000;

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs a workspace folder containing seeds/');
  return folder.uri;
}

/** The seed whose file name starts with `prefix` (`004` finds seeds/004_f87893d1b2acc16f.txt). */
export async function seedUri(prefix: string): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(workspaceRoot(), `seeds/${prefix}*.txt`));
  if (found.length !== 1) throw new Error(`expected one seed matching ${prefix}*, found ${found.length}`);
  return found[0];
}

export async function openSeed(prefix: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(await seedUri(prefix));
}

/** Corpus Lens's diagnostics for a document (other extensions' are ignored). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function summary(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  if (!all.length) return 'no diagnostics at all';
  const counts = new Map<string, number>();
  for (const d of all) counts.set(`${d.source}:${codeOf(d)}`, (counts.get(`${d.source}:${codeOf(d)}`) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${k} x${n}`).join(', ');
}

/**
 * Resolves with our diagnostics for `uri` as soon as `accept` holds for
 * them: checked now, then on every `onDidChangeDiagnostics` for that URI.
 * Rejects after `timeoutMs` with what the document had at that point.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = ours(uri);
      if (!accept(current)) return false;
      done();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; it has: ${summary(uri)}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Waits until the document at `uri` has at least one of our diagnostics whose code starts with `prefix`. */
export function waitForFamily(uri: vscode.Uri, prefix: string): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d).startsWith(prefix)), `a ${prefix}* diagnostic`).then((ds) =>
    ds.filter((d) => codeOf(d).startsWith(prefix)),
  );
}

/** Resolves when `event` fires with a value `accept` holds for; rejects after `timeoutMs`. */
export function waitForEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
  });
}

/** The plain text of a hover's contents. */
export function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Document symbols flattened, children included. */
export function flatten(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): (vscode.DocumentSymbol | vscode.SymbolInformation)[] {
  return symbols.flatMap((s) => ('children' in s ? [s, ...flatten(s.children)] : [s]));
}

/** Eastern Arabic-Indic and Persian digits to Western ones, separators untouched. */
export function westernDigits(text: string): string {
  return text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
}
