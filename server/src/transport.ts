/**
 * The server's connection. Over `--stdio` the message framing is checked
 * before vscode-jsonrpc reads it: the library fires an error on a bad
 * `Content-Length` that no handler of a language server can see, then waits
 * forever on a stream it can no longer split into messages. A client waiting
 * on a silent server never restarts it, so a broken frame is logged and the
 * process exits with 1. A well-framed body that is not JSON leaves the stream
 * in step: it is logged and the server keeps serving, as vscode-jsonrpc does.
 * Other transports (VS Code's IPC) carry whole messages and are left as they were.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { format } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type NotificationMessage,
} from 'vscode-languageserver/node';

/** Header blocks are a line or two; anything longer is not a header. */
const MAX_HEADER_BYTES = 8192;

const CR = 13;
const LF = 10;
const COLON = 58;

/** Letters, digits and '-': the characters of the header names the base protocol uses. */
function isNameByte(b: number): boolean {
  return (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 45;
}

/**
 * Passes the byte stream through unchanged while it is well framed (header
 * lines `Name: value`, a blank line, then exactly `Content-Length` bytes);
 * at the first byte that breaks the framing it stops passing bytes on and
 * calls `broken` once with the reason.
 */
export class FramingCheck extends Transform {
  private state: 'name' | 'value' | 'cr' | 'blank' | 'body' = 'name';
  private header: number[] = [];
  private bodyLeft = 0;
  private failed = false;

  constructor(private readonly broken: (reason: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.failed) return done();
    for (let i = 0; i < chunk.length; ) {
      if (this.state === 'body') {
        // Bodies are most of the bytes: skip them without looking at each one.
        const n = Math.min(this.bodyLeft, chunk.length - i);
        i += n;
        this.bodyLeft -= n;
        if (this.bodyLeft === 0) this.state = 'name';
        continue;
      }
      const reason = this.headerByte(chunk[i++]);
      if (reason) {
        this.failed = true;
        // What was well framed still goes on; the rest never reaches the reader.
        if (i > 1) this.push(chunk.subarray(0, i - 1));
        this.broken(reason);
        return done();
      }
    }
    this.push(chunk);
    done();
  }

  /** Reads one byte of a header block; returns why the framing is broken, if it is. */
  private headerByte(b: number): string | undefined {
    if (this.header.length >= MAX_HEADER_BYTES) return `a message header is longer than ${MAX_HEADER_BYTES} bytes`;
    this.header.push(b);
    switch (this.state) {
      case 'name':
        if (b === COLON && this.header.length > 1 && this.header.at(-2) !== LF) return this.after('value');
        if (b === CR && this.atLineStart()) return this.after('blank');
        if (isNameByte(b)) return undefined;
        return `expected a header line such as "Content-Length: 42", got ${describe(this.header)}`;
      case 'value':
        return b === CR ? this.after('cr') : undefined;
      case 'cr':
        return b === LF ? this.after('name') : `a header line ends in CR without LF (${describe(this.header)})`;
      case 'blank':
        return b === LF ? this.endOfHeader() : `a header line ends in CR without LF (${describe(this.header)})`;
    }
    return undefined;
  }

  private after(state: FramingCheck['state']): undefined {
    this.state = state;
    return undefined;
  }

  /** Whether the byte just read (a CR) opens a line: the blank line that ends a header block. */
  private atLineStart(): boolean {
    return this.header.length >= 3 && this.header.at(-2) === LF;
  }

  private endOfHeader(): string | undefined {
    const text = Buffer.from(this.header).toString('latin1');
    this.header = [];
    const lengths = [...text.matchAll(/^content-length:[ \t]*(.*?)[ \t]*\r$/gim)].map((m) => m[1]);
    if (!lengths.length) return `a message header has no Content-Length (${describe([...Buffer.from(text, 'latin1')])})`;
    if (lengths.length > 1) return `a message header has ${lengths.length} Content-Length lines`;
    if (!/^\d{1,15}$/.test(lengths[0])) return `Content-Length must be a whole number of bytes, got "${lengths[0]}"`;
    this.bodyLeft = Number(lengths[0]);
    this.state = this.bodyLeft > 0 ? 'body' : 'name';
    return undefined;
  }
}

/** A header's bytes as a short quoted string, for a log line. */
function describe(bytes: readonly number[]): string {
  const s = Buffer.from(bytes.slice(0, 80)).toString('latin1');
  return JSON.stringify(bytes.length > 80 ? `${s}…` : s);
}

/** The connection the server listens on: over `--stdio`, with the framing checked. */
export function createServerConnection(): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const input = new FramingCheck((reason) => stop(`Corpus Lens: the client's message stream is broken (${reason}); the server stops so the client can restart it.`));
  process.stdin.pipe(input);
  const reader = new StreamMessageReader(input);
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  // vscode-jsonrpc reports a body that is not JSON and reads on: the frame was whole, so the next one is intact.
  reader.onError((err) => connection.console.error(`Corpus Lens ignored a message it could not read: ${err.message}`));
  // Given a reader rather than a stream, the library no longer ends the process when the client closes stdin.
  const closed = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', closed);
  process.stdin.on('close', closed);
  redirectConsole(connection);

  let stopping = false;
  function stop(message: string): void {
    if (stopping) return;
    stopping = true;
    process.stdin.unpipe(input);
    process.stderr.write(`${message}\n`);
    // Also to the client's log, flushed before the exit; a client that stopped reading must not keep us alive.
    setTimeout(() => process.exit(1), 1000);
    const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message } };
    writer
      .write(log)
      .catch(() => undefined)
      .finally(() => process.exit(1));
  }
  return connection;
}

/** stdout carries the protocol: console output goes to the client's log instead (the library does this for `--stdio` only when it opens the streams itself). */
function redirectConsole(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
