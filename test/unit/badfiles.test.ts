import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runInProcess as run } from './cli-process';
import { decodeSeed, readSeed, readSeedSync } from '../../server/src/node/files';
import { readSeedsAhead } from '../../server/src/node/readAhead';

const dir = () => mkdtempSync(join(tmpdir(), 'corpus-lens-bad-'));

describe('bad files: reading', () => {
  const cases: [string, Uint8Array, string][] = [
    ['only white space', Buffer.from(' \n\t\r\n  '), 'empty file (only white space)'],
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), 'empty file (only white space)'],
    ['UTF-16 with its BOM', Buffer.from('\uFEFFقتل ١٨', 'utf16le'), 'binary file (contains NUL bytes)'],
    ['UTF-8 cut in the middle of a character', Buffer.from([...Buffer.from('قتل ١٨'), 0xd9]), 'not valid UTF-8 text'],
    ['an overlong UTF-8 encoding', Buffer.from([0x61, 0xc0, 0xaf]), 'not valid UTF-8 text'],
    ['an encoded surrogate half', Buffer.from([0x61, 0xed, 0xa0, 0x80]), 'not valid UTF-8 text'],
  ];
  for (const [name, bytes, reason] of cases) {
    it(`rejects ${name} with a reason`, () => {
      const read = decodeSeed(bytes);
      assert.equal(read.ok, false);
      assert.equal(!read.ok && read.reason, reason);
    });
  }

  it('says why it cannot read a folder, a missing file, or a file above the size limit', async () => {
    const d = dir();
    mkdirSync(join(d, 'folder.txt'));
    writeFileSync(join(d, 'big.txt'), 'x'.repeat(4096));
    assert.deepEqual(await readSeed(join(d, 'folder.txt')), { ok: false, reason: 'not a regular file' });
    assert.deepEqual(await readSeed(join(d, 'gone.txt')), { ok: false, reason: 'no such file or folder', missing: true });
    assert.deepEqual(await readSeed(join(d, 'big.txt'), 2048), { ok: false, reason: 'larger than 2 KB; skipped', tooLarge: true });
    assert.equal((await readSeed(join(d, 'big.txt'), 4096)).ok, true, 'the limit is inclusive');
  });
});

