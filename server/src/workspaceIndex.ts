/**
 * Keeps the corpus index current for the workspace: reads every seed file
 * once at start-up (with progress), then follows file events. Open documents
 * take precedence over disk: their summaries come from the editor's text.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { FileChangeType, MessageType, ShowMessageNotification, type Connection, type FileEvent } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { pushAll } from './core/arrays';
import { CorpusIndex, prepareDocument, SeedDocument, type CorpusChange, type Settings } from './core';
import type { IndexBatch, IndexReply, IndexResult } from './indexWorker';
import { describeFsError, readSeedSync } from './node/files';
import { displayPath, globMatcher, pathKey, walk } from './node/walk';
import type { Folder, SettingsCache } from './settingsCache';

/** The start-up index reads on this thread in slices of this many milliseconds, then lets the server answer. */
const SLICE_MS = 8;
/** Below this many files, starting worker threads costs more than it saves. */
const PARALLEL_MIN_FILES = 256;
/** Files per batch handed to a worker thread. */
const BATCH = 64;
/** At most this many worker threads: each is a heap of its own, and memory is a budget too. */
const MAX_WORKERS = 3;

/** A seed file to index, with its folder's settings. */
interface Job {
  uri: string;
  file: string;
  settings: Settings;
}

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
    /** `changes`: what the update changed of the corpus; undefined after a whole indexing run, when anything may have. */
    private readonly onChanged: (uris: readonly string[], changes?: readonly CorpusChange[]) => void,
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
    const jobs: Job[] = [];
    const real = new Set<string>();
    let twice = 0;
    for (const folder of folders) {
      const settings: Settings = await this.settings.get(folder.uri);
      if (!settings.enable) continue;
      const onFolderError = (dir: string | Buffer, err: NodeJS.ErrnoException) => this.walkProblem(`${displayPath(dir)}: cannot read folder: ${describeFsError(err)}; its seed files are not indexed`);
      for await (const file of walk(folder.fsPath, globMatcher(settings.include, settings.exclude), { onFolderError })) {
        // A URI cannot name it so that the editor opens the same file.
        if (typeof file.path !== 'string') {
          this.walkProblem(`${displayPath(file.path)}: file name is not valid UTF-8; not indexed`);
          continue;
        }
        // Nested workspace folders, or one linked to another, reach a file twice: one document, not two that agree.
        const key = pathKey(file.real);
        if (real.has(key)) {
          twice++;
          continue;
        }
        real.add(key);
        jobs.push({ uri: URI.file(file.path).toString(), file: file.path, settings });
      }
    }
    const seen = new Set(jobs.map((j) => j.uri));
    let done = 0;
    const advance = (n: number) => {
      const before = done;
      done += n;
      if (progress && (Math.floor(done / 200) > Math.floor(before / 200) || done === jobs.length)) {
        progress.report(Math.round((done / jobs.length) * 100), `${done}/${jobs.length} files`);
      }
    };
    // The files not yet handed out, taken from the front by this thread (one at a time) and by worker threads (in batches).
    let next = 0;
    const retry: Job[] = [];
    let byWorkers = 0;
    // Synchronous reads (a tenth of the cost of asynchronous ones for small files), in slices of a few
    // milliseconds: between slices the server answers the editor.
    const reader = async () => {
      let sliceStart = performance.now();
      for (;;) {
        const job = next < jobs.length ? jobs[next++] : retry.shift();
        if (!job) return;
        if (!this.open.has(job.uri)) this.readIntoIndexSync(job);
        advance(1);
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          sliceStart = performance.now();
        }
      }
    };
    let id = 0;
    const workerLoop = async (worker: Worker) => {
      for (;;) {
        if (next >= jobs.length) return;
        // One folder's files per batch: they share the settings sent with it.
        const first = jobs[next];
        const batch: Job[] = [];
        while (next < jobs.length && batch.length < BATCH && jobs[next].settings === first.settings) batch.push(jobs[next++]);
        const request: IndexBatch = { id: ++id, files: batch.map(({ uri, file }) => ({ uri, file })), maxBytes: first.settings.maxFileSizeKB * 1024, claimsLexicon: first.settings.claimsLexicon };
        const reply = await exchange(worker, request);
        if (!reply) {
          // The worker failed: this thread reads its batch.
          pushAll(retry, batch);
          return;
        }
        reply.results.forEach((result, k) => this.applyResult(result, batch[k].settings));
        advance(reply.results.length);
        byWorkers += reply.results.length;
      }
    };
    const workers = startWorkers(workerCount(jobs.length));
    try {
      // Two batches in flight per worker, so it never waits for this thread to take its results and send more.
      await Promise.all([...workers.flatMap((w) => [workerLoop(w), workerLoop(w)]), reader()]);
      await reader();
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    for (const uri of [...this.corpus.uris()]) if (!seen.has(uri) && !this.open.has(uri)) this.corpus.remove(uri);
    progress?.done();
    this.tellTooLarge();
    const routes = twice ? `; ${twice} reached a second time through another workspace folder, indexed once` : '';
    this.connection.console.info(`Indexed ${this.corpus.documentCount()} seed files in ${folders.length} folder(s)${workers.length ? ` on ${workers.length + 1} threads (${byWorkers} by worker threads)` : ''}${routes}.`);
    this.onChanged([...seen]);
  }

  /** Reads and prepares one file into the index (synchronously: one small file costs less so than through the thread pool). */
  private readIntoIndexSync({ uri, file, settings }: Job): CorpusChange | undefined {
    const read = readSeedSync(file, settings.maxFileSizeKB * 1024);
    if (!read.ok) return this.applyResult({ uri, file, reason: read.reason, tooLarge: read.tooLarge, missing: read.missing }, settings);
    return this.applyResult({ uri, file, summary: prepareDocument(new SeedDocument(uri, read.text), settings).summary }, settings);
  }

  /** Puts a read file's summary into the index, or records why it could not be read; returns what that changed in the index. */
  private applyResult(result: IndexResult, settings: Settings): CorpusChange | undefined {
    const { uri, file } = result;
    // Opened in the editor while it was being read: the editor's text wins.
    if (this.open.has(uri)) return undefined;
    if ('summary' in result) return this.corpus.set(uri, result.summary);
    const removed = this.corpus.remove(uri);
    // A file deleted meanwhile (closed after a delete or a rename) is simply gone, not unreadable.
    if (result.missing) return removed;
    if (result.tooLarge) this.tooLarge.push({ file, limitKB: settings.maxFileSizeKB });
    this.problems.unshift(`${file}: ${result.reason}`);
    this.problems.length = Math.min(this.problems.length, 20);
    return removed;
  }

  /** A folder or file the walk could not take: logged, and listed with the unreadable files (once). */
  private walkProblem(problem: string): void {
    this.connection.console.warn(`Corpus Lens: ${problem}`);
    if (this.problems.includes(problem)) return;
    this.problems.unshift(problem);
    this.problems.length = Math.min(this.problems.length, 20);
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
    const changes: CorpusChange[] = [];
    for (const event of events) {
      if (this.open.has(event.uri)) continue;
      if (event.type === FileChangeType.Deleted) {
        const removed = this.corpus.remove(event.uri);
        if (removed) {
          changed.push(event.uri);
          changes.push(removed);
        }
      } else if (await this.isSeed(event.uri)) {
        const uri = event.uri;
        const change = this.readIntoIndexSync({ uri, file: URI.parse(uri).fsPath, settings: await this.settings.get(uri) });
        if (change) changes.push(change);
        changed.push(event.uri);
      }
    }
    this.tellTooLarge();
    if (changed.length) this.onChanged(changed, changes);
  }

  /** A document closed in the editor: its disk content is the truth again. */
  async closed(uri: string): Promise<void> {
    this.open.delete(uri);
    if (!(await this.isSeed(uri))) return;
    const file = URI.parse(uri).fsPath;
    const change = this.readIntoIndexSync({ uri, file, settings: await this.settings.get(uri) }) ?? this.corpus.remove(uri);
    this.tellTooLarge();
    this.onChanged([uri], change ? [change] : []);
  }
}

