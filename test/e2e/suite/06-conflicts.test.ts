import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openSeed, waitForDiagnostics, workspaceRoot } from './helpers';

describe('figures across files', () => {
  it('a conflict diagnostic in seed 001 links, through relatedInformation, the figure in another seed', async () => {
    const doc = await openSeed('001');
    const elsewhere = (d: vscode.Diagnostic) =>
      codeOf(d).startsWith('figures/') && (d.relatedInformation ?? []).some((r) => r.location.uri.toString() !== doc.uri.toString());
    const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.some(elsewhere), 'a figures/* diagnostic related to another file');
    const conflict = diagnostics.find(elsewhere)!;
    assert.match(codeOf(conflict), /^figures\/.*conflict/, `code ${codeOf(conflict)}`);
    assert.match(doc.getText(conflict.range), /[0-9٠-٩]|آلاف|ألف|عشرات|مئات/u, 'the diagnostic is not on a figure');

    for (const related of conflict.relatedInformation!.filter((r) => r.location.uri.toString() !== doc.uri.toString())) {
      const target = related.location.uri;
      assert.ok(target.path.startsWith(`${workspaceRoot().path}/seeds/`), `related location outside the corpus: ${target}`);
      const other = await vscode.workspace.openTextDocument(target);
      assert.match(other.getText(related.location.range), /[0-9٠-٩]|آلاف|ألف|عشرات|مئات/u, `the related range in ${vscode.workspace.asRelativePath(target)} holds no figure`);
      assert.ok(related.message.length > 0, 'the related location has no message');
    }
  });
});
