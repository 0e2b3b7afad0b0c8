/**
 * Where the CLI's reports go (cli/jsonStream.ts's `OutputSink`) when they go
 * to the process's stdout.
 */
import * as fs from 'node:fs';
import type { OutputSink } from '../cli/jsonStream';

/**
 * Stdout redirected to a file: each chunk is written on the thread pool
 * (`fs.write`), one at a time and in order, while this thread goes on with
 * the analysis; writing a large report synchronously (what `process.stdout`
 * does for a file) kept this thread waiting on the kernel for half a second
 * per 150 MB. At most `ahead` chunks wait their turn, then `bytes` says so
 * (`false`) and `drained` resolves as the writes catch up. A write error
 * (a full disk) rejects `settled` (and the next `drained`) with an
 * `OutputError`, and makes every later write throw it.
 */
export class FileSink implements OutputSink {
  private readonly queue: Uint8Array[] = [];
  private writing = false;
  private error: Error | undefined;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly fd: number,
    private readonly ahead = 8,
  ) {}

  text(chunk: string): boolean {
    return this.bytes(Buffer.from(chunk, 'utf8'));
  }

  bytes(chunk: Uint8Array): boolean {
    if (this.error) throw this.error;
    if (chunk.length) this.queue.push(chunk);
    this.pump();
    return this.queue.length < this.ahead;
  }

  drained(): Promise<void> {
    return this.until(() => this.queue.length < this.ahead);
  }

  settled(): Promise<void> {
    return this.until(() => this.queue.length === 0 && !this.writing);
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.error) reject(this.error);
        else if (done()) resolve();
        else this.waiters.push(check);
      };
      check();
    });
  }

  private pump(): void {
    if (this.writing || this.error || !this.queue.length) return;
    this.writing = true;
    const chunk = this.queue[0];
    const write = (offset: number) => {
      fs.write(this.fd, chunk, offset, chunk.length - offset, null, (err, written) => {
        if (err) {
          this.error = new OutputError(err);
        } else if (offset + written < chunk.length) {
          write(offset + written);
          return;
        } else {
          this.queue.shift();
        }
        this.writing = false;
        const waiters = this.waiters;
        this.waiters = [];
        for (const w of waiters) w();
        this.pump();
      });
    };
    write(0);
  }
}

/**
 * Stdout refused the output: a full disk (ENOSPC), a reader gone (EPIPE).
 * Not a bug, and nothing the rest of the run can mend: the CLI says so in
 * one line (`message`) and exits 2.
 */
export class OutputError extends Error {
  readonly code: string | undefined;

  constructor(readonly original: NodeJS.ErrnoException) {
    super(outputErrorMessage(original));
    this.code = original.code;
  }
}

/** `cannot write the report to stdout: no space left on device (ENOSPC)`: the reason, without Node's syscall suffix. */
export function outputErrorMessage(err: NodeJS.ErrnoException): string {
  const reason = (err.code && new RegExp(`^${err.code}: ([^,]+)`).exec(err.message)?.[1]) || err.message;
  return `cannot write the report to stdout: ${reason}${err.code && !reason.includes(err.code) ? ` (${err.code})` : ''}`;
}

/** Whether the file descriptor is a regular file (stdout redirected to one). */
export function isRegularFile(fd: number): boolean {
  try {
    return fs.fstatSync(fd).isFile();
  } catch {
    return false;
  }
}
