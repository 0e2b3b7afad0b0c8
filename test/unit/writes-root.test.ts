// Issue 11, item 4: run as root, fix keeps the file's owner, group and mode, and its hard links.
import assert from 'node:assert/strict';
import { chmodSync, chownSync, linkSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

const ARTICLE = 'عنوان الخبر\nقتل ١٨ شخصا في ألماتي.\n';
const FIXED = 'عنوان الخبر\nقتل 18 شخصا في ألماتي.\n';
const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

async function fix(cwd: string, ...paths: string[]) {
  let stderr = '';
  const code = await runCli(['fix', ...paths], { cwd, stdout: () => {}, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

const folder = () => mkdtempSync(join(tmpdir(), 'corpus-lens-writes-root-'));

test('item 4: as root, fix keeps the owner, group and mode of a file owned by nobody', async (t) => {
  if (!isRoot) return t.skip('needs root');
  const dir = folder();
  const file = join(dir, 'a.txt');
  writeFileSync(file, ARTICLE);
  chownSync(file, NOBODY, NOBODY);
  chmodSync(file, 0o640);
  const { code, stderr } = await fix(dir, 'a.txt');
  assert.equal(code, 0, stderr);
  assert.equal(readFileSync(file, 'utf8'), FIXED);
  const stat = statSync(file);
  assert.deepEqual({ uid: stat.uid, gid: stat.gid, mode: stat.mode & 0o7777 }, { uid: NOBODY, gid: NOBODY, mode: 0o640 });
  assert.deepEqual(readdirSync(dir), ['a.txt']);
});

test('item 4: fix keeps hard links: both names see the fixed text, one inode, owner and mode kept', async (t) => {
  if (!isRoot) return t.skip('needs root');
  const dir = folder();
  writeFileSync(join(dir, 'a.txt'), ARTICLE);
  chownSync(join(dir, 'a.txt'), NOBODY, NOBODY);
  chmodSync(join(dir, 'a.txt'), 0o640);
  linkSync(join(dir, 'a.txt'), join(dir, 'b.txt'));
  const { code, stderr } = await fix(dir, 'a.txt');
  assert.equal(code, 0, stderr);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), FIXED);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), FIXED);
  const a = statSync(join(dir, 'a.txt'));
  assert.equal(a.ino, statSync(join(dir, 'b.txt')).ino);
  assert.equal(a.nlink, 2);
  assert.deepEqual({ uid: a.uid, gid: a.gid, mode: a.mode & 0o7777 }, { uid: NOBODY, gid: NOBODY, mode: 0o640 });
  assert.deepEqual(readdirSync(dir).sort(), ['a.txt', 'b.txt']);
});
