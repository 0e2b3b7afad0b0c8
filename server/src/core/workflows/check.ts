import { analyzeDocument, type DocumentAnalysis } from '../analyze';
import { figurePairs, type FigurePair } from '../figures/pairs';
import type { QuantityIndex } from '../figures/quantityIndex';
import type { Family } from '../types';
import type { LoadedCorpus, LoadedDocument } from './load';
import type { CorpusWorkspace, WorkspaceDocument } from './workspace';

export interface CheckOptions {
  /** Only rules of these families (the CLI's `--only`). */
  families?: readonly Family[];
  /** Findings kept per document, the rest counted (`AnalysisOptions.maxFindings`). */
  maxFindings?: number;
}

export interface CorpusCheck {
  /** The documents to be analysed (the readable ones). */
  readonly documents: number;
  /**
   * The corpus's disagreeing figure pairs, each once, in a stable order;
   * none when the figures family is left out.
   */
  conflicts(): FigurePair[];
  /**
   * Each document's analysis against the whole corpus, in `list` order.
   * Each is analysed when asked for and then let go, so a large corpus's
   * findings never pile up; a check runs once. Stops when cancelled.
   */
  analyses(): Generator<DocumentAnalysis>;
}

/** Checks a loaded corpus (`loadCorpus`), every document against all of them. */
export function checkCorpus<Ref, Doc extends WorkspaceDocument>(
  workspace: CorpusWorkspace<Ref, Doc>,
  loaded: LoadedCorpus<Doc>,
  options: CheckOptions = {},
): CorpusCheck {
  const { corpus } = loaded;
  const pending: (LoadedDocument<Doc> | undefined)[] = loaded.documents.splice(0);
  const { families, maxFindings } = options;
  const analysisOptions = { families, maxFindings, logger: workspace.logger, token: workspace.token };
  return {
    documents: pending.length,
    conflicts: () => conflictsOf(corpus.figures, families),
    *analyses() {
      for (let i = 0; i < pending.length; i++) {
        if (workspace.token?.isCancellationRequested) return;
        const { prepared, settings } = pending[i]!;
        pending[i] = undefined;
        yield analyzeDocument(prepared, corpus, settings, analysisOptions);
        workspace.progress?.report(i + 1, loaded.listed);
      }
      workspace.progress?.end();
    },
  };
}

/** A figure index's disagreeing pairs (`CorpusCheck.conflicts`); none when `families` leaves the figures family out. */
export function conflictsOf(figures: QuantityIndex, families?: readonly Family[]): FigurePair[] {
  return !families || families.includes('figures') ? figurePairs(figures) : [];
}
