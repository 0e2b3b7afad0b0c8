import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runInProcess as run } from './cli-process';
import { ChangedOnDiskError, digestOf, writeAtomic } from '../../server/src/node/files';

const SEEDS = join(__dirname, '..', '..', 'seeds');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  return dir;
}

describe('CLI check', () => {
  it('reports the seeds like a compiler, one line per finding, with a summary on stderr', async () => {
    const { code, stdout, stderr } = await run(workspace(), 'check', '--only', 'digits');
    const lines = stdout.trim().split('\n');
    assert.equal(code, 0);
    assert.equal(lines.filter((l) => l.startsWith('seeds/004_')).length, 58);
    assert.deepEqual(lines.filter((l) => l.startsWith('seeds/000_')), [
      'seeds/000_4fd7cdf99f787919.txt:6:177 warning digits/dot-thousands "20.000" uses a dot as thousands separator: in Arabic text it means 20,000, not 20: write 20,000',
    ]);
    assert.match(stderr, /^59 findings \(59 warnings\) in 5 files$/m);
  });

  it('prints the JSON contract of domain.md', async () => {
    const { code, stdout } = await run(workspace(), 'check', 'seeds', '--format', 'json', '--only', 'digits');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.tool, 'corpus-lens');
    assert.equal(typeof report.version, 'string');
    assert.ok(Array.isArray(report.conflicts));
    assert.equal(report.files.length, 5);
    const f004 = report.files.find((f: { path: string }) => f.path.endsWith('004_f87893d1b2acc16f.txt'));
    assert.equal(f004.findings.length, 58);
    const first = f004.findings[0];
    assert.deepEqual(Object.keys(first).sort(), ['fix', 'message', 'range', 'rule', 'severity']);
    assert.deepEqual(first.range, { start: { line: 6, character: 5 }, end: { line: 6, character: 7 } });
    assert.deepEqual(first.fix.edits, [{ range: first.range, newText: '18' }]);
    assert.ok(Array.isArray(f004.claims));
  });

  it('lists the corpus\'s conflicts at the top level, each pair once, in a stable order', async () => {
    const dir = workspace();
    const first = JSON.parse((await run(dir, 'check', '--format', 'json')).stdout);
    const again = JSON.parse((await run(dir, 'check', '--format', 'json')).stdout);
    assert.deepEqual(first.conflicts, again.conflicts);
    const police = first.conflicts.filter((c: { quantity: string }) => c.quantity === 'killed/police');
    assert.ok(police.length >= 3);
    for (const c of police) {
      assert.equal(c.kind, 'conflict');
      assert.deepEqual(Object.keys(c).sort(), ['a', 'b', 'kind', 'message', 'quantity', 'why']);
      assert.deepEqual([c.a.value, c.b.value].sort((x: number, y: number) => x - y), [7, 18]);
      assert.match(c.a.path, /^seeds\//);
    }
    const arrests = first.conflicts.filter((c: { quantity: string }) => c.quantity === 'arrested/people');
    assert.ok(arrests.length > 0 && arrests.every((c: { kind: string }) => c.kind === 'evolving'), 'growing arrest counts are evolving, not conflicts');
    const keys = first.conflicts.map((c: { a: { path: string; range: { start: { line: number } } }; b: { path: string; range: { start: { line: number } } } }) => `${c.a.path}:${c.a.range.start.line}|${c.b.path}:${c.b.range.start.line}`);
    assert.equal(new Set(keys).size, keys.length, 'no pair twice');
    assert.deepEqual(JSON.parse((await run(dir, 'check', '--format', 'json', '--only', 'digits')).stdout).conflicts, []);
  });

  it('exits 1 when a finding reaches the fail-on severity', async () => {
    assert.equal((await run(workspace(), 'check', '--only', 'digits', '--fail-on', 'warning')).code, 1);
    const dir = workspace();
    writeFileSync(join(dir, '.corpuslens.json'), '{ // errors for digits\n "severity": { "digits": "error" } }');
    assert.equal((await run(dir, 'check', '--only', 'digits')).code, 1);
  });

  it('says what is wrong with bad input in one line each, still checks the rest, and exits 2', async () => {
    const dir = workspace();
    mkdirSync(join(dir, 'empty-folder'));
    writeFileSync(join(dir, 'seeds', 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
    writeFileSync(join(dir, 'seeds', 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'seeds', 'empty.txt'), '');
    const { code, stdout, stderr } = await run(dir, 'check', 'seeds', 'missing.txt', 'empty-folder', '--only', 'digits');
    assert.equal(code, 2);
    const errors = stderr.split('\n').filter((l) => l.startsWith('corpus-lens: '));
    assert.deepEqual(errors.sort(), [
      'corpus-lens: empty-folder: folder holds no .txt or .seed files',
      'corpus-lens: missing.txt: no such file or folder',
      'corpus-lens: seeds/binary.txt: binary file (contains NUL bytes); skipped',
      'corpus-lens: seeds/empty.txt: empty file; skipped',
      'corpus-lens: seeds/latin1.txt: not valid UTF-8 text; skipped',
    ]);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.equal(stdout.trim().split('\n').length, 59, 'the readable files are still checked');
  });

  it('rejects bad usage with exit 2', async () => {
    for (const argv of [['lint'], ['check', '--format', 'xml'], ['check', '--only', 'spelling'], ['check', '--bogus'], ['check', '--dry-run'], []]) {
      const { code, stderr } = await run(workspace(), ...argv);
      assert.equal(code, 2, argv.join(' '));
      assert.match(stderr, /^corpus-lens: .+\nRun "corpus-lens --help" for usage\.\n$/);
    }
  });

  it('keeps a BOM and CRLF line breaks when fixing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
    writeFileSync(join(dir, 'a.txt'), '\uFEFFقتل ١٨ شخصا\r\nوأصيب ٢٠\r\n');
    assert.equal((await run(dir, 'fix', 'a.txt')).code, 0);
    assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), '\uFEFFقتل 18 شخصا\r\nوأصيب 20\r\n');
  });
});

