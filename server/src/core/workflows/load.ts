import { prepareDocument, type PreparedDocument } from '../analyze';
import { CorpusIndex } from '../corpus';
import type { Settings } from '../settings';
import { SeedDocument } from '../text';
import { isUnreadable, type CorpusWorkspace, type Unreadable, type WorkspaceDocument } from './workspace';

/** A document read and prepared, with the settings it was prepared with. */
export interface LoadedDocument<Doc extends WorkspaceDocument = WorkspaceDocument> {
  readonly document: Doc;
  readonly prepared: PreparedDocument;
  readonly settings: Settings;
}

/** A workspace's corpus read whole: what `checkCorpus` and a `fixCorpus` of a corpus not indexed yet start from. */
export interface LoadedCorpus<Doc extends WorkspaceDocument = WorkspaceDocument> {
  /** Every readable document's summary. */
  readonly corpus: CorpusIndex;
  /** The readable documents in `list` order; a workflow takes them out as it goes, so it runs once. */
  readonly documents: LoadedDocument<Doc>[];
  /** How many documents were listed, readable or not. */
  readonly listed: number;
  /** Why each unreadable document could not be read, in `list` order. */
  readonly problems: string[];
  /** Cancelled while reading: the corpus holds only the documents read before. */
  readonly cancelled: boolean;
}

/** Reads and prepares every listed document and indexes the readable ones. */
export async function loadCorpus<Ref, Doc extends WorkspaceDocument>(workspace: CorpusWorkspace<Ref, Doc>): Promise<LoadedCorpus<Doc>> {
  const refs = await workspace.list();
  const corpus = new CorpusIndex();
  const documents: LoadedDocument<Doc>[] = [];
  const problems: string[] = [];
  for await (const read of readDocuments(workspace, refs)) {
    if (isUnreadable(read)) {
      problems.push(read.problem);
      continue;
    }
    corpus.set(read.document.uri, read.prepared.summary);
    documents.push(read);
  }
  return { corpus, documents, listed: refs.length, problems, cancelled: workspace.token?.isCancellationRequested === true };
}

/** The listed documents, read and prepared one at a time, until cancelled. */
export async function* readDocuments<Ref, Doc extends WorkspaceDocument>(
  workspace: CorpusWorkspace<Ref, Doc>,
  refs: readonly Ref[],
): AsyncGenerator<LoadedDocument<Doc> | Unreadable> {
  for (const ref of refs) {
    if (workspace.token?.isCancellationRequested) return;
    const document = await workspace.read(ref);
    if (isUnreadable(document)) {
      yield document;
      continue;
    }
    const settings = await workspace.settings(document.uri);
    const prepared = prepareDocument(new SeedDocument(document.uri, document.text, document.version), settings, workspace.logger);
    yield { document, prepared, settings };
  }
}
