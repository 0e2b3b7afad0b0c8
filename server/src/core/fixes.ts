import { analyzeDocument, compatibleFixes, prepareDocument, type AnalysisOptions, type PreparedDocument } from './analyze';
import type { CorpusIndex } from './corpus';
import { findRule } from './rules';
import type { Settings } from './settings';
import { applyEdits, SeedDocument } from './text';
import type { Finding, Range } from './types';

/** Deletions can uncover more (two blank-line runs joining): a few passes reach the fixed point. */
const MAX_PASSES = 10;

export interface FixResult {
  prepared: PreparedDocument;
  /** Number of fixes applied over all passes. */
  applied: number;
  /** Findings left after the last pass, every rule's: analysed when first read (the passes run only fixable rules). */
  readonly remaining: Finding[];
}

/**
 * Applies every compatible fix of the selected families until none is left,
 * keeping the corpus index current with the document's new text. The CLI's
 * `fix` and the server's whole-corpus fix both run this.
 */
export function fixDocument(
  prepared: PreparedDocument,
  corpus: CorpusIndex,
  settings: Settings,
  options: AnalysisOptions = {},
): FixResult {
  let applied = 0;
  // Passes need fixes only: rules without any (the figures judged across the corpus) wait for `remaining`.
  const passOptions = { ...options, fixableOnly: true };
  let analysis = analyzeDocument(prepared, corpus, settings, passOptions);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = compatibleFixes(analysis.findings, prepared.doc);
    if (!fixes.length) break;
    const text = applyEdits(prepared.doc, fixes.flatMap((f) => f.fix!.edits));
    applied += fixes.length;
    prepared = prepareDocument(new SeedDocument(prepared.doc.uri, text, prepared.doc.version + 1), settings, options.logger);
    corpus.set(prepared.doc.uri, prepared.summary);
    analysis = analyzeDocument(prepared, corpus, settings, passOptions);
  }
  const final = prepared;
  let remaining: Finding[] | undefined;
  return {
    prepared: final,
    applied,
    get remaining() {
      return (remaining ??= analyzeDocument(final, corpus, settings, options).findings);
    },
  };
}

/**
 * The findings whose fixes may run unattended on save (`source.fixAll`):
 * destructive rules (deleting lines) join only when `allowDestructive`
 * says their family's fix-on-save setting allows it.
 */
export function fixableOnSave(findings: readonly Finding[], allowDestructive: (family: string) => boolean): Finding[] {
  return findings.filter((f) => {
    if (!f.fix) return false;
    const rule = findRule(f.rule);
    return !rule?.destructive || allowDestructive(rule.family);
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
