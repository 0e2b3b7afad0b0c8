import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openSeed } from './helpers';

describe('activation', () => {
  it('a seed file opens in the Seed language and Corpus Lens is active', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    const doc = await openSeed('004');
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'seed');
    // Resolves once activate() has returned, i.e. the language client has started.
    await extension.activate();
    assert.equal(extension.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['corpusLens.fixCorpus', 'corpusLens.restartServer', 'corpusLens.showOutput']) {
      assert.ok(commands.includes(id), `command ${id} is not registered`);
    }
  });
});
