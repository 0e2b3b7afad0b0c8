/**
 * "Fix All Findings in the Corpus": the core's corpus fix over the editor's
 * workspace. Every seed file is fixed in one workspace edit, so the editor
 * can undo it and open documents keep their unsaved text as the base; the
 * index learns the fixed texts only once the editor has accepted the edit:
 * a refused edit changes nothing, index included.
 */
import type { Connection, TextDocuments, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { FAMILIES, fixCorpus, minimalEdit, type Family, type FixWorkspace, type Logger, type WorkspaceDocument } from './core';
import { readSeed } from './node/files';
import type { FixCorpusArgs, FixCorpusResult } from './protocol';
import type { SettingsCache } from './settingsCache';
import type { WorkspaceIndex } from './workspaceIndex';

export interface FixCorpusContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: SettingsCache;
  index: WorkspaceIndex;
  logger: Logger;
  /** Whether the client takes `window/workDoneProgress`. */
  progress: boolean;
  /** Called with the fixed files once the editor applied the edit and the index holds their new text. */
  changed(uris: readonly string[]): void;
}

/** A seed file as the fix read it: the editor's text when open (the edit then names its version), else the disk's. */
interface EditorDocument extends WorkspaceDocument {
  readonly open: boolean;
}

export async function runFixCorpus(ctx: FixCorpusContext, args: FixCorpusArgs): Promise<FixCorpusResult> {
  const { connection, documents, settings, index, logger } = ctx;
  await index.ready();
  const families = args.families?.filter((f): f is Family => (FAMILIES as readonly string[]).includes(f));
  const progress = ctx.progress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  const uris = [...index.corpus.uris()].sort();
  progress?.begin('Corpus Lens: fixing the corpus', 0, `${uris.length} files`, false);
  const edit: WorkspaceEdit = { documentChanges: [] };
  const workspace: FixWorkspace<string, EditorDocument> = {
    list: () => uris,
    async read(uri) {
      const open = documents.get(uri);
      if (open) return { uri, text: open.getText(), version: open.version, open: true };
      const read = await readSeed(URI.parse(uri).fsPath);
      return read.ok ? { uri, text: read.text, version: 0, open: false } : { unreadable: true, problem: `${uri}: ${read.reason}` };
    },
    settings: (uri) => settings.get(uri),
    logger,
    progress: progress && {
      report: (done, total) => done % 100 === 0 && progress.report(Math.round((done / total) * 100), `${done}/${total} files`),
      end: () => progress.done(),
    },
    async write(doc, fixed, before) {
      edit.documentChanges!.push({ textDocument: { uri: doc.uri, version: doc.open ? doc.version : null }, edits: [minimalEdit(before, fixed.prepared.doc.text)] });
      return { written: true };
    },
    async apply() {
      const result = await connection.workspace.applyEdit({ label: 'Corpus Lens: fix the corpus', edit });
      return result.applied ? { applied: true } : { applied: false, problem: result.failureReason ?? 'the editor did not apply the edit' };
    },
  };
  const { files, fixes, applied, problems, committed } = await fixCorpus(workspace, index.corpus, { families });
  if (files && applied) ctx.changed(committed);
  return { files, fixes, applied, problems };
}
