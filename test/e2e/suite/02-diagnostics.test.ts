import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import { codeOf, EXTENSION_ID, openSeed, waitForFamily, workspaceRoot } from './helpers';

describe('diagnostics: each family appears', () => {
  it('digits/*: seed 004 has a warning on each Eastern Arabic-Indic number', async () => {
    const doc = await openSeed('004');
    const digits = await waitForFamily(doc.uri, 'digits/');
    assert.ok(digits.length >= 30, `only ${digits.length} digits diagnostics`);
    for (const d of digits) {
      assert.equal(codeOf(d), 'digits/eastern-arabic');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(doc.getText(d.range), /^[٠-٩][٠-٩,.٬٫٪]*$/u, `range ${JSON.stringify(d.range)} is not a number`);
    }
    const first = digits.find((d) => doc.getText(d.range) === '١٨');
    assert.ok(first, 'no diagnostic on "١٨"');
    assert.match(first.message, /18/);
  });

  it('digits/*: the editor reports exactly what the CLI reports for seed 004', async () => {
    const doc = await openSeed('004');
    const digits = await waitForFamily(doc.uri, 'digits/');
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    // In Electron's extension host process.execPath is Electron; this makes it behave as Node.
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'check', 'seeds', '--format', 'json', '--only', 'digits'], {
      cwd: workspaceRoot().fsPath,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' })); // exit 1 only means findings
    const report = JSON.parse(stdout) as { files: { path: string; findings: { rule: string; range: vscode.Range }[] }[] };
    const file = report.files.find((f) => f.path.includes(path.basename(doc.uri.fsPath)));
    assert.ok(file, 'the CLI did not report seed 004');
    const key = (code: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
      `${code}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
    assert.deepEqual(digits.map((d) => key(codeOf(d), d.range)).sort(), file.findings.map((f) => key(f.rule, f.range)).sort());
  });

  it('boilerplate/*: the scraper debris line "end of list" in seed 001 is flagged', async () => {
    const doc = await openSeed('001');
    const boilerplate = await waitForFamily(doc.uri, 'boilerplate/');
    const line = doc.getText().split(/\r?\n/).findIndex((l) => l.trim() === 'end of list');
    assert.ok(line >= 0, 'seed 001 no longer has the "end of list" line');
    assert.ok(
      boilerplate.some((d) => d.range.start.line <= line && d.range.end.line >= line),
      `no boilerplate diagnostic covers line ${line + 1}; they are on lines ${boilerplate.map((d) => d.range.start.line + 1).join(', ')}`,
    );
  });

  it('figures/*: seed 001 has a figure that disagrees with the corpus', async () => {
    const doc = await openSeed('001');
    const figures = await waitForFamily(doc.uri, 'figures/');
    for (const d of figures) assert.match(doc.getText(d.range), /[0-9٠-٩]|آلاف|ألف|عشرات|مئات/u, `figure range ${JSON.stringify(d.range)} holds no number`);
  });
});
