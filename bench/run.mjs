// `npm run bench`: generates the synthetic corpora, measures the CLI, a peer
// (cspell with the Arabic dictionary) and a floor (one regex pass) on the
// same files, then the language server, checks the budgets and writes
// docs/performance.md with an SVG chart. Never part of `npm test`.
//
//   node bench/run.mjs [--sizes 100,1000,10000] [--runs 3] [--no-cspell]
//                      [--no-server] [--profile] [--no-write]
//
// --profile runs the CLI and the server once more at the largest size under
// `node --cpu-prof` and prints where the time goes (bench-out/profiles/).
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureCorpus, GENERATOR_VERSION } from './generate.mjs';
import { buildForBench } from './lib/build.mjs';
import { formatProfile, summarizeProfile } from './lib/profile.mjs';
import { renderChart } from './lib/chart.mjs';
import { benchServer } from './server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench-out');
const RUSAGE = join(ROOT, 'bench', 'lib', 'rusage.cjs');
const CSPELL = join(ROOT, 'node_modules', 'cspell', 'bin.mjs');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
const SIZES = option('--sizes', '100,1000,10000').split(',').map(Number);
const RUNS = Number(option('--runs', '3'));
const log = (s) => process.stderr.write(`${s}\n`);

/** The budgets of issue 7, on this machine, checked on the largest corpus of the run. `value` picks the measurement. */
const BUDGETS = [
  { name: 'CLI throughput', limit: '≥ 40 MB/s', ok: (v) => v >= 40, unit: 'MB/s', value: (r) => r.largest.cli?.mbps },
  { name: 'CLI peak memory', limit: '≤ 1024 MB', ok: (v) => v <= 1024, unit: 'MB', value: (r) => r.largest.cli?.peakMB },
  { name: 'Server cold index', limit: '≤ 5 s', ok: (v) => v <= 5, unit: 's', value: (r) => r.largest.server && r.largest.server.coldIndexMs / 1000 },
  { name: 'Edit → fresh diagnostics p95', limit: '≤ 15 ms', ok: (v) => v <= 15, unit: 'ms', value: (r) => r.largest.server?.edit?.p95 },
  { name: 'Hover p95', limit: '≤ 5 ms', ok: (v) => v <= 5, unit: 'ms', value: (r) => r.largest.server?.hover?.p95 },
  { name: 'Server peak memory', limit: '≤ 400 MB', ok: (v) => v <= 400, unit: 'MB', value: (r) => r.largest.server?.peakMB },
];

let counter = 0;
/**
 * Runs `node [nodeArgs] script args` with stdout to a file, and returns the
 * wall time (spawn to exit) and the child's own peak RSS and CPU time.
 */
async function measure(nodeArgs, script, scriptArgs, { stdoutFile, cwd = ROOT, env = {} } = {}) {
  const rusageFile = join(OUT, 'tmp', `rusage-${process.pid}-${counter++}.json`);
  const out = openSync(stdoutFile ?? '/dev/null', 'w');
  let stderr = '';
  const start = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, '-r', RUSAGE, script, ...scriptArgs], {
    cwd,
    stdio: ['ignore', out, 'pipe'],
    env: { ...process.env, CORPUS_LENS_THREADS: '0', ...env, BENCH_RUSAGE_OUT: rusageFile },
  });
  child.stderr.on('data', (d) => {
    if (stderr.length < 20000) stderr += d;
  });
  const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c)));
  const wallMs = performance.now() - start;
  closeSync(out);
  const usage = existsSync(rusageFile) ? JSON.parse(readFileSync(rusageFile, 'utf8')) : {};
  rmSync(rusageFile, { force: true });
  return { code, wallMs, peakMB: usage.maxRSSKB / 1024, cpuMs: usage.userMs + usage.systemMs, stderr };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time over runs; peak memory is the largest seen. */
function summarize(runs, bytes) {
  const wallMs = median(runs.map((r) => r.wallMs));
  return {
    runs: runs.length,
    wallMs,
    mbps: bytes / 1e6 / (wallMs / 1000),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    peakMB: Math.max(...runs.map((r) => r.peakMB)),
    codes: [...new Set(runs.map((r) => r.code))],
  };
}

