/**
 * Issue 11, the paths items: what the CLI makes of its path arguments and of
 * the folders it walks (empty arguments, unreadable folders, two routes to
 * one file, default excludes, true reasons, file names that are not UTF-8).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import { USAGE } from '../../server/src/cli/main';
import { runInProcess as run } from './cli-process';
import { walk } from '../../server/src/node/walk';

const CLI = join(__dirname, '..', '..', 'server', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

/** A line with an Eastern digit: one `digits/eastern-arabic` finding, fixed to `5`. */
const SEED = 'عنوان الخبر\nقتل ٥ أشخاص في الهجوم.\n';

/** A fresh folder under /tmp that every user may enter (for the runs as `nobody`). */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-paths-'));
  chmodSync(dir, 0o755);
  return dir;
}

function write(file: string, text = SEED): void {
  writeFileSync(file, text);
  chmodSync(file, 0o644);
}

/** Why the runs as another user cannot happen here, or undefined when they can. */
function cannotDropPrivileges(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root (to run the CLI as nobody)';
  if (spawnSync('setpriv', ['--version']).error) return 'needs setpriv';
  return undefined;
}

let nobodyCli: string | undefined;

/**
 * The CLI from source, bundled into a folder every user may enter: `nobody`
 * may not reach the checkout itself (a clone in a 0700 folder such as
 * `mktemp -d` or /root), and then could not load the source.
 */
function cliForNobody(): string {
  if (!nobodyCli) {
    nobodyCli = join(scratch(), 'cli.js');
    buildSync({ entryPoints: [CLI], outfile: nobodyCli, bundle: true, platform: 'node', format: 'cjs', target: 'node20', mainFields: ['module', 'main'], logLevel: 'warning' });
    chmodSync(nobodyCli, 0o644);
  }
  return nobodyCli;
}

/** The CLI from source, run as `nobody` in `cwd`, for folders root could read anyway. */
function runAsNobody(cwd: string, ...argv: string[]) {
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cliForNobody(), ...argv], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A corpus `d` with a readable `d/a.txt` and a folder `d/locked` that only root may read (holding `b.txt`). */
function lockedCorpus(): string {
  const dir = scratch();
  mkdirSync(join(dir, 'd', 'locked'), { recursive: true, mode: 0o755 });
  chmodSync(join(dir, 'd'), 0o755);
  write(join(dir, 'd', 'a.txt'));
  write(join(dir, 'd', 'locked', 'b.txt'));
  chmodSync(join(dir, 'd', 'locked'), 0o700);
  return dir;
}

test('item 2: an empty path argument is a usage error, for check and for fix', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'seeds'));
  write(join(dir, 'seeds', 'a.txt'));
  write(join(dir, 'b.txt'));
  for (const argv of [['fix', ''], ['check', ''], ['fix', 'seeds', ''], ['fix', '--dry-run', '']]) {
    const { code, stdout, stderr } = await run(dir, ...argv);
    assert.equal(code, 2, `${JSON.stringify(argv)}: ${stderr}`);
    assert.equal(stdout, '');
    assert.match(stderr, /^corpus-lens: an empty path argument/m);
  }
  assert.equal(readFileSync(join(dir, 'seeds', 'a.txt'), 'utf8'), SEED);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), SEED);
});

test('item 14: an unreadable subfolder is reported and makes the run exit 2, in text and JSON output', (t) => {
  const why = cannotDropPrivileges();
  if (why) return t.skip(why);
  const dir = lockedCorpus();
  const text = runAsNobody(dir, 'check', 'd');
  assert.equal(text.code, 2, text.stderr);
  assert.match(text.stdout, /^d\/a\.txt:2:5 warning digits\/eastern-arabic/m);
  assert.match(text.stderr, /^corpus-lens: d\/locked: cannot read folder: permission denied; skipped$/m);
  assert.match(text.stderr, /^1 finding .* in 1 file; 1 input problem/m);

  // The JSON contract is unchanged: the report on stdout, input problems on stderr (as for unreadable files).
  const json = runAsNobody(dir, 'check', 'd', '--format', 'json');
  assert.equal(json.code, 2, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout).files.map((f: { path: string }) => f.path), ['d/a.txt']);
  assert.equal(json.stderr, 'corpus-lens: d/locked: cannot read folder: permission denied; skipped\n');

  const fix = runAsNobody(dir, 'fix', 'd', '--dry-run');
  assert.equal(fix.code, 2, fix.stderr);
  assert.match(fix.stderr, /^corpus-lens: d\/locked: cannot read folder: permission denied; skipped$/m);
});

