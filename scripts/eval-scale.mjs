#!/usr/bin/env node
// npm run eval:scale: checks the real corpus of ../shared/corpora (unpacked into
// ~/.cache/corpus-lens once) with the built CLI and prints conflict warnings per
// 100 documents and the stories; writes 30 random conflict pairs (fixed seed),
// both lines in full with file:line, to a file outside the repository for a
// person to read. A measurement, not a test: it never fails on a number.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const archive = resolve(root, '../shared/corpora/ant-news-2018.tar.xz');
const cache = join(homedir(), '.cache/corpus-lens');
const corpus = join(cache, 'ant-news-2018');
const cli = join(root, 'dist/cli.js');
const SAMPLE = 30;

if (!existsSync(join(corpus, 'seeds'))) {
  if (!existsSync(archive)) {
    console.error(`eval:scale: neither ${corpus} nor ${archive} exists`);
    process.exit(2);
  }
  mkdirSync(cache, { recursive: true });
  execFileSync('tar', ['xJf', archive, '-C', cache], { stdio: 'inherit' });
}
if (!existsSync(cli)) {
  console.error('eval:scale: build first (npm run build)');
  process.exit(2);
}

const started = Date.now();
const run = spawnSync(process.execPath, [cli, 'check', '--format', 'json', 'seeds'], { cwd: corpus, maxBuffer: 1 << 30, encoding: 'utf8' });
if (run.status === 2 || !run.stdout) {
  console.error(run.stderr);
  process.exit(2);
}
const seconds = (Date.now() - started) / 1000;
const report = JSON.parse(run.stdout);
const files = report.files.length;
const conflicts = report.conflicts.filter((c) => c.kind === 'conflict');
const evolving = report.conflicts.length - conflicts.length;
const stories = new Map();
for (const f of report.files) if (f.story) stories.set(f.story.id, f.story.documents);
const inShared = [...stories.values()].filter((n) => n > 1).reduce((a, b) => a + b, 0);
const within = conflicts.filter((c) => c.a.path === c.b.path).length;

// Warnings are the `figures/conflict` diagnostics (one per report in conflict); pairs are the report's `conflicts`, capped per quantity of a story.
let warnings = 0;
for (const f of report.files) for (const x of f.findings) if (x.rule === 'figures/conflict') warnings++;
console.log(`documents ${files}, check ${seconds.toFixed(1)} s`);
console.log(`conflict warnings ${warnings} (${((100 * warnings) / files).toFixed(2)} per 100 documents)`);
console.log(`conflict pairs ${conflicts.length} (${within} within one document), evolving pairs ${evolving}`);
console.log(`stories ${stories.size}, documents in multi-document stories ${inShared}, largest ${Math.max(0, ...stories.values())}`);

// A fixed-seed sample (mulberry32), so two runs of one build show the same pairs.
let state = 13;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pool = conflicts.slice();
const sample = [];
while (sample.length < SAMPLE && pool.length) sample.push(pool.splice(Math.floor(random() * pool.length), 1)[0]);

const lines = new Map();
function lineOf(path, line) {
  if (!lines.has(path)) lines.set(path, readFileSync(join(corpus, path), 'utf8').split('\n'));
  return lines.get(path)[line] ?? '';
}
const out = [`# ${SAMPLE} random conflict pairs of ${conflicts.length} (seed 13), ${new Date().toISOString()}`, ''];
sample.forEach((c, i) => {
  out.push(`## ${i + 1}. ${c.quantity}: ${c.a.value} vs ${c.b.value}`);
  if (c.why) out.push(`why: ${c.why}`);
  for (const side of [c.a, c.b]) out.push(`${side.path}:${side.range.start.line + 1}`, `    ${lineOf(side.path, side.range.start.line)}`);
  out.push('verdict: ', '');
});
const target = join(tmpdir(), `corpus-lens-scale-sample-${process.pid}.md`);
writeFileSync(target, out.join('\n'));
console.log(`sample of ${sample.length} pairs: ${target}`);
