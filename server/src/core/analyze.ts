import { scanAndExtractClaims } from './claims/extract';
import { lexiconFor } from './claims/lexicon/compile';
import type { Claim } from './claims/types';
import { summarize, type CorpusView, type DocumentSummary } from './corpus';
import { RecordingCorpus, type CorpusFacts } from './corpusFacts';
import { scanNumbers, type NumberToken } from './numbers/scanner';
import type { Figure } from './numbers/words';
import { FindingCollector, type OmittedFindings } from './findingCap';
import { RULES } from './rules';
import type { Report, Rule, RuleContext } from './rules/rule';
import type { Settings } from './settings';
import { SeedDocument } from './text';
import type { CancellationLike, Family, Finding, Logger, Severity, SeverityLevel } from './types';
import { silentLogger } from './types';

export interface AnalysisOptions {
  /** Only run rules of these families (the CLI's `--only`). */
  families?: readonly Family[];
  /** Only run rules that offer fixes (`Rule.fixable`): what a fix pass needs, without the corpus-wide judgements. */
  fixableOnly?: boolean;
  token?: CancellationLike;
  logger?: Logger;
  /** Keep only the first this many findings (in document order) and count the rest in `omitted`; default: all. */
  maxFindings?: number;
}

/**
 * The corpus-independent part of an analysis: the document scanned once and
 * what it contributes to the corpus index. Indexing a file costs exactly
 * this; the rules then run over it without scanning again.
 */
export interface PreparedDocument {
  doc: SeedDocument;
  numbers: readonly NumberToken[];
  /** Every figure (numbers in digits or words, with their kind), read once from `numbers`. */
  figures: readonly Figure[];
  /** The document's claims (domain.md, Claims), in text order. */
  claims: readonly Claim[];
  /** What the document contributes to the corpus index. */
  summary: DocumentSummary;
}

/** Everything one analysis of one document produced. */
export interface DocumentAnalysis extends PreparedDocument {
  uri: string;
  version: number;
  findings: Finding[];
  /** The findings past `AnalysisOptions.maxFindings`, counted, not kept. */
  omitted?: OmittedFindings;
  /** What the rules read of the corpus: the findings hold while none of it changes (`CorpusChange.affects`). */
  facts: CorpusFacts;
}

/**
 * Scans a document once and reads its figures and claims. `settings` brings
 * the user's claims lexicon (the defaults without it). A failure in claim
 * extraction is logged and leaves the document without claims: the rules
 * still run.
 */
export function prepareDocument(doc: SeedDocument, settings?: Pick<Settings, 'claimsLexicon'>, logger: Logger = silentLogger): PreparedDocument {
  let numbers: NumberToken[] | undefined;
  let extraction: { figures: readonly Figure[]; claims: readonly Claim[] } = { figures: [], claims: [] };
  try {
    // The scanner's numbers are read in the tokenizing pass: the text is walked once.
    const read = scanAndExtractClaims(doc, lexiconFor(settings?.claimsLexicon));
    numbers = read.numbers;
    extraction = { figures: read.figures, claims: read.claims };
  } catch (err) {
    logger.error(`claim extraction failed on ${doc.uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  }
  numbers ??= scanNumbers(doc.text);
  return { doc, numbers, ...extraction, summary: summarize(doc, numbers, extraction.claims) };
}

/**
 * A document known only through its index summary (a closed file): no text,
 * but its claims, which is all the corpus-wide figures rules look at.
 */
export function indexedOnly(uri: string, summary: DocumentSummary): PreparedDocument {
  return { doc: new SeedDocument(uri, ''), numbers: [], figures: [], claims: summary.claims, summary };
}

/** The severity a rule runs at under the settings, or `off`. */
export function effectiveSeverity(rule: Rule, settings: Settings): SeverityLevel {
  const own = settings.rules[rule.id];
  if (own) return own;
  const family = settings.severity[rule.family];
  return family === 'default' ? rule.defaultSeverity : family;
}

/**
 * Scans the document once and runs every enabled rule over the shared
 * result. A rule that throws is logged and skipped: one bad rule or document
 * never takes the others down.
 */
export function analyzeDocument(
  input: SeedDocument | PreparedDocument,
  corpus: CorpusView,
  settings: Settings,
  options: AnalysisOptions = {},
): DocumentAnalysis {
  const logger = options.logger ?? silentLogger;
  const prepared = input instanceof SeedDocument ? prepareDocument(input, settings, logger) : input;
  const { doc, numbers } = prepared;
  const findings = new FindingCollector(options.maxFindings);
  const memo = new Map<string, unknown>();
  const reads = new RecordingCorpus(corpus);
  const severities = new Map<string, Severity>();
  for (const rule of RULES) {
    if (options.families && !options.families.includes(rule.family)) continue;
    if (options.fixableOnly && !rule.fixable) continue;
    const level = effectiveSeverity(rule, settings);
    if (level !== 'off') severities.set(rule.id, level);
  }

  let current: Rule | undefined;
  const ctx: RuleContext = {
    doc,
    corpus: reads,
    settings,
    token: options.token,
    rules: RULES,
    numbers: () => numbers,
    shared<T>(key: string, compute: () => T): T {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    isEnabled: (id) => severities.has(id),
    report(report: Report) {
      const rule = current!;
      const range = report.range !== undefined ? report.range : doc.range(report.start, report.end);
      findings.push({
        rule: rule.id,
        severity: severities.get(rule.id)!,
        message: report.message,
        range,
        fix: report.fix && {
          title: report.fix.title,
          // Most fixes rewrite exactly what they report: one range object for both (ranges are never changed in place).
          edits: report.fix.edits.map((e) => ({ range: report.range === undefined && e.start === report.start && e.end === report.end ? range : doc.range(e.start, e.end), newText: e.newText })),
        },
        related: report.related,
        data: report.data,
      });
    },
  };

  if (settings.enable) {
    for (const rule of RULES) {
      if (!severities.has(rule.id)) continue;
      if (options.token?.isCancellationRequested) break;
      current = rule;
      try {
        rule.check(ctx);
      } catch (err) {
        logger.error(`rule ${rule.id} failed on ${doc.uri}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      }
    }
  }
  return { ...prepared, uri: doc.uri, version: doc.version, ...findings.done(), facts: reads.facts };
}

/**
 * All fixes of a set of findings that can be applied together: sorted, and
 * a fix whose edits overlap an earlier accepted one is left for a later pass.
 */
export function compatibleFixes(findings: readonly Finding[], doc: SeedDocument): Finding[] {
  const withFix = findings.filter((f) => f.fix && f.fix.edits.length > 0);
  const spans = withFix.map((f) => {
    const offsets = f.fix!.edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)]);
    let start = Infinity;
    let end = -Infinity;
    for (const [s, e] of offsets) {
      if (s < start) start = s;
      if (e > end) end = e;
    }
    return { f, start, end };
  });
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: Finding[] = [];
  let last = -1;
  for (const s of spans) {
    if (s.start < last || (s.start === last && s.end === last)) continue;
    accepted.push(s.f);
    last = Math.max(last, s.end);
  }
  return accepted;
}