test('item 16: a file reached by two routes is analysed and fixed once, under the first route\'s name', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'seeds'));
  write(join(dir, 'seeds', 'a.txt'));
  write(join(dir, 'seeds', 'b.txt'), SEED.replace('٥', '٧'));
  symlinkSync('seeds', join(dir, 'mirror'));
  symlinkSync(join('seeds', 'a.txt'), join(dir, 'alias.txt'));

  const check = await run(dir, 'check', 'seeds', 'mirror', 'alias.txt', 'mirror/b.txt', '--only', 'digits');
  assert.equal(check.code, 0, check.stderr);
  assert.deepEqual(check.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['seeds/a.txt', 'seeds/b.txt']);
  assert.match(check.stderr, /^2 findings \(2 warnings\) in 2 files$/m);

  const fix = await run(dir, 'fix', 'seeds', 'mirror', 'alias.txt');
  assert.equal(fix.code, 0, fix.stderr);
  assert.doesNotMatch(fix.stderr, /changed on disk/);
  assert.match(fix.stderr, /^Fixed 2 findings in 2 files \(0 unchanged\)$/m);
  assert.equal(readFileSync(join(dir, 'seeds', 'a.txt'), 'utf8'), SEED.replace('٥', '5'));
  assert.equal(readFileSync(join(dir, 'seeds', 'b.txt'), 'utf8'), SEED.replace('٥', '7'));
});

test('item 17: out and dist folders are searched; only the documented node_modules and .git are skipped, never when named', async () => {
  const dir = scratch();
  for (const sub of ['out', 'dist', 'node_modules', '.git', '.vscode-test']) {
    mkdirSync(join(dir, 'corpus', sub), { recursive: true });
    write(join(dir, 'corpus', sub, 'a.txt'));
  }
  const all = await run(dir, 'check', 'corpus', '--only', 'digits');
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(all.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['corpus/.vscode-test/a.txt', 'corpus/dist/a.txt', 'corpus/out/a.txt']);

  const named = await run(dir, 'check', 'corpus/node_modules', 'corpus/.git/a.txt', '--only', 'digits');
  assert.equal(named.code, 0, named.stderr);
  assert.deepEqual(named.stdout.trim().split('\n').map((l) => l.split(':')[0]), ['corpus/node_modules/a.txt', 'corpus/.git/a.txt']);

  // The language server's walk skips the same folders, and no others.
  const found: string[] = [];
  for await (const file of walk(join(dir, 'corpus'), () => true)) found.push(String(file.path).slice(dir.length + 1));
  assert.deepEqual(found, ['corpus/.vscode-test/a.txt', 'corpus/dist/a.txt', 'corpus/out/a.txt']);

  assert.match(USAGE, /node_modules and \.git/);
  assert.match(readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8'), /`node_modules` and `\.git`/);
});

test('item 19: a symlink loop, a file in an unreadable folder and an unreadable folder are reported with their true reason', async (t) => {
  const dir = scratch();
  symlinkSync('b.txt', join(dir, 'a.txt'));
  symlinkSync('a.txt', join(dir, 'b.txt'));
  const loop = await run(dir, 'check', 'a.txt');
  assert.equal(loop.code, 2);
  assert.match(loop.stderr, /^corpus-lens: a\.txt: too many levels of symbolic links \(a symlink loop\)$/m);

  const why = cannotDropPrivileges();
  if (why) return t.skip(why);
  const locked = lockedCorpus();
  const r = runAsNobody(locked, 'check', 'd/locked/b.txt', 'd/locked');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^corpus-lens: d\/locked\/b\.txt: permission denied$/m);
  assert.match(r.stderr, /^corpus-lens: d\/locked: cannot read folder: permission denied; skipped$/m);
  assert.doesNotMatch(r.stderr, /no such file|holds no/);
});

test('item 20: a file whose name is not valid UTF-8 is found, checked and fixed, and shown with the bad byte escaped', async () => {
  const dir = scratch();
  mkdirSync(join(dir, 'seeds'));
  const name = Buffer.concat([Buffer.from(join(dir, 'seeds') + '/'), Buffer.from([0x61, 0xff]), Buffer.from('.txt')]);
  writeFileSync(name, SEED);
  write(join(dir, 'seeds', 'b.txt'), 'عنوان\nلا أرقام هنا.\n');

  const check = await run(dir, 'check', 'seeds', '--only', 'digits');
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /^seeds\/a\\xff\.txt:2:5 warning digits\/eastern-arabic/m);
  assert.match(check.stderr, /^1 finding \(1 warning\) in 2 files$/m);

  const fix = await run(dir, 'fix', 'seeds');
  assert.equal(fix.code, 0, fix.stderr);
  assert.equal(readFileSync(name, 'utf8'), SEED.replace('٥', '5'));
  // Written back under its own name: no second file, no leftover.
  assert.equal(readdirSync(join(dir, 'seeds'), { encoding: 'buffer' }).length, 2);

  // Named on the command line (bytes a Node string cannot carry): the CLI recovers them.
  writeFileSync(name, SEED);
  const byName = spawnSync('bash', ['-c', `exec "$0" --import "$1" "$2" check $'seeds/a\\xff.txt' --only digits`, process.execPath, TSX, CLI], { cwd: dir, encoding: 'utf8' });
  assert.equal(byName.status, 0, byName.stderr);
  assert.match(byName.stdout, /^seeds\/a\\xff\.txt:2:5 warning digits\/eastern-arabic/m);
  assert.ok(existsSync(name));
});
