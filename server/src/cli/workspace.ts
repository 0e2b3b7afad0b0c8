/**
 * The CLI's workspace for the core's workflows: the files found on the
 * command line, read ahead on a helper thread, and written back atomically
 * (or, in a dry run, shown).
 */
import type { FixResult, FixWorkspace, SeedDocument, Settings, Unreadable, WorkspaceDocument, WriteOutcome } from '../core';
import { ChangedOnDiskError, ReadOnlyError, writeAtomic, type ReadResult } from '../node/files';
import { readSeedsAhead } from '../node/readAhead';
import type { FsPath } from '../node/walk';
import { formatPlannedEdits, readProblem } from './format';
import type { ChunkedWriter } from './jsonStream';
import type { ParallelFile } from './parallel';

/** A seed file as read. */
export interface FileDocument extends WorkspaceDocument {
  /** The path as shown to the user (as given, or relative to the cwd); also the document's uri. */
  readonly uri: string;
  readonly absolute: FsPath;
  readonly bom: boolean;
  /** The digest of the bytes read, for `fix` (`writeAtomic` refuses a file changed since). */
  readonly digest?: string;
}

export interface FileWorkspaceOptions {
  /** Read each file's digest: only `fix` writes files back, so only it needs to know whether they changed meanwhile. */
  digest: boolean;
  /** Show each file's changes on `out` instead of writing it. */
  dryRun?: boolean;
  /** Also rewrite read-only files. */
  force?: boolean;
  /** Where a dry run's changes go. */
  out: ChunkedWriter;
}

export class FileWorkspace implements FixWorkspace<ParallelFile, FileDocument> {
  private reads: AsyncGenerator<ReadResult> | undefined;
  private next = 0;

  constructor(
    private readonly files: readonly ParallelFile[],
    private readonly config: Settings,
    private readonly options: FileWorkspaceOptions,
  ) {}

  list(): readonly ParallelFile[] {
    return this.files;
  }

  settings(): Settings {
    return this.config;
  }

  /** The files are read ahead in `list` order (node/readAhead.ts), as the workflows read them. */
  async read(file: ParallelFile): Promise<FileDocument | Unreadable> {
    if (this.files[this.next] !== file) throw new Error(`${file.display} read out of order`);
    this.next++;
    this.reads ??= readSeedsAhead(
      this.files.map((f) => f.absolute),
      { digest: this.options.digest, maxBytes: this.config.maxFileSizeKB * 1024 },
    );
    const { value: read } = await this.reads.next();
    if (!read) throw new Error(`${file.display} was not read`);
    if (this.next === this.files.length) await this.close();
    if (!read.ok) return { unreadable: true, problem: readProblem(file.display, read, this.config.maxFileSizeKB) };
    return { uri: file.display, text: read.text, version: 0, absolute: file.absolute, bom: read.bom, digest: read.digest };
  }

  /** Stops reading ahead (the helper thread ends); reading the last file does it too. */
  async close(): Promise<void> {
    await this.reads?.return(undefined);
  }

  async write(doc: FileDocument, fixed: FixResult, before: SeedDocument): Promise<WriteOutcome> {
    const text = fixed.prepared.doc.text;
    if (!/\S/.test(text)) {
      // An empty file is refused as input, so writing one would fail the next run: the file is kept, and said.
      return { written: false, problems: [`${doc.uri}: every line is boilerplate; left as is (delete the file if it is not an article)`] };
    }
    if (this.options.dryRun) {
      // Every pass's changes, in the file as it is: later passes delete lines too (blank-line runs a deletion joined).
      await this.options.out.write(formatPlannedEdits(doc.uri, before, fixed.edits!));
      return { written: true };
    }
    const problems: string[] = [];
    try {
      // Never overwrite without checking the file is still what was read.
      if (doc.digest === undefined) throw new Error('read without its digest');
      await writeAtomic(doc.absolute, text, doc.bom, doc.digest, { force: this.options.force, display: doc.uri, problems });
      return { written: true, problems };
    } catch (err) {
      problems.push(err instanceof ChangedOnDiskError || err instanceof ReadOnlyError ? err.message : `${doc.uri}: could not write: ${(err as Error).message}`);
      return { written: false, problems };
    }
  }
}