/**
 * Worker threads for an index of `files` files: one per spare core, up to
 * MAX_WORKERS, for a large corpus. `CORPUS_LENS_INDEX_THREADS=N` asks for N
 * (0: none), whatever the size: for tests and for tuning.
 */
function workerCount(files: number): number {
  const requested = process.env.CORPUS_LENS_INDEX_THREADS;
  if (requested !== undefined && /^\d+$/.test(requested.trim())) return Math.min(Number(requested), 8, files);
  return files >= PARALLEL_MIN_FILES ? Math.max(0, Math.min(MAX_WORKERS, availableParallelism() - 1)) : 0;
}

/**
 * Worker threads for the start-up index (dist/indexWorker.js beside this
 * bundle). None when they cannot start: this thread then reads everything.
 */
function startWorkers(count: number): Worker[] {
  const workers: Worker[] = [];
  for (let k = 0; k < count; k++) {
    try {
      const worker = new Worker(path.join(__dirname, 'indexWorker.js'));
      // Failures are handled per batch (`exchange`); an idle worker's must not take the server down, and a
      // worker gone between two batches must not be waited for.
      worker.on('error', () => dead.add(worker));
      worker.on('exit', () => dead.add(worker));
      workers.push(worker);
    } catch {
      break;
    }
  }
  return workers;
}

/** Workers that failed or exited. */
const dead = new WeakSet<Worker>();

/** Sends a batch and waits for its reply; undefined when the worker fails or exits first (or already has). */
function exchange(worker: Worker, batch: IndexBatch): Promise<IndexReply | undefined> {
  if (dead.has(worker)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const done = (reply: IndexReply | undefined) => {
      worker.off('message', onMessage);
      worker.off('error', onFailure);
      worker.off('exit', onFailure);
      resolve(reply);
    };
    const onMessage = (m: IndexReply & { error?: string }) => {
      if (m.id === batch.id) done(m.error === undefined && Array.isArray(m.results) ? m : undefined);
    };
    const onFailure = () => done(undefined);
    worker.on('message', onMessage);
    worker.on('error', onFailure);
    worker.on('exit', onFailure);
    worker.postMessage(batch);
  });
}
