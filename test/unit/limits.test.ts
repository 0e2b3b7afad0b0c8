/**
 * Issue 11, items 5 and 6: inputs far larger than any real seed (hundreds of
 * thousands of reports of one quantity, or of findings in one file) are
 * analysed in bounded stack and memory, by the core and by the CLI.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { analyzeDocument, CorpusIndex, normalizeSettings, prepareDocument, QuantityIndex, SeedDocument, type FigureReport } from '../../server/src/core';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'server', 'src', 'cli.ts');
// By URL: the CLI runs in a temporary folder, where `--import tsx` would not resolve.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

/** Runs the CLI from source (no build needed) in `cwd`; resolves on exit. */
export function runCliProcess(cwd: string, args: string[], stdout: 'pipe' | number = 'pipe'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, CORPUS_LENS_THREADS: '0' } });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

const MANY = 230_000;

test('item 5: 230k reports of one quantity are indexed and judged without a stack overflow', { timeout: 60000 }, () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const reports: FigureReport[] = [];
  for (let i = 0; i < MANY; i++) reports.push({ uri: 'a', range, quantity: 'killed/people', qualifier: 'exact', value: 5, low: 5, high: 5, date: null, source: null, text: 'قتل 5' });
  const index = new QuantityIndex();
  assert.deepEqual([...index.set('a', reports)], ['killed/people']);
  assert.equal(index.reportsOf('a').length, MANY);
  // The same reports again keep the cached state (the other branch of `set`).
  index.set('a', reports.slice());
  assert.equal(index.reportsOf('a').length, MANY);
  assert.equal(index.judgement('killed/people').quantity, 'killed/people');

  // And through the whole analysis: one document, every line a report.
  const settings = normalizeSettings({});
  const prepared = prepareDocument(new SeedDocument('c.txt', 'قتل 5\n'.repeat(MANY)), settings);
  const corpus = new CorpusIndex();
  corpus.set('c.txt', prepared.summary);
  const analysis = analyzeDocument(prepared, corpus, settings);
  assert.ok(Array.isArray(analysis.findings));
});

test('item 5: the CLI checks a file of 230k reports of one quantity and reports', { timeout: 120000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-limits-'));
  writeFileSync(join(dir, 'c.txt'), 'قتل 5\n'.repeat(MANY));
  const { code, stderr } = await runCliProcess(dir, ['check', 'c.txt']);
  assert.doesNotMatch(stderr, /internal error|Maximum call stack/);
  assert.match(stderr, /^\d+ findings? .*in 1 file$/m);
  assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
});
