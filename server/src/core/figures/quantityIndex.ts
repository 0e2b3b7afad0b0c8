import { judge, type FigureReport, type Judgement } from './judge';

/**
 * Every figure report of the corpus, grouped by quantity, with judgements
 * cached per quantity. Replacing one document's reports invalidates only the
 * quantities they touch (before and after), so an edit re-judges a few
 * quantities, never the corpus.
 */
export class QuantityIndex {
  private readonly byQuantity = new Map<string, Map<string, readonly FigureReport[]>>();
  private readonly byDocument = new Map<string, readonly FigureReport[]>();
  private readonly judgements = new Map<string, Judgement>();

  /** Replaces a document's reports; returns the quantities whose judgement may have changed. */
  set(uri: string, reports: readonly FigureReport[]): Set<string> {
    const touched = this.remove(uri);
    if (!reports.length) return touched;
    this.byDocument.set(uri, reports);
    for (const r of reports) {
      let group = this.byQuantity.get(r.quantity);
      if (!group) this.byQuantity.set(r.quantity, (group = new Map()));
      group.set(uri, reports.filter((x) => x.quantity === r.quantity));
      touched.add(r.quantity);
      this.judgements.delete(r.quantity);
    }
    return touched;
  }

  remove(uri: string): Set<string> {
    const touched = new Set<string>();
    const old = this.byDocument.get(uri);
    if (!old) return touched;
    this.byDocument.delete(uri);
    for (const r of old) {
      const group = this.byQuantity.get(r.quantity);
      group?.delete(uri);
      if (group && !group.size) this.byQuantity.delete(r.quantity);
      this.judgements.delete(r.quantity);
      touched.add(r.quantity);
    }
    return touched;
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
      j = judge(quantity, this.reportsFor(quantity));
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