function machine() {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {}
  const nproc = (() => {
    try {
      return Number(execSync('nproc', { encoding: 'utf8' }).trim());
    } catch {
      return cpus().length;
    }
  })();
  return { nproc, cpu, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform} ${process.arch}` };
}

async function main() {
  mkdirSync(join(OUT, 'tmp'), { recursive: true });
  log('building server and CLI into bench-out/dist');
  const build = await buildForBench(join(OUT, 'dist'));
  const results = { date: new Date().toISOString(), machine: machine(), version: build.version, runs: RUNS, sizes: [], loadBefore: loadavg()[0] };
  log(`machine: ${results.machine.nproc} CPUs (${results.machine.cpu}), node ${results.machine.node}`);

  for (const n of SIZES) {
    const corpus = ensureCorpus(OUT, n, log);
    const seeds = join(corpus.dir, 'seeds');
    log(`\n${n} documents, ${(corpus.bytes / 1e6).toFixed(1)} MB`);
    const row = { documents: n, bytes: corpus.bytes, sha256: corpus.sha256 };
    const floorRuns = [];
    const cliRuns = [];
    const cspellRuns = [];
    const report = join(OUT, `cli-${n}.json`);
    // cspell takes minutes on the largest corpus: one run there.
    const cspellRunsWanted = flag('--no-cspell') ? 0 : n >= 10000 ? 1 : RUNS;
    for (let run = 0; run < RUNS; run++) {
      floorRuns.push(await measure([], join(ROOT, 'bench', 'floor.mjs'), [seeds], { stdoutFile: join(OUT, `floor-${n}.json`) }));
      // Run inside the corpus folder, as a user would: paths in the report are `seeds/...`, no stray .corpuslens.json.
      const cli = await measure([], build.cli, ['check', '--format', 'json', 'seeds'], { stdoutFile: report, cwd: corpus.dir });
      if (cli.code !== 0 && cli.code !== 1) throw new Error(`CLI exited ${cli.code}: ${cli.stderr}`);
      cliRuns.push(cli);
      if (run < cspellRunsWanted) {
        const cspell = await measure([], CSPELL, ['--config', join(ROOT, 'bench', 'cspell.json'), '--no-progress', '--no-summary', '--no-cache', 'seeds/*.txt'], {
          stdoutFile: join(OUT, `cspell-${n}.txt`),
          cwd: corpus.dir,
        });
        if (cspell.code !== 0 && cspell.code !== 1) throw new Error(`cspell exited ${cspell.code}: ${cspell.stderr}`);
        cspellRuns.push(cspell);
      }
    }
    row.floor = summarize(floorRuns, corpus.bytes);
    row.cli = summarize(cliRuns, corpus.bytes);
    if (n === Math.max(...SIZES) && results.machine.nproc >= 2) {
      // The opt-in worker-thread check (server/src/cli/parallel.ts), once, for comparison.
      const threads = String(results.machine.nproc);
      const parallel = await measure([], build.cli, ['check', '--format', 'json', 'seeds'], { stdoutFile: report, cwd: corpus.dir, env: { CORPUS_LENS_THREADS: threads } });
      if (parallel.code !== 0 && parallel.code !== 1) throw new Error(`CLI (threads) exited ${parallel.code}: ${parallel.stderr}`);
      row.cliThreads = { threads: Number(threads), ...summarize([parallel], corpus.bytes) };
      log(`  CLI on ${threads} threads ${(row.cliThreads.wallMs / 1000).toFixed(2)} s  ${row.cliThreads.mbps.toFixed(1)} MB/s  ${row.cliThreads.peakMB.toFixed(0)} MB`);
    }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    row.cli.files = json.files.length;
    row.cli.findings = json.files.reduce((s, f) => s + f.findings.length, 0);
    row.cli.claims = json.files.reduce((s, f) => s + (f.claims?.length ?? 0), 0);
    row.cli.conflicts = json.conflicts?.length ?? 0;
    if (row.cli.files !== n) throw new Error(`the CLI reported ${row.cli.files} files of ${n}`);
    log(`  floor  ${(row.floor.wallMs / 1000).toFixed(2)} s  ${row.floor.mbps.toFixed(1)} MB/s  ${row.floor.peakMB.toFixed(0)} MB`);
    log(`  CLI    ${(row.cli.wallMs / 1000).toFixed(2)} s  ${row.cli.mbps.toFixed(1)} MB/s  ${row.cli.peakMB.toFixed(0)} MB  ${row.cli.findings} findings`);
    if (cspellRuns.length) {
      row.cspell = summarize(cspellRuns, corpus.bytes);
      row.cspell.issues = readFileSync(join(OUT, `cspell-${n}.txt`), 'utf8').split('\n').filter(Boolean).length;
      log(`  cspell ${(row.cspell.wallMs / 1000).toFixed(2)} s  ${row.cspell.mbps.toFixed(1)} MB/s  ${row.cspell.peakMB.toFixed(0)} MB  ${row.cspell.issues} issues`);
    }
    if (!flag('--no-server')) {
      // Latency at every size too: how it grows with the corpus is the point (an edit must not cost the corpus).
      row.server = await benchServer({ serverPath: build.server, folder: corpus.dir, documents: n, edits: n === Math.max(...SIZES) ? 200 : 100, log });
      if (row.server.indexedDocuments !== n) throw new Error(`the server indexed ${row.server.indexedDocuments} documents of ${n}`);
    }
    rmSync(report, { force: true });
    results.sizes.push(row);
  }
  results.largest = results.sizes.at(-1);
  results.loadAfter = loadavg()[0];

  log('\nbudgets:');
  const at = `${results.largest.documents.toLocaleString('en-US')} documents`;
  results.budgets = BUDGETS.map((b) => {
    const value = b.value(results);
    const name = `${b.name} (${at})`;
    const status = value === undefined || Number.isNaN(value) ? 'n/a' : b.ok(value) ? 'PASS' : 'MISS';
    log(`  ${status.padEnd(4)} ${name}: ${value === undefined ? 'n/a' : `${value.toFixed(1)} ${b.unit}`} (budget ${b.limit})`);
    return { name, limit: b.limit, unit: b.unit, value, status };
  });

  if (flag('--profile')) results.profiles = await profile(build, results);

  writeFileSync(join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  if (!flag('--no-write')) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    writeFileSync(join(ROOT, 'docs', 'performance.svg'), renderChart(results));
    writeFileSync(join(ROOT, 'docs', 'performance.md'), renderMarkdown(results));
    log('\nwrote docs/performance.md and docs/performance.svg');
  }
  if (results.budgets.some((b) => b.status === 'MISS')) process.exitCode = 1;
}

/** One more run of the CLI and the server at the largest size under --cpu-prof; returns the summaries. */
async function profile(build, results) {
  const dir = join(OUT, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const n = results.largest.documents;
  const corpusDir = join(OUT, `corpus-${n}`);
  const out = {};
  log(`\nprofiling the CLI on ${n} documents`);
  await measure(['--cpu-prof', `--cpu-prof-dir=${join(dir, 'cli')}`], build.cli, ['check', '--format', 'json', 'seeds'], { cwd: corpusDir });
  log(`profiling the server on ${n} documents`);
  await benchServer({ serverPath: build.server, folder: corpusDir, documents: n, execArgv: ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'server')}`], log });
  for (const which of ['cli', 'server']) {
    // A CLI with worker threads writes one profile per thread: the main thread's is the largest.
    const files = existsSync(join(dir, which)) ? readdirSync(join(dir, which)).filter((f) => f.endsWith('.cpuprofile')) : [];
    out[which] = files.map((f) => ({ file: relative(ROOT, join(dir, which, f)), ...summarizeProfile(join(dir, which, f), 12) }));
    for (const p of out[which]) log(`\n${which}: ${p.file}\n${formatProfile(p)}`);
  }
  return out;
}

