/**
 * Letter runs a profile looks for in every line, for a rule that finds
 * phrases anywhere in a line: built from its phrases by the rule
 * (`rules/boilerplate/telltales.ts`), given to `profileRuns`, and read in
 * the profile's one pass. By a run's last letter (folded, below 0x0700): 1 +
 * where its entries start in `entries` (0: none) and how many; each entry the
 * letter before | the one before that << 16, the one before those (0 meaning
 * any), the run's index.
 */
export interface RunTable {
  readonly head: Int32Array;
  readonly count: Uint8Array;
  /**
   * By a run's last letter: a bit per `gateBit` of each letter its runs allow
   * before it (all bits when one allows any). The profile tests every
   * letter of every line, so the test is one load and a shift; a false
   * pass only costs `matchRuns`.
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

/** Notes in `seen` the runs ending in folded letter `f` that the three letters before it complete; whether there was one. */
export function matchRuns(table: RunTable, f: number, q1: number, q2: number, q3: number, seen: Uint32Array): boolean {
  let hit = false;
  const entries = table.entries;
  for (let k = table.head[f] - 1, n = table.count[f]; n > 0; k += 3, n--) {
    const before = entries[k];
    const p1 = before & 0xffff;
    const p2 = before >>> 16;
    const p3 = entries[k + 1];
    if ((p1 === 0 || p1 === q1) && (p2 === 0 || p2 === q2) && (p3 === 0 || p3 === q3)) {
      const id = entries[k + 2];
      seen[id >>> 5] |= 1 << (id & 31);
      hit = true;
    }
  }
  return hit;
}

