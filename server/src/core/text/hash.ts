/**
 * The core's one hash: FNV-1a over 32 bits, fed one character code at a
 * time, so hot loops hash as they scan without building strings (`fnvStep`
 * is small enough for V8 to inline). Line keys add a second, independent
 * 32-bit hash to make 53 bits (`lineKey`).
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** The hash after appending one code. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

// The second hash of a line key: a multiplier of its own, and its high bits
// folded back in at every letter (not at separators: line keys were first
// defined so, and a change would only move which lines collide).
const KEY_PRIME = 0x5bd1e995;
export const KEY_OFFSET = FNV_PRIME ^ KEY_PRIME;

/** The second hash after appending a letter or digit code. */
export function keyStep(h: number, code: number): number {
  return Math.imul((h ^ code) + (h >>> 13), KEY_PRIME);
}

/** The second hash after appending a separator (a space). */
export function keySpace(h: number): number {
  return Math.imul(h ^ 32, KEY_PRIME);
}

/**
 * The 53-bit key of the two hashes, never 0 (0 stands for "no key"): with a
 * million distinct lines in a corpus a collision stays improbable (~1e-4).
 */
export function lineKey(fnv: number, second: number): number {
  return (fnv >>> 0) * 0x200000 + ((second >>> 0) & 0x1fffff) || 1;
}

/**
 * A set of 32-bit hashes with a bit filter in front: most probes of words
 * that are not in the set end at one array read, without a hash-map lookup.
 */
export class HashFilter {
  /**
   * 2^`log2` bits, indexed by the hash's low bits: word `(hash >>> 5) & mask`,
   * bit `hash & 31`. Hot loops may test it inline.
   */
  readonly filter: Uint32Array;
  readonly mask: number;
  /** Keyed by the hash as a signed 32-bit integer: small integers make fast keys. */
  private readonly map = new Map<number, number>();

  /** `log2`: size of the filter in bits; a small filter stays in cache, a large one has fewer false positives. */
  constructor(log2 = 20) {
    this.filter = new Uint32Array(1 << Math.max(0, log2 - 5));
    this.mask = this.filter.length - 1;
  }

  add(hash: number, value = 1): void {
    this.filter[(hash >>> 5) & this.mask] |= 1 << (hash & 31);
    const key = hash | 0;
    this.map.set(key, (this.map.get(key) ?? 0) | value);
  }

  /** The value stored for the hash (bits or'ed together), 0 when absent. Signed and unsigned forms of a hash are the same hash. */
  get(hash: number): number {
    if ((this.filter[(hash >>> 5) & this.mask] & (1 << (hash & 31))) === 0) return 0;
    return this.map.get(hash | 0) ?? 0;
  }
}
