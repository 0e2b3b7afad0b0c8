import type { Claim } from './claims/types';
import { CorpusChange } from './corpusFacts';
import type { FigureReport, Verdict } from './figures/judge';
import { figureIndexOf, indexFigures } from './figureIndex';
import { QuantityIndex } from './figures/quantityIndex';
import { documentLineKeys, lineProfile } from './lines';
import { countStyles, type DigitStyle, type NumberToken } from './numbers/scanner';
import { StoryIndex, type Story } from './stories/storyIndex';
import { storyProfile, type StoryProfile } from './stories/terms';
import type { SeedDocument } from './text';

/**
 * What one document contributes to corpus-wide rules. Computed from a single
 * analysis of the document and kept by the index, so corpus-level answers
 * never re-read or re-scan other documents.
 */
export interface DocumentSummary {
  /** Numbers written entirely in Western digits vs in Eastern/Persian digits. */
  digitStyles: { western: number; eastern: number };
  /**
   * Keys of the document's distinct lines after normalization (`lines.ts`):
   * 53-bit hashes, 8 bytes a line, so 10,000 documents cost a few megabytes.
   */
  lineKeys: readonly number[];
  /** Key of the first line when it is shaped like a headline (the document's title), else 0. */
  titleKey: number;
  /** The document's claims (plain data with copied strings: keeping them never keeps the text alive). */
  claims: readonly Claim[];
  /** What tells its story from others (stories/terms.ts). */
  story: StoryProfile;
}

export function summarize(doc: SeedDocument, numbers: readonly NumberToken[], claims: readonly Claim[] = []): DocumentSummary {
  const story = storyProfile(doc.uri, doc.text, claims.map((c) => c.date), lineProfile(doc).keys);
  return { digitStyles: countStyles(numbers), ...documentLineKeys(doc), claims, story };
}

/**
 * Read-only view of the corpus that rules get; the index implements it.
 * Rules read it through a `RecordingCorpus`, so every question here is a
 * fact an analysis can be told has changed (`CorpusChange`).
 */
export interface CorpusView {
  /** Number of documents in the corpus. */
  documentCount(): number;
  /** The digit style most of the corpus's numbers are written in (the `majority` target style); Western on a tie. */
  digitMajority(): DigitStyle;
  /** How many documents hold a line with this key (`DocumentSummary.lineKeys`). */
  lineDocumentFrequency(key: number): number;
  /** How many documents have this key as their title (`DocumentSummary.titleKey`). */
  titleDocumentFrequency(key: number): number;
  /** The document's figure reports (its claims as the corpus index holds them). */
  figureReports(uri: string): readonly FigureReport[];
  /** What the corpus says about one of those reports; undefined when it agrees with the rest. */
  figureVerdict(report: FigureReport): Verdict | undefined;
}

/**
 * The corpus index: one summary per document, with running totals kept
 * incrementally, so an update costs the size of one summary, not of the corpus.
 */
export class CorpusIndex implements CorpusView {
  private readonly docs = new Map<string, DocumentSummary>();
  private totals = { western: 0, eastern: 0 };
  private readonly lineFrequency = new Map<number, number>();
  private readonly titleFrequency = new Map<number, number>();
  private readonly storyIndex = new StoryIndex((key) => this.lineFrequency.get(key) ?? 0);
  private readonly quantityIndex = new QuantityIndex();
  /**
   * Documents whose reports wait for the first grouping into stories (their
   * story is part of each report's key): filling the index costs no
   * grouping, and the first question about figures groups once.
   */
  private readonly unfiled = new Set<string>();

  /** Figure reports by quantity within a story, with judgements cached per quantity. */
  get figures(): QuantityIndex {
    this.settle();
    return this.quantityIndex;
  }

  /** Adds or replaces a document's summary; returns what that changed of the facts rules read. */
  set(uri: string, summary: DocumentSummary): CorpusChange {
    const majority = this.digitMajority();
    const old = this.removeCounts(uri);
    this.docs.set(uri, summary);
    this.totals.western += summary.digitStyles.western;
    this.totals.eastern += summary.digitStyles.eastern;
    for (const key of summary.lineKeys) this.lineFrequency.set(key, (this.lineFrequency.get(key) ?? 0) + 1);
    if (summary.titleKey) this.titleFrequency.set(summary.titleKey, (this.titleFrequency.get(summary.titleKey) ?? 0) + 1);
    const moved = this.storyIndex.set(uri, summary.story);
    let quantities: Set<string>;
    if (this.storyIndex.live) {
      quantities = indexFigures(this.quantityIndex, uri, summary.claims, this.storyIndex.storyOf(uri).id);
      this.refile(moved, uri, quantities);
    } else {
      this.unfiled.add(uri);
      quantities = new Set();
    }
    return new CorpusChange(uri, old, summary, !old, majority !== this.digitMajority(), quantities);
  }

