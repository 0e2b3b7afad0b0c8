/**
 * Word endings a profile looks for in every line, for a rule that finds
 * phrases of whole words anywhere in a line: built from its phrases by the
 * rule (`rules/boilerplate/telltales.ts`), given to `profileRuns`, and read
 * in the profile's one pass, once per word. A run is the last four letters
 * of a folded word (the whole word when shorter). By a run's last letter
 * (folded, below 0x0700): 1 + where its entries start in `entries` (0:
 * none) and how many; each entry the letter before | the one before that <<
 * 16, the one before those (0 where the word starts), the run's index.
 */
export interface RunTable {
  readonly head: Int32Array;
  readonly count: Uint8Array;
  /**
   * By a run's last letter: a bit per `gateBit` of the letter its runs have
   * before it. Every word of every line is tested, so the test is one load
   * and a shift; a false pass only costs `matchRuns`.
   */
  readonly gate: Uint32Array;
  readonly entries: Int32Array;
  /** Words (of 32 bits) of a set of the runs' indexes. */
  readonly seenWords: number;
  /** The group bits of a line holding the runs in `seen`. */
  groups(seen: Uint32Array): number;
}

let current: RunTable | undefined;

/** The runs the line profiles computed from now on look for (`LineProfile.runGroups`). */
export function profileRuns(table: RunTable): void {
  current = table;
}

/** The bit of `RunTable.gate` of a letter before a run's last one (the profile's loop writes it inline). */
export function gateBit(q: number): number {
  return (q ^ (q >>> 5)) & 31;
}

export function profileRunTable(): RunTable | undefined {
  return current;
}

/**
 * Notes in `seen` the runs of a word whose last folded letter is `q1` and
 * the three before it `q2`, `q3`, `q4` (0 before the word's start); whether
 * there was one.
 */
export function matchRuns(table: RunTable, q1: number, q2: number, q3: number, q4: number, seen: Uint32Array): boolean {
  let hit = false;
  const entries = table.entries;
  const before = q2 | (q3 << 16);
  for (let k = table.head[q1] - 1, n = table.count[q1]; n > 0; k += 3, n--) {
    if (entries[k] === before && entries[k + 1] === q4) {
      const id = entries[k + 2];
      seen[id >>> 5] |= 1 << (id & 31);
      hit = true;
    }
  }
  return hit;
}