describe('bad files: reading ahead on a thread, and synchronously', () => {
  it('gives, file for file and in order, what readSeed gives', async () => {
    const d = dir();
    const files: string[] = [];
    const add = (name: string, bytes?: Uint8Array | string) => {
      const file = join(d, name);
      if (bytes !== undefined) writeFileSync(file, bytes);
      files.push(file);
    };
    add('ascii.txt', 'killed 18 people\n');
    add('arabic.txt', 'قتل ١٨ شخصا\r\nوأصيب ٢٠ آخرون');
    add('bom.txt', '\uFEFFقتل ١٨');
    add('astral.txt', 'قتل 😀 ١٨');
    add('empty.txt', '');
    add('spaces.txt', ' \n\t ');
    add('only-bom.txt', Buffer.from([0xef, 0xbb, 0xbf]));
    add('nul.txt', Buffer.from([0x61, 0, 0x62]));
    add('cut.txt', Buffer.from([...Buffer.from('قتل'), 0xd9]));
    add('overlong.txt', Buffer.from([0x61, 0xc0, 0xaf]));
    add('surrogate.txt', Buffer.from([0x61, 0xed, 0xa0, 0x80]));
    add('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    add('big.txt', 'x'.repeat(5000));
    mkdirSync(join(d, 'folder.txt'));
    add('folder.txt');
    add('gone.txt');
    add('ascii.txt');
    for (const digest of [false, true]) {
      for (const maxBytes of [Infinity, 4096]) {
        const expected = await Promise.all(files.map((f) => readSeed(f, maxBytes, { digest })));
        const got: unknown[] = [];
        for await (const r of readSeedsAhead(files, { digest, maxBytes, minFiles: 0, batchFiles: 3 })) got.push(r);
        assert.deepEqual(got, expected, `digest ${digest}, maxBytes ${maxBytes}`);
        // The synchronous read of the server's index says the same too.
        assert.deepEqual(
          files.map((f) => readSeedSync(f, maxBytes, { digest })),
          expected,
          `readSeedSync, digest ${digest}, maxBytes ${maxBytes}`,
        );
      }
    }
    // Few files: no thread, the same answers.
    const few: unknown[] = [];
    for await (const r of readSeedsAhead(files.slice(0, 3))) few.push(r);
    assert.deepEqual(few, await Promise.all(files.slice(0, 3).map((f) => readSeed(f))));
  });
});

describe('bad files: the CLI', () => {
  it('reports positions in UTF-16 characters whatever the line breaks (LF, CRLF, CR, mixed) and after a BOM', async () => {
    const d = dir();
    const body = (eol: string) => `عنوان${eol}قتل ١٨ شخصا${eol}${eol}وأصيب ٢٠ آخرون${eol}`;
    writeFileSync(join(d, 'lf.txt'), body('\n'));
    writeFileSync(join(d, 'crlf.txt'), body('\r\n'));
    writeFileSync(join(d, 'cr.txt'), body('\r'));
    writeFileSync(join(d, 'mixed.txt'), 'عنوان\r\nقتل ١٨ شخصا\n\rوأصيب ٢٠ آخرون\r');
    writeFileSync(join(d, 'bom.txt'), '\uFEFF' + body('\n'));
    const { code, stdout } = await run(d, 'check', '.', '--format', 'json', '--only', 'digits');
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.files.length, 5);
    for (const file of report.files) {
      const ranges = file.findings.map((f: { range: unknown }) => f.range);
      assert.deepEqual(
        ranges,
        [
          { start: { line: 1, character: 4 }, end: { line: 1, character: 6 } },
          { start: { line: 3, character: 6 }, end: { line: 3, character: 8 } },
        ],
        file.path,
      );
    }
  });

  it('fixes a file with mixed line breaks without touching them', async () => {
    const d = dir();
    const text = 'عنوان\r\nقتل ١٨ شخصا\n\rوأصيب ٢٠ آخرون\r';
    writeFileSync(join(d, 'mixed.txt'), text);
    assert.equal((await run(d, 'fix', 'mixed.txt', '--only', 'digits')).code, 0);
    assert.equal(readFileSync(join(d, 'mixed.txt'), 'utf8'), text.replace('١٨', '18').replace('٢٠', '20'));
    assert.deepEqual(readdirSync(d), ['mixed.txt'], 'no temporary file left behind');
  });

  it('skips unreadable inputs in one line each and still checks the rest', async () => {
    const d = dir();
    writeFileSync(join(d, 'good.txt'), 'قتل ١٨ شخصا\n');
    writeFileSync(join(d, 'blank.txt'), '\n\n   \n');
    writeFileSync(join(d, 'utf16.txt'), Buffer.from('\uFEFFقتل ١٨', 'utf16le'));
    writeFileSync(join(d, 'cut.txt'), Buffer.from([...Buffer.from('قتل ١٨'), 0xd9]));
    mkdirSync(join(d, 'dir.txt'));
    const { code, stdout, stderr } = await run(d, 'check', 'good.txt', 'blank.txt', 'utf16.txt', 'cut.txt', 'dir.txt', '--only', 'digits');
    assert.equal(code, 2);
    assert.deepEqual(
      stderr
        .split('\n')
        .filter((l) => l.startsWith('corpus-lens: '))
        .sort(),
      [
        'corpus-lens: blank.txt: empty file (only white space); skipped',
        'corpus-lens: cut.txt: not valid UTF-8 text; skipped',
        'corpus-lens: dir.txt: folder holds no .txt or .seed files',
        'corpus-lens: utf16.txt: binary file (contains NUL bytes); skipped',
      ],
    );
    assert.match(stdout, /^good\.txt:1:5 warning digits\/eastern-arabic /);
  });

  it('analyses a file with one 100,000-character line', async () => {
    const d = dir();
    writeFileSync(join(d, 'long.txt'), 'قتل ١٨ شخصا '.repeat(100_000 / 12) + '\n');
    const { code, stdout } = await run(d, 'check', 'long.txt', '--format', 'json', '--only', 'digits');
    assert.equal(code, 0);
    const [file] = JSON.parse(stdout).files;
    assert.equal(file.findings.length, Math.floor(100_000 / 12));
    assert.equal(file.findings.at(-1).range.start.line, 0);
  });
});
