/**
 * Bulk helpers that never spread an array into a call: `a.push(...b)`,
 * `Math.max(...b)` and `String.fromCharCode(...b)` pass every element on
 * the stack, and overflow it at around 120,000 elements (issue 11, item 5).
 * A seed file can hold that many reports, lines or characters.
 */

/** Appends `items` to `into`, one by one. */
export function pushAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item);
  return into;
}

/** The UTF-16 codes `codes[from, to)` as a string, decoded a bounded slice at a time. */
export function stringOfCodes(codes: Uint16Array | readonly number[], from = 0, to = codes.length): string {
  const CHUNK = 4096;
  if (to - from <= CHUNK) return String.fromCharCode.apply(null, slice(codes, from, to));
  let out = '';
  for (let i = from; i < to; i += CHUNK) out += String.fromCharCode.apply(null, slice(codes, i, Math.min(to, i + CHUNK)));
  return out;
}

function slice(codes: Uint16Array | readonly number[], from: number, to: number): number[] {
  // `apply` takes any array-like; a typed array's subarray is a view, not a copy.
  return (codes instanceof Uint16Array ? codes.subarray(from, to) : codes.slice(from, to)) as unknown as number[];
}
