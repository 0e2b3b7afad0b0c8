/**
 * `check` on several threads, opt-in (`CORPUS_LENS_THREADS=N` for the CLI;
 * see `threadsFor` for why it is not the default yet).
 *
 * The corpus index imposes two phases, and the work splits along them:
 *
 * 1. prepare: participants take batches of files on demand (so a slower one
 *    simply takes fewer), read and prepare each, keep the prepared document
 *    and hand back its summary;
 * 2. analyse: every participant gets all the summaries, rebuilds the corpus
 *    index, analyses its own files against it in file order and hands back
 *    each file's output already formatted (a JSON array item or
 *    compiler-style lines) with its severity counts.
 *
 * The main thread is one of the participants (in-process, sharing objects
 * instead of copying them) and writes the outputs in file order as they
 * arrive, so the bytes are those of the one-thread check (a unit test
 * compares them). With N threads there are N-1 worker threads: each thread
 * costs a heap and a copy of the summaries, and memory is a budget too.
 * `fix` stays on one thread: it writes files, and its guarantees are simpler
 * to keep there.
 */
import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { Worker, parentPort } from 'node:worker_threads';
import { analyzeDocument, CorpusIndex, figureIndexOf, prepareDocument, storiesOf, type StoryIndex, SeedDocument, type DocumentSummary, type Family, type PreparedDocument, type QuantityIndex, type Settings } from '../core';
import { readSeedSync } from '../node/files';
import type { FsPath } from '../node/walk';
import { VERSION } from '../version';
import { analysisCounts, formatText, readProblem, type SeverityCounts } from './format';
import { serializeItem } from './jsonStream';
import { toJsonReport } from './report';

const BATCH = 32;

export interface ParallelFile {
  display: string;
  absolute: FsPath;
}

/**
 * How many threads (this one included) a check should use; below 2 it stays
 * on this thread. Opt-in for now: on the bench's 10,000 documents on 2 cores,
 * 2 threads took 9.0 s and 1.3 GB against 8.6 s and 0.8 GB on one
 * (docs/performance.md). Every thread rebuilds the corpus index from its own
 * copy of the summaries, and this thread computes the report's conflict
 * pairs alone while the worker waits. Worth turning on by default once the
 * pairs go to a worker and the corpus index is built once.
 */
export function threadsFor(files: number, requested?: number): number {
  if (requested === undefined || !Number.isFinite(requested) || requested < 2 || files < 2) return 0;
  return Math.min(Math.floor(requested), availableParallelism() * 2, files);
}

type ToWorker =
  | { type: 'prepare'; files: (ParallelFile & { i: number })[]; settings: Settings }
  | { type: 'analyse'; corpus: [string, DocumentSummary][]; settings: Settings; families?: Family[]; format: 'json' | 'text'; maxFindings?: number };

type FromWorker =
  | { type: 'prepared'; results: ({ i: number; summary: DocumentSummary } | { i: number; error: string })[] }
  | { type: 'analysed'; results: { i: number; output: string; counts: SeverityCounts }[] }
  | { type: 'done' }
  | { type: 'failed'; message: string };

/** What phase 1 and 2 need of a participant: a worker thread, or this thread through `LocalParticipant`. */
interface Participant {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  terminate(): Promise<unknown>;
}

/** A participant's replies, queued from one listener so none is missed between two waits. */
function mailbox(p: Participant): () => Promise<FromWorker> {
  const queue: FromWorker[] = [];
  let waiter: ((m: FromWorker) => void) | undefined;
  p.on('message', (m) => {
    if (waiter) {
      const w = waiter;
      waiter = undefined;
      w(m);
    } else queue.push(m);
  });
  return () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise((resolve) => (waiter = resolve)));
}

/** This thread as a participant: the same handler as a worker's, with messages passed by reference. */
class LocalParticipant extends EventEmitter implements Participant {
  private readonly handle = createHandler((m) => this.emit('message', m));
  postMessage(message: ToWorker): void {
    // Asynchronous like a worker's port, so the caller's bookkeeping runs first.
    setImmediate(() => void this.handle(message));
  }
  async terminate(): Promise<void> {}
}

export interface ParallelCheckResult {
  /** Input problems, one line each, in file order. */
  errors: string[];
  /** Files analysed. */
  files: number;
  /** Per-file outputs in file order, as they become ready. */
  outputs: AsyncIterable<string>;
  /** Severity counts over all files; complete once `outputs` is exhausted. */
  counts: SeverityCounts;
  /** The corpus's figure reports, judged on this thread for the report's `conflicts`. */
  figures: QuantityIndex;
  /** The stories the figures were grouped by. */
  stories: StoryIndex;
}

/**
 * Runs phase 1 on this thread and `threads - 1` workers started from
 * `workerScript` (a module that calls `runCheckWorker`), then starts phase 2
 * and returns the outputs to iterate. Workers end when the outputs are
 * exhausted or the check fails.
 */
