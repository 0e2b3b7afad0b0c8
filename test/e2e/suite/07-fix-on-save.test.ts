import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, waitForDiagnostics, waitForEvent, workspaceRoot } from './helpers';

describe('fix all on save', () => {
  // A scratch seed, so the bundled ones stay as they are for the other tests and the UI checks.
  // Its numbers are not counts of anything, so it adds no claim to the corpus.
  const typed = 'صدر العدد ١٨ من المجلة في عام ٢٠٢٢.';
  const fixed = 'صدر العدد 18 من المجلة في عام 2022.';
  let uri: vscode.Uri;

  before(async () => {
    uri = vscode.Uri.joinPath(workspaceRoot(), 'seeds', 'zz-e2e-save.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('\n'));
    await vscode.workspace
      .getConfiguration('editor', { languageId: 'seed' })
      .update('codeActionsOnSave', { 'source.fixAll.corpusLens': 'explicit' }, vscode.ConfigurationTarget.Global, true);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('editor', { languageId: 'seed' }).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // Wait until the workbench has seen the deletion, so the explorer and the corpus index are back to the bundled seeds.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(workspaceRoot(), 'seeds/zz-e2e-save.txt'));
    try {
      const deleted = waitForEvent(watcher.onDidDelete, (u) => u.toString() === uri.toString(), 'the scratch seed to be deleted');
      await vscode.workspace.fs.delete(uri);
      await deleted;
    } finally {
      watcher.dispose();
    }
  });

  it('with editor.codeActionsOnSave source.fixAll.corpusLens, saving rewrites the Eastern digits just typed', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.languageId, 'seed');
    const editor = await vscode.window.showTextDocument(doc);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), typed)));
    await waitForDiagnostics(uri, (ds) => ds.filter((d) => codeOf(d).startsWith('digits/')).length === 2, 'two digits diagnostics on the typed line');

    await vscode.commands.executeCommand('workbench.action.files.save');
    assert.equal(doc.isDirty, false, 'the document is still dirty after saving');
    assert.equal(doc.getText(), `${fixed}\n`);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), `${fixed}\n`, 'the fixed text is not what was written to disk');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d).startsWith('digits/')), 'no digits diagnostics after saving');
  });
});
