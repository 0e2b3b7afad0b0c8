import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedWorkspace, startServer, uriOf } from './harness.mjs';

const S000 = 'seeds/000_4fd7cdf99f787919.txt';
const S001 = 'seeds/001_7b9c418548981003.txt';

function open(server, folder, file, version = 1) {
  const uri = uriOf(join(folder, file));
  return server.connection
    .sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version, text: readFileSync(join(folder, file), 'utf8') } })
    .then(() => uri);
}

describe('figures across the corpus (server)', () => {
  let server;
  let folder;
  before(async () => {
    folder = seedWorkspace();
    server = await startServer({ folder });
    await server.indexed();
  });
  after(() => server.stop());

  it('links 001\'s "7 police killed" to the 18 reported in files that are not open', async () => {
    const uri = await open(server, folder, S001);
    const diagnostics = await server.diagnostics(uri, { version: 1 });
    const conflict = diagnostics.find((d) => d.code === 'figures/conflict' && d.message.includes('killed/police'));
    assert.ok(conflict, diagnostics.map((d) => d.code).join(', '));
    assert.equal(conflict.range.start.line, 1);
    const files = new Set(conflict.relatedInformation.map((r) => r.location.uri.split('/').pop().slice(0, 3)));
    assert.deepEqual([...files].sort(), ['000', '002', '004']);
    for (const r of conflict.relatedInformation) assert.match(r.message, /18/);
  });

  it('re-judges the other open document when an edit changes a figure', async () => {
    const uri000 = await open(server, folder, S000);
    const uri001 = uriOf(join(folder, S001));
    const first = await server.diagnostics(uri000, { version: 1 });
    assert.ok(first.some((d) => d.code === 'figures/conflict' && d.message.includes('killed/police')));
    const line = readFileSync(join(folder, S001), 'utf8').split('\n')[1];
    const at = line.indexOf('مقتل 7') + 'مقتل '.length;
    const since = server.events.length;
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: uri001, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: at }, end: { line: 1, character: at + 1 } }, text: '18' }],
    });
    const republished = await server.waitFor(
      (e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri000 && !e.params.diagnostics.some((d) => d.message.includes('killed/police')),
      { since, what: '000 re-published without the police conflict' },
    );
    assert.ok(republished);
  });
});

describe('figures for closed files (setting)', () => {
  it('publishes figures diagnostics for files that are not open when corpusLens.figures.publishClosedFiles is on', async () => {
    const folder = seedWorkspace();
    const server = await startServer({ folder, settings: { figures: { publishClosedFiles: true } } });
    try {
      const uri002 = uriOf(join(folder, 'seeds/002_37b114798e9ddd23.txt'));
      const diagnostics = await server.diagnostics(uri002);
      assert.ok(diagnostics.length > 0);
      assert.ok(diagnostics.every((d) => String(d.code).startsWith('figures/')), 'only figures for closed files');
    } finally {
      await server.stop();
    }
  });
});
