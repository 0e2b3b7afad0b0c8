import { pushAll } from '../arrays';
import { compareItems, comparePlaces, insertionPoint, itemOf, positionOf, sortedItems, type JudgedItem, type SortedReports } from './intervals';
import { judgeSorted, type FigureReport, type Judgement } from './judge';

/**
 * Every figure report of the corpus, grouped by quantity within its story
 * (`FigureReport.key`: "quantity" below means that key), with judgements
 * cached per quantity. Replacing one document's reports invalidates only the
 * quantities they touch (before and after), so an edit re-judges a few
 * quantities, never the corpus. Each judged quantity's reports are kept
 * sorted by interval, so re-judging one after an edit is a linear sweep
 * (plus the verdicts asked for), not a sort of the whole quantity.
 */
export class QuantityIndex {
  private readonly byQuantity = new Map<string, Map<string, readonly FigureReport[]>>();
  private readonly byDocument = new Map<string, readonly FigureReport[]>();
  private readonly judgements = new Map<string, Judgement>();
  /**
   * Sorted reports of the quantities judged so far. A list is replaced, never
   * changed, so a judgement handed out earlier stays consistent. Quantities
   * not judged yet have none: the first judgement sorts once (indexing a
   * corpus does not pay for keeping lists nobody reads sorted).
   */
  private readonly sorted = new Map<string, SortedReports>();

  /**
   * Replaces a document's reports; returns the quantities whose judgement may
   * have changed. A quantity whose reports are unchanged (same figures at the
   * same places) keeps its report objects and its cached judgement: typing
   * on a line without figures re-judges nothing.
   */
  set(uri: string, reports: readonly FigureReport[]): Set<string> {
    const before = groupByQuantity(this.byDocument.get(uri) ?? []);
    const after = groupByQuantity(reports);
    const touched = new Set<string>();
    const kept: FigureReport[] = [];
    for (const [quantity, group] of after) {
      const old = before.get(quantity);
      if (old && sameReports(old, group)) {
        pushAll(kept, old);
        continue;
      }
      pushAll(kept, group);
      touched.add(quantity);
      let byUri = this.byQuantity.get(quantity);
      if (!byUri) this.byQuantity.set(quantity, (byUri = new Map()));
      byUri.set(uri, group);
      this.changed(quantity, old ?? [], group);
    }
    for (const quantity of before.keys()) {
      if (after.has(quantity)) continue;
      touched.add(quantity);
      const byUri = this.byQuantity.get(quantity);
      byUri?.delete(uri);
      if (byUri && !byUri.size) this.byQuantity.delete(quantity);
      this.changed(quantity, before.get(quantity)!, []);
    }
    if (kept.length) this.byDocument.set(uri, kept);
    else this.byDocument.delete(uri);
    return touched;
  }

  remove(uri: string): Set<string> {
    const touched = new Set<string>();
    const old = this.byDocument.get(uri);
    if (!old) return touched;
    this.byDocument.delete(uri);
    for (const [quantity, group] of groupByQuantity(old)) {
      const byUri = this.byQuantity.get(quantity);
      byUri?.delete(uri);
      if (byUri && !byUri.size) this.byQuantity.delete(quantity);
      this.changed(quantity, group, []);
      touched.add(quantity);
    }
    return touched;
  }

  /**
   * A quantity's reports changed: its judgement goes, and its sorted lists
   * follow the change when it was judged since the last change (an editor
   * asks again after every edit). Lists nobody judged in between are
   * dropped, to be sorted again if asked for: a batch of changes (`fix`
   * over a corpus) then costs nothing per change.
   */
  private changed(quantity: string, removed: readonly FigureReport[], added: readonly FigureReport[]): void {
    const judged = this.judgements.delete(quantity);
    const old = this.sorted.get(quantity);
    if (!old) return;
    if (!judged || !this.byQuantity.has(quantity)) {
      this.sorted.delete(quantity);
      return;
    }
    this.sorted.set(quantity, { byInterval: replaced(old.byInterval, removed, added, compareItems), byPlace: replaced(old.byPlace, removed, added, comparePlaces) });
  }

  reportsOf(uri: string): readonly FigureReport[] {
    return this.byDocument.get(uri) ?? [];
  }

  /** Every report of a quantity, across the corpus. */
  reportsFor(quantity: string): FigureReport[] {
    return [...(this.byQuantity.get(quantity)?.values() ?? [])].flat();
  }

  judgement(quantity: string): Judgement {
    let j = this.judgements.get(quantity);
    if (!j) {
      let items = this.sorted.get(quantity);
      if (!items) {
        items = sortedItems(this.reportsFor(quantity));
        if (items.byInterval.length) this.sorted.set(quantity, items);
      }
      j = judgeSorted(quantity, items);
      this.judgements.set(quantity, j);
    }
    return j;
  }

  quantities(): IterableIterator<string> {
    return this.byQuantity.keys();
  }

  /** Documents holding reports of any of the quantities (to re-publish after an edit). */
  documentsWith(quantities: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const q of quantities) for (const uri of this.byQuantity.get(q)?.keys() ?? []) out.add(uri);
    return out;
  }
}

/** A copy of a sorted list without some reports and with others, in place. */
function replaced(items: readonly JudgedItem[], removed: readonly FigureReport[], added: readonly FigureReport[], order: (a: JudgedItem, b: JudgedItem) => number): JudgedItem[] {
  const next = items.slice();
  for (const r of removed) {
    const k = positionOf(next, r, order);
    if (k >= 0) next.splice(k, 1);
  }
  for (const r of added) {
    const item = itemOf(r);
    next.splice(insertionPoint(next, item, order), 0, item);
  }
  return next;
}

function groupByQuantity(reports: readonly FigureReport[]): Map<string, FigureReport[]> {
  const out = new Map<string, FigureReport[]>();
  for (const r of reports) {
    const group = out.get(r.key);
    if (group) group.push(r);
    else out.set(r.key, [r]);
  }
  return out;
}

/** Same figures at the same places, in the same order. */
function sameReports(a: readonly FigureReport[], b: readonly FigureReport[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (
      x.value !== y.value ||
      x.low !== y.low ||
      x.high !== y.high ||
      x.qualifier !== y.qualifier ||
      x.date !== y.date ||
      x.weekday !== y.weekday ||
      x.earlier !== y.earlier ||
      x.change !== y.change ||
      x.source !== y.source ||
      x.text !== y.text ||
      x.range.start.line !== y.range.start.line ||
      x.range.start.character !== y.range.start.character ||
      x.range.end.line !== y.range.end.line ||
      x.range.end.character !== y.range.end.character
    ) {
      return false;
    }
  }
  return true;
}
