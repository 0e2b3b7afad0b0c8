/** The CLI as a real process, run from source (no build needed), for what only a process shows: its stdout, its exit. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../server/src/cli/main';

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'server', 'src', 'cli.ts');
// By URL: the CLI may run in a temporary folder, where `--import tsx` would not resolve.
const TSX = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in `cwd` on one thread; `stdout` is a pipe (collected) or a
 * file descriptor to hand it. `onStart` sees the child (to close its stdout early, say).
 */
export function runCliProcess(cwd: string, args: string[], stdout: 'pipe' | number = 'pipe', onStart?: (child: ChildProcess) => void): Promise<CliProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, stdio: ['ignore', stdout, 'pipe'], env: { ...process.env, CORPUS_LENS_THREADS: '0' } });
    let out = '';
    let err = '';
    if (!onStart) child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: out, stderr: err }));
    onStart?.(child);
  });
}

/** The CLI in this process (fast; no exit, no real stdout): its exit code and what it wrote. */
export async function runInProcess(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}
