/**
 * Issue 11, items 5 and 6: inputs far larger than any real seed (hundreds of
 * thousands of reports of one quantity, or of findings in one file) are
 * analysed in bounded stack and memory, by the core and by the CLI.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCliProcess, runInProcess as inProcess } from './cli-process';
import { DEFAULT_MAX_FINDINGS } from '../../server/src/cli/format';
import { analyzeDocument, CorpusIndex, normalizeSettings, prepareDocument, SeedDocument, type FigureReport } from '../../server/src/core';
import { QuantityIndex } from '../../server/src/core/figures/quantityIndex';

// Above the ~125k arguments at which a spread into a call overflows V8's default stack, with a margin.
const MANY = 160_000;

test('item 5: 160k reports of one quantity are indexed and judged without a stack overflow', { timeout: 60000 }, () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const reports: FigureReport[] = [];
  for (let i = 0; i < MANY; i++) reports.push({ uri: 'a', range, quantity: 'killed/people', story: '', key: 'killed/people', qualifier: 'exact', value: 5, low: 5, high: 5, date: null, source: null, text: 'قتل 5' });
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

test('item 5: the CLI checks a file of 160k reports of one quantity and reports', { timeout: 120000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-limits-'));
  writeFileSync(join(dir, 'c.txt'), 'قتل 5\n'.repeat(MANY));
  const { code, stderr } = await runCliProcess(dir, ['check', 'c.txt']);
  assert.doesNotMatch(stderr, /internal error|Maximum call stack/);
  assert.match(stderr, /^\d+ findings? .*in 1 file$/m);
  assert.ok(code === 0 || code === 1, `exit ${code}: ${stderr}`);
});

// Each line holds two findings; far more than the cap, yet quick enough for `npm test`.
const LINES = 40_000;
const TOTAL = 2 * LINES - 1;
const manyFindings = () => 'خبر ٢\n'.repeat(LINES);

test('item 6: a file with 80k findings is reported capped per file, counted in full, and still fixed in full', { timeout: 120000 }, async () => {
  // The core keeps the first findings in document order and counts the rest.
  const settings = normalizeSettings({});
  const prepared = prepareDocument(new SeedDocument('m.txt', manyFindings()), settings);
  const corpus = new CorpusIndex();
  corpus.set('m.txt', prepared.summary);
  const all = analyzeDocument(prepared, corpus, settings, { families: ['digits'] });
  const capped = analyzeDocument(prepared, corpus, settings, { families: ['digits'], maxFindings: 1000 });
  assert.equal(all.findings.length, LINES);
  assert.equal(capped.findings.length, 1000);
  assert.deepEqual(capped.findings, all.findings.slice(0, 1000));
  assert.deepEqual(capped.omitted, { count: LINES - 1000, severities: { warning: LINES - 1000 }, range: all.findings[1000].range });

  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-limits-'));
  writeFileSync(join(dir, 'm.txt'), manyFindings());
  const text = await inProcess(dir, 'check', 'm.txt', '--fail-on', 'warning');
  assert.equal(text.code, 1, 'the findings not shown count for the exit status');
  const lines = text.stdout.trimEnd().split('\n');
  assert.equal(lines.length, DEFAULT_MAX_FINDINGS + 1);
  const rest = TOTAL - DEFAULT_MAX_FINDINGS;
  assert.match(lines.at(-1)!, new RegExp(`^m\\.txt:\\d+:\\d+ warning corpus-lens/too-many-findings ${rest} more findings in this file \\(${rest} warnings\\) not shown`));
  assert.match(text.stderr, new RegExp(`^${TOTAL} findings \\(${TOTAL} warnings\\) in 1 file$`, 'm'));

  const json = await inProcess(dir, 'check', 'm.txt', '--format', 'json', '--max-findings', '10');
  const file = JSON.parse(json.stdout).files[0];
  assert.equal(file.findings.length, 11);
  assert.equal(file.omittedFindings, TOTAL - 10);
  assert.equal(file.findings[10].rule, 'corpus-lens/too-many-findings');
  assert.equal((await inProcess(dir, 'check', 'm.txt', '--only', 'digits', '--max-findings', '0')).stdout.trimEnd().split('\n').length, LINES);
  assert.equal((await inProcess(dir, 'check', 'm.txt', '--max-findings', 'lots')).code, 2);

  const fixed = await inProcess(dir, 'fix', 'm.txt', '--only', 'digits');
  assert.equal(fixed.code, 0, fixed.stderr);
  assert.equal(readFileSync(join(dir, 'm.txt'), 'utf8'), 'خبر 2\n'.repeat(LINES));
});

test('item 6: the CLI refuses a file above maxFileSizeKB in one line, as the server does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-limits-'));
  writeFileSync(join(dir, '.corpuslens.json'), '{ "maxFileSizeKB": 1 }');
  writeFileSync(join(dir, 'big.txt'), 'خبر ٢\n'.repeat(200));
  writeFileSync(join(dir, 'small.txt'), 'خبر ٢\n');
  for (const command of ['check', 'fix']) {
    const { code, stderr } = await inProcess(dir, command, 'big.txt', 'small.txt');
    assert.equal(code, 2);
    assert.match(stderr, /^corpus-lens: big\.txt: larger than 1 KB \(setting maxFileSizeKB\); skipped$/m);
  }
  assert.equal(readFileSync(join(dir, 'big.txt'), 'utf8'), 'خبر ٢\n'.repeat(200));
  assert.equal(readFileSync(join(dir, 'small.txt'), 'utf8'), 'خبر 2\n');
});