export async function parallelCheck(
  workerScript: string,
  threads: number,
  files: readonly ParallelFile[],
  settings: Settings,
  options: { families?: Family[]; format: 'json' | 'text'; maxFindings?: number },
): Promise<ParallelCheckResult> {
  const workers = Array.from({ length: Math.max(1, threads - 1) }, () => new Worker(workerScript));
  const participants: Participant[] = [new LocalParticipant(), ...workers];
  const terminate = () => Promise.all(participants.map((p) => p.terminate()));
  let failed: unknown;
  let wake: (() => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    for (const w of workers) {
      w.on('error', reject);
      w.on('exit', (code) => code !== 0 && reject(new Error(`a worker thread exited with code ${code}`)));
    }
  });
  failure.catch((err: unknown) => {
    failed ??= err;
    wake?.();
  });
  const mailboxes = new Map(participants.map((p) => [p, mailbox(p)]));
  const receive = (p: Participant) =>
    Promise.race([failure, mailboxes.get(p)!()]).then((m) => {
      if (m.type === 'failed') throw new Error(m.message);
      return m;
    });

  try {
    // Phase 1: batches on demand, two outstanding per participant so a worker never
    // waits for this thread (busy with its own batch) to hand out the next one.
    const summaries = new Array<DocumentSummary | undefined>(files.length);
    const problems = new Array<string | undefined>(files.length);
    let next = 0;
    await Promise.all(
      participants.map(async (p) => {
        let outstanding = 0;
        const give = () => {
          if (next >= files.length) return;
          const batch = files.slice(next, next + BATCH).map((f, k) => ({ ...f, i: next + k }));
          next += batch.length;
          p.postMessage({ type: 'prepare', files: batch, settings });
          outstanding++;
        };
        give();
        give();
        while (outstanding > 0) {
          const reply = await receive(p);
          outstanding--;
          if (reply.type !== 'prepared') throw new Error(`unexpected ${reply.type} from a worker`);
          for (const r of reply.results) {
            if ('error' in r) problems[r.i] = r.error;
            else summaries[r.i] = r.summary;
          }
          give();
        }
      }),
    );
    const corpus: [string, DocumentSummary][] = [];
    for (let i = 0; i < files.length; i++) {
      const summary = summaries[i];
      if (summary) corpus.push([files[i].display, summary]);
    }
    const stories = storiesOf(corpus);
    const figures = figureIndexOf(corpus, stories);
    const errors = problems.filter((p): p is string => p !== undefined);
    const readable = summaries.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);

    // Phase 2: every participant analyses what it prepared; outputs are put back in file order here.
    const counts: SeverityCounts = {};
    const ready = new Map<number, string>();
    let finished = 0;
    for (const p of participants) {
      p.postMessage({ type: 'analyse', corpus, settings, families: options.families, format: options.format, maxFindings: options.maxFindings });
      void (async () => {
        try {
          for (;;) {
            const m = await receive(p);
            if (m.type === 'analysed') {
              for (const r of m.results) {
                ready.set(r.i, r.output);
                for (const [severity, n] of Object.entries(r.counts)) counts[severity] = (counts[severity] ?? 0) + n;
              }
            }
            wake?.();
            if (m.type === 'done') {
              finished++;
              wake?.();
              return;
            }
          }
        } catch (err) {
          failed ??= err;
          wake?.();
        }
      })();
    }
    async function* outputs(): AsyncGenerator<string> {
      try {
        for (const i of readable) {
          while (!ready.has(i)) {
            if (failed) throw failed;
            if (finished === participants.length) throw new Error(`no output for ${files[i].display}`);
            await new Promise<void>((resolve) => (wake = resolve));
          }
          const output = ready.get(i)!;
          ready.delete(i);
          yield output;
        }
      } finally {
        await terminate();
      }
    }
    return { errors, files: readable.length, outputs: outputs(), counts, figures, stories };
  } catch (err) {
    await terminate();
    throw err;
  }
}

/** The worker thread's side: answers `prepare` and `analyse` messages until terminated. */
export function runCheckWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runCheckWorker runs in a worker thread');
  const handle = createHandler((m) => port.postMessage(m));
  port.on('message', (m: ToWorker) => void handle(m));
}

/** A participant's message handler; it keeps the documents it prepared until it has analysed them. */
function createHandler(post: (message: FromWorker) => void): (message: ToWorker) => Promise<void> {
  const prepared = new Map<number, PreparedDocument>();

  async function prepare(m: Extract<ToWorker, { type: 'prepare' }>): Promise<void> {
    const results: Extract<FromWorker, { type: 'prepared' }>['results'] = [];
    // Synchronous reads: a tenth of the asynchronous calls' cost for small files, and a participant has nothing else to do meanwhile.
    for (const f of m.files) {
      const read = readSeedSync(f.absolute, m.settings.maxFileSizeKB * 1024);
      if (!read.ok) {
        results.push({ i: f.i, error: readProblem(f.display, read, m.settings.maxFileSizeKB) });
        continue;
      }
      const p = prepareDocument(new SeedDocument(f.display, read.text), m.settings);
      prepared.set(f.i, p);
      results.push({ i: f.i, summary: p.summary });
    }
    post({ type: 'prepared', results });
  }

  async function analyse(m: Extract<ToWorker, { type: 'analyse' }>): Promise<void> {
    const index = new CorpusIndex();
    for (const [uri, summary] of m.corpus) index.set(uri, summary);
    let batch: Extract<FromWorker, { type: 'analysed' }>['results'] = [];
    for (const i of [...prepared.keys()].sort((a, b) => a - b)) {
      const analysis = analyzeDocument(prepared.get(i)!, index, m.settings, { families: m.families, maxFindings: m.maxFindings });
      prepared.delete(i);
      const output = m.format === 'json' ? serializeItem(toJsonReport(VERSION, [analysis], [], (uri) => index.storyOf(uri)).files[0]) : formatText([analysis]);
      batch.push({ i, output, counts: analysisCounts(analysis) });
      if (batch.length >= 16) {
        post({ type: 'analysed', results: batch });
        batch = [];
        // Let the main thread write what is ready (when this participant is the main thread).
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (batch.length) post({ type: 'analysed', results: batch });
    post({ type: 'done' });
  }

  return async (m) => {
    try {
      await (m.type === 'prepare' ? prepare(m) : analyse(m));
    } catch (err) {
      post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    }
  };
}
