/**
 * The command-line front end: `check` and `fix` over files and folders, on
 * the same core as the language server. Output formats and exit codes are a
 * contract (docs in README.md; JSON shape in domain.md).
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkCorpus, conflictsOf, FAMILIES, fixCorpus, loadCorpus, normalizeSettings, type CorpusFixOutcome, type DocumentAnalysis, type Family, type LoadedCorpus, type Settings } from '../core';
import { pushAll } from '../core/arrays';
import { configFileIn, layerSettings, readConfigFile } from '../node/config';
import { cleanStaleTemps } from '../node/files';
import { besidePath, SKIPPED_FOLDERS, type FsPath } from '../node/walk';
import { VERSION } from '../version';
import { analysisCounts, countsFail, DEFAULT_MAX_FINDINGS, formatText, summaryLine, type SeverityCounts } from './format';
import { ChunkedWriter, serializeItem, writeJson, type OutputSink } from './jsonStream';
import { expandPaths } from './paths';
import { parallelCheck, threadsFor, type ParallelFile } from './parallel';
import { toJsonConflicts, toJsonReport, type StoryLookup } from './report';
import { FileWorkspace, type FileDocument } from './workspace';

export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  /**
   * Optional: where reports (`check`'s findings, `fix --dry-run`'s changes)
   * go instead of `stdout`, in chunks of about a megabyte, as UTF-8 bytes
   * when the sink takes them, waiting when it says it is behind, and
   * settled before the command returns.
   */
  output?: OutputSink;
  /** Output goes to a terminal: written as each file is done, not in chunks (someone is reading it as it comes). */
  interactive?: boolean;
  stderr: (text: string) => void;
  /**
   * A module that runs `runCheckWorker` (the bundled CLI itself): with it, a
   * `check` of many files runs on worker threads (cli/parallel.ts).
   */
  workerScript?: string;
  /** Threads for `check`, this one included (default and below 2: one thread; see cli/parallel.ts). */
  threads?: number;
  /**
   * Optional: the bytes of those `argv` entries that are not valid UTF-8
   * (same index; a Node string has already replaced their bad bytes), so a
   * file named so can still be opened.
   */
  argvBytes?: readonly (Buffer | undefined)[];
}

export const USAGE = `Usage: corpus-lens <command> [paths...] [options]

Commands:
  check [paths...]   Report findings (default path: seeds)
  fix [paths...]     Apply every available fix, writing files atomically

Options:
  --format text|json        Output format for check (default: text)
  --only FAMILY[,FAMILY]    Only these rule families: ${FAMILIES.join(', ')}
  --target-style STYLE      Digit style: western, eastern or majority
  --config FILE             Settings file (default: ./.corpuslens.json if present)
  --fail-on error|warning   Lowest severity that makes check exit 1 (default: error)
  --max-findings N          Findings check reports per file, then one line counting the rest (default: ${DEFAULT_MAX_FINDINGS}; 0: all)
  --dry-run                 With fix: show what would change, write nothing
  --force                   With fix: also rewrite read-only files (no write permission for their owner)
  -h, --help                Show this help
  -v, --version             Show the version

Paths are files or folders, searched for .txt and .seed files. The search skips
folders named ${SKIPPED_FOLDERS.join(' and ')} and does not follow symbolic links;
a path named here is always searched. A file reached by two routes is read once.

Exit status: 0 no finding at the fail-on severity, 1 at least one, 2 usage or input errors.
`;

class UsageError extends Error {}

interface Options {
  command: 'check' | 'fix';
  /** As given: a string, or bytes (see `CliIO.argvBytes`). */
  paths: FsPath[];
  format: 'text' | 'json';
  only?: Family[];
  failOn: 'error' | 'warning';
  dryRun: boolean;
  force: boolean;
  targetStyle?: string;
  config?: string;
  /** Per file, for check; undefined: no limit. */
  maxFindings?: number;
}

