import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runCli } from '../../server/src/cli/main';
import { serializeItem, writeJson } from '../../server/src/cli/jsonStream';
import { toJsonReport } from '../../server/src/cli/report';
import { analyzeDocument, CorpusIndex, normalizeSettings, prepareDocument, SeedDocument } from '../../server/src/core';
import { VERSION } from '../../server/src/version';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const WORKER = join(__dirname, 'parallel-worker.mjs');

async function write(value: unknown, streamed?: { key: string; items: unknown[] }): Promise<string> {
  let out = '';
  const items = streamed && (async function* () {
    for (const item of streamed.items) yield serializeItem(item);
  })();
  await writeJson(value, (t) => (out += t), streamed && { key: streamed.key, items: items! }, 7);
  return out;
}

describe('writeJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes, in small chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => assert.equal(await write(value), JSON.stringify(value, null, 2))),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), async (rest, items) => {
        const value = { ...rest, files: items };
        assert.equal(await write(value, { key: 'files', items }), JSON.stringify(value, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('drops what JSON.stringify drops', async () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1], d: { e: undefined } };
    assert.equal(await write(value), JSON.stringify(value, null, 2));
    assert.equal(await write({}), '{}');
  });
});

async function run(cwd: string, threads: number | undefined, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), workerScript: WORKER, threads });
  return { code, stdout, stderr };
}

/** The seeds plus variations of them, and a few unreadable files, in two folders. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-out-'));
  cpSync(SEEDS, join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'seeds', 'more'));
  const names = readdirSync(SEEDS);
  for (let i = 0; i < 60; i++) {
    const text = readFileSync(join(SEEDS, names[i % names.length]), 'utf8');
    writeFileSync(join(dir, 'seeds', 'more', `v${String(i).padStart(2, '0')}.txt`), text.replace(/[0-9]+/g, (m) => String(Number(m) + i)));
  }
  writeFileSync(join(dir, 'seeds', 'more', 'empty.txt'), '');
  writeFileSync(join(dir, 'seeds', 'more', 'binary.txt'), Buffer.from([0, 1, 2]));
  return dir;
}

describe('CLI check on worker threads', () => {
  it('prints the same bytes, exit code and stderr as on one thread (JSON and text)', async () => {
    const dir = corpus();
    for (const argv of [['check', 'seeds', '--format', 'json'], ['check', 'seeds'], ['check', 'seeds', '--only', 'digits', '--fail-on', 'warning']]) {
      const one = await run(dir, undefined, ...argv);
      const three = await run(dir, 3, ...argv);
      assert.equal(three.code, one.code, argv.join(' '));
      assert.equal(three.stderr, one.stderr, argv.join(' '));
      assert.ok(three.stdout === one.stdout, `${argv.join(' ')}: stdout differs`);
    }
  });

  it('streams the report the core would give for the whole corpus at once', async () => {
    const dir = corpus();
    const { stdout } = await run(dir, undefined, 'check', 'seeds', '--format', 'json');
    const settings = normalizeSettings({});
    const files = readdirSync(join(dir, 'seeds'), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !['empty.txt', 'binary.txt'].includes(e.name))
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();
    const prepared = files.map((f) => prepareDocument(new SeedDocument(f, readFileSync(join(dir, f), 'utf8')), settings));
    const index = new CorpusIndex();
    for (const p of prepared) index.set(p.doc.uri, p.summary);
    const analyses = prepared.map((p) => analyzeDocument(p, index, settings));
    const report = JSON.parse(stdout);
    assert.deepEqual(
      report.files.map((f: { path: string }) => f.path),
      analyses.map((a) => a.uri),
    );
    assert.deepEqual(report.files, JSON.parse(JSON.stringify(toJsonReport(VERSION, analyses).files)));
  });
});
