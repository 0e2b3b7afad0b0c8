import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedWorkspace, startServer, uriOf } from './harness.mjs';

const S000 = 'seeds/000_4fd7cdf99f787919.txt';
const S004 = 'seeds/004_f87893d1b2acc16f.txt';

describe('hover, outline, symbols and inlay hints (server)', () => {
  let server;
  let folder;
  const open = async (file) => {
    const uri = uriOf(join(folder, file));
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'seed', version: 1, text: readFileSync(join(folder, file), 'utf8') },
    });
    await server.diagnostics(uri, { version: 1 });
    return uri;
  };
  before(async () => {
    folder = seedWorkspace();
    server = await startServer({ folder });
    await server.indexed();
  });
  after(() => server.stop());

  it('hovers "١٨" in 004 with its value, its claim and every report of the quantity in the corpus', async () => {
    const uri = await open(S004);
    const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 6, character: 6 } });
    assert.ok(hover, 'a hover on the figure');
    const text = hover.contents.value;
    assert.match(text, /\b18\b/);
    assert.match(text, /killed\/police/);
    assert.match(text, /\| value \| qualifier \| file \| date \| source \| verdict \|/);
    assert.match(text, /001_7b9c418548981003\.txt:2/, 'the disagreeing report in 001 is listed');
    assert.match(text, /conflict/);
    assert.deepEqual(hover.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 7 } });
  });

  it('returns no hover away from figures', async () => {
    const uri = uriOf(join(folder, S004));
    assert.equal(await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } }), null);
  });

  it('outlines sections with their claims', async () => {
    const uri = await open(S000);
    const symbols = await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    const names = JSON.stringify(symbols);
    assert.match(names, /3000/);
    assert.ok(symbols.some((s) => s.name === 'عنف ونهب وشغب'), 'the heading is a section');
  });

  it('finds claims across the corpus with workspace/symbol', async () => {
    const symbols = await server.connection.sendRequest('workspace/symbol', { query: '' });
    const files = new Set(symbols.map((s) => s.location.uri.split('/').pop().slice(0, 3)));
    assert.ok(files.size >= 4, [...files].join(','));
  });

  it('shows the Western value beside Eastern digits as an inlay hint', async () => {
    const uri = uriOf(join(folder, S004));
    const hints = await server.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } },
    });
    const labels = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(labels.some((l) => l.includes('18')), labels.join(' | '));
    assert.ok(labels.some((l) => l.includes('2000') || l.includes('2,000')), labels.join(' | '));
  });
});
