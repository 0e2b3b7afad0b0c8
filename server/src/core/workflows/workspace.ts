import type { FixResult } from '../fixes';
import type { Settings } from '../settings';
import type { SeedDocument } from '../text';
import type { CancellationLike, Logger } from '../types';

/**
 * What the corpus workflows (check, fix) need of their host, injected so the
 * CLI (files), the server (the editor's documents and a workspace edit) and
 * the tests (memory) drive the same code. vscode-markdown-languageservice's
 * `IWorkspace` is the model.
 *
 * `Ref` names a document to read (the CLI: a path; the server: a uri);
 * `Doc` is what reading gives, with whatever the host needs back to write it.
 */
export interface CorpusWorkspace<Ref = string, Doc extends WorkspaceDocument = WorkspaceDocument> {
  /** The corpus's documents, in the order the workflows go through them and report them. */
  list(): readonly Ref[] | Promise<readonly Ref[]>;
  /**
   * Reads one of them. Workflows read in `list` order, each document once,
   * so an implementation may read ahead.
   */
  read(ref: Ref): Promise<Doc | Unreadable>;
  /** The settings a document is analysed with. */
  settings(uri: string): Settings | Promise<Settings>;
  /** Where analysis errors go; nowhere when absent. */
  readonly logger?: Logger;
  /** Checked before each document: once requested, no further document is read, analysed or fixed. */
  readonly token?: CancellationLike;
  readonly progress?: WorkflowProgress;
}

/** A document as the workspace holds it. */
export interface WorkspaceDocument {
  /** Its identity: the uri findings are reported under (the CLI: the path as shown). */
  readonly uri: string;
  readonly text: string;
  /** The version `text` is (the editor's; 0 for a file read from disk). */
  readonly version: number;
}

/** A listed document that could not be read. */
export interface Unreadable {
  readonly unreadable: true;
  /** Why, in one line for the user. */
  readonly problem: string;
}

export function isUnreadable<T extends object>(read: T | Unreadable): read is Unreadable {
  return 'unreadable' in read;
}

export interface WorkflowProgress {
  /** After each document read and done with: `done` of the `total` listed (unreadable ones are not done, only listed). */
  report(done: number, total: number): void;
  /** The last document is done (before anything staged is applied). */
  end(): void;
}

/** A workspace the fix workflow can write to. */
export interface FixWorkspace<Ref = string, Doc extends WorkspaceDocument = WorkspaceDocument> extends CorpusWorkspace<Ref, Doc> {
  /**
   * Writes a document's fixed text (`fixed.prepared.doc.text`) over what was
   * read (`doc`, and `before` for positions), now (the CLI, atomically) or
   * staged for `apply` (the server, one workspace edit).
   */
  write(doc: Doc, fixed: FixResult, before: SeedDocument): Promise<WriteOutcome>;
  /**
   * Applies what `write` staged, all or nothing; called once, after the last
   * document, when something was written. Without it, writes are final.
   */
  apply?(): Promise<ApplyOutcome>;
}

export interface WriteOutcome {
  /** Whether the fixed text was written (or staged). */
  written: boolean;
  /** Lines for the user, in order: why it was not written, and anything else met on the way. */
  problems?: readonly string[];
}

export type ApplyOutcome = { applied: true } | { applied: false; problem: string };
