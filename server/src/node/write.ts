/**
 * Writing a fixed seed file back without losing anything: not a concurrent
 * edit, not the file's owner, mode or hard links, not the target of a
 * symlink, and not the file itself when the run is killed half way.
 *
 * Two ways to commit, both after a complete, fsynced copy beside the file:
 * - rename (the usual one): the copy gets the file's owner, group and mode,
 *   then replaces it. A kill at any point leaves the old file or the new
 *   one, plus at most a stale `.NAME.corpus-lens-PID-N.tmp`, which the next
 *   fix removes.
 * - in place, when a rename would lose something (the file has other hard
 *   links, or its owner cannot be given to a new file): the copy is a backup,
 *   `.NAME.corpus-lens-PID-N-OLDLEN-NEWLEN.inplace`, holding the old bytes
 *   then the new ones; the file is then rewritten through its own inode. A
 *   kill during the rewrite leaves a mix of the two, which the next fix
 *   completes from the backup (or, when the file was edited since, leaves
 *   alone and reports).
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { displayPath, fsPathOf, type FsPath } from './walk';

export class ChangedOnDiskError extends Error {}
export class ReadOnlyError extends Error {}

export interface WriteOptions {
  /** Rewrite a file whose owner has no write permission (mode 444): `--force`. */
  force?: boolean;
  /** The file's name in messages (default: the path given). */
  display?: string;
  /** Where problems met while cleaning up after earlier, killed runs go (one line each). */
  problems?: string[];
  /** Test seam: lets a test edit the file at the two moments a concurrent editor could. */
  hooks?: WriteHooks;
}

export interface WriteHooks {
  /** The copy is complete; the file is about to be checked again. */
  afterCopy?: () => void;
  /** The last check passed; the rename or the in-place rewrite is next. */
  beforeCommit?: () => void;
}

const digest = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest('hex');

// Paths are handled here as their bytes read as Latin-1 (every byte kept, `/` and `.` as they are), so a file
// name that is not UTF-8 is written back under its own bytes; `B` gives the bytes to fs, `shown` the name to people.
const bytePath = (p: FsPath) => (typeof p === 'string' ? Buffer.from(p) : p).toString('latin1');
const B = (p: string) => Buffer.from(p, 'latin1');
const shown = (p: string) => displayPath(fsPathOf(B(p)));
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
let sequence = 0;

/**
 * Writes `text` over `file`, refusing (ChangedOnDiskError) when the bytes on
 * disk no longer have `expectedDigest`, or change while it writes.
 */
