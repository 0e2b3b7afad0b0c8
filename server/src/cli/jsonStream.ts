/**
 * The CLI's JSON report, written piece by piece and compactly. The layout
 * (`writeJson`): the top-level object's members one per line, and each
 * element of a top-level array property (the report's `files`, `conflicts`)
 * on a line of its own, everything else without white space:
 *
 *     {
 *     "tool":"corpus-lens",
 *     "version":"0.1.0",
 *     "files":[
 *     {"path":"seeds/a.txt","findings":[...],"claims":[...]},
 *     {"path":"seeds/b.txt","findings":[...],"claims":[...]}
 *     ],
 *     "conflicts":[]
 *     }
 *
 * so a line-oriented tool can take one file's report per line, and a JSON
 * parser reads the same document as `JSON.stringify(value)`. A report about a
 * large corpus is as large as the corpus: it is never built as one string,
 * and it leaves in chunks of about a megabyte (`ChunkedWriter`), not one
 * write per file.
 *
 * One property may be `streamed`: its items come pre-serialized (by
 * `serializeItem`, possibly on worker threads) from an iterable, in order,
 * and are written as they arrive.
 */

/** Where output goes: text, or UTF-8 bytes when the destination takes them. */
export interface OutputSink {
  /** Writes text. A `false` return means the reader is behind: `drained` is awaited before more. */
  text(chunk: string): unknown;
  /**
   * Writes UTF-8 bytes, always whole characters (and, for the JSON report,
   * whole items). Faster than text for large outputs: the characters are
   * encoded straight into the chunk. Same `false` convention as `text`.
   */
  bytes?(chunk: Uint8Array): unknown;
  /** Resolves when the reader has caught up (a stream's `drain`). */
  drained?(): Promise<void>;
  /** Resolves when everything handed over is written (for a sink that writes asynchronously); rejects if it could not be. */
  settled?(): Promise<void>;
}

/**
 * Collects output into chunks of about `chunkSize` (UTF-16 units, or bytes)
 * and hands each to the sink whole. `write` returns a promise only when the
 * sink asked to wait (backpressure); `end` writes what is left.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private pending = 0;
  private buffer: Buffer | undefined;
  private used = 0;

  constructor(
    private readonly sink: OutputSink,
    private readonly chunkSize = 1 << 20,
  ) {}

  write(text: string): Promise<void> | undefined {
    if (!this.sink.bytes) {
      this.parts.push(text);
      this.pending += text.length;
      return this.pending >= this.chunkSize ? this.flush() : undefined;
    }
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, 4 for 2).
    const worst = text.length * 3;
    let wait: Promise<void> | undefined;
    if (this.buffer && this.used + worst > this.buffer.length) wait = this.flush();
    if (worst > this.chunkSize) {
      // Larger than a chunk: on its own (after what was pending, in order).
      const direct = () => this.send(Buffer.from(text, 'utf8'));
      return wait ? wait.then(direct) : direct();
    }
    this.buffer ??= Buffer.allocUnsafe(this.chunkSize);
    this.used += this.buffer.write(text, this.used, 'utf8');
    return wait;
  }

  /** Writes what is pending. */
  flush(): Promise<void> | undefined {
    if (this.sink.bytes) {
      if (!this.buffer || !this.used) return undefined;
      // A new buffer for the next chunk: the sink may hold on to this one until it is written.
      const chunk = this.buffer.subarray(0, this.used);
      this.buffer = undefined;
      this.used = 0;
      return this.send(chunk);
    }
    if (!this.parts.length) return undefined;
    const chunk = this.parts.length === 1 ? this.parts[0] : this.parts.join('');
    this.parts = [];
    this.pending = 0;
    return this.sink.text(chunk) === false ? this.sink.drained?.() : undefined;
  }

  private send(chunk: Uint8Array): Promise<void> | undefined {
    return this.sink.bytes!(chunk) === false ? this.sink.drained?.() : undefined;
  }

  /** Writes what is left and waits until the sink has written everything. */
  async end(): Promise<void> {
    await this.flush();
    await this.sink.settled?.();
  }
}

/** Writes `value` in the layout above to `out` (the caller ends it). */
export async function writeJson(value: unknown, out: ChunkedWriter, streamed?: { key: string; items: AsyncIterable<string> | Iterable<string> }): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    await out.write(JSON.stringify(value) ?? '');
    return;
  }
  // JSON.stringify drops these properties of an object.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) {
    await out.write('{}');
    return;
  }
  for (const [i, [key, v]] of entries.entries()) {
    await out.write(`${i ? ',' : '{'}\n${JSON.stringify(key)}:`);
    if (streamed && key === streamed.key) {
      let count = 0;
      for await (const item of streamed.items) {
        // Separately: joined, the item (most of the output) would be copied once more.
        const before = out.write(count++ ? ',\n' : '[\n');
        if (before) await before;
        const wait = out.write(item);
        if (wait) await wait;
      }
      await out.write(count ? '\n]' : '[]');
    } else if (Array.isArray(v) && v.length && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      for (let j = 0; j < v.length; j++) {
        const before = out.write(j ? ',\n' : '[\n');
        if (before) await before;
        const wait = out.write(serializeItem(v[j]));
        if (wait) await wait;
      }
      await out.write('\n]');
    } else {
      await out.write(JSON.stringify(v));
    }
  }
  await out.write('\n}');
}

/** One element of a top-level array, as `writeJson` writes it: compact, on one line (JSON escapes line breaks in strings). */
export function serializeItem(item: unknown): string {
  // In an array, what JSON.stringify cannot write (undefined, functions, symbols) is null.
  return JSON.stringify(item) ?? 'null';
}
