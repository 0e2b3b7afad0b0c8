import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openSeed, waitForFamily } from './helpers';

describe('hover', () => {
  it('hovering the figure "١٨" in seed 004 shows its card with the normalized value', async () => {
    const doc = await openSeed('004');
    // The server has analysed the document once its diagnostics are out.
    await waitForFamily(doc.uri, 'digits/');
    const offset = doc.getText().indexOf('إن ١٨ فرداً');
    assert.ok(offset >= 0, 'seed 004 no longer has "إن ١٨ فرداً"');
    const position = doc.positionAt(offset + 'إن '.length + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    assert.ok(hovers?.length, 'no hover at the figure');
    const text = hovers.map(hoverText).join('\n');
    assert.match(text, /\b18\b/, `the hover does not show the value 18:\n${text}`);
    const range = hovers.find((h) => h.range)?.range;
    if (range) assert.ok(range.contains(position), 'the hover range does not cover the figure');
  });
});
