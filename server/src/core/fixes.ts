import { analyzeDocument, compatibleFixes, prepareDocument, type AnalysisOptions, type PreparedDocument } from './analyze';
import type { CorpusIndex } from './corpus';
import { composePasses, type FixPass, type PlannedEdit } from './fixPasses';
import { findRule } from './rules';
import type { Settings } from './settings';
import { applyEdits, SeedDocument } from './text';
import type { Finding, Range } from './types';

/** Deletions can uncover more (two blank-line runs joining): a few passes reach the fixed point. */
const MAX_PASSES = 10;

export interface FixOptions extends AnalysisOptions {
  /** Keep each pass's text and fixes, for `FixResult.edits` (a dry run): it holds a copy of the text per pass. */
  record?: boolean;
}

export interface FixResult {
  prepared: PreparedDocument;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after the last pass, every rule's: analysed when first read (the passes run only fixable rules), against the corpus as it is then. */
  readonly remaining: Finding[];
  /** With `record`: every change of every pass, in the original text's coordinates (see `composePasses`). */
  readonly edits?: PlannedEdit[];
}

/**
 * Applies every compatible fix of the selected families until none is left.
 * Every pass decides against `corpus` as given, which this never changes: a
 * whole-corpus fix decides each file against the corpus before any fix (a
 * line repeated in four files is boilerplate in all four, however many are
 * fixed first) and updates the index afterwards (`CorpusFix`). The CLI's
 * `fix` and the server's whole-corpus fix both run this.
 */
export function fixDocument(
  prepared: PreparedDocument,
  corpus: CorpusIndex,
  settings: Settings,
  options: FixOptions = {},
): FixResult {
  let applied = 0;
  const passes: FixPass[] = [];
  // Passes need fixes only: rules without any (the figures judged across the corpus) wait for `remaining`.
  const passOptions = { ...options, fixableOnly: true };
  let analysis = analyzeDocument(prepared, corpus, settings, passOptions);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = compatibleFixes(analysis.findings, prepared.doc);
    if (!fixes.length) break;
    if (options.record) passes.push({ doc: prepared.doc, fixes });
    const text = applyEdits(prepared.doc, fixes.flatMap((f) => f.fix!.edits));
    applied += fixes.length;
    prepared = prepareDocument(new SeedDocument(prepared.doc.uri, text, prepared.doc.version + 1), settings, options.logger);
    analysis = analyzeDocument(prepared, corpus, settings, passOptions);
  }
  const final = prepared;
  let remaining: Finding[] | undefined;
  let edits: PlannedEdit[] | undefined;
  return {
    prepared: final,
    applied,
    get remaining() {
      return (remaining ??= analyzeDocument(final, corpus, settings, options).findings);
    },
    get edits() {
      return options.record ? (edits ??= composePasses(passes)) : undefined;
    },
  };
}

/**
 * The findings whose fixes may run unattended on save (`source.fixAll`):
 * those of rules without a `fixOnSave` setting, and of rules whose setting is on.
 */
export function fixableOnSave(findings: readonly Finding[], settings: Settings): Finding[] {
  return findings.filter((f) => {
    if (!f.fix) return false;
    const gate = findRule(f.rule)?.fixOnSave;
    return gate === undefined || settings[gate];
  });
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(doc: SeedDocument, after: string): { range: Range; newText: string } {
  const before = doc.text;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: doc.range(start, before.length - end), newText: after.slice(start, after.length - end) };
}
