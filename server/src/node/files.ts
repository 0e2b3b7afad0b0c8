/**
 * Node file-system glue shared by the CLI and the language server: finding
 * seed files, reading them strictly (UTF-8, not binary), and writing them
 * back atomically. The core never touches the disk.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** A seed file's text, or the one-line reason it cannot be analysed. */
export type ReadResult =
  | { ok: true; text: string; bom: boolean; digest: string; size: number }
  | { ok: false; reason: string; tooLarge?: boolean; missing?: boolean };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Decodes bytes as a seed file; rejects binary, non-UTF-8 and empty content with a reason. */
export function decodeSeed(bytes: Uint8Array): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' };
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8 text' };
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  if (text.trim() === '') return { ok: false, reason: 'empty file (only white space)' };
  return { ok: true, text, bom, digest: digestOf(bytes), size: bytes.length };
}

export async function readSeed(file: string, maxBytes = Infinity): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ok: false, reason: 'not a regular file' };
    if (stat.size > maxBytes) return { ok: false, reason: `larger than ${Math.round(maxBytes / 1024)} KB; skipped`, tooLarge: true };
    bytes = await fs.readFile(file);
  } catch (err) {
    return { ok: false, reason: describeFsError(err), missing: (err as NodeJS.ErrnoException)?.code === 'ENOENT' };
  }
  return decodeSeed(bytes);
}

export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return err instanceof Error ? err.message : String(err);
}

export class ChangedOnDiskError extends Error {}

/**
 * Writes a file atomically: a temporary file beside it, then a rename, so a
 * reader never sees half a file. Refuses when the file no longer has the
 * content it had when read (`expectedDigest`): someone changed it meanwhile.
 */
export async function writeAtomic(file: string, text: string, bom: boolean, expectedDigest?: string): Promise<void> {
  if (expectedDigest !== undefined) {
    const current = await fs.readFile(file).catch(() => undefined);
    if (!current || digestOf(current) !== expectedDigest) {
      throw new ChangedOnDiskError(`${file} changed on disk after it was read; not overwritten`);
    }
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const stat = await fs.stat(file).catch(() => undefined);
  try {
    await fs.writeFile(tmp, (bom ? '\uFEFF' : '') + text, { mode: stat?.mode });
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Compiles include/exclude globs (matched against paths relative to a root, with `/`). */
export function globMatcher(include: readonly string[], exclude: readonly string[]): (relative: string) => boolean {
  const inc = picomatch([...include], { dot: false });
  const exc = exclude.length ? picomatch([...exclude], { dot: true }) : () => false;
  return (relative) => {
    const rel = relative.split(path.sep).join('/');
    // `**/seeds/**` must match a top-level `seeds/` too: picomatch's `**/` already allows zero segments.
    return inc(rel) && !exc(rel);
  };
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist', 'out']);

/** Walks a folder and yields files whose path relative to `root` passes `accept`. */
export async function* walk(root: string, accept: (relative: string) => boolean, dir = root): AsyncGenerator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* walk(root, accept, full);
    } else if (entry.isFile() && accept(path.relative(root, full))) {
      yield full;
    }
  }
}
