/**
 * Issue 11, items 8, 10, 21 and 22: settings files and user patterns that
 * used to hang the CLI, or were refused or ignored without a clear word.
 * Runs that could hang run the CLI in a child process, so the test runner's
 * timeout can end them (a hang on this thread would stop the runner's timers).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it, type TestContext } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { normalizeSettings } from '../../server/src/core';
import { compileUserPattern } from '../../server/src/core/userRegExp';
import { describeConfigError, parseConfigText } from '../../server/src/node/config';

const CLI = join(__dirname, '..', '..', 'server', 'src', 'cli.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;
const TIMEOUT = { timeout: 10000 };

const ARTICLE = 'عنوان الخبر هنا\n\nفقرة أولى طويلة من نص المقال تتحدث عن الأحداث الجارية في البلاد.\n\n';

function folder(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function run(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The CLI in a child process (on one thread), ended when the test ends. */
function runChild(t: TestContext, cwd: string, ...argv: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...argv], {
      cwd,
      env: { ...process.env, CORPUS_LENS_THREADS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      signal: t.signal,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function hasMkfifo(): boolean {
  return spawnSync('mkfifo', ['--version']).status === 0;
}

describe('settings files and user patterns (issue 11)', () => {
  it('item 8: catastrophic user patterns and allowlists finish, and still match', TIMEOUT, async (t) => {
    const dir = folder({
      '.corpuslens.json': JSON.stringify({ boilerplate: { patterns: ['(a+)+$'], allowlist: ['^(\\w+\\s?)+$'] } }),
      'a.txt': `${ARTICLE}${'a'.repeat(34)}!\n\nقال aaa\n\nxyz aaa\n`,
    });
    const { code, stdout, stderr } = await runChild(t, dir, 'check', 'a.txt');
    assert.equal(code, 0, stderr);
    // The Arabic line matches the pattern; the Latin one is allowed by the allowlist.
    assert.deepEqual(stdout.trim().split('\n').map((l) => l.split(' ').slice(0, 3).join(' ')), ['a.txt:7:1 warning boilerplate/user-pattern']);
  });

  it('item 8: patterns the linear-time matcher cannot run are refused by key and pattern, exit 2', async () => {
    const dir = folder({
      '.corpuslens.json': JSON.stringify({ boilerplate: { patterns: ['(a)\\1', '^خاتمة'], allowlist: ['(?=x)x', '(?<n>a)\\k<n>'] } }),
      'a.txt': `${ARTICLE}خاتمة التقرير اليومي\n`,
    });
    const { code, stdout, stderr } = await run(dir, 'check', 'a.txt');
    assert.equal(code, 2);
    assert.match(stderr, /^corpus-lens: corpusLens\.boilerplate\.patterns\[0\]: "\(a\)\\\\1" uses a back-reference, .*; ignored$/m);
    assert.match(stderr, /^corpus-lens: corpusLens\.boilerplate\.allowlist\[0\]: "\(\?=x\)x" uses a lookahead or lookbehind, .*; ignored$/m);
    assert.match(stderr, /^corpus-lens: corpusLens\.boilerplate\.allowlist\[1\]: .* uses a back-reference, .*; ignored$/m);
    // The pattern that can run still does.
    assert.match(stdout, /^a\.txt:5:1 warning boilerplate\/user-pattern /m);
  });

  it('item 8: user patterns keep their JavaScript meaning on the linear-time matcher', () => {
    const patterns = ['^تابعونا\\s+على', '\\S+@\\S+', '^\\p{Script=Arabic}+$', '^[\\p{L}\\s]+$', 'a.b', '^(?<w>\\w+) \\d+$', 'ABC', '[\\s,]x', '\\u0627', '^$', '[^]', '\\bfoo\\b', '\\.$', '^\\S$', '^(?:المصدر|الصورة):', '\\p{gc=Lu}', '[\\u0600-\\u06ff]{3}'];
    const lines = ['تابعونا\u00a0على تويتر', 'تابعونا على', 'x@y.z', 'كلمة أخرى', 'a\u2028b', 'a-b', 'word 12', 'abc', ' ,x', 'ا', '', 'foo bar', 'end.', '\u00a0', 'المصدر: رويترز', 'Ab'];
    for (const source of patterns) {
      const compiled = compileUserPattern(source);
      assert.ok(compiled.ok, source);
      const js = new RegExp(source, 'iu');
      for (const line of lines) assert.equal(compiled.matcher.test(line), js.test(line), `${source} on ${JSON.stringify(line)}`);
    }
  });

  it('item 10: a FIFO as .corpuslens.json or --config is refused, not waited on', TIMEOUT, async (t) => {
    if (!hasMkfifo()) return t.skip('needs mkfifo');
    const dir = folder({ 'a.txt': `${ARTICLE}نهاية.\n` });
    assert.equal(spawnSync('mkfifo', [join(dir, '.corpuslens.json')]).status, 0);
    const found = await runChild(t, dir, 'check', 'a.txt');
    assert.equal(found.code, 2);
    assert.match(found.stderr, /^corpus-lens: .*\.corpuslens\.json: not a regular file \(a named pipe\); ignored$/m);
    const given = await runChild(t, dir, 'check', 'a.txt', '--config', '.corpuslens.json');
    assert.equal(given.code, 2);
    assert.equal(given.stderr, 'corpus-lens: --config .corpuslens.json: not a regular file (a named pipe)\n');
  });

  it('item 21: unknown, misspelled and prefixed keys are named, with the nearest key', async () => {
    const config = `{
  "boilerplate": { "paterns": ["^x"], "minDocuments": 3 },
  "corpusLens.debounceMs": 100,
  "corpusLens": { "enable": false },
  "severty": { "digits": "error" },
  "targetStyle": "eastern",
  "rules": { "digits/percent-sgn": "off", "digits/percent-sign": "off" },
  "colour": "blue",
  "$schema": "./schemas/corpuslens.schema.json"
}`;
    const dir = folder({ '.corpuslens.json': config, 'a.txt': `${ARTICLE}نهاية.\n` });
    const file = join(dir, '.corpuslens.json');
    const problems = parseConfigText(config, file).problems;
    assert.deepEqual(problems, [
      `${file}:2: "boilerplate.paterns" is not a setting (did you mean "boilerplate.patterns"?); ignored`,
      `${file}:3: "corpusLens.debounceMs": drop the "corpusLens." prefix, write "debounceMs"; ignored`,
      `${file}:4: "corpusLens": drop the "corpusLens" wrapper, write its settings at the top level; ignored`,
      `${file}:5: "severty" is not a setting (did you mean "severity"?); ignored`,
      `${file}:6: "targetStyle" is not a setting (did you mean "digits.targetStyle"?); ignored`,
      `${file}:7: "rules": "digits/percent-sgn" is not a rule (did you mean "digits/percent-sign"?); ignored`,
      `${file}:8: "colour" is not a setting; ignored`,
    ]);
    // The CLI says so on stderr, and, like every other problem in the settings, exits 2.
    const { code, stderr } = await run(dir, 'check', 'a.txt');
    assert.equal(code, 2);
    for (const p of problems) assert.ok(stderr.includes(`corpus-lens: ${p}\n`), stderr);
  });

  it('item 22: unreadable settings files and out-of-range numbers get one clear sentence', TIMEOUT, async (t) => {
    const dir = folder({ 'a.txt': `${ARTICLE}نهاية.\n`, 'big.json': '{ "debounceMs": 1e400, "boilerplate": { "minDocuments": -1e999 } }' });
    mkdirSync(join(dir, 'conf'));
    // /dev/zero never ends: read as a file, it filled memory until "Invalid string length".
    const zero = await runChild(t, dir, 'check', 'a.txt', '--config', '/dev/zero');
    assert.equal(zero.code, 2);
    assert.equal(zero.stderr, 'corpus-lens: --config /dev/zero: not a regular file (a device)\n');
    const folderConfig = await run(dir, 'check', 'a.txt', '--config', 'conf');
    assert.equal(folderConfig.code, 2);
    assert.equal(folderConfig.stderr, 'corpus-lens: --config conf: a folder, not a settings file\n');
    const big = await run(dir, 'check', 'a.txt', '--config', 'big.json');
    assert.equal(big.code, 2);
    assert.match(big.stderr, /^corpus-lens: .*big\.json:1: debounceMs: 1e400 is out of range \(must be a finite number from 0 to 5000\); ignored$/m);
    assert.match(big.stderr, /^corpus-lens: .*big\.json:1: boilerplate\.minDocuments: -1e999 is out of range \(must be a finite number from 2 to 100000\); ignored$/m);
    assert.doesNotMatch(big.stderr, /null/);
    // The same value from elsewhere than a file (where its spelling is gone).
    const problems: string[] = [];
    normalizeSettings({ debounceMs: Infinity }, problems);
    assert.deepEqual(problems, ['corpusLens.debounceMs: Infinity is out of range (must be a finite number from 0 to 5000); using the default']);
    // Errors no file here can be made to give: each a sentence, not a code.
    const error = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });
    assert.equal(describeConfigError(error('EAGAIN')), 'cannot be read without waiting (a device or a kernel file, not a regular file)');
    assert.equal(describeConfigError(error('EISDIR')), 'a folder, not a settings file');
    assert.equal(describeConfigError(error('EACCES')), 'permission denied');
    assert.equal(describeConfigError(error('EIO')), 'an input/output error while reading it (EIO)');
    assert.equal(describeConfigError(new RangeError('Invalid string length')), 'could not be read (Invalid string length)');
  });
});
