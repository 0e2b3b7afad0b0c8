import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openSeed, waitForDiagnostics, waitForFamily } from './helpers';

describe('quick fix', () => {
  it('the quick fix on "١٨" in seed 004 rewrites exactly that number to "18"', async () => {
    const doc = await openSeed('004');
    await vscode.window.showTextDocument(doc);
    const digits = await waitForFamily(doc.uri, 'digits/');
    const target = digits.find((d) => doc.getText(d.range) === '١٨');
    assert.ok(target, 'no digits diagnostic on "١٨"');
    const before = doc.getText();
    const [start, end] = [doc.offsetAt(target.range.start), doc.offsetAt(target.range.end)];

    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // The command returns plain CodeActions without their diagnostics: recognise the fix by its edit.
    const fix = actions.find(
      (a): a is vscode.CodeAction =>
        a instanceof vscode.CodeAction && !!a.edit && a.edit.get(doc.uri).length === 1 && a.edit.get(doc.uri)[0].range.isEqual(target.range),
    );
    assert.ok(fix, `no quick fix editing the number; actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    const edits = fix.edit!.entries();
    assert.equal(edits.length, 1, 'the fix edits more than one file');
    assert.equal(edits[0][0].toString(), doc.uri.toString());

    try {
      assert.equal(await vscode.workspace.applyEdit(fix.edit!), true, 'the editor refused the edit');
      assert.equal(doc.getText(), before.slice(0, start) + '18' + before.slice(end), 'the document changed elsewhere than the number');
      // The server sees the edit and drops exactly that finding.
      await waitForDiagnostics(
        doc.uri,
        (ds) => ds.filter((d) => codeOf(d).startsWith('digits/')).length === digits.length - 1,
        `${digits.length - 1} digits diagnostics after the fix`,
      );
    } finally {
      // Leave the workspace as the next tests and the UI checks expect it.
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.equal(doc.getText(), before);
    assert.equal(doc.isDirty, false);
  });
});
