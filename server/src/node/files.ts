/**
 * Node file-system glue shared by the CLI and the language server: finding
 * seed files, reading them strictly (UTF-8, not binary), and writing them
 * back safely (write.ts). The core never touches the disk.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { close, closeSync, constants, fstat, fstatSync, open, openSync, promises as fs, read, readSync } from 'node:fs';
import * as path from 'node:path';
import { besidePath, type FsPath } from './walk';

/** A seed file's text, or the one-line reason it cannot be analysed. */
export type ReadResult =
  | {
      ok: true;
      text: string;
      bom: boolean;
      /** The bytes' digest (`digestOf`), when asked for: what `writeAtomic` checks before overwriting. */
      digest?: string;
      size: number;
    }
  | { ok: false; reason: string; tooLarge?: boolean; missing?: boolean };

export interface ReadOptions {
  /** Compute `digest` (for writing the file back later); off by default, reading is all most callers do. */
  digest?: boolean;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Why `decodeSeed` refuses bytes (shared with the read-ahead thread of node/readAhead.ts, which decodes alike). */
export const DECODE_REASONS = {
  empty: 'empty file',
  binary: 'binary file (contains NUL bytes)',
  notUtf8: 'not valid UTF-8 text',
  whiteSpace: 'empty file (only white space)',
} as const;

/**
 * Decodes bytes as a seed file; rejects binary, non-UTF-8 and empty content
 * with a reason. The read-ahead thread (node/readAhead.ts) does the same in
 * plain JavaScript: change both together (a unit test compares them).
 */
export function decodeSeed(bytes: Uint8Array, options: ReadOptions = {}): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: DECODE_REASONS.empty };
  if (bytes.includes(0)) return { ok: false, reason: DECODE_REASONS.binary };
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  // Strict UTF-8 (no overlong forms, no encoded surrogates: what a fatal TextDecoder rejects), validated
  // in one fast pass; plain ASCII is decoded as Latin-1, which is the same text and cheaper.
  let text: string;
  if (isAscii(buffer)) text = buffer.toString('latin1');
  else if (isUtf8(buffer)) text = buffer.toString('utf8');
  else return { ok: false, reason: DECODE_REASONS.notUtf8 };
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  // `\S` is what `trim` keeps: a file of white space only has none.
  if (!NOT_SPACE.test(text)) return { ok: false, reason: DECODE_REASONS.whiteSpace };
  return options.digest ? { ok: true, text, bom, digest: digestOf(bytes), size: bytes.length } : { ok: true, text, bom, size: bytes.length };
}

const NOT_SPACE = /\S/;

/**
 * Reads a seed file: one open, one `fstat` (a folder, a device or a file
 * above `maxBytes` is refused before reading), one read, one close.
 */
export async function readSeed(file: FsPath, maxBytes = Infinity, options: ReadOptions = {}): Promise<ReadResult> {
  let raw: RawRead;
  try {
    raw = await readRegularFile(file, maxBytes);
  } catch (err) {
    raw = err as Error;
  }
  return resultOfRead(raw, maxBytes, options);
}

/** What reading a file gave: its bytes, why they were not read, or the error. */
export type RawRead = Buffer | 'not-file' | 'too-large' | Error;

/** The `ReadResult` of a read (shared with `readSeedsAhead`, so both say the same). */
export function resultOfRead(raw: RawRead, maxBytes: number, options: ReadOptions = {}): ReadResult {
  if (raw === 'not-file') return { ok: false, reason: 'not a regular file' };
  if (raw === 'too-large') return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KB; skipped`, tooLarge: true };
  if (raw instanceof Error) {
    const code = (raw as NodeJS.ErrnoException).code;
    // Where a folder cannot even be opened (Windows), it is refused as where fstat names it.
    if (code === 'EISDIR') return { ok: false, reason: 'not a regular file' };
    return { ok: false, reason: describeFsError(raw), missing: code === 'ENOENT' };
  }
  return decodeSeed(raw, options);
}

// Non-blocking, so opening a FIFO does not wait for a writer (it is refused once `fstat` says what it is).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The file's bytes, or why not: `not-file`, `too-large`. With callbacks, not
 * `fs.promises`: the CLI reads thousands of small files, and the promise
 * API's file handles cost the main thread more than the reads themselves.
 */
function readRegularFile(file: FsPath, maxBytes: number): Promise<Buffer | 'not-file' | 'too-large'> {
  return new Promise((resolve, reject) => {
    open(file, OPEN_FLAGS, (err, fd) => {
      if (err) return reject(err);
      const finish = (error: Error | null, result?: Buffer | 'not-file' | 'too-large') => close(fd, () => (error ? reject(error) : resolve(result!)));
      fstat(fd, (err, stat) => {
        if (err) return finish(err);
        if (!stat.isFile()) return finish(null, 'not-file');
        if (stat.size > maxBytes) return finish(null, 'too-large');
        // Like fs.readFile: the size from fstat, unless it says 0 (some special files), then until end of file.
        const known = stat.size > 0;
        let buffer = Buffer.allocUnsafe(known ? stat.size : 8192);
        let length = 0;
        const next = (): void => {
          if (known && length === buffer.length) return finish(null, buffer);
          if (length === buffer.length) {
            if (length > maxBytes) return finish(null, 'too-large');
            const bigger = Buffer.allocUnsafe(buffer.length * 2);
            buffer.copy(bigger, 0, 0, length);
            buffer = bigger;
          }
          read(fd, buffer, length, buffer.length - length, null, (err, n) => {
            if (err) return finish(err);
            if (n === 0) return finish(null, length > maxBytes ? 'too-large' : buffer.subarray(0, length));
            length += n;
            next();
          });
        };
        next();
      });
    });
  });
}

/**
 * `readSeed` with synchronous calls: what a thread that has nothing else to
 * do (the server's index workers) or that reads in short bursts between
 * yields should use. Thousands of small files read this way cost a tenth of
 * the asynchronous calls' round trips through the thread pool.
 */
export function readSeedSync(file: FsPath, maxBytes = Infinity, options: ReadOptions = {}): ReadResult {
  let raw: RawRead;
  try {
    raw = readRegularFileSync(file, maxBytes);
  } catch (err) {
    raw = err as Error;
  }
  return resultOfRead(raw, maxBytes, options);
}

function readRegularFileSync(file: FsPath, maxBytes: number): Buffer | 'not-file' | 'too-large' {
  const fd = openSync(file, OPEN_FLAGS);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'not-file';
    if (stat.size > maxBytes) return 'too-large';
    // Like fs.readFile: the size from fstat, unless it says 0 (some special files), then until end of file.
    const known = stat.size > 0;
    let buffer = Buffer.allocUnsafe(known ? stat.size : 8192);
    let length = 0;
    for (;;) {
      if (known && length === buffer.length) return buffer;
      if (length === buffer.length) {
        if (length > maxBytes) return 'too-large';
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) return length > maxBytes ? 'too-large' : buffer.subarray(0, length);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links (a symlink loop)';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'ENAMETOOLONG') return 'file name too long';
  return err instanceof Error ? err.message : String(err);
}

// Writing lives in write.ts (owner, mode, links, symlinks, concurrent edits, killed runs); re-exported for the callers.
export { ChangedOnDiskError, cleanStaleTemps, ReadOnlyError, writeAtomic, type WriteOptions } from './write';
