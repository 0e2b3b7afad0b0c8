import { foldCode, foldText } from '../../text/fold';
import { gateBit, matchRuns, type RunTable } from '../../text/runTable';

/** Characters below this (ASCII, Latin-1, Arabic) can end a run; phrases are written in them. */
const TABLE_SIZE = 0x0700;
/** Letters in a run: four in a row are rare in text that is not about the phrase. */
const RUN = 4;

/**
 * A prefilter for phrases looked up anywhere in a line, derived from the
 * phrases. A phrase is found as whole words of the folded line, so a
 * line whose folded text holds it holds each of its words, and the ending
 * of each (its last four letters: a run). Each phrase stands for the runs of
 * two of its words (one for a phrase of one word); a line that lacks one
 * needs no folding and no look-up. The line profile looks for the runs of
 * the table given to `profileRuns` in its one pass over the text, at the end
 * of each word: `LineProfile.runGroups`. `scan` does the same for one line.
 * Runs are chosen rare, by the letters' frequency in `background`. Groups of
 * phrases are told apart by a bit each.
 */
export class Telltales implements RunTable {
  readonly head = new Int32Array(TABLE_SIZE);
  readonly count = new Uint8Array(TABLE_SIZE);
  readonly gate = new Uint32Array(TABLE_SIZE);
  readonly entries: Int32Array;
  readonly seenWords: number;
  /** Bits of the groups with a phrase no run can stand for (letters of other scripts): every line may hold them. */
  readonly always: number = 0;
  /** Per phrase: its group's bit and the indexes of its runs (-1 when it has one). */
  private readonly needs: Int32Array;
  private readonly seen: Uint32Array;

  constructor(groups: readonly { bit: number; phrases: readonly string[] }[], background: readonly string[]) {
    const frequency = letterFrequency(background.map((p) => foldText(p)));
    const ids = new Map<string, number>();
    const idOf = (run: string) => {
      if (!ids.has(run)) ids.set(run, ids.size);
      return ids.get(run)!;
    };
    const needs: number[] = [];
    for (const { bit, phrases } of groups) {
      for (const raw of phrases) {
        const runs = telltaleRuns(foldText(raw), frequency);
        if (runs.length) needs.push(bit, idOf(runs[0]), runs.length > 1 ? idOf(runs[1]) : -1);
        else if (foldText(raw)) this.always |= bit;
      }
    }
    const byLast = new Map<number, number[]>();
    for (const [run, id] of ids) {
      const codes = [...run].map((ch) => ch.charCodeAt(0)).reverse();
      const list = byLast.get(codes[0]) ?? [];
      list.push((codes[1] ?? 0) | ((codes[2] ?? 0) << 16), codes[3] ?? 0, id);
      byLast.set(codes[0], list);
    }
    const entries: number[] = [];
    for (const [last, list] of byLast) {
      this.head[last] = entries.length + 1;
      this.count[last] = list.length / 3;
      for (let k = 0; k < list.length; k += 3) {
        this.gate[last] |= 1 << gateBit(list[k] & 0xffff);
      }
      entries.push(...list);
    }
    this.entries = Int32Array.from(entries);
    this.needs = Int32Array.from(needs);
    this.seenWords = Math.ceil(ids.size / 32);
    this.seen = new Uint32Array(this.seenWords);
  }

  groups(seen: Uint32Array): number {
    let found = this.always;
    const needs = this.needs;
    for (let k = 0; k < needs.length; k += 3) {
      const a = needs[k + 1];
      const b = needs[k + 2];
      if (seen[a >>> 5] & (1 << (a & 31)) && (b < 0 || seen[b >>> 5] & (1 << (b & 31)))) found |= needs[k];
    }
    return found;
  }

  /** The group bits of the line `text[start, end)`, as a profile scanning for these runs gives them. */
  scan(text: string, start: number, end: number): number {
    const seen = this.seen;
    seen.fill(0);
    let q1 = 0;
    let q2 = 0;
    let q3 = 0;
    let q4 = 0;
    for (let i = start; i < end; i++) {
      // Words end where the line fold, which the phrases are found in, puts a space.
      const f = foldCode(text.charCodeAt(i));
      if (f < 0) continue;
      if (f === 32) {
        this.wordEnd(q1, q2, q3, q4, seen);
        q1 = q2 = q3 = q4 = 0;
        continue;
      }
      q4 = q3;
      q3 = q2;
      q2 = q1;
      q1 = f;
    }
    this.wordEnd(q1, q2, q3, q4, seen);
    return this.groups(seen);
  }

  private wordEnd(q1: number, q2: number, q3: number, q4: number, seen: Uint32Array): void {
    if (q1 > 0 && q1 < TABLE_SIZE && (this.gate[q1] >>> gateBit(q2)) & 1) matchRuns(this, q1, q2, q3, q4, seen);
  }
}

function letterFrequency(phrases: readonly string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const phrase of phrases) {
    for (let i = 0; i < phrase.length; i++) {
      const c = phrase.charCodeAt(i);
      if (c !== 32) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The two runs a folded phrase stands for: the endings of two of its words,
 * four letters long where the word has them, the rarer first (the last
 * letter counted twice: a scan stops there to compare). One run for a
 * phrase of one word; none if no word is written in the table's letters.
 */
function telltaleRuns(phrase: string, frequency: ReadonlyMap<number, number>): string[] {
  const rarity = (run: string) => [...run, run[run.length - 1]].reduce((s, ch) => s * ((frequency.get(ch.charCodeAt(0)) ?? 0) + 1), 1);
  const endings = [...new Set(phrase.split(' '))]
    .filter((w) => w && ![...w].some((ch) => ch.charCodeAt(0) >= TABLE_SIZE))
    .map((w) => w.slice(-RUN));
  const runs = [...new Set(endings)].sort((a, b) => b.length - a.length || rarity(a) - rarity(b));
  return runs.slice(0, 2);
}
