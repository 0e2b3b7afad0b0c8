import assert from 'node:assert/strict';
import { closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runCli } from '../../server/src/cli/main';
import { ChunkedWriter, serializeItem, writeJson } from '../../server/src/cli/jsonStream';
import { toJsonReport } from '../../server/src/cli/report';
import { FileSink } from '../../server/src/node/output';
import { analyzeDocument, CorpusIndex, normalizeSettings, prepareDocument, SeedDocument } from '../../server/src/core';
import { VERSION } from '../../server/src/version';

const SEEDS = join(__dirname, '..', '..', 'seeds');
const WORKER = join(__dirname, 'parallel-worker.mjs');

/** The layout of `writeJson`, written the obvious way: top-level members and top-level arrays' items one per line. */
function layout(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (!entries.length) return '{}';
  const member = ([k, v]: [string, unknown]) => `${JSON.stringify(k)}:${Array.isArray(v) && v.length ? `[\n${v.map((x) => JSON.stringify(x) ?? 'null').join(',\n')}\n]` : JSON.stringify(v)}`;
  return `{\n${entries.map(member).join(',\n')}\n}`;
}

/** What writeJson writes, through a text sink or a byte sink (chunks checked to hold whole characters). */
async function write(value: unknown, streamed?: { key: string; items: unknown[] }, mode: 'text' | 'bytes' = 'text'): Promise<string> {
  let out = '';
  const strict = new TextDecoder('utf-8', { fatal: true });
  const writer = new ChunkedWriter(mode === 'text' ? { text: (t) => (out += t) } : { text: () => assert.fail('text in bytes mode'), bytes: (b) => (out += strict.decode(b)) }, 7);
  const items = streamed && (async function* () {
    for (const item of streamed.items) yield serializeItem(item);
  })();
  await writeJson(value, writer, streamed && { key: streamed.key, items: items! });
  await writer.end();
  return out;
}

describe('writeJson', () => {
  it('writes compact JSON, top-level members and array items one per line, in small chunks of text or bytes', async () => {
    for (const mode of ['text', 'bytes'] as const) {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (value) => {
          const out = await write(value, undefined, mode);
          assert.equal(out, layout(value));
          assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: 200 },
      );
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), fc.array(fc.jsonValue()), async (rest, items) => {
          const value = { ...rest, files: items };
          const out = await write(value, { key: 'files', items }, mode);
          assert.equal(out, layout(value));
          assert.deepEqual(JSON.parse(out), JSON.parse(JSON.stringify(value)));
        }),
        { numRuns: 200 },
      );
    }
  });

  it('drops what JSON.stringify drops', async () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1], d: { e: undefined } };
    assert.equal(await write(value), '{\n"c":[\nnull,\nnull\n],\n"d":{}\n}');
    assert.deepEqual(JSON.parse(await write(value)), JSON.parse(JSON.stringify(value)));
    assert.equal(await write({}), '{}');
  });

  it('keeps Arabic and astral characters whole across byte chunks', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({ path: `seeds/${i}.txt`, text: 'قتل ١٨ شخصا 😀'.repeat(i % 7) }));
    assert.equal(await write({ tool: 'x', files: items }, { key: 'files', items }, 'bytes'), layout({ tool: 'x', files: items }));
  });

  it('waits for the reader when a write says it is behind, and loses nothing', async () => {
    const chunks: string[] = [];
    let waits = 0;
    let behind = false;
    const writer = new ChunkedWriter(
      {
        text: (t) => {
          assert.equal(behind, false, 'no write while the reader is behind');
          chunks.push(t);
          behind = true;
          return false;
        },
        drained: async () => {
          waits++;
          await new Promise((resolve) => setImmediate(resolve));
          behind = false;
        },
      },
      16,
    );
    const items = Array.from({ length: 40 }, (_, i) => ({ i }));
    await writeJson({ files: items }, writer, { key: 'files', items: items.map((x) => serializeItem(x)) });
    await writer.end();
    assert.equal(chunks.join(''), layout({ files: items }));
    assert.ok(waits >= chunks.length - 1 && chunks.length > 5, `${waits} waits for ${chunks.length} chunks`);
  });
});

describe('FileSink', () => {
  it('writes the chunks in order, tells when it is behind, and settles once all is written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'corpus-lens-sink-')), 'out.json');
    const fd = openSync(file, 'w');
    const sink = new FileSink(fd, 3);
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.from(`${i}:${'قتل ١٨ '.repeat(i * 50)}\n`));
    let behind = 0;
    for (const chunk of chunks) {
      if (sink.bytes(chunk) === false) {
        behind++;
        await sink.drained();
      }
    }
    sink.text('end\n');
    await sink.settled();
    closeSync(fd);
    assert.equal(readFileSync(file, 'utf8'), Buffer.concat(chunks).toString('utf8') + 'end\n');
    assert.ok(behind > 0, 'it said it was behind at least once');
  });

  it('rejects settled when a write fails', async () => {
    const fd = openSync(join(mkdtempSync(join(tmpdir(), 'corpus-lens-sink-')), 'ro.json'), 'w');
    closeSync(fd);
    const sink = new FileSink(fd);
    sink.bytes(Buffer.from('x'));
    await assert.rejects(sink.settled());
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
    assert.deepEqual(report.files, JSON.parse(JSON.stringify(toJsonReport(VERSION, analyses, [], (uri) => index.storyOf(uri)).files)));
  });
});
