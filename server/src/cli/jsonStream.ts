/**
 * Writes a JSON document exactly as `JSON.stringify(value, null, 2)` would,
 * but piece by piece: each element of a top-level array property (the
 * report's `files`, `conflicts`) is serialized on its own and handed to
 * `write` in chunks. A report about a large corpus is as large as the corpus;
 * building it as one string (and then one buffer) doubled the CLI's peak
 * memory and spent a second in the garbage collector.
 *
 * One property may be `streamed`: its items come pre-serialized (by
 * `serializeItem`, possibly on worker threads) from an async iterable, in
 * order, and are written as they arrive.
 */
export async function writeJson(
  value: unknown,
  write: (text: string) => void,
  streamed?: { key: string; items: AsyncIterable<string> },
  chunkSize = 1 << 20,
): Promise<void> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    write(JSON.stringify(value, null, 2));
    return;
  }
  // JSON.stringify drops these properties of an object.
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  if (!entries.length) {
    write('{}');
    return;
  }
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= chunkSize) {
      write(buffer);
      buffer = '';
    }
  };
  for (const [i, [key, v]] of entries.entries()) {
    emit(`${i ? ',' : '{'}\n  ${JSON.stringify(key)}: `);
    if (streamed && key === streamed.key) {
      let count = 0;
      for await (const item of streamed.items) emit(`${count++ ? ',' : '['}\n    ${item}`);
      emit(count ? '\n  ]' : '[]');
    } else if (Array.isArray(v) && v.length && typeof (v as { toJSON?: unknown }).toJSON !== 'function') {
      v.forEach((item, j) => emit(`${j ? ',' : '['}\n    ${serializeItem(item)}`));
      emit('\n  ]');
    } else {
      // Wrapped one level deep, JSON.stringify indents it for its depth in one pass.
      emit(JSON.stringify([v], null, 2).slice(4, -2));
    }
  }
  emit('\n}');
  write(buffer);
}

/**
 * One element of a top-level array, as `writeJson` writes it: indented for
 * its depth (wrapped two levels deep, JSON.stringify does that in its one
 * pass: `[\n  [\n    ` before, `\n  ]\n]` after), without the leading newline.
 */
export function serializeItem(item: unknown): string {
  return JSON.stringify([[item]], null, 2).slice(10, -6);
}
