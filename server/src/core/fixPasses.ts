import type { SeedDocument } from './text';
import type { Finding } from './types';

/** One pass of `fixDocument`: the text it started from and the fixes it applied to it. */
export interface FixPass {
  doc: SeedDocument;
  fixes: readonly Finding[];
}

/**
 * One change of a whole fix, in the coordinates of the text before the first
 * pass: `text.slice(start, end)` becomes `newText`. `rules` are the rules whose
 * fixes it combines (more than one when a later pass edited next to or inside
 * an earlier pass's edit, say a blank-line run joined by a deletion).
 */
export interface PlannedEdit {
  start: number;
  end: number;
  newText: string;
  rules: string[];
}

/**
 * What the passes do to the original text, as non-overlapping edits sorted
 * by position: applied at once to the original, they give the text of the
 * last pass. A dry run lists these, so it shows what later passes delete too.
 */
export function composePasses(passes: readonly FixPass[]): PlannedEdit[] {
  let composed: PlannedEdit[] = [];
  for (const pass of passes) composed = composeOne(composed, pass);
  return composed;
}

interface Interval {
  /** Range in the text the pass starts from. */
  from: number;
  to: number;
  /** An edit planned by the earlier passes, or one of this pass's. */
  planned?: PlannedEdit;
  edit?: { newText: string; rule: string };
}

/** Adds one pass (edits of the text the earlier `composed` edits produce) to them. */
function composeOne(composed: readonly PlannedEdit[], pass: FixPass): PlannedEdit[] {
  const { doc } = pass;
  const intervals: Interval[] = [];
  let shift = 0;
  for (const planned of composed) {
    const from = planned.start + shift;
    intervals.push({ from, to: from + planned.newText.length, planned });
    shift += planned.newText.length - (planned.end - planned.start);
  }
  for (const f of pass.fixes) {
    for (const e of f.fix!.edits) intervals.push({ from: doc.offsetAt(e.range.start), to: doc.offsetAt(e.range.end), edit: { newText: e.newText, rule: f.rule } });
  }
  // Planned edits first on a tie, so an edit of this pass touching one joins it.
  intervals.sort((a, b) => a.from - b.from || (a.planned ? 0 : 1) - (b.planned ? 0 : 1) || a.to - b.to);

  const out: PlannedEdit[] = [];
  /** How much the planned edits before the current position moved the text (pass text minus original). */
  let moved = 0;
  for (let i = 0; i < intervals.length; ) {
    // A cluster: an earlier plan and the edits of this pass that overlap or touch it, in the pass's text.
    // This pass's own edits never overlap, and stay apart when they only touch each other.
    let j = i + 1;
    let plannedTo = intervals[i].planned ? intervals[i].to : -1;
    let editTo = intervals[i].planned ? -1 : intervals[i].to;
    while (j < intervals.length) {
      const next = intervals[j];
      if (next.planned ? next.from > Math.max(plannedTo, editTo) : next.from > plannedTo && next.from >= editTo) break;
      if (next.planned) plannedTo = Math.max(plannedTo, next.to);
      else editTo = Math.max(editTo, next.to);
      j++;
    }
    const to = Math.max(plannedTo, editTo);
    const cluster = intervals.slice(i, j);
    const planned = cluster.filter((c) => c.planned).map((c) => c.planned!);
    const edits = cluster.filter((c) => c.edit);
    if (!edits.length) {
      // Nothing of this pass here: the earlier plan stands as it was.
      out.push(...planned);
    } else {
      const from = cluster[0].from;
      const first = planned[0];
      const start = first && first.start + moved === from ? first.start : from - moved;
      const plannedDelta = planned.reduce((n, p) => n + p.newText.length - (p.end - p.start), 0);
      const last = planned.at(-1);
      const lastTo = last ? last.start + moved + plannedDelta - (last.newText.length - (last.end - last.start)) + last.newText.length : -1;
      const end = last && lastTo === to ? last.end : to - moved - plannedDelta;
      let newText = '';
      let at = from;
      for (const e of edits) {
        newText += doc.text.slice(at, e.from) + e.edit!.newText;
        at = e.to;
      }
      newText += doc.text.slice(at, to);
      const rules = [...new Set([...planned.flatMap((p) => p.rules), ...edits.map((e) => e.edit!.rule)])];
      out.push({ start, end, newText, rules });
    }
    for (const p of planned) moved += p.newText.length - (p.end - p.start);
    i = j;
  }
  return out;
}
