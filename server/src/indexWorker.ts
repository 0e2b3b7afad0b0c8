/**
 * A worker thread of the language server's start-up index: reads and
 * prepares batches of seed files and hands back their summaries, so a
 * 10,000-file workspace is indexed on every core. Bundled as
 * dist/indexWorker.js; `WorkspaceIndex` starts and ends the workers.
 */
import { parentPort } from 'node:worker_threads';
import { prepareDocument, SeedDocument, type DocumentSummary, type Settings } from './core';
import { readSeed } from './node/files';

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

const READS_IN_FLIGHT = 8;

/** Reads and prepares a batch; a file that fails is a result with its reason, never an exception. */
export async function prepareBatch(batch: Omit<IndexBatch, 'id'>, lexicon: Settings['claimsLexicon'] = batch.claimsLexicon): Promise<IndexResult[]> {
  const results = new Array<IndexResult>(batch.files.length);
  let next = 0;
  const reader = async () => {
    while (next < batch.files.length) {
      const k = next++;
      const { uri, file } = batch.files[k];
      const read = await readSeed(file, batch.maxBytes);
      if (!read.ok) results[k] = { uri, file, reason: read.reason, tooLarge: read.tooLarge, missing: read.missing };
      else results[k] = { uri, file, summary: prepareDocument(new SeedDocument(uri, read.text), { claimsLexicon: lexicon }).summary };
    }
  };
  await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, batch.files.length) }, reader));
  return results;
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
    void prepareBatch(batch, lexicon).then(
      (results) => port.postMessage({ id: batch.id, results } satisfies IndexReply),
      // prepareBatch does not throw; should it ever, the index takes the batch back (its files are read on the main thread).
      (err: unknown) => port.postMessage({ id: batch.id, error: String(err) }),
    );
  });
}

runIndexWorker();
