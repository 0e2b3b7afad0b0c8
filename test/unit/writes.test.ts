// Issue 11, the items about writing files back: a concurrent edit (1), symlinks (3),
// pure-boilerplate files (15), read-only files (18), temporary files of killed runs (23).
// Owner, mode and hard links as root (4) are in writes-root.test.ts.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as esbuild from 'esbuild';
import { USAGE } from '../../server/src/cli/main';
import { runInProcess as run } from './cli-process';
import { ChangedOnDiskError, digestOf, writeAtomic } from '../../server/src/node/files';

const ROOT = join(__dirname, '..', '..');
const ARTICLE = 'عنوان الخبر\nقتل ١٨ شخصا في ألماتي.\n';
const FIXED = 'عنوان الخبر\nقتل 18 شخصا في ألماتي.\n';
const APPENDED = 'سطر أضافه محرر آخر\n';

const folder = () => mkdtempSync(join(tmpdir(), 'corpus-lens-writes-'));

/** The pid of a process that has exited (so no process has it, short of a wrap-around). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

let cliBundle: Promise<string> | undefined;
/** The CLI bundled from these sources into a private folder (dist/ may be older, or rebuilt by someone else). */
function cli(): Promise<string> {
  cliBundle ??= (async () => {
    const outdir = folder();
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { cli: 'server/src/cli.ts' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      mainFields: ['module', 'main'],
      define: { CORPUS_LENS_VERSION: '"test"' },
      logLevel: 'warning',
      outdir,
    });
    return join(outdir, 'cli.js');
  })();
  return cliBundle;
}

const hasStrace = spawnSync('strace', ['-V']).status === 0;

/**
 * Runs `fix` under strace, the first `syscall` delayed by 3 s, and appends to
 * `file` once `marker` shows in the folder and a second has passed: the
 * append lands after the last check and before the commit.
 */
async function fixRacingAnAppend(dir: string, file: string, marker: RegExp, syscall: string): Promise<{ code: number | null; stderr: string }> {
  const script = await cli();
  const watcher = watch(dir);
  const seen = new Promise<void>((resolve) => watcher.on('change', () => readdirSync(dir).some((n) => marker.test(n)) && resolve()));
  const child = spawn('strace', ['-f', '-qq', '-o', '/dev/null', '-e', `trace=${syscall}`, '-e', `inject=${syscall}:delay_enter=3000000:when=1`, process.execPath, script, 'fix', file], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  // A run that never writes the copy has exited by then: the append comes late, and the test fails on what it left.
  await Promise.race([seen, exited]);
  watcher.close();
  // The copy is written before the check; a second later the check is long done, and the delayed call still waits.
  await new Promise((r) => setTimeout(r, 1000));
  appendFileSync(join(dir, file), APPENDED);
  return { code: await exited, stderr };
}

test('item 1: an edit between the copy and the last check is kept, and the write refused', async () => {
  const dir = folder();
  const file = join(dir, 'a.txt');
  writeFileSync(file, ARTICLE);
  const digest = digestOf(readFileSync(file));
  await assert.rejects(writeAtomic(file, FIXED, false, digest, { hooks: { afterCopy: () => appendFileSync(file, APPENDED) } }), ChangedOnDiskError);
  assert.equal(readFileSync(file, 'utf8'), ARTICLE + APPENDED);
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('item 1: an edit after the last check, right before the rename, is put back, and the write refused', async () => {
  const dir = folder();
  const file = join(dir, 'a.txt');
  writeFileSync(file, ARTICLE);
  const digest = digestOf(readFileSync(file));
  await assert.rejects(writeAtomic(file, FIXED, false, digest, { hooks: { beforeCommit: () => appendFileSync(file, APPENDED) } }), ChangedOnDiskError);
  assert.equal(readFileSync(file, 'utf8'), ARTICLE + APPENDED);
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('item 1: the strace repro: an append while the rename is delayed survives, and fix exits 2', async (t) => {
  if (!hasStrace) return t.skip('needs strace');
  const dir = folder();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  const { code, stderr } = await fixRacingAnAppend(dir, 'a.txt', /\.tmp$/, 'rename');
  assert.equal(code, 2, stderr);
  assert.match(stderr, /a\.txt changed on disk/);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), ARTICLE + APPENDED);
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('item 1: the strace repro on a hard-linked file (rewritten in place): an append while the write is delayed survives', async (t) => {
  if (!hasStrace) return t.skip('needs strace');
  const dir = folder();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
  const { code, stderr } = await fixRacingAnAppend(dir, 'a.txt', /\.inplace$/, 'pwrite64');
  assert.equal(code, 2, stderr);
  assert.match(stderr, /a\.txt changed on disk/);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), ARTICLE + APPENDED);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), ARTICLE + APPENDED);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'b.txt']);
});

