/**
 * Inlay hints: the normalized value beside a number written in words
 * (ثمانية آلاف → 8000), with a scale word (4 آلاف → 4000), or in Eastern
 * digits (١٢,٠٠٠ → 12000), as the `inlayHints.numbers` setting selects.
 * A pure converter from the analysis to LSP inlay hints.
 */
import type { InlayHint, Range } from 'vscode-languageserver';
import type { Figure, InlayHintsNumbers, SeedDocument } from '../core';

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

/** The hint text of a figure, or undefined when it has no value worth showing. */
export function hintLabel(f: Figure): string | undefined {
  switch (f.kind) {
    case 'name':
    case 'code':
      return undefined;
    case 'date':
    case 'time':
      return f.date && !f.date.startsWith('--') ? f.date : undefined;
    case 'percent':
      return `${num(f.value)}%`;
    default: {
      const value = f.vague ? `${num(f.low)}–${num(f.high)}` : num(f.value);
      return f.unit ? `${value} ${f.unit}` : value;
    }
  }
}

function wanted(f: Figure, mode: InlayHintsNumbers): boolean {
  if (mode === 'off') return false;
  if (mode === 'all') return true;
  if (f.written !== 'digits') return true;
  return mode === 'wordsAndEastern' && f.easternDigits;
}

/** `textDocument/inlayHint` for the figures that start inside `range`. */
export function inlayHints(analysis: { figures: readonly Figure[] }, doc: SeedDocument, range: Range, mode: InlayHintsNumbers): InlayHint[] {
  if (mode === 'off') return [];
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (const f of analysis.figures) {
    if (f.start < from || f.start > to || !wanted(f, mode)) continue;
    const label = hintLabel(f);
    if (label === undefined) continue;
    out.push({ position: doc.positionAt(f.end), label, paddingLeft: true, tooltip: `${f.kind}${f.vague ? ' (vague: an interval)' : ''}` });
  }
  return out;
}
