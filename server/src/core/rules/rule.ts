import type { CorpusView } from '../corpus';
import type { NumberToken } from '../numbers/scanner';
import type { Settings } from '../settings';
import type { SeedDocument } from '../text';
import type { CancellationLike, Family, Range, RelatedLocation, Severity } from '../types';

/** An edit in offsets of the rule's own document. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

/** What a rule reports; the context turns offsets into ranges and adds id and severity. */
export type Report = ReportPlace & {
  message: string;
  fix?: { title: string; edits: OffsetEdit[] };
  related?: RelatedLocation[];
  data?: Record<string, unknown>;
};

/**
 * Where a finding sits: offsets in the document, or a range given directly
 * (figures judged from the corpus index carry ranges, not offsets).
 */
export type ReportPlace = { start: number; end: number; range?: undefined } | { range: Range; start?: undefined; end?: undefined };

/** Everything a rule may look at, shared by all rules of one analysis. */
export interface RuleContext {
  readonly doc: SeedDocument;
  readonly corpus: CorpusView;
  readonly settings: Settings;
  readonly token?: CancellationLike;
  /** The document's numbers, scanned once per analysis. */
  numbers(): readonly NumberToken[];
  /** Per-analysis memo for data several rules derive from the document. */
  shared<T>(key: string, compute: () => T): T;
  /**
   * Every rule of the registry, in its order, enabled or not: a family that
   * judges its rules together (the first of its rules to claim a line or a
   * number reports it) reads its order here.
   */
  readonly rules: readonly Rule[];
  /** Whether a rule runs in this analysis (family and rule severity not `off`, family selected). */
  isEnabled(ruleId: string): boolean;
  report(report: Report): void;
}

/** The settings that are switches. */
export type BooleanSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings];

/**
 * A rule: uniform metadata and one function. The registry (`rules/index.ts`)
 * lists every rule; settings, docs and the CLI's `--only` come from it.
 */
export interface Rule {
  /** `family/name`; the diagnostic code. Stable once shipped. */
  readonly id: string;
  readonly family: Family;
  /** One sentence for docs and the README's rule table. */
  readonly description: string;
  readonly tags: readonly string[];
  /** Severity when neither the family nor the rule is configured otherwise. */
  readonly defaultSeverity: Severity;
  /** Whether its findings carry a fix. */
  readonly fixable: boolean;
  /** Fixes that delete text (the docs' rule table says so). */
  readonly destructive?: boolean;
  /**
   * The boolean setting that lets its fixes join `source.fixAll` (fix on
   * save); without one they always do. Rules whose fixes delete text name one.
   */
  readonly fixOnSave?: BooleanSetting;
  check(ctx: RuleContext): void;
}