const fmt = (v, digits = 1) => (v === undefined || v === null || Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
const seconds = (ms) => fmt(ms / 1000, 2);

function renderMarkdown(r) {
  const m = r.machine;
  const lines = [];
  lines.push('# Performance');
  lines.push('');
  lines.push('<!-- Generated by `npm run bench` (bench/run.mjs); edit the bench, not this file. -->');
  lines.push('');
  lines.push(
    `Measured ${r.date.slice(0, 10)} on ${m.nproc} CPUs (${m.cpu}), ${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}; Corpus Lens ${r.version}.`,
  );
  lines.push('');
  lines.push('## What is measured');
  lines.push('');
  lines.push(
    `- **Corpora**: synthetic, generated from \`seeds/\` by \`bench/generate.mjs\` (generator v${GENERATOR_VERSION}, seeded PRNG): clauses of the five seeds recombined into new paragraphs, every figure perturbed and written in a per-document digit style (Western, Eastern Arabic-Indic, some Persian, mixed scripts, "20.000"), a few boilerplate lines, 5 % CRLF files, 2 % with a BOM. Document i depends only on i, so each corpus is a prefix of the next.`,
  );
  lines.push(
    '- **CLI**: `node dist/cli.js check --format json <folder>` with stdout to a file, wall time from spawn to exit (median of runs), peak RSS and CPU time of the process itself (`process.resourceUsage()` at exit). Throughput is input MB / wall time, start-up included.',
  );
  lines.push('- **Floor**: `bench/floor.mjs`, one Node process that reads and decodes the same files and makes one regex pass for numbers over each: the least any checker must do.');
  lines.push(
    '- **Peer**: cspell ' +
      (readPackageVersion('cspell') ?? '') +
      ' with `@cspell/dict-ar` ' +
      (readPackageVersion('@cspell/dict-ar') ?? '') +
      ' (`bench/cspell.json`), on the same files, no cache. A different job (spelling), but the same shape: a linter over every word of an Arabic corpus.',
  );
  lines.push(
    '- **Server**: the built server over stdio driven by the test client (`test/lsp/harness.mjs`). Cold index: spawn until the indexing `window/workDoneProgress` `end`. Edit latency: with the largest corpus indexed, a typical document (median size of the first 101) open, a `didChange` typing a figure at the start of a line, until `publishDiagnostics` for that version; `corpusLens.debounceMs` is 0 (through `workspace/configuration`), so this is analysis plus round trip, not the debounce an editor waits by default. ' +
      `${r.largest.server?.edit ? `${r.largest.server.edit.warmup} warm-up edits, then ${r.largest.server.edit.n} measured.` : ''} Hover: requests on figures of the current version. documentSymbol: requested right after each edit. Peak memory: \`VmHWM\` from \`/proc/<pid>/status\` at the end.`,
  );
  lines.push('');
  lines.push('## Results');
  lines.push('');
  lines.push('![Cost against corpus size](performance.svg)');
  lines.push('');
  lines.push('| Documents | MB | Floor s (MB/s) | CLI s (MB/s) | CLI peak MB | CLI ÷ floor | cspell s (MB/s) | cspell peak MB | cspell ÷ CLI | Server index s | Server peak MB |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const cs = s.cspell;
    lines.push(
      `| ${s.documents.toLocaleString('en-US')} | ${fmt(s.bytes / 1e6)} | ${seconds(s.floor.wallMs)} (${fmt(s.floor.mbps)}) | ${seconds(s.cli.wallMs)} (${fmt(s.cli.mbps)}) | ${fmt(s.cli.peakMB, 0)} | ${fmt(s.cli.wallMs / s.floor.wallMs)}× | ${cs ? `${seconds(cs.wallMs)} (${fmt(cs.mbps)})` : 'not run'} | ${cs ? fmt(cs.peakMB, 0) : '–'} | ${cs ? `${fmt(cs.wallMs / s.cli.wallMs)}×` : '–'} | ${s.server ? seconds(s.server.coldIndexMs) : '–'} | ${s.server ? fmt(s.server.peakMB, 0) : '–'} |`,
    );
  }
  lines.push('');
  lines.push(
    `Runs per size: floor and CLI ${r.runs} (median), cspell ${r.runs} below 10,000 documents and 1 at 10,000. Load average (1 min) ${fmt(r.loadBefore, 2)} before the run, ${fmt(r.loadAfter, 2)} after: other work on the machine shows up in these numbers.`,
  );
  const t = r.largest.cliThreads;
  if (t) {
    lines.push('');
    lines.push(
      `Opt-in worker threads (\`CORPUS_LENS_THREADS=${t.threads}\`, server/src/cli/parallel.ts), ${r.largest.documents.toLocaleString('en-US')} documents, one run: ${seconds(t.wallMs)} s (${fmt(t.mbps)} MB/s), peak ${fmt(t.peakMB, 0)} MB, against ${seconds(r.largest.cli.wallMs)} s and ${fmt(r.largest.cli.peakMB, 0)} MB on one thread. Same output, byte for byte (test/unit/cli-output.test.ts).`,
    );
  }
  lines.push('');
  lines.push('| Documents | CLI CPU s | Findings | Claims | Conflicts | cspell issues | Edit p50 / p95 ms | Hover p95 ms |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const s of r.sizes) {
    const edit = s.server?.edit ? `${fmt(s.server.edit.p50, 1)} / ${fmt(s.server.edit.p95, 1)}` : '–';
    lines.push(
      `| ${s.documents.toLocaleString('en-US')} | ${seconds(s.cli.cpuMs)} | ${s.cli.findings.toLocaleString('en-US')} | ${s.cli.claims.toLocaleString('en-US')} | ${s.cli.conflicts.toLocaleString('en-US')} | ${s.cspell ? s.cspell.issues.toLocaleString('en-US') : '–'} | ${edit} | ${s.server?.hover ? fmt(s.server.hover.p95, 2) : '–'} |`,
    );
  }
  const srv = r.largest.server;
  if (srv) {
    lines.push('');
    lines.push(`### Language server, ${r.largest.documents.toLocaleString('en-US')} documents indexed`);
    lines.push('');
    lines.push('| Measure | p50 ms | p95 ms | max ms | n |');
    lines.push('|---|---:|---:|---:|---:|');
    const row = (name, v, missing) =>
      lines.push(v ? `| ${name} | ${fmt(v.p50, 2)} | ${fmt(v.p95, 2)} | ${fmt(v.max, 2)} | ${v.n} |` : `| ${name} | n/a | n/a | n/a | ${missing} |`);
    row('Edit → fresh diagnostics', srv.edit, '');
    row('Hover', srv.hover, 'not implemented by the server yet');
    row('documentSymbol', srv.documentSymbol, 'not implemented by the server yet');
    lines.push('');
    lines.push(
      `Cold index ${seconds(srv.coldIndexMs)} s (${seconds(srv.indexAfterInitializeMs)} s after \`initialize\` returned); open → first diagnostics ${fmt(srv.openMs, 1)} ms for the ${fmt(srv.editDocument.bytes / 1024)} KB document (${srv.findingsInEditDocument} findings); memory ${fmt(srv.afterIndex.rssMB, 0)} MB after indexing, peak ${fmt(srv.peakMB, 0)} MB.`,
    );
  }
  lines.push('');
  lines.push('## Budgets');
  lines.push('');
  lines.push('| Budget | Limit | Measured | Status |');
  lines.push('|---|---|---:|---|');
  for (const b of r.budgets) lines.push(`| ${b.name} | ${b.limit} | ${b.value === undefined ? 'n/a' : `${fmt(b.value)} ${b.unit}`} | ${b.status} |`);
  if (r.profiles) {
    lines.push('');
    lines.push('## Where the time goes (`--cpu-prof`, largest corpus)');
    for (const which of Object.keys(r.profiles)) {
      for (const p of r.profiles[which]) {
        lines.push('');
        lines.push(`${which === 'cli' ? 'CLI' : 'Server'} (\`${p.file.split('/').pop()}\`, ${fmt(p.totalMs / 1000, 2)} s sampled), self time:`);
        lines.push('');
        lines.push('| ms | % | function |');
        lines.push('|---:|---:|---|');
        for (const e of p.self.slice(0, 10)) lines.push(`| ${fmt(e.ms, 0)} | ${fmt(e.pct)} | \`${e.name}\` |`);
      }
    }
  }
  lines.push('');
  lines.push('## Reproduce');
  lines.push('');
  lines.push('    npm ci && npm run bench            # everything; writes this file');
  lines.push('    npm run bench -- --profile         # also --cpu-prof the CLI and the server');
  lines.push('    npm run bench -- --sizes 100,1000 --no-cspell --no-write   # a quick look');
  lines.push('    npm run bench:fuzz                 # the long property run (≥ 100,000 inputs)');
  lines.push('');
  lines.push('Corpus digests (sha256 over the documents in order):');
  lines.push('');
  for (const s of r.sizes) lines.push(`- ${s.documents.toLocaleString('en-US')} documents: \`${s.sha256.slice(0, 16)}\``);
  lines.push('');
  return lines.join('\n');
}

function readPackageVersion(name) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

main().catch((err) => {
  log(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exitCode = 2;
});
