import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli/main';
import type { OutputSink } from './cli/jsonStream';
import { runCheckWorker } from './cli/parallel';
import { FileSink, isRegularFile, OutputError, outputErrorMessage } from './node/output';

if (!isMainThread) {
  // This bundle is also the worker of a parallel check (cli/parallel.ts): one file to ship.
  runCheckWorker();
} else {
  main();
}

function main(): void {
  process.stdout.on('error', stdoutFailed);

  const argv = process.argv.slice(2);
  runCli(argv, {
    cwd: process.cwd(),
    argvBytes: argvBytes(argv),
    stdout: (text) => process.stdout.write(text),
    output: stdoutSink(),
    interactive: process.stdout.isTTY === true,
    stderr: (text) => process.stderr.write(text),
    workerScript: __filename,
    // For measuring and for trouble-shooting: CORPUS_LENS_THREADS=0 keeps a check on one thread.
    threads: process.env.CORPUS_LENS_THREADS ? Number(process.env.CORPUS_LENS_THREADS) : undefined,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      if (err instanceof OutputError) return stdoutFailed(err.original);
      // Only a bug reaches here: say so in one line, with the stack for the report.
      process.stderr.write(`corpus-lens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}

/**
 * Stdout cannot take the output: one line, exit 2 at once (the rest of the
 * report has nowhere to go; worker threads of a parallel check go with the
 * process). A reader that stops early (`corpus-lens check | head`) is not an
 * error: a quiet exit.
 */
function stdoutFailed(err: NodeJS.ErrnoException): never {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`corpus-lens: ${outputErrorMessage(err)}\n`);
  process.exit(2);
}

/**
 * Where reports go: UTF-8 chunks of about a megabyte (cli/jsonStream.ts).
 * To a file, written on the thread pool while the analysis goes on
 * (node/output.ts); otherwise through `process.stdout`, where `false` means
 * the pipe is full.
 */
function stdoutSink(): OutputSink {
  if (isRegularFile(1)) return new FileSink(1);
  return { text: (text) => process.stdout.write(text), bytes: (bytes) => process.stdout.write(bytes), drained };
}

/** Resolves once stdout has drained (or closed: an EPIPE ends the process above, nothing more to wait for). */
function drained(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('close', done);
  });
}

/**
 * The bytes of the arguments that are not valid UTF-8 (undefined for the
 * others), from /proc/self/cmdline where there is one: Node has already put
 * U+FFFD in their place, and a file named so could not be opened. The user's
 * arguments are the last entries; they must read as `argv` does, else none
 * is taken.
 */
function argvBytes(argv: readonly string[]): (Buffer | undefined)[] | undefined {
  if (!argv.some((a) => a.includes('\uFFFD'))) return undefined;
  let raw: Buffer;
  try {
    raw = readFileSync('/proc/self/cmdline');
  } catch {
    return undefined;
  }
  const entries: Buffer[] = [];
  for (let start = 0; start < raw.length; ) {
    const end = raw.indexOf(0, start);
    entries.push(raw.subarray(start, end < 0 ? raw.length : end));
    start = end < 0 ? raw.length : end + 1;
  }
  const tail = entries.slice(entries.length - argv.length);
  if (tail.length !== argv.length || tail.some((bytes, k) => bytes.toString('utf8') !== argv[k])) return undefined;
  return tail.map((bytes) => (isUtf8(bytes) ? undefined : bytes));
}
