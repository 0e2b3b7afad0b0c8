// The server under abuse: files too large to analyse, files deleted or
// renamed while open, malformed protocol input, a client that vanishes.
// Every wait is on a message or an exit, with a timeout; nothing sleeps.
import assert from 'node:assert/strict';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedWorkspace, startServer, uriOf } from './harness.mjs';

const S000 = 'seeds/000_4fd7cdf99f787919.txt';
const S001 = 'seeds/001_7b9c418548981003.txt';

const ready = (server, documents, since = 0) =>
  server.waitFor((e) => e.method === 'corpusLens/status' && e.params.state === 'ready' && e.params.documents === documents, {
    since,
    what: `a ready status with ${documents} documents`,
  });
const infoMessages = (server, since = 0) =>
  server.events.slice(since).filter((e) => e.method === 'window/showMessage' && e.params.type === 3).map((e) => e.params.message);

describe('bad files', () => {
  let server;
  let folder;

  before(async () => {
    folder = seedWorkspace();
    // 50 MB of plausible text: the index must not even read it.
    const line = 'قتل ١٨ شخصا واعتقل 3,000 آخرون في ألماتي.\n';
    writeFileSync(join(folder, 'seeds', 'huge.txt'), line.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(line))));
    server = await startServer({ folder });
    await server.indexed();
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  it('skips a 50 MB file above corpusLens.maxFileSizeKB (default 2048) and says so once', async () => {
    const status = await ready(server, 5);
    assert.deepEqual(status.params.problems.map((p) => p.replace(/^.*\//, '')), ['huge.txt: larger than 2048 KB; skipped']);
    const messages = await server.waitFor((e) => e.method === 'window/showMessage', { what: 'an information message' });
    assert.equal(messages.params.type, 3, 'information, not a warning or an error');
    assert.match(messages.params.message, /skipped 1 seed file larger than 2048 KB \(setting corpusLens\.maxFileSizeKB\): huge\.txt\./);
  });

  it('does not analyse an open document above the limit, and says so once', async () => {
    const uri = uriOf(join(folder, 'seeds', 'big-open.txt'));
    const text = 'قتل ١٨ شخصا\n'.repeat(150_000); // about 3 MB
    const since = server.events.length;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    assert.deepEqual(await server.diagnostics(uri, { version: 1, since }), []);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '٢' }],
    });
    assert.deepEqual(await server.diagnostics(uri, { version: 2, since }), []);
    const told = infoMessages(server, since).filter((m) => m.includes('big-open.txt'));
    assert.deepEqual(told, ['Corpus Lens does not analyse big-open.txt: it is larger than 2048 KB (setting corpusLens.maxFileSizeKB).']);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('keeps analysing an open document deleted on disk; closing it drops it from the corpus, not as a problem', async () => {
    const file = join(folder, S000);
    const uri = uriOf(file);
    const text = readFileSync(file, 'utf8');
    let since = server.events.length;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    await server.diagnostics(uri, { version: 1, since });
    rmSync(file);
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '١٢ ' }],
    });
    const diagnostics = await server.diagnostics(uri, { version: 2, since });
    assert.ok(diagnostics.some((d) => d.code === 'digits/eastern-arabic' && d.range.start.line === 0), 'the editor buffer is still analysed');
    since = server.events.length;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const status = await ready(server, 4, since);
    assert.ok(!status.params.problems.some((p) => p.includes('000_')), 'a deleted file is not an unreadable file');
    const cleared = await server.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri, { since, what: 'cleared diagnostics' });
    assert.deepEqual(cleared.params.diagnostics, []);
  });

  it('follows a rename of an open document (close + open + file events, as VS Code sends them)', async () => {
    const oldFile = join(folder, S001);
    const newFile = join(folder, 'seeds', '001-renamed.txt');
    const oldUri = uriOf(oldFile);
    const newUri = uriOf(newFile);
    const text = readFileSync(oldFile, 'utf8');
    let since = server.events.length;
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: oldUri, languageId: 'seed', version: 1, text } });
    await server.diagnostics(oldUri, { version: 1, since });
    renameSync(oldFile, newFile);
    since = server.events.length;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: oldUri } });
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: newUri, languageId: 'seed', version: 1, text } });
    await server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: oldUri, type: 3 },
        { uri: newUri, type: 1 },
      ],
    });
    assert.ok((await server.diagnostics(newUri, { version: 1, since })).length > 0, 'the new name is analysed');
    const cleared = await server.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === oldUri, { since, what: 'old name cleared' });
    assert.deepEqual(cleared.params.diagnostics, []);
    // Closing the new name makes the index read it from disk: the corpus holds it once, and not the old name.
    since = server.events.length;
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: newUri } });
    const status = await ready(server, 4, since);
    assert.ok(!status.params.problems.some((p) => p.includes('001')), 'neither name is reported unreadable');
  });
});

