/**
 * VS Code glue only: start the language server, register the commands, show
 * the index state in the status bar. All analysis happens in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ServerCommands, StatusNotification, type FixCorpusResult, type StatusParams } from '../../server/src/protocol';

let client: LanguageClient | undefined;

type CommandFactory = (context: vscode.ExtensionContext) => (...args: unknown[]) => unknown;

/** Every command, under the `corpusLens.` prefix; package.json lists the same ids. */
const COMMANDS: Record<string, CommandFactory> = {
  restartServer: () => async () => {
    await client?.restart();
  },
  showOutput: () => () => client?.outputChannel.show(true),
  fixCorpus: () => async () => {
    if (!client) return;
    const choice = await vscode.window.showWarningMessage(
      'Apply every Corpus Lens fix to all seed files of the workspace?',
      { modal: true, detail: 'Boilerplate lines are deleted and numbers rewritten. The change is one edit: Undo reverts it in open files.' },
      'Fix the corpus',
    );
    if (choice !== 'Fix the corpus') return;
    const result: FixCorpusResult = await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.fixCorpus, arguments: [{}] });
    const problems = result.problems.length ? ` ${result.problems.length} problem(s): ${result.problems.join('; ')}` : '';
    if (!result.applied) void vscode.window.showErrorMessage(`Corpus Lens: the corpus was not fixed.${problems}`);
    else void vscode.window.showInformationMessage(`Corpus Lens: ${result.fixes} fix(es) in ${result.files} file(s).${problems}`);
  },
};

function createStatusItem(context: vscode.ExtensionContext): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Corpus Lens';
  item.command = 'corpusLens.showOutput';
  context.subscriptions.push(item);
  return item;
}

function showStatus(item: vscode.StatusBarItem, status: StatusParams): void {
  const indexing = status.state === 'indexing';
  item.text = indexing ? '$(sync~spin) Corpus Lens' : `$(book) ${status.documents} seeds`;
  const tooltip = new vscode.MarkdownString(
    indexing ? 'Corpus Lens is indexing the seed files…' : `Corpus Lens: ${status.documents} seed files indexed.`,
  );
  if (status.problems.length) {
    tooltip.appendMarkdown(`\n\n**${status.problems.length} file(s) skipped:**\n`);
    for (const p of status.problems) tooltip.appendMarkdown(`\n- ${p.replace(/[\\`*_[\]]/g, '\\$&')}`);
    item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  } else {
    item.backgroundColor = undefined;
  }
  item.tooltip = tooltip;
  item.show();
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'seed' },
      { scheme: 'untitled', language: 'seed' },
    ],
  };
  client = new LanguageClient('corpusLens', 'Corpus Lens', serverOptions, clientOptions);
  for (const [name, factory] of Object.entries(COMMANDS)) {
    context.subscriptions.push(vscode.commands.registerCommand(`corpusLens.${name}`, factory(context)));
  }
  const status = createStatusItem(context);
  context.subscriptions.push(client.onNotification(StatusNotification.method, (params: StatusParams) => showStatus(status, params)));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