function parseOptions(argv: string[], argvBytes: CliIO['argvBytes'] = []): Options | 'help' | 'version' {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    tokens: true,
    options: {
      format: { type: 'string' },
      only: { type: 'string' },
      'target-style': { type: 'string' },
      config: { type: 'string' },
      'fail-on': { type: 'string' },
      'max-findings': { type: 'string' },
      'dry-run': { type: 'boolean' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const [command, ...paths] = positionals;
  if (command !== 'check' && command !== 'fix') {
    throw new UsageError(command ? `unknown command "${command}"` : 'missing command (check or fix)');
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
  if (command === 'fix' && values.format) throw new UsageError('--format applies to check only');
  let only: Family[] | undefined;
  if (values.only !== undefined) {
    only = values.only.split(',').map((f) => f.trim()) as Family[];
    const unknown = only.filter((f) => !FAMILIES.includes(f));
    if (unknown.length || !only.length) throw new UsageError(`--only takes families among ${FAMILIES.join(', ')}; got "${values.only}"`);
  }
  const failOn = values['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new UsageError(`--fail-on must be error or warning, not "${failOn}"`);
  const targetStyle = values['target-style'];
  if (targetStyle !== undefined && !['western', 'eastern', 'majority'].includes(targetStyle)) {
    throw new UsageError(`--target-style must be western, eastern or majority, not "${targetStyle}"`);
  }
  if (values['dry-run'] && command !== 'fix') throw new UsageError('--dry-run applies to fix only');
  if (values.force && command !== 'fix') throw new UsageError('--force applies to fix only');
  // An unset shell variable (`fix "$DIR"`) must not mean the current folder, as path.resolve would make it.
  if (paths.includes('')) throw new UsageError('an empty path argument was given; name a file or folder (. for the current folder)');
  const indexes = tokens.filter((t) => t.kind === 'positional').map((t) => t.index);
  const maxText = values['max-findings'];
  if (maxText !== undefined && command !== 'check') throw new UsageError('--max-findings applies to check only');
  const max = maxText === undefined ? DEFAULT_MAX_FINDINGS : /^\d+$/.test(maxText) ? Number(maxText) : NaN;
  if (!Number.isSafeInteger(max)) throw new UsageError(`--max-findings must be a whole number (0 for all), not "${maxText}"`);
  return {
    command,
    paths: paths.length ? paths.map((p, k) => argvBytes[indexes[k + 1]] ?? p) : ['seeds'],
    format,
    only,
    failOn,
    dryRun: values['dry-run'] ?? false,
    force: values.force ?? false,
    targetStyle,
    config: values.config,
    maxFindings: max === 0 ? undefined : max,
  };
}

async function loadSettings(opts: Options, io: CliIO, errors: string[]): Promise<Settings> {
  const file = opts.config ? path.resolve(io.cwd, opts.config) : configFileIn(io.cwd);
  const config = await readConfigFile(file);
  // A file named on the command line that cannot be read is a usage error; a missing default file is no file.
  if (opts.config && config.missing) throw new UsageError(`--config ${opts.config}: no such file`);
  if (opts.config && config.unreadable) throw new UsageError(`--config ${opts.config}: ${config.unreadable}`);
  pushAll(errors, config.problems);
  const flags: Record<string, unknown> = {};
  if (opts.targetStyle) flags['digits.targetStyle'] = opts.targetStyle;
  const problems: string[] = [];
  const settings = normalizeSettings(layerSettings(config.values, flags), problems);
  pushAll(errors, problems);
  return settings;
}

async function runCheck(opts: Options, io: CliIO, workspace: FileWorkspace, out: ChunkedWriter, loaded: LoadedCorpus<FileDocument>, errors: string[]): Promise<number> {
  const check = checkCorpus(workspace, loaded, { families: opts.only, maxFindings: opts.maxFindings });
  const counts: SeverityCounts = {};
  function* analysed(): Generator<DocumentAnalysis> {
    for (const analysis of check.analyses()) {
      analysisCounts(analysis, counts);
      yield analysis;
    }
  }
  try {
    if (opts.format === 'json') {
      const storyOf = (uri: string) => loaded.corpus.storyOf(uri);
      await writeJson(toJsonReport(VERSION, [], toJsonConflicts(check.conflicts(), storyOf)), out, { key: 'files', items: serializedFiles(analysed(), storyOf) });
      await out.write('\n');
    } else {
      for (const analysis of analysed()) await out.write(formatText([analysis]));
    }
  } finally {
    // What is written stays written, even when an analysis fails.
    await out.end();
  }
  if (opts.format !== 'json') io.stderr(summaryLine(counts, check.documents, errors.length) + '\n');
  if (errors.length) return 2;
  return countsFail(counts, opts.failOn) ? 1 : 0;
}

/** The report's output in chunks of about a megabyte (see `CliIO.output`). */
function stdoutWriter(io: CliIO): ChunkedWriter {
  return new ChunkedWriter(io.output ?? { text: io.stdout }, io.interactive ? 1 : undefined);
}

/** Each analysis as the report's `files` item, serialized as `writeJson` writes it. */
function* serializedFiles(analyses: Iterable<DocumentAnalysis>, storyOf: StoryLookup): Generator<string> {
  for (const analysis of analyses) yield serializeItem(toJsonReport(VERSION, [analysis], [], storyOf).files[0]);
}

/** `check` on worker threads (cli/parallel.ts): the same output, written as files finish. */
async function runParallelCheck(opts: Options, io: CliIO, files: ParallelFile[], threads: number, settings: Settings, errors: string[]): Promise<number> {
  const run = await parallelCheck(io.workerScript!, threads, files, settings, { families: opts.only, format: opts.format, maxFindings: opts.maxFindings });
  for (const e of run.errors) io.stderr(`corpus-lens: ${e}\n`);
  pushAll(errors, run.errors);
  const out = stdoutWriter(io);
  try {
    if (opts.format === 'json') {
      const conflicts = toJsonConflicts(conflictsOf(run.figures, opts.only), (uri) => run.stories.storyOf(uri));
      await writeJson(toJsonReport(VERSION, [], conflicts), out, { key: 'files', items: run.outputs });
      await out.write('\n');
    } else {
      for await (const text of run.outputs) await out.write(text);
    }
  } finally {
    await out.end();
  }
  if (opts.format !== 'json') io.stderr(summaryLine(run.counts, run.files, errors.length) + '\n');
  if (errors.length) return 2;
  return countsFail(run.counts, opts.failOn) ? 1 : 0;
}

async function runFix(opts: Options, io: CliIO, workspace: FileWorkspace, out: ChunkedWriter, loaded: LoadedCorpus<FileDocument>, errors: string[]): Promise<number> {
  let outcome: CorpusFixOutcome;
  try {
    // Nothing reads the corpus again but the check for errors left, and that only when a rule can report one.
    outcome = await fixCorpus(workspace, loaded, { families: opts.only, record: opts.dryRun, commit: false, errorsLeft: true });
  } finally {
    await out.end();
  }
  pushAll(errors, outcome.problems);
  const { fixes, files } = outcome;
  const verb = opts.dryRun ? 'Would fix' : 'Fixed';
  io.stderr(
    `${verb} ${fixes} finding${fixes === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${outcome.documents - files} unchanged)${errors.length ? `; ${errors.length} problem${errors.length === 1 ? '' : 's'} (see above)` : ''}\n`,
  );
  if (errors.length) return 2;
  return outcome.errorsLeft ? 1 : 0;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  let opts: ReturnType<typeof parseOptions>;
  try {
    opts = parseOptions(argv, io.argvBytes);
  } catch (err) {
    io.stderr(`corpus-lens: ${(err as Error).message}\nRun "corpus-lens --help" for usage.\n`);
    return 2;
  }
  if (opts === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if (opts === 'version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const errors: string[] = [];
  let settings: Settings;
  try {
    settings = await loadSettings(opts, io, errors);
  } catch (err) {
    io.stderr(`corpus-lens: ${(err as Error).message}\n`);
    return 2;
  }
  const files = await expandPaths(opts.paths, io.cwd, errors);
  const threads = opts.command === 'check' && io.workerScript ? threadsFor(files.length, io.threads) : 0;
  if (threads > 0) {
    for (const e of errors) io.stderr(`corpus-lens: ${e}\n`);
    return runParallelCheck(opts, io, files, threads, settings, errors);
  }
  // What fixes killed in these folders left goes first, before the files are read (node/write.ts; folders reached through a symlink are cleaned when written).
  if (opts.command === 'fix' && !opts.dryRun) for (const f of files) cleanStaleTemps(besidePath(f.absolute, () => '.'), errors);
  // The report's output, where a dry run's changes go too; only `fix` needs to know whether files changed since they were read.
  const out = stdoutWriter(io);
  const workspace = new FileWorkspace(files, settings, { digest: opts.command === 'fix', dryRun: opts.dryRun, force: opts.force, out });
  let loaded: LoadedCorpus<FileDocument>;
  try {
    loaded = await loadCorpus(workspace);
  } finally {
    await workspace.close();
  }
  pushAll(errors, loaded.problems);
  // Input problems go out first, one line each, so they are not lost below a long report.
  for (const e of errors) io.stderr(`corpus-lens: ${e}\n`);
  const reported = errors.length;
  const code = opts.command === 'check' ? await runCheck(opts, io, workspace, out, loaded, errors) : await runFix(opts, io, workspace, out, loaded, errors);
  for (const e of errors.slice(reported)) io.stderr(`corpus-lens: ${e}\n`);
  return code;
}
