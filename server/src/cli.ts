import { isMainThread } from 'node:worker_threads';
import { runCli } from './cli/main';
import { runCheckWorker } from './cli/parallel';

if (!isMainThread) {
  // This bundle is also the worker of a parallel check (cli/parallel.ts): one file to ship.
  runCheckWorker();
} else {
  main();
}

function main(): void {
  // A reader that stops early (`corpus-lens check | head`) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

  runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    workerScript: __filename,
    // For measuring and for trouble-shooting: CORPUS_LENS_THREADS=0 keeps a check on one thread.
    threads: process.env.CORPUS_LENS_THREADS ? Number(process.env.CORPUS_LENS_THREADS) : undefined,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Only a bug reaches here: say so in one line, with the stack for the report.
      process.stderr.write(`corpus-lens: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
