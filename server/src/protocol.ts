/**
 * Custom messages between the Corpus Lens client and server, shared by both
 * sides. Only protocol types are imported here, so either side can use it.
 */
import { NotificationType } from 'vscode-languageserver-protocol';

/** Server-side commands (workspace/executeCommand). The client wraps them in user-facing commands. */
export const ServerCommands = {
  /** Applies every fix of the given families (all when omitted) to every seed file of the corpus. Args: [{ families?: string[] }]. Returns FixCorpusResult. */
  fixCorpus: 'corpusLens.server.fixCorpus',
} as const;

export interface FixCorpusArgs {
  families?: string[];
}

export interface FixCorpusResult {
  files: number;
  fixes: number;
  /** False when the editor refused the edit (the user cancelled, or a file changed). */
  applied: boolean;
  problems: string[];
}

export interface StatusParams {
  /** `indexing` while the workspace is being read, `ready` afterwards. */
  state: 'indexing' | 'ready';
  /** Seed files in the corpus index. */
  documents: number;
  /** Files that could not be read (binary, not UTF-8, too large) with the reason, newest first, at most 20. */
  problems: string[];
}

/** Server → client: the index state, for the status bar. Sent when indexing starts and ends, and when the count changes. */
export namespace StatusNotification {
  export const method = 'corpusLens/status';
  export const type = new NotificationType<StatusParams>(method);
}
