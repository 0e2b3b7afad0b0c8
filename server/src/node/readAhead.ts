/**
 * Reading many seed files for the CLI: a helper thread reads and decodes
 * them in order, with plain synchronous calls, a batch ahead of their use,
 * and hands over each batch's texts in one message. The caller's thread then
 * spends no time in the file system or in UTF-8 decoding: read
 * asynchronously one file at a time, each file cost it four thread-pool
 * round trips (open, fstat, read, close) and, on a busy machine, as many
 * context switches (more than a second on 10,000 files), and decoding was
 * another half second. Reads still overlap the caller's work, which matters
 * when the files are not in the page cache.
 *
 * Every result is the one `readSeed` gives (a unit test compares them): the
 * thread decodes as `decodeSeed` does, with its reasons.
 */
import { Worker } from 'node:worker_threads';
import { DECODE_REASONS, readSeed, resultOfRead, type RawRead, type ReadOptions, type ReadResult } from './files';
import type { FsPath } from './walk';

/** The helper thread: reads and decodes `files` in order, one batch per request. Plain JavaScript, started with `eval`. */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const { isAscii, isUtf8 } = require('node:buffer');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { files, maxBytes, digest, reasons, batchFiles, batchBytes } = workerData;
// Non-blocking, so opening a FIFO does not wait for a writer (it is refused once fstat says what it is).
const FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK || 0);
let next = 0;

function readOne(file) {
  let fd;
  try {
    fd = fs.openSync(file, FLAGS);
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'not-file' };
    if (stat.size > maxBytes) return { kind: 'too-large' };
    // The size from fstat, unless it says 0 (some special files): then until end of file.
    const known = stat.size > 0;
    let bytes = Buffer.allocUnsafeSlow(known ? stat.size : 8192);
    let length = 0;
    for (;;) {
      if (known && length === bytes.length) break;
      if (length === bytes.length) {
        if (length > maxBytes) return { kind: 'too-large' };
        const bigger = Buffer.allocUnsafeSlow(length * 2);
        bytes.copy(bigger, 0, 0, length);
        bytes = bigger;
      }
      const n = fs.readSync(fd, bytes, length, bytes.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { kind: 'too-large' };
    return decode(bytes.subarray(0, length));
  } catch (err) {
    return { kind: 'error', code: err && err.code, message: err && err.message !== undefined ? err.message : String(err) };
  } finally {
    if (fd !== undefined) {
      try { fs.closeSync(fd); } catch {}
    }
  }
}

// decodeSeed (node/files.ts), step for step.
function decode(bytes) {
  if (bytes.length === 0) return { kind: 'refused', reason: reasons.empty };
  if (bytes.includes(0)) return { kind: 'refused', reason: reasons.binary };
  let text;
  if (isAscii(bytes)) text = bytes.toString('latin1');
  else if (isUtf8(bytes)) text = bytes.toString('utf8');
  else return { kind: 'refused', reason: reasons.notUtf8 };
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (!/\\S/.test(text)) return { kind: 'refused', reason: reasons.whiteSpace };
  return digest
    ? { kind: 'text', text, bom, size: bytes.length, digest: createHash('sha1').update(bytes).digest('hex') }
    : { kind: 'text', text, bom, size: bytes.length };
}

parentPort.on('message', () => {
  const results = [];
  let bytes = 0;
  while (next < files.length && results.length < batchFiles && bytes < batchBytes) {
    const r = readOne(files[next++]);
    if (r.kind === 'text') bytes += r.size;
    results.push(r);
  }
  parentPort.postMessage(results);
});
`;

type FromReader =
  | { kind: 'text'; text: string; bom: boolean; size: number; digest?: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'not-file' }
  | { kind: 'too-large' }
  | { kind: 'error'; code?: string; message: string };

function resultOf(r: FromReader, maxBytes: number): ReadResult {
  switch (r.kind) {
    case 'text':
      return r.digest !== undefined ? { ok: true, text: r.text, bom: r.bom, digest: r.digest, size: r.size } : { ok: true, text: r.text, bom: r.bom, size: r.size };
    case 'refused':
      return { ok: false, reason: r.reason };
    case 'error':
      return resultOfRead(Object.assign(new Error(r.message), { code: r.code }), maxBytes);
    default:
      return resultOfRead(r.kind satisfies RawRead, maxBytes);
  }
}

export interface ReadAheadOptions extends ReadOptions {
  /** Files above this size are refused (as by `readSeed`). */
  maxBytes?: number;
  /** Below this many files, `readSeed` one by one: starting the thread costs more than it saves. */
  minFiles?: number;
  /** Batch limits: files and bytes per message. */
  batchFiles?: number;
  batchBytes?: number;
}

/**
 * Each file's `ReadResult`, in order, read ahead on a helper thread. Should
 * the thread fail, the files it has not delivered are read with `readSeed`.
 */
export async function* readSeedsAhead(files: readonly FsPath[], options: ReadAheadOptions = {}): AsyncGenerator<ReadResult> {
  const maxBytes = options.maxBytes ?? Infinity;
  let done = 0;
  if (files.length >= (options.minFiles ?? 64)) {
    let worker: Worker | undefined;
    try {
      worker = new Worker(READER, {
        eval: true,
        // The reader needs none of this process's flags (--cpu-prof would profile it too).
        execArgv: [],
        workerData: {
          files,
          maxBytes,
          digest: options.digest === true,
          reasons: DECODE_REASONS,
          batchFiles: options.batchFiles ?? 64,
          batchBytes: options.batchBytes ?? 4 << 20,
        },
      });
    } catch {
      worker = undefined;
    }
    if (worker) {
      const batches: FromReader[][] = [];
      let failed = false;
      let wake: (() => void) | undefined;
      const notify = () => {
        const w = wake;
        wake = undefined;
        w?.();
      };
      worker.on('message', (batch: FromReader[]) => {
        batches.push(batch);
        notify();
      });
      const fail = () => {
        failed = true;
        notify();
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      try {
        // Two batches ahead: one being read while the caller works through another. A request past
        // the end gets an empty batch.
        const request = () => worker!.postMessage(null);
        request();
        request();
        while (done < files.length) {
          if (!batches.length) {
            if (failed) break;
            await new Promise<void>((resolve) => (wake = resolve));
            continue;
          }
          const batch = batches.shift()!;
          if (!batch.length) break;
          request();
          for (const r of batch) {
            done++;
            yield resultOf(r, maxBytes);
          }
        }
      } finally {
        worker.off('exit', fail);
        void worker.terminate();
      }
    }
  }
  // Few files, or the thread failed: the rest one by one.
  for (; done < files.length; done++) yield await readSeed(files[done], maxBytes, options);
}