test('item 3: fixing a symlink writes through to the target, and the link stays a link', async () => {
  const dir = folder();
  mkdirSync(join(dir, 'real'));
  writeFileSync(join(dir, 'real', 'target.txt'), ARTICLE);
  symlinkSync(join('real', 'target.txt'), join(dir, 'link.txt'));
  const { code, stderr } = await run(dir, 'fix', 'link.txt');
  assert.equal(code, 0, stderr);
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink());
  assert.equal(readlinkSync(join(dir, 'link.txt')), join('real', 'target.txt'));
  assert.equal(readFileSync(join(dir, 'real', 'target.txt'), 'utf8'), FIXED);
  assert.deepEqual(readdirSync(dir).sort(), ['link.txt', 'real']);
  assert.deepEqual(readdirSync(join(dir, 'real')), ['target.txt']);
});

test('item 15: a file that is all boilerplate is kept as it is and reported; check then still reads it', async () => {
  const dir = folder();
  const boilerplate = 'تابعونا على تويتر\nتابعونا على فيسبوك\n';
  writeFileSync(join(dir, 'a.txt'), boilerplate);
  writeFileSync(join(dir, 'b.txt'), ARTICLE);
  for (const args of [['--dry-run'], []]) {
    const fix = await run(dir, 'fix', 'a.txt', 'b.txt', ...args);
    assert.equal(fix.code, 2, fix.stderr);
    assert.match(fix.stderr, /^corpus-lens: a\.txt: every line is boilerplate; left as is \(delete the file if it is not an article\)$/m);
  }
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), boilerplate);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), FIXED);
  const check = await run(dir, 'check', 'a.txt', 'b.txt');
  assert.equal(check.code, 0, check.stderr);
  assert.doesNotMatch(check.stderr, /empty|problem/);
  assert.match(check.stdout, /^a\.txt:1:1 warning boilerplate\//m);
});

test('item 18: fix refuses a read-only file unless --force, and --force keeps it read-only', async () => {
  const dir = folder();
  const file = join(dir, 'a.txt');
  writeFileSync(file, ARTICLE);
  chmodSync(file, 0o444);
  const refused = await run(dir, 'fix', 'a.txt');
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /^corpus-lens: a\.txt is read-only \(mode 444\); not overwritten \(--force fixes it anyway\)$/m);
  assert.equal(readFileSync(file, 'utf8'), ARTICLE);
  const forced = await run(dir, 'fix', 'a.txt', '--force');
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  assert.equal(statSync(file).mode & 0o777, 0o444);
  assert.match(USAGE, /--force/);
  assert.equal((await run(dir, 'check', 'a.txt', '--force')).code, 2);
});

test('item 23: temporary files of killed fixes are removed, nobody else\'s', async () => {
  const dir = folder();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  const dead = deadPid();
  const stale = [`.a.txt.corpus-lens-${dead}-17000000000001.tmp`, `.a.txt.${dead}.1700000000000.tmp`];
  // pid 1 is always alive; the other names are not ours.
  const kept = [`.a.txt.corpus-lens-1-17000000000001.tmp`, '.a.txt.swp', `.a.txt.${dead}.tmp`, `a.txt.corpus-lens-${dead}-1.tmp`];
  for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), 'half a copy');
  const { code, stderr } = await run(dir, 'fix', 'a.txt');
  assert.equal(code, 0, stderr);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), FIXED);
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', ...kept].sort());
});

test('item 23: an in-place rewrite killed half way is completed from its backup by the next fix', async () => {
  const dir = folder();
  const old = Buffer.from(ARTICLE);
  const fixed = Buffer.from(FIXED);
  // What a kill during the rewrite leaves: the fixed bytes' start over the old bytes' rest.
  writeFileSync(join(dir, 'a.txt'), Buffer.concat([fixed.subarray(0, 30), old.subarray(30)]));
  const backup = `.a.txt.corpus-lens-${deadPid()}-17000000000001.${old.length}-${fixed.length}.inplace`;
  writeFileSync(join(dir, backup), Buffer.concat([old, fixed]));
  // A backup whose file was edited since is left, and said.
  writeFileSync(join(dir, 'b.txt'), 'نص آخر كتبه أحد\n');
  const other = `.b.txt.corpus-lens-${deadPid()}-17000000000001.${old.length}-${fixed.length}.inplace`;
  writeFileSync(join(dir, other), Buffer.concat([old, fixed]));
  const { code, stderr } = await run(dir, 'fix', 'a.txt', 'b.txt');
  assert.equal(code, 2, stderr);
  assert.match(stderr, /b\.txt: a fix killed while rewriting it left .*\.inplace \(the old bytes, then the fixed ones\), and the file changed since; compare them by hand/);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), FIXED);
  assert.deepEqual(readdirSync(dir).sort(), [other, 'a.txt', 'b.txt'].sort());
});
