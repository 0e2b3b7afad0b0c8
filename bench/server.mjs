// Measures the language server over stdio with the test harness's client:
// cold index time (spawn → the indexing workDoneProgress `end`), edit →
// fresh diagnostics latency, hover and documentSymbol latency, peak memory.
// Everything waits on messages; nothing sleeps.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, uriOf } from '../test/lsp/harness.mjs';

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Peak and current resident memory of a process, in MB (Linux /proc). */
export function processMemory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMB: kb('VmHWM') / 1024, rssMB: kb('VmRSS') / 1024 };
  } catch {
    return { peakMB: NaN, rssMB: NaN };
  }
}

/** The document of median size among the first 101 of the corpus: a typical article. */
function typicalDocument(seedsDir) {
  const names = readdirSync(seedsDir).sort().slice(0, 101);
  const sized = names.map((n) => ({ file: join(seedsDir, n), size: statSync(join(seedsDir, n)).size })).sort((a, b) => a.size - b.size);
  return sized[Math.floor(sized.length / 2)];
}

/** Offsets (line, character) of digits in a text, for hovering over figures. */
function digitPositions(text) {
  const positions = [];
  const lines = text.split(/\r?\n/);
  for (let line = 0; line < lines.length; line++) {
    const re = /[0-9\u0660-\u0669\u06F0-\u06F9]+/g;
    let m;
    while ((m = re.exec(lines[line]))) positions.push({ line, character: m.index + Math.floor(m[0].length / 2) });
  }
  return positions;
}

/**
 * Runs the server on `folder` (a workspace with a seeds/ folder) and returns
 * its measurements. `latency` turns on the edit/hover/symbol loops.
 */
export async function benchServer({ serverPath, folder, documents, latency = true, edits = 200, warmup = 20, execArgv = [], log = () => {} }) {
  const t0 = performance.now();
  // debounceMs 0: the latency measured is the analysis and the round trip, not the editor-friendly debounce.
  const server = await startServer({ folder, serverPath, execArgv, settings: { debounceMs: 0 } });
  const initializedAt = performance.now();
  const end = await server.indexed({ timeout: 600_000 });
  const status = await server.waitFor((e) => e.method === 'corpusLens/status' && e.params.state === 'ready', { timeout: 60_000, what: 'ready status' });
  const result = {
    documents,
    indexedDocuments: status.params.documents,
    coldIndexMs: end.time - t0,
    indexAfterInitializeMs: end.time - initializedAt,
    afterIndex: processMemory(server.child.pid),
    capabilities: {
      hover: !!server.init.capabilities.hoverProvider,
      documentSymbol: !!server.init.capabilities.documentSymbolProvider,
    },
  };
  log(`  server: indexed ${result.indexedDocuments} documents in ${(result.coldIndexMs / 1000).toFixed(2)} s`);

  if (latency) {
    const doc = typicalDocument(join(folder, 'seeds'));
    const text = readFileSync(doc.file, 'utf8').replace(/^\uFEFF/, '');
    const uri = uriOf(doc.file);
    const lineCount = text.split(/\r\n|\r|\n/).length;
    result.editDocument = { bytes: doc.size, lines: lineCount };

    const diagnosticsOf = (version, since) =>
      server.waitFor((e) => e.method === 'textDocument/publishDiagnostics' && e.params.uri === uri && e.params.version === version, {
        since,
        timeout: 60_000,
        what: `diagnostics version ${version}`,
      });
    let since = server.events.length;
    let sent = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'seed', version: 1, text } });
    const opened = await diagnosticsOf(1, since);
    result.openMs = opened.time - sent;
    result.findingsInEditDocument = opened.params.diagnostics.length;

    // Typing a figure at the start of a line: a finding appears, the document is re-analysed.
    let version = 1;
    const editOnce = async () => {
      const line = version % lineCount;
      version++;
      since = server.events.length;
      sent = performance.now();
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '١٢ ' }],
      });
      const published = await diagnosticsOf(version, since);
      return published.time - sent;
    };
    for (let i = 0; i < warmup; i++) await editOnce();
    const editTimes = [];
    for (let i = 0; i < edits; i++) editTimes.push(await editOnce());
    result.edit = { n: editTimes.length, warmup, p50: percentile(editTimes, 50), p95: percentile(editTimes, 95), max: Math.max(...editTimes) };
    log(`  server: edit → diagnostics p50 ${result.edit.p50.toFixed(2)} ms, p95 ${result.edit.p95.toFixed(2)} ms`);

    // Hover over figures of the current version (the user reading what they typed).
    if (result.capabilities.hover) {
      // Digits moved by the edits: recompute positions on the text as the server has it now.
      let current = text;
      const lines = current.split(/\r?\n/);
      for (let v = 1; v < version; v++) lines[v % lineCount] = '١٢ ' + lines[v % lineCount];
      current = lines.join('\n');
      const positions = digitPositions(current);
      const times = [];
      for (let i = 0; i < warmup + edits && positions.length; i++) {
        const position = positions[(i * 7) % positions.length];
        const start = performance.now();
        await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
        if (i >= warmup) times.push(performance.now() - start);
      }
      result.hover = { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
      log(`  server: hover p50 ${result.hover.p50.toFixed(2)} ms, p95 ${result.hover.p95.toFixed(2)} ms`);
    }

    // documentSymbol right after each edit, as an editor's outline asks for it.
    if (result.capabilities.documentSymbol) {
      const times = [];
      for (let i = 0; i < warmup + Math.min(edits, 100); i++) {
        await editOnce();
        const start = performance.now();
        await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
        if (i >= warmup) times.push(performance.now() - start);
      }
      result.documentSymbol = { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
      log(`  server: documentSymbol p50 ${result.documentSymbol.p50.toFixed(2)} ms, p95 ${result.documentSymbol.p95.toFixed(2)} ms`);
    }
  }
  result.final = processMemory(server.child.pid);
  result.peakMB = result.final.peakMB;
  result.exitCode = await server.stop();
  return result;
}
