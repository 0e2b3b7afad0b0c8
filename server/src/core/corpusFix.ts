import type { PreparedDocument } from './analyze';
import type { CorpusIndex, DocumentSummary } from './corpus';
import { fixDocument, type FixOptions, type FixResult } from './fixes';
import type { Settings } from './settings';

/**
 * Fixing many documents of one corpus, the CLI's `fix` and the server's
 * "Fix All Findings in the Corpus". Every document is decided against the
 * corpus as it was before any fix: updating the index after each document
 * made a line shared by four files boilerplate only until two of them had
 * lost it, so the other two kept it and were no longer told. The index takes
 * the fixed texts' summaries only in `commit`, once the caller knows which
 * fixes really happened (files written, a workspace edit the editor accepted).
 */
export class CorpusFix {
  private readonly fixed = new Map<string, DocumentSummary>();

  /** `keep` false: nothing will be committed (the caller never reads the index again), so no new summary is kept. */
  constructor(
    readonly corpus: CorpusIndex,
    private readonly keep = true,
  ) {}

  /** Fixes one document against the corpus before any fix; keeps its new summary for `commit`. */
  fix(prepared: PreparedDocument, settings: Settings, options: FixOptions = {}): FixResult {
    const result = fixDocument(prepared, this.corpus, settings, options);
    if (result.applied && this.keep) this.fixed.set(prepared.doc.uri, result.prepared.summary);
    return result;
  }

  /** Puts the new summaries of these fixed documents (default: all of them) in the index; returns their uris. */
  commit(uris: Iterable<string> = [...this.fixed.keys()]): string[] {
    const done: string[] = [];
    for (const uri of uris) {
      const summary = this.fixed.get(uri);
      if (!summary) continue;
      this.corpus.set(uri, summary);
      this.fixed.delete(uri);
      done.push(uri);
    }
    return done;
  }
}
