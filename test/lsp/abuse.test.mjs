// Protocol abuse and the whole-corpus fix, against the built server over stdio
// (issue 11, items 9, 12 and 13). Every wait ends on a message or the exit.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startServer, uriOf } from './harness.mjs';
import { frame, startRaw } from './raw.mjs';

const request = JSON.stringify({ jsonrpc: '2.0', id: 50, method: 'workspace/symbol', params: { query: 'x' } });

describe('item 9: a broken message frame', () => {
  const broken = {
    'a Content-Length shorter than the body': `Content-Length: 5\r\n\r\n${request}`,
    'a Content-Length that is not a number': `Content-Length: abc\r\n\r\n${request}`,
    'a negative Content-Length': `Content-Length: -5\r\n\r\n${request}`,
    'a header without Content-Length': `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${request}`,
  };
  for (const [name, bytes] of Object.entries(broken)) {
    it(`item 9: ${name} makes the server log it and exit non-zero`, { timeout: 20000 }, async () => {
      const server = startRaw();
      try {
        await server.initialize();
        server.write(Buffer.from(bytes, 'utf8'));
        const exit = await server.exit({ timeout: 10000 });
        assert.ok(exit, `the server is still running 10 s after ${name}; stderr:\n${server.stderr()}`);
        assert.notEqual(exit.code, 0);
        assert.match(server.stderr(), /message stream is broken \((?:.*Content-Length|expected a header line)/);
      } finally {
        await server.kill();
      }
    });
  }

  it('item 9: a well-framed body that is not JSON is logged and skipped; the server keeps answering', { timeout: 20000 }, async () => {
    const server = startRaw();
    try {
      await server.initialize();
      server.write(frame('{not json'));
      const response = await server.request('workspace/symbol', { query: 'x' });
      assert.deepEqual(response.result, []);
      const log = await server.waitFor((m) => m.method === 'window/logMessage' && /could not read/.test(m.params.message), { what: 'the log line' });
      assert.equal(log.params.type, 1);
      assert.equal(server.child.exitCode, null);
    } finally {
      await server.kill();
    }
  });
});

const SHARED = 'مجموعة النهار الإعلامية للصحافة الرقمية';

/** A workspace of four seed files that share one line of site furniture (their line 4). */
function sharedLineWorkspace() {
  const folder = mkdtempSync(join(tmpdir(), 'corpus-lens-abuse-'));
  mkdirSync(join(folder, 'seeds'));
  const files = [];
  for (let i = 1; i <= 4; i++) {
    const file = join(folder, 'seeds', `s${i}.txt`);
    writeFileSync(
      file,
      `عنوان الخبر رقم ${i}\nقتل عدد من الأشخاص في حادث سير كبير وقع صباح اليوم على الطريق السريع بين المدينتين حسب ما أفادت الشرطة المحلية في بيان رسمي.\n` +
        `وأضاف البيان أن فرق الإسعاف نقلت المصابين إلى المستشفيات القريبة لتلقي العلاج اللازم وأن التحقيقات جارية لمعرفة أسباب الحادث.\n${SHARED}\n`,
    );
    files.push(file);
  }
  return { folder, files };
}

const fixCorpus = (server) =>
  server.connection.sendRequest('workspace/executeCommand', { command: 'corpusLens.server.fixCorpus', arguments: [{ families: ['boilerplate'] }] });

describe('Fix All Findings in the Corpus', () => {
  it('item 12: a line repeated in four files is deleted from all four, decided before any fix', { timeout: 30000 }, async () => {
    const { folder, files } = sharedLineWorkspace();
    const server = await startServer({ folder });
    try {
      await server.indexed();
      const result = await fixCorpus(server);
      assert.deepEqual({ files: result.files, fixes: result.fixes, applied: result.applied }, { files: 4, fixes: 4, applied: true });
      const edit = server.applied.at(-1).edit;
      for (const file of files) {
        const change = edit.documentChanges.find((c) => c.textDocument.uri === uriOf(file));
        assert.ok(change, `${file} is in the edit`);
        assert.deepEqual(change.edits.map((e) => [e.range.start.line, e.range.end.line, e.newText]), [[3, 4, '']]);
      }
    } finally {
      await server.stop();
    }
  });

  it('item 13: an edit the editor refuses leaves the index as it was', { timeout: 30000 }, async () => {
    const { folder, files } = sharedLineWorkspace();
    const server = await startServer({ folder, applyEdit: () => ({ applied: false, failureReason: 'refused by the test' }) });
    try {
      await server.indexed();
      const uri = uriOf(files[3]);
      const repeated = (diagnostics) => diagnostics.filter((d) => d.code === 'boilerplate/repeated-line').map((d) => d.range.start.line);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: readFileSync(files[3], 'utf8') } });
      assert.deepEqual(repeated(await server.diagnostics(uri, { version: 1 })), [3]);

      const first = await fixCorpus(server);
      assert.equal(first.applied, false);
      assert.deepEqual(first.problems, ['refused by the test']);
      // The open file is analysed again against the index: the other three files still hold the line.
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'خبر: ' }],
      });
      assert.deepEqual(repeated(await server.diagnostics(uri, { version: 2 })), [3], 'the line is still found in four files');
      // And a second try plans the same fix as the first.
      const second = await fixCorpus(server);
      assert.deepEqual({ files: second.files, fixes: second.fixes }, { files: first.files, fixes: first.fixes });
      assert.deepEqual({ files: first.files, fixes: first.fixes }, { files: 4, fixes: 4 });
    } finally {
      await server.stop();
    }
  });
});
