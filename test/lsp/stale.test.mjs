// Cross-document facts in the server: an edit re-publishes exactly the open
// documents whose analysis read a corpus fact the edit changed.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServer, uriOf } from './harness.mjs';

const FIXTURES = fileURLToPath(new URL('../fixtures/boilerplate/corpus/', import.meta.url));
// The fixture's text without its expectation markers (`{rule …}` at a line's end, test/fixtures/README.md).
const fixture = (name) => readFileSync(join(FIXTURES, name), 'utf8').replace(/(?: \{[^{}\n]*\})+$/gm, '');

/** The line b.txt and c.txt end with: site furniture once three documents share it (boilerplate.minDocuments). */
const FOOTER = 'موقع الأمل الإخباري صوت من لا صوت له';
const A_WITHOUT_FOOTER = fixture('a.txt').replace(`\n${FOOTER}`, '');
const A_WITH_FOOTER = `${A_WITHOUT_FOOTER}\n${FOOTER}`;

/** A workspace folder whose corpus is exactly these files, under seeds/. */
function workspace(files) {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-stale-'));
  mkdirSync(join(dir, 'seeds'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'seeds', name), text);
  return dir;
}

async function open(server, folder, name) {
  const uri = uriOf(join(folder, 'seeds', name));
  const text = readFileSync(join(folder, 'seeds', name), 'utf8');
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
  await server.diagnostics(uri, { version: 1 });
  return uri;
}

/** Replaces a document's whole text. */
function replaceText(server, uri, version, oldText, text) {
  const lines = oldText.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line: 0, character: 0 }, end }, text }],
  });
}

const count = (diagnostics, code) => diagnostics.filter((d) => d.code === code).length;
const publishesOf = (server, uri, since) => server.events.slice(since).filter((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri);

/**
 * Every publish the server has scheduled so far has been sent once this
 * request is answered: re-publishes are timers of 0 ms set before the
 * client saw the publish it waited on, and requests are read after timers.
 */
const settled = (server) => server.connection.sendRequest('workspace/symbol', { query: 'settled' });

/** What a server started on these files as they are on disk publishes for one of them. */
async function freshDiagnostics(files, name) {
  const folder = workspace(files);
  const server = await startServer({ folder });
  try {
    await server.indexed();
    const uri = uriOf(join(folder, 'seeds', name));
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text: files[name] } });
    return await server.diagnostics(uri, { version: 1 });
  } finally {
    await server.stop();
  }
}

describe('line frequencies read by repeated-line (server)', () => {
  const files = { 'a.txt': A_WITHOUT_FOOTER, 'b.txt': fixture('b.txt'), 'c.txt': fixture('c.txt'), 'd.txt': fixture('d.txt') };
  let server;
  let folder;
  const uris = {};
  before(async () => {
    folder = workspace(files);
    server = await startServer({ folder });
    await server.indexed();
    for (const name of Object.keys(files)) uris[name] = await open(server, folder, name);
  });
  after(() => server.stop());

  it('re-publishes b.txt with its repeated footer once a.txt gains the same line, as a fresh server sees it', async () => {
    const before = await server.diagnostics(uris['b.txt'], { version: 1 });
    assert.equal(count(before, 'boilerplate/repeated-line'), 0, 'two documents of four share the footer: not yet boilerplate');
    const since = server.events.length;
    await replaceText(server, uris['a.txt'], 2, A_WITHOUT_FOOTER, A_WITH_FOOTER);
    const republished = await server.waitFor(
      (e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uris['b.txt'] && count(e.params.diagnostics, 'boilerplate/repeated-line') > 0,
      { since, timeout: 5000, what: 'b.txt re-published with a repeated-line finding' },
    );
    const fresh = await freshDiagnostics({ ...files, 'a.txt': A_WITH_FOOTER }, 'b.txt');
    assert.equal(count(fresh, 'boilerplate/repeated-line'), 1);
    assert.deepEqual(republished.params.diagnostics, fresh);
  });

  it('does not re-publish an open document whose facts the edit did not change', async () => {
    await settled(server);
    const since = server.events.length;
    // Back to the text without the footer: b and c lose their finding, d reads none of what changed.
    await replaceText(server, uris['a.txt'], 3, A_WITH_FOOTER, A_WITHOUT_FOOTER);
    await server.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uris['c.txt'] && count(e.params.diagnostics, 'boilerplate/repeated-line') === 0, {
      since,
      timeout: 5000,
      what: 'c.txt re-published without its repeated-line finding',
    });
    await settled(server);
    assert.equal(publishesOf(server, uris['b.txt'], since).length, 1);
    assert.deepEqual(publishesOf(server, uris['d.txt'], since), [], 'd.txt shares no line with the edit');
  });
});

describe('the digit-style majority (server)', () => {
  const files = { 'e.txt': 'عنوان الخبر الأول\nسجلت المدينة 25 حالة جديدة.\n', 'f.txt': 'عنوان الخبر الثاني\nسجلت القرية ٣٤ حالة جديدة.\n', 'g.txt': fixture('d.txt') };
  let server;
  let folder;
  before(async () => {
    folder = workspace(files);
    server = await startServer({ folder, settings: { digits: { targetStyle: 'majority' } } });
    await server.indexed();
  });
  after(() => server.stop());

  it('re-publishes the documents that read the majority when an edit turns it, and only those', async () => {
    const e = await open(server, folder, 'e.txt');
    const f = await open(server, folder, 'f.txt');
    const g = await open(server, folder, 'g.txt');
    assert.equal(count(await server.diagnostics(e, { version: 1 }), 'digits/western'), 0, 'a tie keeps Western digits');
    await settled(server);
    const since = server.events.length;
    await replaceText(server, f, 2, files['f.txt'], `${files['f.txt']}وفي اليوم التالي ٤٥ حالة.\n`);
    const republished = await server.waitFor((ev) => ev.method === 'textDocument/publishDiagnostics' && ev.params.uri === e, { since, timeout: 5000, what: 'e.txt re-published' });
    assert.equal(count(republished.params.diagnostics, 'digits/western'), 1);
    await settled(server);
    assert.deepEqual(publishesOf(server, g, since), [], 'g.txt has no numbers: it never read the majority');
  });
});
