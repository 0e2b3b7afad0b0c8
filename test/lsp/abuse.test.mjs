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
