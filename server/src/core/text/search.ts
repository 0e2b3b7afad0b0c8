/**
 * Binary search, once for every sorted list of the core (line starts,
 * judged reports, mentions): each caller states its order as a predicate.
 */

/**
 * The first index in [0, `length`) at which `before` is false, or `length`:
 * `before` must hold for a prefix of the indexes and for none after it
 * (`i => list[i] < x` finds where `x` would go first, `<=` where it would go last).
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}