describe('configurable size limit', () => {
  it('uses corpusLens.maxFileSizeKB from the editor settings, and names the skipped files in one message', async () => {
    const folder = seedWorkspace();
    const server = await startServer({ folder, settings: { maxFileSizeKB: 8 } });
    await server.indexed();
    // 000 (9 KB) and 004 (33 KB) are over 8 KB; 001, 002 and 003 are under.
    await ready(server, 3);
    const [message] = infoMessages(server);
    assert.match(message, /^Corpus Lens skipped 2 seed files larger than 8 KB \(setting corpusLens\.maxFileSizeKB\): 000_4fd7cdf99f787919\.txt, 004_f87893d1b2acc16f\.txt\.$/);
    assert.equal(await server.stop(), 0);
  });
});

describe('malformed protocol input', () => {
  let server;
  let folder;
  const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  let probe;
  /** A request the server must still answer, with its real content, after the garbage. */
  const alive = async () => {
    const result = await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: probe.uri },
      range: probe.diagnostic.range,
      context: { diagnostics: [probe.diagnostic] },
    });
    assert.deepEqual(
      result.map((a) => [a.kind, Object.values(a.edit.changes ?? {}).flat().map((e) => e.newText)]),
      [['quickfix', ['18']]],
      'the quick fix of the probe document\'s one finding',
    );
    assert.equal(server.child.exitCode, null, 'still running');
  };

  before(async () => {
    folder = seedWorkspace();
    server = await startServer({ folder });
    await server.indexed();
    const uri = uriOf(join(folder, 'seeds', 'probe.txt'));
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: 'انظر الصفحة ١٨ من التقرير.' } });
    const [diagnostic, ...rest] = await server.diagnostics(uri, { version: 1 });
    assert.deepEqual([diagnostic?.code, rest], ['digits/eastern-arabic', []], 'the probe document has one finding');
    probe = { uri, diagnostic };
  });
  after(async () => {
    assert.equal(await server.stop(), 0);
  });

  const cases = {
    'a body that is not JSON': frame('{not json at all'),
    'JSON that is not JSON-RPC': frame('{"hello": 1}'),
    'a batch array': frame('[1,2,3]'),
    'a request with null params': frame('{"jsonrpc":"2.0","id":"bad-1","method":"textDocument/codeAction","params":null}'),
    'a request for an unknown method': frame('{"jsonrpc":"2.0","id":"bad-2","method":"no/such/method","params":{}}'),
    'a change to a document never opened': frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///nope.txt","version":2},"contentChanges":[{"text":"x"}]}}'),
    'a didOpen whose uri is a number': frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":42,"languageId":"seed","version":1,"text":"١٢"}}}'),
  };
  for (const [name, bytes] of Object.entries(cases)) {
    it(`survives ${name}`, async () => {
      server.child.stdin.write(bytes);
      await alive();
    });
  }

  it('logs the handler error it survived (the didOpen with a numeric uri)', async () => {
    const errors = server.events.filter((e) => e.method === 'window/logMessage' && e.params.type === 1).map((e) => e.params.message);
    assert.ok(errors.some((m) => m.startsWith('Unexpected error (the server keeps running)')), 'the bad didOpen is logged');
  });

  // Bytes that are not a frame at all: vscode-jsonrpc drops the bad header and reads
  // on only when more input arrives, so "still answers" cannot be awaited without
  // a sleep. What is deterministic: the server neither crashes nor hangs, and exits
  // as the protocol says when the pipe closes.
  it('exits cleanly after bytes that are not a message, when the client closes the pipe', async () => {
    const other = await startServer({ folder });
    await other.indexed();
    const exited = new Promise((resolve) => other.child.once('exit', (code, signal) => resolve({ code, signal })));
    other.child.stdin.write(Buffer.from([0x00, 0xff, 0xfe, 0x20, 0x67, 0x61, 0x72, 0x62, 0x61, 0x67, 0x65, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3, 0x28]));
    other.child.stdin.end();
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the server did not exit')), 10000)));
    const { code, signal } = await Promise.race([exited, timeout]).finally(() => clearTimeout(timer));
    assert.deepEqual({ code, signal }, { code: 1, signal: null }, 'exit code 1: the protocol says so for an exit without shutdown');
    assert.doesNotMatch(other.stderr(), /\n\s+at /, 'no crash, no stack trace');
  });
});

describe('a file with more findings than the server publishes (issue 11, item 6)', () => {
  it('publishes the first 10000 in document order and one diagnostic counting the rest', { timeout: 60000 }, async () => {
    const folder = seedWorkspace();
    const server = await startServer({ folder });
    try {
      await server.indexed();
      const uri = uriOf(join(folder, 'seeds', 'many.txt'));
      // Two findings per line (the digit, and the line repeated in the file), far past the cap.
      const text = 'خبر ٢\n'.repeat(6000);
      const since = server.events.length;
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
      const diagnostics = await server.diagnostics(uri, { version: 1, since });
      assert.equal(diagnostics.length, 10001);
      const last = diagnostics.at(-1);
      assert.equal(last.code, 'corpus-lens/too-many-findings');
      assert.match(last.message, /^1999 more findings in this file not shown \(Corpus Lens publishes at most 10000 per file\)/);
      // Document order: the shown ones end before the first one left out.
      assert.ok(diagnostics.slice(0, -1).every((d) => d.range.start.line <= last.range.start.line));
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});
