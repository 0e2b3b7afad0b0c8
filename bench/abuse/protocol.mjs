// Protocol abuse against the built server (dist/server.js --stdio), one fresh
// process per case: broken frames, bodies that are not JSON, requests out of
// order, unknown methods and documents, a huge and a rapid stream of edits,
// and the regular shutdown. A case fails when the server hangs (no answer or
// exit in time), dies where it should live, lives where it should exit, or
// answers wrongly.
//
//   node bench/abuse/protocol.mjs      (after npm run build)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedWorkspace, uriOf } from '../../test/lsp/harness.mjs';
import { frame, startRaw } from '../../test/lsp/raw.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER = join(ROOT, 'dist', 'server.js');
const S004 = join('seeds', '004_f87893d1b2acc16f.txt');
/** How long a case may wait for an answer or an exit before the server counts as hung. */
const TIMEOUT = 15000;

const METHOD_NOT_FOUND = -32601;
const request = (id, method, params) => JSON.stringify({ jsonrpc: '2.0', id, method, params });

/** The server still answers a request: the stream is in step and the process serves. */
async function answers(server) {
  const response = await server.request('workspace/symbol', { query: 'x' }, { timeout: TIMEOUT });
  if (!Array.isArray(response.result)) throw new Error(`workspace/symbol answered ${JSON.stringify(response).slice(0, 200)}`);
}

/** Expects the process to exit non-zero, naming the problem on stderr. */
async function exitsOn(server, bytes) {
  await server.initialize();
  server.write(Buffer.from(bytes, 'utf8'));
  const exit = await server.exit({ timeout: TIMEOUT });
  if (!exit) throw new Error('hangs: still running, never answering again');
  if (exit.code === 0) throw new Error('exited 0 after a broken frame');
  if (!/message stream is broken/.test(server.stderr())) throw new Error(`exited ${exit.code} without saying why; stderr: ${server.stderr().slice(0, 300)}`);
  return `exit ${exit.code}: ${server.stderr().trim().split('\n')[0].slice(0, 160)}`;
}

function open(server, folder, version = 1) {
  const uri = uriOf(join(folder, S004));
  server.send({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'seed', version, text: readFileSync(join(folder, S004), 'utf8') } } });
  return uri;
}

const diagnosticsOf = (server, uri, version) =>
  server.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version === version, {
    timeout: TIMEOUT,
    what: `diagnostics of version ${version}`,
  });

