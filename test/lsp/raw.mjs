// A byte-level LSP client for abuse tests and the abuse bench: it writes
// whatever it is given to the server's stdin (malformed headers included),
// frames the server's stdout itself, answers the server's own requests like
// an editor, and lets callers wait on a message or on the process's exit.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One message framed for the wire, as bytes. */
export function frame(message) {
  const body = Buffer.from(typeof message === 'string' ? message : JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/**
 * Starts `dist/server.js --stdio` (not initialized: callers decide what to
 * send first). `applyEdit` answers workspace/applyEdit.
 */
export function startRaw({ folder, serverPath = join(root, 'dist', 'server.js'), settings = {}, applyEdit = () => ({ applied: true }) } = {}) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // A server that exits early closes stdin under our writes: that is an outcome to observe, not a test error.
  child.stdin.on('error', () => {});
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const messages = [];
  const listeners = new Set();
  let buffer = Buffer.alloc(0);
  let nextId = 1;

  const write = (bytes) => {
    if (!child.stdin.destroyed && child.exitCode === null) child.stdin.write(bytes);
  };
  const send = (message) => write(frame(message));

  const onMessage = (message) => {
    messages.push(message);
    for (const l of [...listeners]) l(message);
    if (message.method && message.id !== undefined) {
      // The server's requests: answered as an editor would, so it never waits on us.
      let result = null;
      if (message.method === 'workspace/configuration') result = message.params.items.map(() => settings);
      else if (message.method === 'workspace/applyEdit') result = applyEdit(message.params);
      send({ jsonrpc: '2.0', id: message.id, result });
    }
  };
  child.stdout.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (!(length >= 0) || buffer.length < end + 4 + length) return;
      const body = buffer.subarray(end + 4, end + 4 + length).toString('utf8');
      buffer = buffer.subarray(end + 4 + length);
      onMessage(JSON.parse(body));
    }
  });

  /** Resolves with the first message (past or future) that satisfies `match`; rejects after `timeout` ms or when the server exits first. */
  function waitFor(match, { timeout = 10000, what = 'a message' } = {}) {
    const past = messages.find(match);
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const done = (fn, value) => {
        clearTimeout(timer);
        listeners.delete(listener);
        fn(value);
      };
      const timer = setTimeout(() => done(reject, new Error(`timed out waiting for ${what}; server stderr:\n${stderr}`)), timeout);
      const listener = (m) => match(m) && done(resolve, m);
      listeners.add(listener);
      void exited.then(({ code, signal }) => done(reject, new Error(`server exited (${signal ?? code}) before ${what}; stderr:\n${stderr}`)));
    });
  }

  /** Sends a request and resolves with its response. */
  function request(method, params, options) {
    const id = nextId++;
    send({ jsonrpc: '2.0', id, method, params });
    return waitFor((m) => m.id === id && m.method === undefined, { what: `the response to ${method}`, ...options });
  }

  /** Resolves with the exit, or with `undefined` after `timeout` ms (the server hangs). */
  function exit({ timeout = 10000 } = {}) {
    return Promise.race([exited, new Promise((resolve) => setTimeout(resolve, timeout).unref())]);
  }

  async function initialize(folderPath = folder) {
    const uri = folderPath ? pathToFileURL(folderPath).href : null;
    const response = await request('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: uri ? [{ uri, name: 'seeds' }] : null,
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } }, window: { workDoneProgress: true } },
    });
    send({ jsonrpc: '2.0', method: 'initialized', params: {} });
    return response;
  }

  return {
    child,
    messages,
    stderr: () => stderr,
    write,
    send,
    request,
    waitFor,
    exit,
    exited,
    initialize,
    /** Ends the process if it is still running (only this child, by its own handle). */
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}