describe('CLI fix', () => {
  it('fixes every digits finding and changes nothing but the numbers', async () => {
    const dir = workspace();
    const { code, stderr } = await run(dir, 'fix', 'seeds', '--only', 'digits');
    assert.equal(code, 0);
    assert.match(stderr, /^Fixed 59 findings in 2 files \(3 unchanged\)$/m);
    assert.equal((await run(dir, 'check', '--only', 'digits')).stdout, '');
    const numberChars = /[0-9\u0660-\u0669.,\u066A\u066B\u066C%]/g;
    for (const name of readdirSync(SEEDS)) {
      const before = readFileSync(join(SEEDS, name), 'utf8');
      const after = readFileSync(join(dir, 'seeds', name), 'utf8');
      assert.equal(after.replace(numberChars, ''), before.replace(numberChars, ''), name);
    }
    assert.deepEqual(readdirSync(join(dir, 'seeds')).sort(), readdirSync(SEEDS).sort(), 'no temporary file left behind');
  });

  it('fix exits 1 when an error-severity finding remains after fixing, 0 when none can', async () => {
    // Conflicting figures have no fix: set to error, they remain after every digits and boilerplate fix.
    const dir = workspace();
    writeFileSync(join(dir, '.corpuslens.json'), '{ "rules": { "figures/conflict": "error" } }');
    const strict = await run(dir, 'fix');
    assert.equal(strict.code, 1, strict.stderr);
    assert.match(strict.stderr, /^Fixed \d+ findings in 4 files \(1 unchanged\)/m);
    // Fixed already: nothing left to fix, and the conflict still fails the run.
    assert.equal((await run(dir, 'fix', '--dry-run')).code, 1);
    writeFileSync(join(dir, '.corpuslens.json'), '{ "rules": { "figures/conflict": "warning" } }');
    assert.equal((await run(dir, 'fix', '--dry-run')).code, 0);
  });

  it('writes nothing on --dry-run', async () => {
    const dir = workspace();
    const { code, stdout, stderr } = await run(dir, 'fix', '--dry-run');
    assert.equal(code, 0);
    assert.match(stdout, /^seeds\/004_f87893d1b2acc16f\.txt:7:6 digits\/eastern-arabic "١٨" -> "18"$/m);
    assert.match(stderr, /^Would fix \d+ findings in \d+ files/m);
    for (const name of readdirSync(SEEDS)) {
      assert.equal(readFileSync(join(dir, 'seeds', name), 'utf8'), readFileSync(join(SEEDS, name), 'utf8'));
    }
  });

  it('refuses to overwrite a file that changed on disk after it was read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'قتل ١٨ شخصا');
    const digest = digestOf(readFileSync(file));
    writeFileSync(file, 'edited by someone else');
    await assert.rejects(writeAtomic(file, 'قتل 18 شخصا', false, digest), ChangedOnDiskError);
    assert.equal(readFileSync(file, 'utf8'), 'edited by someone else');
    assert.deepEqual(readdirSync(dir), ['a.txt']);
  });
});
