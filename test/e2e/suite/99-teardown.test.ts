import * as vscode from 'vscode';

// Root hook: leave an empty editor area for the launcher's UI checks. Tests revert what they change, so nothing prompts.
after(async () => {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const left = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${t.label}${t.isDirty ? ' (dirty)' : ''}`));
  if (left.length) throw new Error(`editors still open after closing all: ${left.join(', ')}`);
});
