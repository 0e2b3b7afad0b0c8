/**
 * Keeps the corpus index current for the workspace: reads every seed file
 * once at start-up (with progress), then follows file events. Open documents
 * take precedence over disk: their summaries come from the editor's text.
 */
import * as path from 'node:path';
import { FileChangeType, MessageType, ShowMessageNotification, type Connection, type FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { CorpusIndex, prepareDocument, SeedDocument, type Settings } from './core';
import { globMatcher, readSeed, walk } from './node/files';
import type { Folder, SettingsCache } from './settingsCache';

const READS_IN_FLIGHT = 8;

export class WorkspaceIndex {
  readonly corpus = new CorpusIndex();
  /** Documents the editor has open; the index must not overwrite them from disk. */
  readonly open = new Set<string>();
  /** Unreadable files with the reason, newest first. */
  readonly problems: string[] = [];
  private indexing: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsCache,
    private readonly onChanged: (uris: readonly string[]) => void,
  ) {}

  /** Whether a file belongs to the corpus under its folder's include/exclude globs. */
  async isSeed(uri: string): Promise<boolean> {
    const folder = this.settings.folderOf(uri);
    if (!folder) return uri.endsWith('.seed') || /\/seeds\//.test(uri);
    const settings = await this.settings.get(uri);
    const relative = path.relative(folder.fsPath, URI.parse(uri).fsPath);
    return globMatcher(settings.include, settings.exclude)(relative);
  }

  /** Resolves when the current indexing run has finished. */
  ready(): Promise<void> {
    return this.indexing;
  }

  /** (Re)reads every seed file of the folders, reporting progress to the client when it can show it. */
  indexAll(folders: readonly Folder[], canReportProgress: boolean): Promise<void> {
    this.indexing = this.indexing.then(() => this.run(folders, canReportProgress));
    return this.indexing;
  }

  private async run(folders: readonly Folder[], canReportProgress: boolean): Promise<void> {
    const progress = canReportProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Corpus Lens: indexing seeds', 0, 'finding files', false);
    const files: string[] = [];
    for (const folder of folders) {
      const settings: Settings = await this.settings.get(folder.uri);
      if (!settings.enable) continue;
      for await (const file of walk(folder.fsPath, globMatcher(settings.include, settings.exclude))) files.push(file);
    }
    const seen = new Set<string>();
    let done = 0;
    let next = 0;
    // Several reads in flight: one at a time, indexing spent much of its time waiting on the disk.
    const reader = async () => {
      while (next < files.length) {
        const file = files[next++];
        const uri = URI.file(file).toString();
        seen.add(uri);
        if (!this.open.has(uri)) await this.readIntoIndex(uri, file);
        done++;
        if (progress && (done % 200 === 0 || done === files.length)) {
          progress.report(Math.round((done / files.length) * 100), `${done}/${files.length} files`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, files.length) }, reader));
    for (const uri of [...this.corpus.uris()]) if (!seen.has(uri) && !this.open.has(uri)) this.corpus.remove(uri);
    progress?.done();
    this.tellTooLarge();
    this.connection.console.info(`Indexed ${this.corpus.documentCount()} seed files in ${folders.length} folder(s).`);
    this.onChanged([...seen]);
  }

  private async readIntoIndex(uri: string, file: string): Promise<boolean> {
    const settings = await this.settings.get(uri);
    const { maxFileSizeKB } = settings;
    const read = await readSeed(file, maxFileSizeKB * 1024);
    if (!read.ok) {
      this.corpus.remove(uri);
      // A file deleted meanwhile (closed after a delete or a rename) is simply gone, not unreadable.
      if (read.missing) return false;
      if (read.tooLarge) this.tooLarge.push({ file, limitKB: maxFileSizeKB });
      this.problems.unshift(`${file}: ${read.reason}`);
      this.problems.length = Math.min(this.problems.length, 20);
      return false;
    }
    // The user's claims lexicon shapes the claims the corpus compares.
    this.corpus.set(uri, prepareDocument(new SeedDocument(uri, read.text), settings).summary);
    return true;
  }

  /** Files skipped for their size since the last message, and those already named (per size limit). */
  private tooLarge: { file: string; limitKB: number }[] = [];
  private readonly toldTooLarge = new Set<string>();

  /** One information message for the files skipped for their size, each named once per limit. */
  private tellTooLarge(): void {
    const fresh = this.tooLarge.filter(({ file, limitKB }) => !this.toldTooLarge.has(`${limitKB}:${file}`));
    this.tooLarge = [];
    if (!fresh.length) return;
    for (const { file, limitKB } of fresh) this.toldTooLarge.add(`${limitKB}:${file}`);
    const names = fresh.slice(0, 3).map(({ file }) => path.basename(file));
    const more = fresh.length > 3 ? ` and ${fresh.length - 3} more` : '';
    // A notification, not window.showInformationMessage: that one is a request awaiting a button nobody needs.
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: `Corpus Lens skipped ${fresh.length} seed file${fresh.length === 1 ? '' : 's'} larger than ${fresh[0].limitKB} KB (setting corpusLens.maxFileSizeKB): ${names.join(', ')}${more}.`,
    });
  }

  /** Applies file events from the client's watcher. */
  async onFileEvents(events: readonly FileEvent[]): Promise<void> {
    await this.indexing;
    const changed: string[] = [];
    for (const event of events) {
      if (this.open.has(event.uri)) continue;
      if (event.type === FileChangeType.Deleted) {
        if (this.corpus.remove(event.uri)) changed.push(event.uri);
      } else if (await this.isSeed(event.uri)) {
        await this.readIntoIndex(event.uri, URI.parse(event.uri).fsPath);
        changed.push(event.uri);
      }
    }
    this.tellTooLarge();
    if (changed.length) this.onChanged(changed);
  }

  /** A document closed in the editor: its disk content is the truth again. */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    if (!(await this.isSeed(uri))) return;
    const file = URI.parse(uri).fsPath;
    if (!(await this.readIntoIndex(uri, file))) this.corpus.remove(uri);
    this.tellTooLarge();
    this.onChanged([uri]);
  }
}
