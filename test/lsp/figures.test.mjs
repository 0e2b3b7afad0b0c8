import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
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

describe('start-up index on worker threads', () => {
  // What is compared here is threads, not time: every event's counts are declared static (the user
  // lexicon's flags replace the defaults), so two copies that differ conflict whatever their dates.
  const lexicon = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'server', 'src', 'core', 'lang', 'ar', 'claims.json'), 'utf8'));
  const STATIC_EVENTS = Object.fromEntries(Object.keys(lexicon.events).map((id) => [id, { grows: false, varies: false }]));

  /** Every closed file's figures diagnostics and the status's problems, once indexing is done. */
  async function indexWith(folder, threads, serverPath) {
    const settings = { figures: { publishClosedFiles: true }, claims: { lexicon: { events: STATIC_EVENTS } } };
    const server = await startServer({ folder, serverPath, settings, env: { CORPUS_LENS_INDEX_THREADS: String(threads) } });
    try {
      const status = await server.waitFor((e) => e.method === 'corpusLens/status' && e.params.state === 'ready', { what: 'index ready' });
      const seeds = readdirSync(join(folder, 'seeds')).filter((f) => f.endsWith('.txt') && !f.startsWith('bad'));
      const published = {};
      for (const f of seeds) {
        const diagnostics = await server.diagnostics(uriOf(join(folder, 'seeds', f)));
        published[f] = diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();
      }
      return { published, documents: status.params.documents, problems: status.params.problems.map((p) => p.split('/').pop()).sort() };
    } finally {
      await server.stop();
    }
  }

  it('indexes the same corpus as one thread does, unreadable files included', async () => {
    const folder = seedWorkspace();
    // More files than one batch, so several batches go to the worker; and files a worker must refuse.
    // Among 150 copies each seed and its copies are a story of their own, so every copy changes the
    // seed's small counts (not its years): every story has conflicts, every file figures diagnostics.
    for (let k = 0; k < 150; k++) {
      const source = readdirSync(join(folder, 'seeds')).filter((f) => /^00\d_/.test(f))[k % 5];
      const text = readFileSync(join(folder, 'seeds', source), 'utf8').replace(/\d+/g, (n) => (n.length <= 3 ? String(+n + (k % 3)) : n));
      writeFileSync(join(folder, 'seeds', `copy-${String(k).padStart(3, '0')}.txt`), text);
    }
    writeFileSync(join(folder, 'seeds', 'bad-binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
    writeFileSync(join(folder, 'seeds', 'bad-latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31, 0x38]));
    const one = await indexWith(folder, 0);
    const two = await indexWith(folder, 2);
    assert.equal(one.documents, 155);
    assert.deepEqual(one.problems, ['bad-binary.txt: binary file (contains NUL bytes)', 'bad-latin1.txt: not valid UTF-8 text']);
    assert.ok(Object.values(one.published).some((d) => d.some((line) => line.includes('figures/conflict'))), 'the copies disagree on purpose');
    assert.deepEqual(two, one);
    // Worker threads that die on their first batch: this thread reads their batches too.
    const crashing = mkdtempSync(join(tmpdir(), 'corpus-lens-server-'));
    copyFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'server.js'), join(crashing, 'server.js'));
    writeFileSync(join(crashing, 'indexWorker.js'), "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    assert.deepEqual(await indexWith(folder, 2, join(crashing, 'server.js')), one);
  });
});
