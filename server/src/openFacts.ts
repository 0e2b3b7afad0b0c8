import type { CorpusChange, CorpusFacts } from './core';

/**
 * The corpus facts each open document's latest analysis read, to find the
 * documents an update of the corpus concerns (markdown-languageservice's
 * `FileLinkState` and `onLinkedToFileChanged` are the model). Facts are
 * recorded in the same synchronous step as the analysis that read them, so
 * no update can slip in between.
 */
export class OpenDocumentFacts {
  private readonly facts = new Map<string, CorpusFacts>();

  record(uri: string, facts: CorpusFacts | undefined): void {
    if (facts) this.facts.set(uri, facts);
    else this.facts.delete(uri);
  }

  forget(uri: string): void {
    this.facts.delete(uri);
  }

  /**
   * The documents (but `except`, the one being analysed) whose analysis read
   * a fact these changes changed. Their facts are forgotten: they are out of
   * date until the document is analysed again, which the caller asks for.
   */
  affected(changes: readonly CorpusChange[], except?: string): string[] {
    const out: string[] = [];
    if (!changes.length) return out;
    for (const [uri, facts] of this.facts) {
      if (uri === except || !changes.some((c) => c.affects(facts))) continue;
      out.push(uri);
    }
    for (const uri of out) this.facts.delete(uri);
    return out;
  }
}
