import { analyzeDocument, effectiveSeverity, type PreparedDocument } from '../analyze';
import { CorpusIndex, type DocumentSummary } from '../corpus';
import { fixDocument } from '../fixes';
import { RULES } from '../rules';
import type { Settings } from '../settings';
import type { Family } from '../types';
import { readDocuments, type LoadedCorpus, type LoadedDocument } from './load';
import { isUnreadable, type FixWorkspace, type Unreadable, type WorkspaceDocument } from './workspace';

export interface CorpusFixOptions {
  /** Only fixes of rules of these families (the CLI's `--only`). */
  families?: readonly Family[];
  /** Keep each document's planned edits (`FixResult.edits`), for a dry run. */
  record?: boolean;
  /**
   * Whether the corpus learns the fixed texts once written (default true).
   * False when nothing reads it again: every fixed summary is then let go
   * at once instead of held until the end.
   */
  commit?: boolean;
  /**
   * Find out whether a finding of error severity is left in the corpus once
   * fixed (`CorpusFixOutcome.errorsLeft`; the CLI's exit status). It costs
   * the corpus-wide judgements, so it is skipped when no rule can report an
   * error under a document's settings (none can by default).
   */
  errorsLeft?: boolean;
}

export interface CorpusFixOutcome {
  /** Documents read and decided on. */
  documents: number;
  /** Documents whose fixed text was written (or staged and applied, or refused as a whole: see `applied`). */
  files: number;
  /** Fixes in those documents, over all passes. */
  fixes: number;
  /** False when `FixWorkspace.apply` refused the staged writes: then nothing was written, and the corpus is as before. */
  applied: boolean;
  /** The uris the corpus now holds the fixed texts of (with `commit`). */
  committed: string[];
  /** Lines for the user, in order: unreadable documents, failed writes, a refused apply. */
  problems: string[];
  /** With `errorsLeft`: whether the fixed corpus still has a finding of error severity. */
  errorsLeft: boolean;
  cancelled: boolean;
}

/**
 * Fixes every document of a corpus: "Fix All Findings in the Corpus" in the
 * server, `fix` in the CLI.
 *
 * Every document is decided against the corpus as it was before any fix:
 * updating the index after each document made a line shared by four files
 * boilerplate only until two of them had lost it, so the other two kept it
 * and were no longer told. The index takes the fixed texts' summaries only
 * at the end, once the workspace has said which fixes really happened
 * (files written, a workspace edit the editor accepted).
 *
 * `source` is the corpus to decide against: a live index (the server's),
 * whose documents are then read one at a time as they are fixed, or a
 * corpus read whole by `loadCorpus` (the CLI's, which must index every file
 * before it can fix the first).
 */
export async function fixCorpus<Ref, Doc extends WorkspaceDocument>(
  workspace: FixWorkspace<Ref, Doc>,
  source: CorpusIndex | LoadedCorpus<Doc>,
  options: CorpusFixOptions = {},
): Promise<CorpusFixOutcome> {
  const { families, record } = options;
  const corpus = source instanceof CorpusIndex ? source : source.corpus;
  const commit = options.commit ?? true;
  const { logger, token, progress } = workspace;
  const outcome: CorpusFixOutcome = { documents: 0, files: 0, fixes: 0, applied: true, committed: [], problems: [], errorsLeft: false, cancelled: false };
  let total: number;
  let documents: Iterable<LoadedDocument<Doc>> | AsyncIterable<LoadedDocument<Doc> | Unreadable>;
  if (source instanceof CorpusIndex) {
    const refs = await workspace.list();
    total = refs.length;
    documents = readDocuments(workspace, refs);
  } else {
    total = source.listed;
    documents = source.documents.splice(0);
  }
  const canFail = errorsPossible(families);
  /** The new summaries of the documents written, for the corpus at the end. */
  const fixed = new Map<string, DocumentSummary>();
  /** With `errorsLeft`: what each document holds afterwards, checked once the corpus knows every fix. */
  const after: { prepared: PreparedDocument; settings: Settings }[] = [];
  for await (const read of documents) {
    if (token?.isCancellationRequested) break;
    if (isUnreadable(read)) {
      outcome.problems.push(read.problem);
      continue;
    }
    const { document, prepared, settings } = read;
    const recheck = options.errorsLeft === true && canFail(settings);
    const result = fixDocument(prepared, corpus, settings, { families, logger, record });
    let kept = prepared;
    if (result.applied) {
      const written = await workspace.write(document, result, prepared.doc);
      if (written.problems) outcome.problems.push(...written.problems);
      if (written.written) {
        outcome.files++;
        outcome.fixes += result.applied;
        kept = result.prepared;
        if (commit || recheck) fixed.set(document.uri, result.prepared.summary);
      }
    }
    if (recheck) after.push({ prepared: kept, settings });
    outcome.documents++;
    progress?.report(outcome.documents, total);
  }
  outcome.cancelled = token?.isCancellationRequested === true;
  progress?.end();
  if (outcome.files && workspace.apply) {
    const applied = await workspace.apply();
    if (!applied.applied) {
      outcome.problems.push(applied.problem);
      outcome.applied = false;
      return outcome;
    }
  }
  for (const [uri, summary] of fixed) corpus.set(uri, summary);
  if (commit) outcome.committed = [...fixed.keys()];
  outcome.errorsLeft = after.some(({ prepared, settings }) => analyzeDocument(prepared, corpus, settings, { families }).findings.some((f) => f.severity === 'error'));
  return outcome;
}

/** Whether some rule of these families can report an error under given settings; answered once per settings object. */
function errorsPossible(families: readonly Family[] | undefined): (settings: Settings) => boolean {
  const known = new WeakMap<Settings, boolean>();
  return (settings) => {
    let possible = known.get(settings);
    if (possible === undefined) {
      possible = RULES.some((r) => (!families || families.includes(r.family)) && effectiveSeverity(r, settings) === 'error');
      known.set(settings, possible);
    }
    return possible;
  };
}
