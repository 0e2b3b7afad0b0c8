/**
 * Plain data shared by every part of the analysis. Shapes are structurally
 * compatible with LSP types (0-based lines, UTF-16 character offsets) so the
 * server passes them through without conversion, but nothing here imports the
 * protocol: the core stays usable from the CLI and tests.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** A severity as users configure it: `off` disables the rule or family. */
export type SeverityLevel = Severity | 'off';

/** Rule families; a diagnostic code is `family/name` and stays stable once shipped. */
export type Family = 'boilerplate' | 'digits' | 'figures' | 'text';
export const FAMILIES: readonly Family[] = ['boilerplate', 'digits', 'figures', 'text'];

/** One fix: a title and non-overlapping edits to the finding's own document. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Another place that explains a finding (the other side of a conflict, say). */
export interface RelatedLocation {
  /** Document URI (in the server) or path (in the CLI), as the corpus knows it. */
  uri: string;
  range: Range;
  message: string;
}

/**
 * What a rule reports. Everything a code action or hover needs travels with
 * the finding, so handlers never analyse the document again.
 */
export interface Finding {
  /** Rule id, `family/name`. */
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fix?: Fix;
  related?: RelatedLocation[];
  /** Rule-specific extra data (for example the normalized value of a number). */
  data?: Record<string, unknown>;
}

/** Cooperative cancellation, satisfied by the LSP CancellationToken. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** Where the core writes what a person may want to read when something goes wrong. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