export async function writeAtomic(file: FsPath, text: string, bom: boolean, expectedDigest?: string, options: WriteOptions = {}): Promise<void> {
  // Synchronous on purpose: no turn of the event loop between the last check and the commit.
  writeSeedFile(file, Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8'), expectedDigest, options);
}

function writeSeedFile(file: FsPath, bytes: Buffer, expectedDigest: string | undefined, options: WriteOptions): void {
  const name = options.display ?? displayPath(file);
  let target: string;
  try {
    // A symlink is written through: its target is the file fixed, and the link stays a link.
    // The native call: the JavaScript one reads a Buffer path as UTF-8 and loses a byte that is not.
    target = fs.realpathSync.native(B(bytePath(file)), { encoding: 'buffer' }).toString('latin1');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ChangedOnDiskError(`${name} changed on disk after it was read (it is gone); not overwritten`);
    throw err;
  }
  const dir = path.dirname(target);
  cleanStaleTemps(dir, options.problems);
  const fd = fs.openSync(B(target), fs.constants.O_RDONLY | NOFOLLOW);
  try {
    const before = fs.fstatSync(fd, { bigint: true });
    if (!before.isFile()) throw new Error('not a regular file');
    const mode = Number(before.mode) & 0o7777;
    if (!options.force && (mode & 0o200) === 0) {
      throw new ReadOnlyError(`${name} is read-only (mode ${mode.toString(8)}); not overwritten (--force fixes it anyway)`);
    }
    const old = readAll(fd, Number(before.size));
    const oldDigest = digest(old);
    if (expectedDigest !== undefined && oldDigest !== expectedDigest) throw new ChangedOnDiskError(`${name} changed on disk after it was read; not overwritten`);
    const check = () => {
      // The bytes, then the metadata: a write during the slow part shows in the fast one, just before the commit.
      if (digest(readAll(fd, Number(fs.fstatSync(fd).size))) !== oldDigest || !sameFile(before, fs.fstatSync(fd, { bigint: true }), true)) {
        throw new ChangedOnDiskError(`${name} changed on disk while it was being fixed; not overwritten`);
      }
      const now = fs.lstatSync(B(target), { bigint: true });
      if (now.ino !== before.ino || now.dev !== before.dev) throw new ChangedOnDiskError(`${name} was replaced on disk while it was being fixed; not overwritten`);
    };
    if (before.nlink > 1n || !renameCommit(target, bytes, before, fd, check, name, options.hooks)) {
      inPlaceCommit(target, bytes, old, check, name, options.hooks);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Size, mtime, and with `strict` ctime and link count: what a write, a chmod or a new link changes. */
function sameFile(a: fs.BigIntStats, b: fs.BigIntStats, strict: boolean): boolean {
  if (a.size !== b.size || a.mtimeNs !== b.mtimeNs) return false;
  return !strict || (a.ctimeNs === b.ctimeNs && a.nlink === b.nlink);
}

/**
 * Commits by rename. Returns false, having touched nothing, when the copy
 * cannot be given the file's owner and group (not root, someone else's file).
 */
function renameCommit(target: string, bytes: Buffer, before: fs.BigIntStats, fd: number, check: () => void, name: string, hooks: WriteHooks = {}): boolean {
  const dir = path.dirname(target);
  const tmp = writeCopy(dir, path.basename(target), 'tmp', bytes, before);
  if (!tmp) return false;
  try {
    hooks.afterCopy?.();
    check();
    hooks.beforeCommit?.();
    fs.renameSync(B(tmp.path), B(target));
  } catch (err) {
    fs.rmSync(B(tmp.path), { force: true });
    throw err;
  }
  syncFolder(dir);
  // A write between the check and the rename went to the old inode, still open here: put it back.
  if (!sameFile(before, fs.fstatSync(fd, { bigint: true }), false)) restoreOldInode(target, fd, before, tmp.stat, name);
  return true;
}

/** The old inode's bytes, with the concurrent change, back under the file's name (or beside it, if that name moved on too). */
function restoreOldInode(target: string, fd: number, before: fs.BigIntStats, ours: fs.BigIntStats, name: string): never {
  const kept = readAll(fd, Number(fs.fstatSync(fd).size));
  const copy = writeCopy(path.dirname(target), path.basename(target), 'tmp', kept, before)!;
  const now = fs.lstatSync(B(target), { bigint: true });
  if (now.ino === ours.ino && sameFile(ours, now, false)) {
    fs.renameSync(B(copy.path), B(target));
    syncFolder(path.dirname(target));
    throw new ChangedOnDiskError(`${name} changed on disk while it was being fixed; the other change is kept, the file is not fixed`);
  }
  const aside = `${target}.corpus-lens-other-change-${process.pid}`;
  fs.renameSync(B(copy.path), B(aside));
  throw new ChangedOnDiskError(`${name} changed on disk twice while it was being fixed; the first change is saved in ${shown(aside)}`);
}

/**
 * Commits in place, through the file's own inode (owner, mode and hard links
 * stay), after an fsynced backup of the old and new bytes.
 */
function inPlaceCommit(target: string, bytes: Buffer, old: Buffer, check: () => void, name: string, hooks: WriteHooks = {}): void {
  const dir = path.dirname(target);
  const backup = writeCopy(dir, path.basename(target), `${old.length}-${bytes.length}.inplace`, Buffer.concat([old, bytes]), undefined)!;
  let wfd: number | undefined;
  try {
    if (!fs.readFileSync(B(backup.path)).equals(Buffer.concat([old, bytes]))) throw new Error(`the backup ${shown(backup.path)} does not read back as written`);
    hooks.afterCopy?.();
    wfd = fs.openSync(B(target), fs.constants.O_WRONLY | NOFOLLOW);
    check();
    hooks.beforeCommit?.();
    writeAll(wfd, bytes, 0);
    // An append since the check shows as a longer file: the old bytes go back under it. It is kept whole when
    // the fixed text is not longer than the old one (most fixes shorten it); other writes cannot be told apart here.
    const size = Number(fs.fstatSync(wfd).size);
    if (size > Math.max(old.length, bytes.length)) {
      writeAll(wfd, old, 0);
      fs.fsyncSync(wfd);
      throw new ChangedOnDiskError(`${name} changed on disk while it was being fixed; the other change is kept, the file is not fixed`);
    }
    fs.ftruncateSync(wfd, bytes.length);
    fs.fsyncSync(wfd);
  } catch (err) {
    if (wfd !== undefined) fs.closeSync(wfd);
    if (err instanceof ChangedOnDiskError || !wasTouched(target, old)) {
      fs.rmSync(B(backup.path), { force: true });
      throw err;
    }
    throw new Error(`${(err as Error).message}; the file may be half written, its old and fixed bytes are in ${shown(backup.path)} (the next fix completes it)`);
  }
  fs.closeSync(wfd);
  fs.rmSync(B(backup.path), { force: true });
  syncFolder(dir);
}

/** Whether a failed in-place rewrite changed the file: then its backup must stay. */
function wasTouched(target: string, old: Buffer): boolean {
  try {
    return !fs.readFileSync(B(target)).equals(old);
  } catch {
    return true;
  }
}

/**
 * Writes an fsynced copy `.BASE.corpus-lens-PID-N.SUFFIX` in `dir`, given the
 * owner, group and mode of `like` (without one: private to the writer).
 * Undefined when that owner cannot be given (not root, someone else's file).
 */
function writeCopy(dir: string, base: string, suffix: string, bytes: Buffer, like: fs.BigIntStats | undefined): { path: string; stat: fs.BigIntStats } | undefined {
  let file: string;
  let fd: number;
  for (;;) {
    file = path.join(dir, `.${base}.corpus-lens-${process.pid}-${Date.now()}${sequence++}.${suffix}`);
    try {
      fd = fs.openSync(B(file), fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o600);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  try {
    writeAll(fd, bytes, null);
    if (like) {
      const mine = fs.fstatSync(fd, { bigint: true });
      if ((mine.uid !== like.uid || mine.gid !== like.gid) && process.platform !== 'win32') {
        try {
          fs.fchownSync(fd, Number(like.uid), Number(like.gid));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
          fs.closeSync(fd);
          fs.rmSync(B(file), { force: true });
          return undefined;
        }
      }
      // After the chown, which clears set-id bits.
      fs.fchmodSync(fd, Number(like.mode) & 0o7777);
    }
    fs.fsyncSync(fd);
    const stat = fs.fstatSync(fd, { bigint: true });
    fs.closeSync(fd);
    // A backup must be found after a crash before the file is touched; a copy to rename needs only its bytes synced.
    if (!like) syncFolder(dir);
    return { path: file, stat };
  } catch (err) {
    try {
      fs.closeSync(fd);
    } catch {
      // Closed already.
    }
    fs.rmSync(B(file), { force: true });
    throw err;
  }
}

function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  let buffer = Buffer.allocUnsafe(Math.max(size, 8192));
  for (;;) {
    const n = fs.readSync(fd, buffer, 0, buffer.length, position);
    if (n === 0) break;
    chunks.push(buffer.subarray(0, n));
    position += n;
    buffer = Buffer.allocUnsafe(8192 * 16);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

function writeAll(fd: number, bytes: Buffer, position: number | null): void {
  let done = 0;
  while (done < bytes.length) {
    done += fs.writeSync(fd, bytes, done, bytes.length - done, position === null ? null : position + done);
  }
}

function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(B(dir), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Not every platform can open or sync a folder (Windows); the rename is durable there or not at all.
  }
}

// Only names this module writes (and `.NAME.PID.MILLISECONDS.tmp`, what versions before it wrote), so nobody else's file is touched.
const TEMP = /^\.(.+)\.corpus-lens-(\d+)-\d+\.tmp$/;
const LEGACY_TEMP = /^\.(.+)\.(\d+)\.\d{13}\.tmp$/;
const BACKUP = /^\.(.+)\.corpus-lens-(\d+)-\d+\.(\d+)-(\d+)\.inplace$/;
const cleaned = new Set<string>();

/**
 * Removes, once per folder and process, what fixes killed in `dir` left:
 * temporary copies, and in-place backups once their file is whole again.
 * Only files whose writer (the pid in the name) is gone.
 */
export function cleanStaleTemps(folder: FsPath, problems?: string[]): void {
  const dir = bytePath(folder);
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(B(dir), { encoding: 'buffer' }).map((n) => n.toString('latin1'));
  } catch {
    return;
  }
  for (const entry of names) {
    const m = TEMP.exec(entry) ?? LEGACY_TEMP.exec(entry) ?? BACKUP.exec(entry);
    if (!m || !isGone(Number(m[2]))) continue;
    const file = path.join(dir, entry);
    try {
      if (!fs.lstatSync(B(file)).isFile()) continue;
      if (m.length === 3) fs.rmSync(B(file), { force: true });
      else recoverInPlace(path.join(dir, m[1]), file, Number(m[3]), Number(m[4]), problems);
    } catch (err) {
      problems?.push(`${shown(file)}: left by an interrupted fix and could not be cleaned up: ${(err as Error).message}`);
    }
  }
}

function isGone(pid: number): boolean {
  if (pid === process.pid || pid <= 1) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    // EPERM: alive, someone else's.
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Finishes or forgets an in-place rewrite that was killed (see the module's comment). */
function recoverInPlace(file: string, backup: string, oldLength: number, newLength: number, problems?: string[]): void {
  const saved = fs.readFileSync(B(backup));
  // A backup cut short was never synced, so the file was not touched yet.
  if (saved.length !== oldLength + newLength) return fs.rmSync(B(backup), { force: true });
  const old = saved.subarray(0, oldLength);
  const fixed = saved.subarray(oldLength);
  const now = fs.readFileSync(B(file));
  if (!now.equals(old) && !now.equals(fixed)) {
    let k = 0;
    while (k < now.length && k < fixed.length && now[k] === fixed[k]) k++;
    // A rewrite killed half way left the new bytes' start over the old bytes' rest.
    if (!now.equals(Buffer.concat([fixed.subarray(0, k), old.subarray(Math.min(k, old.length))]))) {
      problems?.push(`${shown(file)}: a fix killed while rewriting it left ${shown(backup)} (the old bytes, then the fixed ones), and the file changed since; compare them by hand`);
      return;
    }
    const fd = fs.openSync(B(file), fs.constants.O_WRONLY | NOFOLLOW);
    try {
      writeAll(fd, fixed, 0);
      fs.ftruncateSync(fd, fixed.length);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
  fs.rmSync(B(backup), { force: true });
}
