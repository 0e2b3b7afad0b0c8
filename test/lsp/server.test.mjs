import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedWorkspace, startServer, uriOf } from './harness.mjs';

const S004 = 'seeds/004_f87893d1b2acc16f.txt';
const S000 = 'seeds/000_4fd7cdf99f787919.txt';

describe('language server over stdio', () => {
  let server;
  let folder;
  const uri004 = () => uriOf(join(folder, S004));
  const text004 = () => readFileSync(join(folder, S004), 'utf8');

  before(async () => {
    folder = seedWorkspace();
    server = await startServer({ folder });
    await server.indexed();
  });
  after(async () => {
    assert.equal(await server.stop(), 0, 'the server exits cleanly on shutdown + exit');
  });

  it('advertises quick fixes and source.fixAll.corpusLens', () => {
    const kinds = server.init.capabilities.codeActionProvider.codeActionKinds;
    assert.ok(kinds.includes('quickfix'));
    assert.ok(kinds.includes('source.fixAll.corpusLens'));
  });

  it('indexes the workspace with progress and reports the count', async () => {
    const status = await server.waitFor((e) => e.method === 'corpusLens/status' && e.params.state === 'ready' && e.params.documents === 5, {
      what: 'a ready status with 5 documents',
    });
    assert.deepEqual(status.params.problems, []);
  });

  it('publishes one digits diagnostic per Eastern-digit number of seed 004, each with its fix', async () => {
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: uri004(), languageId: 'seed', version: 1, text: text004() },
    });
    const diagnostics = (await server.diagnostics(uri004(), { version: 1 })).filter((d) => String(d.code).startsWith('digits/'));
    assert.equal(diagnostics.length, 58);
    assert.equal(new Set(diagnostics.map((d) => d.range.start.line)).size, 33);
    for (const d of diagnostics) {
      assert.equal(d.source, 'corpus-lens');
      assert.equal(d.code, 'digits/eastern-arabic');
      assert.equal(d.data.fix.edits.length, 1);
      assert.match(d.data.fix.edits[0].newText, /^%?[0-9][0-9,.]*%?$/);
    }
    const first = diagnostics[0];
    assert.deepEqual(first.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 7 } });
    assert.equal(first.data.fix.edits[0].newText, '18');
  });

  it('offers the single fix and "fix all digits" from the diagnostic data', async () => {
    const diagnostics = await server.diagnostics(uri004(), { version: 1 });
    const first = diagnostics.find((d) => d.code === 'digits/eastern-arabic');
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri004() },
      range: first.range,
      context: { diagnostics: [first], only: ['quickfix'] },
    });
    assert.equal(actions[0].title, 'Write ١٨ as 18');
    assert.equal(actions[0].kind, 'quickfix');
    assert.deepEqual(actions[0].edit.changes[uri004()], [{ range: first.range, newText: '18' }]);
    const all = actions.find((a) => a.title.startsWith('Fix all'));
    assert.equal(all.title, 'Fix all 58 digits findings in this file');
    assert.equal(all.edit.changes[uri004()].length, 58);
  });

  it('answers source.fixAll.corpusLens for codeActionsOnSave', async () => {
    const actions = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri004() },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.corpusLens');
    const edits = actions[0].edit.changes[uri004()];
    assert.ok(edits.length >= 58);
    assert.ok(edits.every((e) => /^%?[0-9][0-9,.]*%?$/.test(e.newText)), 'fix on save only rewrites numbers (no deletions by default)');
  });

  it('re-analyses after an edit, once for a burst of edits (debounced)', async () => {
    const since = server.events.length;
    // Four quick edits: replace "١٨" by "18", then type three characters at the end of line 0.
    const changes = [
      { range: { start: { line: 6, character: 5 }, end: { line: 6, character: 7 } }, text: '18' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'أ' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'ب' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'ج' },
    ];
    let version = 1;
    for (const change of changes) {
      await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri004(), version: ++version }, contentChanges: [change] });
    }
    const diagnostics = await server.diagnostics(uri004(), { version: 5, since });
    assert.equal(diagnostics.filter((d) => d.code === 'digits/eastern-arabic').length, 57);
    const published = server.events.slice(since).filter((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri004());
    assert.deepEqual(published.map((e) => e.params.version), [5], 'only the last version of a burst is analysed and published');
  });

  it('flags only "20.000" in seed 000', async () => {
    const uri = uriOf(join(folder, S000));
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'seed', version: 1, text: readFileSync(join(folder, S000), 'utf8') },
    });
    const digits = (await server.diagnostics(uri, { version: 1 })).filter((d) => String(d.code).startsWith('digits/'));
    assert.deepEqual(digits.map((d) => [d.code, d.data.fix.edits[0].newText]), [['digits/dot-thousands', '20,000']]);
  });

  it('fixes the whole corpus in one workspace edit, open documents at their version', async () => {
    const result = await server.connection.sendRequest('workspace/executeCommand', {
      command: 'corpusLens.server.fixCorpus',
      arguments: [{ families: ['digits'] }],
    });
    assert.deepEqual({ files: result.files, applied: result.applied }, { files: 2, applied: true });
    const edit = server.applied.at(-1).edit;
    const byUri = Object.fromEntries(edit.documentChanges.map((c) => [c.textDocument.uri, c]));
    assert.equal(byUri[uri004()].textDocument.version, 5, 'the open document is edited at its current version');
    const before = readFileSync(join(folder, S000), 'utf8');
    const [e] = byUri[uriOf(join(folder, S000))].edits;
    const lines = before.split('\n');
    const line = lines[e.range.start.line];
    lines[e.range.start.line] = line.slice(0, e.range.start.character) + e.newText + line.slice(e.range.end.character);
    assert.equal(lines.join('\n'), before.replace('20.000', '20,000'));
  });

  it('survives a document it cannot make sense of', async () => {
    const uri = uriOf(join(folder, 'seeds', 'weird.txt'));
    const text = '\u0000\uD800٫٫٬١'.repeat(1000) + '\n'.repeat(100);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    // Every ١ stands alone between NUL, a lone surrogate and separators: a number of its own, offset 6k + 5.
    const eastern = diagnostics.filter((d) => d.code === 'digits/eastern-arabic');
    assert.deepEqual(
      eastern.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.data.fix.edits.map((e) => e.newText)]),
      Array.from({ length: 1000 }, (_, k) => [0, 6 * k + 5, 6 * k + 6, ['1']]),
    );
    const line = (n) => ({ line: n, character: 0 });
    assert.deepEqual(
      diagnostics.filter((d) => d.code !== 'digits/eastern-arabic').map((d) => [d.code, d.range, d.data.fix.edits]),
      [['boilerplate/blank-lines', { start: line(1), end: line(99) }, [{ range: { start: line(1), end: line(100) }, newText: '' }]]],
      'the trailing blank lines, and nothing else',
    );
  });
});
