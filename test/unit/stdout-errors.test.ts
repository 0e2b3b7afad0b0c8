/**
 * Issue 11, item 7: when stdout cannot take the report (a full disk, a
 * device that refuses writes, a reader gone), the CLI says so in one line on
 * stderr and exits 2; a reader that stops early (`| head`) is no error.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FileSink, OutputError } from '../../server/src/node/output';
import { runCliProcess } from './cli-process';

const ROOT = join(__dirname, '..', '..');
const ENOSPC = 'corpus-lens: cannot write the report to stdout: no space left on device (ENOSPC)\n';

/** Runs the CLI with its stdout on `file` (a device or a file on a full disk): one line on stderr and exit 2. */
async function assertFullStdout(file: string, args: string[]) {
  const fd = openSync(file, 'w');
  try {
    const { code, stderr } = await runCliProcess(ROOT, args, fd);
    assert.equal(stderr, ENOSPC, args.join(' '));
    assert.equal(code, 2, args.join(' '));
  } finally {
    closeSync(fd);
  }
}

test('item 7: a report to /dev/full is one line on stderr and exit 2, in text and JSON', { timeout: 60000 }, async (t) => {
  if (!existsSync('/dev/full')) return t.skip('needs /dev/full');
  for (const args of [['check', 'seeds'], ['check', 'seeds', '--format', 'json'], ['--help']]) await assertFullStdout('/dev/full', args);
});

test('item 7: a report to a file on a full disk is one line on stderr and exit 2', { timeout: 60000 }, async (t) => {
  const mount = mkdtempSync(join(tmpdir(), 'corpus-lens-full-'));
  try {
    // 16 KB: the JSON report of the seeds is about 58 KB.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16k', 'tmpfs', mount], { stdio: 'ignore' });
  } catch {
    return t.skip('needs to mount a small tmpfs (root)');
  }
  try {
    for (const args of [['check', 'seeds', '--format', 'json'], ['check', 'seeds']]) {
      // The second report finds the disk already full: nothing at all gets written.
      await assertFullStdout(join(mount, `report-${args.length}`), args);
    }
    // The sink itself: the error it rejects with carries the one-line message.
    const fd = openSync(join(mount, 'more'), 'w');
    try {
      const sink = new FileSink(fd);
      sink.bytes(Buffer.alloc(64 * 1024));
      await assert.rejects(sink.settled(), (err: unknown) => err instanceof OutputError && err.code === 'ENOSPC' && err.message === ENOSPC.slice('corpus-lens: '.length, -1));
    } finally {
      closeSync(fd);
    }
  } finally {
    execFileSync('umount', [mount]);
  }
});

test('item 7: a reader that stops early (| head) ends the run quietly', { timeout: 60000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-epipe-'));
  mkdirSync(join(dir, 'seeds'));
  // About 4 MB of report: far more than a pipe holds.
  writeFileSync(join(dir, 'seeds', 'many.txt'), 'خبر ٢\n'.repeat(20000));
  for (const format of ['text', 'json']) {
    const { code, stderr } = await runCliProcess(dir, ['check', '--format', format, '--max-findings', '0'], 'pipe', (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    assert.equal(stderr, '', format);
    assert.equal(code, 0, format);
  }
});
