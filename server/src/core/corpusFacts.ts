/**
 * What an analysis read of the corpus, and what an update of the corpus
 * changed, so that a front end re-analyses exactly the documents an update
 * concerns. The reads are recorded where rules ask the corpus (the view they
 * get), never by restating what a rule looks at: a rule that starts reading
 * another fact is tracked with no change here. The model is
 * vscode-markdown-languageservice's `FileLinkState`.
 */
import type { CorpusView, DocumentSummary } from './corpus';
import type { FigureReport, Verdict } from './figures/judge';
import type { DigitStyle } from './numbers/scanner';

/** The corpus facts one analysis read: what its findings depend on besides the document's own text. */
export interface CorpusFacts {
  /** Whether it read the number of documents. */
  readonly documentCount: boolean;
  /** Whether it read the digit-style majority. */
  readonly digitMajority: boolean;
  /** Line keys whose document frequency it read (may repeat). */
  readonly lines: readonly number[];
  /** Title keys whose document frequency it read (may repeat). */
  readonly titles: readonly number[];
  /** Figure quantities (`FigureReport.key`: a quantity in a story) whose judgement it read (may repeat). */
  readonly quantities: readonly string[];
  /** Documents whose figure reports it read. */
  readonly reportsOf: readonly string[];
}

/**
 * A corpus view that passes every question on and notes what was asked.
 * Arrays, not sets: noting a read must cost next to nothing, because the CLI
 * analyses every document through one of these and never looks.
 */
export class RecordingCorpus implements CorpusView {
  private readonly read = {
    documentCount: false,
    digitMajority: false,
    lines: [] as number[],
    titles: [] as number[],
    quantities: [] as string[],
    reportsOf: [] as string[],
  };

  constructor(private readonly corpus: CorpusView) {}

  get facts(): CorpusFacts {
    return this.read;
  }

  documentCount(): number {
    this.read.documentCount = true;
    return this.corpus.documentCount();
  }

  digitMajority(): DigitStyle {
    this.read.digitMajority = true;
    return this.corpus.digitMajority();
  }

  lineDocumentFrequency(key: number): number {
    this.read.lines.push(key);
    return this.corpus.lineDocumentFrequency(key);
  }

  titleDocumentFrequency(key: number): number {
    this.read.titles.push(key);
    return this.corpus.titleDocumentFrequency(key);
  }

  figureReports(uri: string): readonly FigureReport[] {
    this.read.reportsOf.push(uri);
    return this.corpus.figureReports(uri);
  }

  figureVerdict(report: FigureReport): Verdict | undefined {
    this.read.quantities.push(report.key);
    return this.corpus.figureVerdict(report);
  }
}

/**
 * What one `CorpusIndex.set` or `remove` changed. A line or title key
 * changed when its document frequency did, i.e. it is in one of the old and
 * new summaries but not both; those sets are built only when first asked
 * for, so an update nobody inspects (the CLI's) costs nothing more.
 */
export class CorpusChange {
  private lineSet?: ReadonlySet<number>;

  constructor(
    /** The document set or removed. */
    readonly uri: string,
    private readonly before: DocumentSummary | undefined,
    private readonly after: DocumentSummary | undefined,
    /** Whether the number of documents changed (a document added or removed). */
    readonly documentCount: boolean,
    /** Whether the digit-style majority turned. */
    readonly digitMajority: boolean,
    /** Figure quantities whose judgement may have changed. */
    readonly quantities: ReadonlySet<string>,
  ) {}

  /** Line keys whose document frequency changed. */
  lines(): ReadonlySet<number> {
    return (this.lineSet ??= symmetricDifference(this.before?.lineKeys ?? [], this.after?.lineKeys ?? []));
  }

  /** Title keys whose document frequency changed. */
  titles(): ReadonlySet<number> {
    const before = this.before?.titleKey ?? 0;
    const after = this.after?.titleKey ?? 0;
    return before === after ? new Set() : new Set([before, after].filter((k) => k !== 0));
  }

  /** Whether an analysis that read these facts may now come out differently. */
  affects(facts: CorpusFacts): boolean {
    if ((facts.documentCount && this.documentCount) || (facts.digitMajority && this.digitMajority)) return true;
    if (facts.reportsOf.includes(this.uri)) return true;
    if (this.quantities.size && facts.quantities.some((q) => this.quantities.has(q))) return true;
    if (facts.titles.length) {
      const titles = this.titles();
      if (titles.size && facts.titles.some((k) => titles.has(k))) return true;
    }
    if (facts.lines.length && this.before !== this.after) {
      const lines = this.lines();
      if (lines.size && facts.lines.some((k) => lines.has(k))) return true;
    }
    return false;
  }
}

function symmetricDifference(a: readonly number[], b: readonly number[]): Set<number> {
  const inA = new Set(a);
  const out = new Set<number>();
  for (const key of b) if (!inA.delete(key)) out.add(key);
  for (const key of inA) out.add(key);
  return out;
}
