// `npm run bench:abuse`: the adversarial run of issue 11, longer than a unit
// test can be. Needs the built CLI (`npm run build` first). Never part of
// `npm test`.
//
// (a) kill -9: `fix` on a copy of a corpus, killed with SIGKILL at a random
//     moment of its run; every file must then be its original or its fixed
//     text (the fix of an untouched copy, computed once). A hard-linked file,
//     rewritten in place, may be caught half written only with its backup
//     beside it, and must be whole after the next run. After that next run
//     no temporary file may remain.
// (b) concurrent appends: `fix` while another process appends lines to
//     random files; every appended line must be there afterwards (`fix` may
//     refuse a file with exit 2; losing a line is the failure).
// (c) the protocol cases of bench/abuse/protocol.mjs, when it exists.
//
//   node bench/abuse.mjs [--kills 16] [--appends 5] [--documents 40]
//                        [--seed 1] [--cli dist/cli.js]
import { spawn } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureCorpus } from './generate.mjs';
import { prng } from './lib/prng.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench-out');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
const KILLS = Number(option('--kills', '16'));
const APPEND_ROUNDS = Number(option('--appends', '5'));
const DOCUMENTS = Number(option('--documents', '40'));
const rng = prng(Number(option('--seed', '1')));
const CLI = resolve(ROOT, option('--cli', 'dist/cli.js'));
const log = (s) => process.stderr.write(`${s}\n`);
/** What `fix` writes beside a file and must not leave: its temporary copies and in-place backups. */
const LEFTOVER = /^\..*\.corpus-lens-\d+-\d+\.(tmp|\d+-\d+\.inplace)$|^\..*\.\d+\.\d{13}\.tmp$/;
/** How many of the corpus's files also get a second name (a hard link outside the fixed folder), so they are rewritten in place. */
const LINKED = 8;

if (!existsSync(CLI)) {
  log(`bench:abuse: ${relative(ROOT, CLI)} is missing; run "npm run build" first`);
  process.exit(2);
}

/** Runs the CLI in `cwd`; resolves with its exit code (or signal) and stderr. `onSpawn` gets the child. */
function runCli(cwd, argv, onSpawn) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...argv], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
    onSpawn?.(child);
  });
}

/** The corpus: the bundled seeds and generated documents, as name → bytes. */
function loadCorpus() {
  const corpus = new Map();
  for (const name of readdirSync(join(ROOT, 'seeds'))) corpus.set(`seed-${name}`, readFileSync(join(ROOT, 'seeds', name)));
  const generated = ensureCorpus(OUT, DOCUMENTS, log);
  for (const name of readdirSync(join(generated.dir, 'seeds'))) corpus.set(name, readFileSync(join(generated.dir, 'seeds', name)));
  return corpus;
}

/** A fresh copy of the corpus in `dir/seeds`, the first LINKED files with a second name in `dir/links`. */
function materialize(dir, source) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'links'), { recursive: true });
  cpSync(source, join(dir, 'seeds'), { recursive: true });
  const names = [...readdirSync(join(dir, 'seeds'))].sort();
  for (const name of names.slice(0, LINKED)) linkSync(join(dir, 'seeds', name), join(dir, 'links', name));
}

const leftovers = (dir) => readdirSync(dir).filter((n) => LEFTOVER.test(n));

