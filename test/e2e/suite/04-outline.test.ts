import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { flatten, openSeed } from './helpers';

describe('outline', () => {
  it('the outline of seed 000 lists its claims, among them the 3000 arrests', async () => {
    const doc = await openSeed('000');
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    );
    assert.ok(symbols?.length, 'the outline is empty');
    const all = flatten(symbols);
    const label = (s: vscode.DocumentSymbol | vscode.SymbolInformation) => `${s.name} ${'detail' in s ? s.detail : ''}`;
    const arrests = all.find((s) => /3,?000/.test(label(s)));
    assert.ok(arrests, `no outline entry for the 3000 arrests; entries: ${all.map(label).join(' | ')}`);
    const range = 'range' in arrests ? arrests.range : arrests.location.range;
    assert.match(doc.getText(range), /3000/, 'the entry does not point at the claim');
  });
});
