/**
 * A worker thread of the language server's start-up index: reads and
 * prepares batches of seed files and hands back their summaries, so a
 * 10,000-file workspace is indexed on every core. Bundled as
 * dist/indexWorker.js; `WorkspaceIndex` starts and ends the workers.
 */
import { parentPort } from 'node:worker_threads';
import { prepareDocument, SeedDocument, type DocumentSummary, type Settings } from './core';
import { readSeedSync } from './node/files';

/** Files of one folder, with what its settings say about reading and preparing them. */
export interface IndexBatch {
  id: number;
  files: { uri: string; file: string }[];
  maxBytes: number;
  claimsLexicon: Settings['claimsLexicon'];
}

export type IndexResult =
  | { uri: string; file: string; summary: DocumentSummary }
  | { uri: string; file: string; reason: string; tooLarge?: boolean; missing?: boolean };

export interface IndexReply {
  id: number;
  results: IndexResult[];
}

/** Reads and prepares a batch, synchronously: a worker has nothing else to do. A file that fails is a result with its reason, never an exception. */
export function prepareBatch(batch: Omit<IndexBatch, 'id'>, lexicon: Settings['claimsLexicon'] = batch.claimsLexicon): IndexResult[] {
  return batch.files.map(({ uri, file }) => {
    const read = readSeedSync(file, batch.maxBytes);
    if (!read.ok) return { uri, file, reason: read.reason, tooLarge: read.tooLarge, missing: read.missing };
    return { uri, file, summary: prepareDocument(new SeedDocument(uri, read.text), { claimsLexicon: lexicon }).summary };
  });
}

function runIndexWorker(): void {
  const port = parentPort;
  if (!port) return;
  // The lexicon arrives as a fresh copy with every batch; the compiled one is cached by object, so keep one copy per content.
  let lexiconKey = '';
  let lexicon: Settings['claimsLexicon'] | undefined;
  port.on('message', (batch: IndexBatch) => {
    const key = JSON.stringify(batch.claimsLexicon);
    if (key !== lexiconKey || !lexicon) {
      lexiconKey = key;
      lexicon = batch.claimsLexicon;
    }
    try {
      port.postMessage({ id: batch.id, results: prepareBatch(batch, lexicon) } satisfies IndexReply);
    } catch (err) {
      // prepareBatch does not throw; should it ever, the index takes the batch back (its files are read on the main thread).
      port.postMessage({ id: batch.id, error: String(err) });
    }
  });
}

runIndexWorker();
