// A minimal LSP client for tests: starts dist/server.js over stdio, answers
// the server's requests like an editor would, and lets tests wait on
// notifications (with a timeout, never a sleep).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import rpc from 'vscode-languageserver-protocol/node';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A temporary workspace folder holding a copy of the bundled seeds. */
export function seedWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-lsp-'));
  cpSync(join(root, 'seeds'), join(dir, 'seeds'), { recursive: true });
  return dir;
}

export const uriOf = (file) => pathToFileURL(file).href;

/**
 * Starts the server on a workspace folder. `settings` answers every
 * workspace/configuration request, `applyEdit` every workspace/applyEdit; the bench passes its own build
 * (`serverPath`) and Node flags (`execArgv`, for --cpu-prof).
 */
export async function startServer({ folder, settings = {}, serverPath = join(root, 'dist', 'server.js'), execArgv = [], env = {}, applyEdit = () => ({ applied: true }) }) {
  const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const listeners = new Set();
  const events = [];
  const record = (method, params) => {
    // `time` lets the bench measure latency even when it starts waiting after the event arrived.
    const event = { method, params, time: performance.now() };
    events.push(event);
    for (const l of [...listeners]) l(event);
  };
  const applied = [];
  connection.onNotification((method, params) => record(method, params));
  // jsonrpc routes $/progress to per-token handlers; tokens the server created itself arrive here.
  connection.onUnhandledProgress((params) => record('$/progress', params));
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/applyEdit', (params) => {
    applied.push(params);
    // `applyEdit` answers as an editor would; a test can make it refuse ({ applied: false }).
    return applyEdit(params);
  });
  connection.listen();

  /** Resolves with the first event (past or future, after `since`) that satisfies `match`. */
  function waitFor(match, { timeout = 10000, since = 0, what = 'event' } = {}) {
    const past = events.slice(since).find(match);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}; server stderr:\n${stderr}`));
      }, timeout);
      const listener = (event) => {
        if (!match(event)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(event);
      };
      listeners.add(listener);
    });
  }

  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uriOf(folder),
    workspaceFolders: [{ uri: uriOf(folder), name: 'seeds' }],
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } },
      window: { workDoneProgress: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, codeAction: { dataSupport: true } },
    },
  });
  await connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    /** Everything the server wrote to stderr so far. */
    stderr: () => stderr,
    init,
    events,
    applied,
    waitFor,
    /** Diagnostics published for a document (optionally for a given version). */
    diagnostics(uri, { version, since = 0 } = {}) {
      return waitFor(
        (e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri && (version === undefined || e.params.version === version),
        { since, what: `diagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}` },
      ).then((e) => e.params.diagnostics);
    },
    /** Resolves when the server's indexing progress ends. */
    indexed({ timeout = 10000, since = 0 } = {}) {
      return waitFor((e) => e.method === '$/progress' && e.params.value?.kind === 'end', { timeout, since, what: 'indexing to end' });
    },
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      connection.dispose();
      return child.exitCode;
    },
  };
}
