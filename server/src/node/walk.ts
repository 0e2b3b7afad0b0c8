/**
 * Finding seed files below a folder, shared by the CLI and the language
 * server: include/exclude globs, the folders never searched, folders that
 * cannot be read (reported, not skipped silently), file names that are not
 * valid UTF-8 (kept as bytes, so they can be opened and written back), and
 * the real path of each file, so a file reached by two routes counts once.
 */
import { isUtf8 } from 'node:buffer';
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/**
 * A path as the file system knows it: a string, or its bytes when they are
 * not valid UTF-8 (a Node string would turn them into U+FFFD, another name).
 * Bytes cross to a worker thread as a plain Uint8Array, which the fs
 * functions take as well: code here reads them through `bytesOf`, never
 * through Buffer methods.
 */
export type FsPath = string | Buffer;

/**
 * Folders never searched below a folder that is walked (dependencies and
 * version-control internals: never a corpus, and large). A path named on the
 * command line is always searched, even inside one of them.
 */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', '.git'];

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

export interface WalkedFile {
  path: FsPath;
  /** The same file under the root's real path (symbolic links resolved): what tells two routes to one file apart. */
  real: FsPath;
}

export interface WalkOptions {
  /** A folder that could not be listed (the root included); the walk goes on with the others. */
  onFolderError?: (folder: FsPath, err: NodeJS.ErrnoException) => void;
}

/**
 * Yields the regular files below `root` whose path relative to it passes
 * `accept`, in name order, folder by folder. Symbolic links below the root
 * are not followed (no loops, no second route to a file); the root itself
 * may be one.
 */
export async function* walk(root: FsPath, accept: (relative: string) => boolean, options: WalkOptions = {}): AsyncGenerator<WalkedFile> {
  const real = await realPath(root).catch(() => root);
  yield* walkFolder(root, real, '', accept, options);
}

async function* walkFolder(dir: FsPath, real: FsPath, relative: string, accept: (relative: string) => boolean, options: WalkOptions): AsyncGenerator<WalkedFile> {
  let entries: { name: FsPath; shown: string; entry: Dirent | Dirent<Buffer> }[];
  try {
    entries = await listFolder(dir);
  } catch (err) {
    options.onFolderError?.(dir, err as NodeJS.ErrnoException);
    return;
  }
  for (const { name, shown, entry } of entries) {
    const rel = relative ? `${relative}${path.sep}${shown}` : shown;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.includes(shown)) yield* walkFolder(joinPath(dir, name), joinPath(real, name), rel, accept, options);
    } else if (entry.isFile() && accept(rel)) {
      yield { path: joinPath(dir, name), real: joinPath(real, name) };
    }
  }
}

/** A folder's entries in name order; names that are not UTF-8 as their bytes (`shown` escaped, for globs and messages). */
async function listFolder(dir: FsPath): Promise<{ name: FsPath; shown: string; entry: Dirent | Dirent<Buffer> }[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  // A U+FFFD may stand for bytes that are not UTF-8: only then is the folder listed again, as bytes.
  const listed = entries.some((e) => e.name.includes('\uFFFD'))
    ? (await fs.readdir(dir, { withFileTypes: true, encoding: 'buffer' })).map((entry) => {
        const name = fsPathOf(entry.name);
        return { name, shown: displayPath(name), entry };
      })
    : entries.map((entry) => ({ name: entry.name, shown: entry.name, entry }));
  return listed.sort((a, b) => (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : Buffer.compare(bytesOf(a.name), bytesOf(b.name))));
}

/** Bytes as a path: a string when they are UTF-8 (the common case, and what the rest of the code expects), else the bytes. */
export function fsPathOf(bytes: Uint8Array): FsPath {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return isUtf8(buffer) ? buffer.toString('utf8') : buffer;
}

function bytesOf(p: string | Uint8Array): Buffer {
  return typeof p === 'string' ? Buffer.from(p) : Buffer.from(p.buffer, p.byteOffset, p.length);
}

/** `path.join` of a folder and one name, for bytes too. */
export function joinPath(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === 'string' && typeof name === 'string') return path.join(dir, name);
  const head = bytesOf(dir);
  const sep = head.length && head[head.length - 1] === path.sep.charCodeAt(0) ? [] : [Buffer.from(path.sep)];
  return Buffer.concat([head, ...sep, bytesOf(name)]);
}

/** The real path (symbolic links resolved), in the same form as `fsPathOf`. */
export async function realPath(p: FsPath): Promise<FsPath> {
  return fsPathOf(await fs.realpath(p, { encoding: 'buffer' }));
}

/** A string that is the same for two paths exactly when their bytes are: for sets and maps of paths. */
export function pathKey(p: FsPath): string {
  return typeof p === 'string' ? p : `\0${bytesOf(p).toString('latin1')}`;
}

/**
 * A path for messages and reports: as it is when it is UTF-8, else with each
 * byte that is not part of a UTF-8 character written `\xHH` (as `ls -b` and
 * Python do), so the name stays recognizable and two names never look alike
 * for want of a byte.
 */
export function displayPath(p: FsPath): string {
  if (typeof p === 'string') return p;
  const bytes = bytesOf(p);
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    out += n ? bytes.toString('utf8', i, i + n) : `\\x${bytes[i].toString(16).padStart(2, '0')}`;
    i += n || 1;
  }
  return out;
}

/** The length of the well-formed UTF-8 character at `i`, or 0 when the byte there does not start one. */
function utf8Length(bytes: Buffer, i: number): number {
  const b = bytes[i];
  const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > bytes.length) return n === 1 ? 1 : 0;
  // The strict check (no overlong forms, no surrogates, nothing above U+10FFFF) is isUtf8's.
  return isUtf8(bytes.subarray(i, i + n)) ? n : 0;
}

/** `path.resolve(cwd, p)`, for bytes too (resolved as Latin-1 text, which keeps every byte and every `/` and `.`). */
export function resolvePath(cwd: string, p: FsPath): FsPath {
  if (typeof p === 'string') return path.resolve(cwd, p);
  return fsPathOf(Buffer.from(path.resolve(bytesOf(cwd).toString('latin1'), bytesOf(p).toString('latin1')), 'latin1'));
}

/** A path in the same folder as `file`, named by `name` from its base name (which, for bytes, is their Latin-1 reading). */
export function besidePath(file: FsPath, name: (base: string) => string): FsPath {
  if (typeof file === 'string') return path.join(path.dirname(file), name(path.basename(file)));
  const latin = bytesOf(file).toString('latin1');
  return Buffer.from(path.join(path.dirname(latin), name(path.basename(latin))), 'latin1');
}