const CASES = {
  'Content-Length shorter than the body': (s) => exitsOn(s, `Content-Length: 5\r\n\r\n${request(9, 'workspace/symbol', { query: 'x' })}`),
  'Content-Length: abc': (s) => exitsOn(s, `Content-Length: abc\r\n\r\n${request(9, 'workspace/symbol', { query: 'x' })}`),
  'Content-Length: -5': (s) => exitsOn(s, `Content-Length: -5\r\n\r\n${request(9, 'workspace/symbol', { query: 'x' })}`),
  'no Content-Length': (s) => exitsOn(s, `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${request(9, 'workspace/symbol', { query: 'x' })}`),

  async 'well-framed body that is not JSON'(s) {
    await s.initialize();
    s.write(frame('{"jsonrpc": "2.0", "id": 777, "method": '));
    await answers(s);
    // vscode-jsonrpc answers nothing to it (no -32700): the server logs it and reads on.
    const log = await s.waitFor((m) => m.method === 'window/logMessage' && /could not read/.test(m.params.message), { timeout: TIMEOUT, what: 'the log line' });
    const response = s.messages.find((m) => m.method === undefined && (m.id === 777 || m.id === null));
    return `stays up, logs "${log.params.message.slice(0, 80)}", ${response ? `answers ${JSON.stringify(response.error ?? response.result)}` : 'sends no error response (JSON-RPC would say -32700)'}`;
  },

  async 'request before initialize'(s) {
    const response = await s.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.txt' }, position: { line: 0, character: 0 } }, { timeout: TIMEOUT });
    await s.initialize();
    await answers(s);
    // Recorded, not failed: vscode-languageserver serves requests before initialize; LSP asks for -32002 (ServerNotInitialized).
    return response.error ? `error ${response.error.code}: ${response.error.message}` : `answered ${JSON.stringify(response.result)} as if initialized (LSP asks for -32002)`;
  },

  async 'unknown method'(s) {
    await s.initialize();
    const response = await s.request('corpusLens/noSuchMethod', {}, { timeout: TIMEOUT });
    if (response.error?.code !== METHOD_NOT_FOUND) throw new Error(`expected MethodNotFound, got ${JSON.stringify(response)}`);
    await answers(s);
    return `MethodNotFound: ${response.error.message}`;
  },

  async 'huge didChange (20 MB)'(s, folder) {
    await s.initialize();
    const uri = open(s, folder);
    await diagnosticsOf(s, uri, 1);
    s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'قتل ١٨ شخصا في ألماتي.\n'.repeat(600000) }] } });
    // Larger than corpusLens.maxFileSizeKB: said once, not analysed, and the server keeps serving.
    const told = await s.waitFor((m) => m.method === 'window/showMessage' && /larger than/.test(m.params.message), { timeout: TIMEOUT, what: 'the "too large" message' });
    await answers(s);
    return told.params.message.slice(0, 100);
  },

  async 'didChange of a document never opened'(s) {
    await s.initialize();
    s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///never/opened.txt', version: 2 }, contentChanges: [{ text: 'x' }] } });
    await answers(s);
    return 'ignored, still answering';
  },

  async '1000 rapid didChange on one document'(s, folder) {
    await s.initialize();
    const uri = open(s, folder);
    for (let v = 2; v <= 1001; v++) {
      s.send({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version: v }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '١' }] } });
    }
    const last = await diagnosticsOf(s, uri, 1001);
    const stale = s.messages.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.version > 1 && m.params.version < 1001).length;
    // The 1000 digits typed on line 0 are one Eastern number: one more digits finding than the file had.
    const onLine0 = last.params.diagnostics.filter((d) => d.range.start.line === 0 && d.code === 'digits/eastern-arabic');
    if (onLine0.length !== 1 || onLine0[0].range.end.character !== 1000) throw new Error(`line 0's typed number: ${JSON.stringify(onLine0.map((d) => d.range))}`);
    await answers(s);
    return `version 1001 published (${last.params.diagnostics.length} diagnostics), ${stale} intermediate versions published`;
  },

  async 'didClose of a document never opened'(s) {
    await s.initialize();
    s.send({ jsonrpc: '2.0', method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///never/opened.txt' } } });
    await answers(s);
    return 'ignored, still answering';
  },

  async 'shutdown then exit'(s) {
    await s.initialize();
    const response = await s.request('shutdown', null, { timeout: TIMEOUT });
    if (response.error) throw new Error(`shutdown answered ${JSON.stringify(response.error)}`);
    s.send({ jsonrpc: '2.0', method: 'exit' });
    const exit = await s.exit({ timeout: TIMEOUT });
    if (!exit) throw new Error('hangs after exit');
    if (exit.code !== 0) throw new Error(`exit code ${exit.code} after shutdown`);
    return 'exit 0';
  },
};

/** Runs every case on a fresh server; returns the counts and what each case saw. */
export async function run({ log = () => {} } = {}) {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run "npm run build" first`);
  const results = [];
  for (const [name, body] of Object.entries(CASES)) {
    const folder = seedWorkspace();
    const server = startRaw({ folder, serverPath: SERVER });
    const started = performance.now();
    let result;
    try {
      result = { name, ok: true, detail: await body(server, folder) };
    } catch (err) {
      result = { name, ok: false, detail: err.message.split('\n')[0] };
    } finally {
      await server.kill();
    }
    result.ms = Math.round(performance.now() - started);
    results.push(result);
    log(`protocol: ${result.ok ? 'ok  ' : 'FAIL'} ${name} (${result.ms} ms): ${result.detail}`);
  }
  return { cases: results.length, failures: results.filter((r) => !r.ok).length, results };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { cases, failures } = await run({ log: (line) => console.log(line) });
  console.log(`protocol: ${cases} cases, ${failures} failures`);
  process.exitCode = failures ? 1 : 0;
}