  /** Takes a document out of the corpus; undefined when it was not in it. */
  remove(uri: string): CorpusChange | undefined {
    const majority = this.digitMajority();
    const old = this.removeCounts(uri);
    if (!old) return undefined;
    this.unfiled.delete(uri);
    const quantities = this.quantityIndex.remove(uri);
    this.refile(this.storyIndex.remove(uri), uri, quantities);
    return new CorpusChange(uri, old, undefined, true, majority !== this.digitMajority(), quantities);
  }

  /** The story the document belongs to (its own when it is alone or unknown). */
  storyOf(uri: string): Story {
    this.settle();
    return this.storyIndex.storyOf(uri);
  }

  /** Every story of the corpus, each once. */
  stories(): Story[] {
    this.settle();
    return this.storyIndex.stories();
  }

  /** Groups the corpus into stories and files the reports that waited for it. */
  private settle(): void {
    if (this.storyIndex.live || !this.unfiled.size) return;
    this.storyIndex.settle();
    for (const uri of this.unfiled) indexFigures(this.quantityIndex, uri, this.docs.get(uri)!.claims, this.storyIndex.storyOf(uri).id);
    this.unfiled.clear();
  }

  /** Files again the reports of documents whose story changed (their keys did), adding the quantities that touched. */
  private refile(moved: Iterable<string>, except: string, quantities: Set<string>): void {
    for (const other of moved) {
      const summary = other === except ? undefined : this.docs.get(other);
      if (!summary) continue;
      for (const q of indexFigures(this.quantityIndex, other, summary.claims, this.storyIndex.storyOf(other).id)) quantities.add(q);
    }
  }

  /** Takes a document's summary out of the totals and frequencies (not its figures: `set` replaces those in place); returns it. */
  private removeCounts(uri: string): DocumentSummary | undefined {
    const old = this.docs.get(uri);
    if (!old) return undefined;
    this.docs.delete(uri);
    this.totals.western -= old.digitStyles.western;
    this.totals.eastern -= old.digitStyles.eastern;
    for (const key of old.lineKeys) decrement(this.lineFrequency, key);
    if (old.titleKey) decrement(this.titleFrequency, old.titleKey);
    return old;
  }

  figureReports(uri: string): readonly FigureReport[] {
    return this.figures.reportsOf(uri);
  }

  figureVerdict(report: FigureReport): Verdict | undefined {
    return this.figures.judgement(report.key).verdicts.get(report);
  }

  has(uri: string): boolean {
    return this.docs.has(uri);
  }

  /** The summary a document contributed (its claims, for workspace symbols and cross-document figures). */
  get(uri: string): DocumentSummary | undefined {
    return this.docs.get(uri);
  }

  uris(): IterableIterator<string> {
    return this.docs.keys();
  }

  documentCount(): number {
    return this.docs.size;
  }

  digitMajority(): DigitStyle {
    return majorityOf(this.totals);
  }

  lineDocumentFrequency(key: number): number {
    return this.lineFrequency.get(key) ?? 0;
  }

  titleDocumentFrequency(key: number): number {
    return this.titleFrequency.get(key) ?? 0;
  }
}

function majorityOf(totals: { western: number; eastern: number }): DigitStyle {
  return totals.eastern > totals.western ? 'eastern' : 'western';
}

function decrement(counts: Map<number, number>, key: number): void {
  const n = (counts.get(key) ?? 0) - 1;
  if (n > 0) counts.set(key, n);
  else counts.delete(key);
}

/** A corpus of one document, for analysing a file on its own: one story. */
export function singleDocumentCorpus(summary: DocumentSummary, uri = ''): CorpusView {
  const lines = new Set(summary.lineKeys);
  const figures = figureIndexOf([[uri, summary]]);
  return {
    figureReports: (u) => figures.reportsOf(u),
    figureVerdict: (report) => figures.judgement(report.key).verdicts.get(report),
    documentCount: () => 1,
    digitMajority: () => majorityOf(summary.digitStyles),
    lineDocumentFrequency: (key) => (lines.has(key) ? 1 : 0),
    titleDocumentFrequency: (key) => (key !== 0 && key === summary.titleKey ? 1 : 0),
  };
}
