import { countStyles, type NumberToken } from './numbers/scanner';

/**
 * What one document contributes to corpus-wide rules. Computed from a single
 * analysis of the document and kept by the index, so corpus-level answers
 * never re-read or re-scan other documents.
 */
export interface DocumentSummary {
  /** Numbers written entirely in Western digits vs in Eastern/Persian digits. */
  digitStyles: { western: number; eastern: number };
}

export function summarize(numbers: readonly NumberToken[]): DocumentSummary {
  return { digitStyles: countStyles(numbers) };
}

/** Read-only view of the corpus that rules get; the index implements it. */
export interface CorpusView {
  /** Number of documents in the corpus. */
  documentCount(): number;
  /** Totals of `DocumentSummary.digitStyles` over the corpus (for the `majority` digit style). */
  digitStyleTotals(): { western: number; eastern: number };
}

/**
 * The corpus index: one summary per document, with running totals kept
 * incrementally, so an update costs the size of one summary, not of the corpus.
 */
export class CorpusIndex implements CorpusView {
  private readonly docs = new Map<string, DocumentSummary>();
  private totals = { western: 0, eastern: 0 };

  set(uri: string, summary: DocumentSummary): void {
    this.remove(uri);
    this.docs.set(uri, summary);
    this.totals.western += summary.digitStyles.western;
    this.totals.eastern += summary.digitStyles.eastern;
  }

  remove(uri: string): boolean {
    const old = this.docs.get(uri);
    if (!old) return false;
    this.docs.delete(uri);
    this.totals.western -= old.digitStyles.western;
    this.totals.eastern -= old.digitStyles.eastern;
    return true;
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  uris(): IterableIterator<string> {
    return this.docs.keys();
  }

  documentCount(): number {
    return this.docs.size;
  }

  digitStyleTotals(): { western: number; eastern: number } {
    return { ...this.totals };
  }
}

/** A corpus of one document, for analysing a file on its own. */
export function singleDocumentCorpus(summary: DocumentSummary): CorpusView {
  return { documentCount: () => 1, digitStyleTotals: () => ({ ...summary.digitStyles }) };
}
