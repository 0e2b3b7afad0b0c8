/**
 * "Fix All Findings in the Corpus": every seed file fixed in one workspace
 * edit, so the editor can undo it and open documents keep their unsaved text
 * as the base. Decisions are made against the corpus before any fix
 * (`CorpusFix`), and the index learns the fixed texts only once the editor
 * has accepted the edit: a refused edit changes nothing, index included.
 */
import type { Connection, TextDocuments, WorkspaceEdit } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { CorpusFix, FAMILIES, minimalEdit, prepareDocument, SeedDocument, type Family, type Logger } from './core';
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

export async function fixCorpus(ctx: FixCorpusContext, args: FixCorpusArgs): Promise<FixCorpusResult> {
  const { connection, documents, settings, index, logger } = ctx;
  await index.ready();
  const families = args.families?.filter((f): f is Family => (FAMILIES as readonly string[]).includes(f));
  const progress = ctx.progress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
  const uris = [...index.corpus.uris()].sort();
  progress?.begin('Corpus Lens: fixing the corpus', 0, `${uris.length} files`, false);
  const corpusFix = new CorpusFix(index.corpus);
  const edit: WorkspaceEdit = { documentChanges: [] };
  const fixed: string[] = [];
  const problems: string[] = [];
  let fixes = 0;
  let done = 0;
  for (const uri of uris) {
    const open = documents.get(uri);
    let text = open?.getText();
    if (text === undefined) {
      const read = await readSeed(URI.parse(uri).fsPath);
      if (!read.ok) {
        problems.push(`${uri}: ${read.reason}`);
        continue;
      }
      text = read.text;
    }
    const doc = new SeedDocument(uri, text, open?.version ?? 0);
    const config = await settings.get(uri);
    const result = corpusFix.fix(prepareDocument(doc, config, logger), config, { families, logger });
    if (result.applied) {
      fixes += result.applied;
      fixed.push(uri);
      edit.documentChanges!.push({
        textDocument: { uri, version: open ? open.version : null },
        edits: [minimalEdit(doc, result.prepared.doc.text)],
      });
    }
    if (++done % 100 === 0) progress?.report(Math.round((done / uris.length) * 100), `${done}/${uris.length} files`);
  }
  progress?.done();
  const files = edit.documentChanges!.length;
  if (!files) return { files: 0, fixes: 0, applied: true, problems };
  const result = await connection.workspace.applyEdit({ label: 'Corpus Lens: fix the corpus', edit });
  if (!result.applied) {
    problems.push(result.failureReason ?? 'the editor did not apply the edit');
    return { files, fixes, applied: false, problems };
  }
  ctx.changed(corpusFix.commit(fixed));
  return { files, fixes, applied: true, problems };
}