async function main() {
  const started = performance.now();
  const corpus = loadCorpus();
  const pristine = join(OUT, 'abuse', 'pristine');
  rmSync(pristine, { recursive: true, force: true });
  mkdirSync(pristine, { recursive: true });
  for (const [name, bytes] of corpus) writeFileSync(join(pristine, name), bytes);

  // The fixed text of every file: one uninterrupted run on an untouched copy.
  const reference = join(OUT, 'abuse', 'reference');
  materialize(reference, pristine);
  let firstWrite;
  const watcher = watch(join(reference, 'seeds'), () => (firstWrite ??= performance.now()));
  const t0 = performance.now();
  const ref = await runCli(reference, ['fix', 'seeds']);
  const runMs = performance.now() - t0;
  watcher.close();
  if (ref.signal || ref.code === 2) throw new Error(`the reference fix failed (${ref.code ?? ref.signal}): ${ref.stderr}`);
  const fixed = new Map([...corpus.keys()].map((name) => [name, readFileSync(join(reference, 'seeds', name))]));
  const changed = [...corpus.keys()].filter((n) => !fixed.get(n).equals(corpus.get(n))).length;
  const writeFrom = (firstWrite ?? t0) - t0;
  log(`corpus: ${corpus.size} files, ${changed} changed by fix; a fix takes ${Math.round(runMs)} ms, writing from ${Math.round(writeFrom)} ms`);

  const totals = { iterations: 0, filesChecked: 0, filesLost: 0, filesCorrupted: 0, halfWritten: 0, leftoverAfterRerun: 0, linksBroken: 0, appends: 0, appendsLost: 0, refused: 0 };
  const work = join(OUT, 'abuse', 'work');

  /** Each file against its original and its fixed text; `mixed` collects in-place files caught half written with their backup. */
  function checkFiles(dir, mixed, appended = new Map()) {
    const present = new Set(readdirSync(join(dir, 'seeds')));
    for (const [name, original] of corpus) {
      totals.filesChecked++;
      if (!present.has(name)) {
        totals.filesLost++;
        log(`  lost: ${name}`);
        continue;
      }
      const now = readFileSync(join(dir, 'seeds', name));
      const lines = appended.get(name);
      if (lines) {
        const text = now.toString('utf8');
        for (const line of lines) if (!text.includes(line)) totals.appendsLost++, log(`  append lost in ${name}: ${line}`);
        continue;
      }
      if (now.equals(original) || now.equals(fixed.get(name))) continue;
      const backups = leftovers(join(dir, 'seeds')).filter((n) => n.startsWith(`.${name}.`) && n.endsWith('.inplace'));
      if (backups.length && mixed) mixed.push(name);
      else totals.filesCorrupted++, log(`  corrupted: ${name}`);
    }
  }

  /** The second names must still be the same files (a rename would have cut them off). */
  function checkLinks(dir) {
    for (const name of readdirSync(join(dir, 'links'))) {
      if (statSync(join(dir, 'links', name)).ino === statSync(join(dir, 'seeds', name)).ino) continue;
      totals.linksBroken++;
      log(`  hard link broken: ${name}`);
    }
  }

  // (a) kill -9 at a random moment, mostly while files are being written.
  for (let i = 0; i < KILLS; i++) {
    materialize(work, pristine);
    const at = rng.chance(0.2) ? rng.next() * runMs : writeFrom + rng.next() * Math.max(1, runMs - writeFrom);
    const result = await runCli(work, ['fix', 'seeds'], (child) => setTimeout(() => child.kill('SIGKILL'), at));
    totals.iterations++;
    const mixed = [];
    checkFiles(work, mixed);
    totals.halfWritten += mixed.length;
    // The next run completes or cleans what the killed one left.
    const rerun = await runCli(work, ['fix', 'seeds']);
    checkLinks(work);
    const left = leftovers(join(work, 'seeds'));
    totals.leftoverAfterRerun += left.length;
    for (const name of left) log(`  left after the next run: ${name}`);
    for (const name of mixed) {
      if (!readFileSync(join(work, 'seeds', name)).equals(fixed.get(name))) totals.filesCorrupted++, log(`  not repaired by the next run: ${name}`);
    }
    if (rerun.code === 2 && !/changed on disk/.test(rerun.stderr)) log(`  the next run said: ${rerun.stderr.trim().split('\n')[0]}`);
    if (i % 10 === 9) log(`kill -9: ${i + 1}/${KILLS} (${result.signal ?? `exit ${result.code}`} at ${Math.round(at)} ms)`);
  }

  // (b) appends from another process while fix runs.
  for (let round = 0; round < APPEND_ROUNDS; round++) {
    materialize(work, pristine);
    const names = [...corpus.keys()];
    const appender = spawn(process.execPath, ['-e', APPENDER, join(work, 'seeds'), String(round), JSON.stringify(names), String(rng.int(1, 1e9)), String(rng.int(2, 40))], { stdio: ['pipe', 'pipe', 'inherit'] });
    let logged = '';
    appender.stdout.on('data', (d) => (logged += d));
    const appenderDone = new Promise((resolve) => appender.on('close', resolve));
    // Let the appender start before fix reads, so appends fall across reading, checking and writing.
    await new Promise((resolve) => appender.stdout.once('data', resolve));
    const result = await runCli(work, ['fix', 'seeds']);
    appender.stdin.end();
    await appenderDone;
    if (result.code === 2) totals.refused += (result.stderr.match(/changed on disk/g) ?? []).length;
    const appended = new Map();
    for (const entry of logged.split('\n').filter(Boolean)) {
      const [name, line] = entry.split('\t');
      if (name === 'ready') continue;
      totals.appends++;
      appended.set(name, [...(appended.get(name) ?? []), line]);
    }
    totals.iterations++;
    checkFiles(work, undefined, appended);
    checkLinks(work);
    const left = leftovers(join(work, 'seeds'));
    totals.leftoverAfterRerun += left.length;
    log(`appends: round ${round + 1}/${APPEND_ROUNDS}, fix exit ${result.code}, ${appended.size} files appended to`);
  }

  // (c) the protocol cases, written by another part of the run when present.
  let protocol = { cases: 0, failures: 0, absent: true };
  const protocolModule = join(ROOT, 'bench', 'abuse', 'protocol.mjs');
  if (existsSync(protocolModule)) {
    const mod = await import(pathToFileURL(protocolModule).href);
    protocol = { ...(await mod.run({ log })), absent: false };
  } else {
    log('protocol cases: bench/abuse/protocol.mjs is absent; none run');
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const out = [
    `iterations:                 ${totals.iterations} (${KILLS} kill -9, ${APPEND_ROUNDS} concurrent-append)`,
    `files checked:              ${totals.filesChecked}`,
    `files lost:                 ${totals.filesLost}`,
    `files corrupted:            ${totals.filesCorrupted}`,
    `half-written, then repaired: ${totals.halfWritten}`,
    `temporary files left:       ${totals.leftoverAfterRerun}`,
    `hard links broken:          ${totals.linksBroken}`,
    `appends:                    ${totals.appends} (files refused as changed on disk: ${totals.refused})`,
    `appends lost:               ${totals.appendsLost}`,
    `protocol cases/failures:    ${protocol.absent ? 'absent' : `${protocol.cases}/${protocol.failures}`}`,
    `time:                       ${seconds} s`,
  ];
  process.stdout.write(out.join('\n') + '\n');
  const bad = totals.filesLost + totals.filesCorrupted + totals.appendsLost + totals.leftoverAfterRerun + totals.linksBroken + (protocol.failures ?? 0);
  process.exitCode = bad ? 1 : 0;
}

// The appender: appends one unique line at a time to a random file, then logs "file<TAB>line", until its stdin closes;
// at a rate drawn per round, so that some rounds refuse most files and others let most of them be written.
const APPENDER = `
const fs = require('node:fs');
const path = require('node:path');
const [dir, round, namesJson, seed, maxDelay] = process.argv.slice(1);
const names = JSON.parse(namesJson);
let s = Number(seed) >>> 0;
const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
let k = 0;
let open = true;
process.stdin.on('end', () => (open = false)).resume();
process.stdout.write('ready\\tready\\n');
(function tick() {
  if (!open) return;
  const name = names[Math.floor(next() * names.length)];
  const line = 'سطر أضافه محرر آخر ' + round + '-' + k++;
  // As an editor would: a file without a final line break gets one first, or the line would join the last one
  // (and go with it when the fix deletes that line as boilerplate, which is a right fix, not a lost append).
  const file = path.join(dir, name);
  const size = fs.statSync(file).size;
  const last = Buffer.alloc(1);
  if (size) { const fd = fs.openSync(file, 'r'); fs.readSync(fd, last, 0, 1, size - 1); fs.closeSync(fd); }
  fs.appendFileSync(file, (size && last[0] !== 10 ? '\\n' : '') + line + '\\n');
  process.stdout.write(name + '\\t' + line + '\\n');
  setTimeout(tick, Math.floor(next() * Number(maxDelay)));
})();
`;

main().catch((err) => {
  log(`bench:abuse: ${err.stack ?? err}`);
  process.exitCode = 2;
});
